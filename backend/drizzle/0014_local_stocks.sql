CREATE TABLE "local_stock_devices" (
	"device_id" uuid PRIMARY KEY NOT NULL,
	"stock_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "local_stock_items" (
	"stock_id" uuid NOT NULL,
	"supply_model_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"minimum" integer NOT NULL,
	"target" integer NOT NULL,
	"low_noticed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "local_stock_items_stock_id_supply_model_id_pk" PRIMARY KEY("stock_id","supply_model_id"),
	CONSTRAINT "local_stock_items_quantity" CHECK ("local_stock_items"."quantity" >= 0 and "local_stock_items"."minimum" >= 0 and "local_stock_items"."target" >= 0)
);
--> statement-breakpoint
CREATE TABLE "local_stock_movements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stock_id" uuid NOT NULL,
	"supply_model_id" uuid NOT NULL,
	"delta" integer NOT NULL,
	"reason" text NOT NULL,
	"device_id" uuid,
	"replenishment_id" uuid,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "local_stock_movements_reason" CHECK ("local_stock_movements"."reason" in ('count', 'replenishment', 'replacement'))
);
--> statement-breakpoint
CREATE TABLE "local_stocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"name" text NOT NULL,
	"manager_coordinator_id" uuid,
	"manager_email" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stock_replenishment_lines" (
	"replenishment_id" uuid NOT NULL,
	"supply_model_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "stock_replenishment_lines_replenishment_id_supply_model_id_pk" PRIMARY KEY("replenishment_id","supply_model_id"),
	CONSTRAINT "stock_replenishment_lines_quantity" CHECK ("stock_replenishment_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "stock_replenishments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"stock_id" uuid NOT NULL,
	"code" text NOT NULL,
	"status" text NOT NULL,
	"carrier_id" uuid,
	"tracking_number" text,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"shipped_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stock_replenishments_status" CHECK ("stock_replenishments"."status" in ('new', 'shipped', 'received', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "local_stock_devices" ADD CONSTRAINT "local_stock_devices_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "local_stock_devices" ADD CONSTRAINT "local_stock_devices_stock_id_local_stocks_id_fk" FOREIGN KEY ("stock_id") REFERENCES "public"."local_stocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "local_stock_items" ADD CONSTRAINT "local_stock_items_stock_id_local_stocks_id_fk" FOREIGN KEY ("stock_id") REFERENCES "public"."local_stocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "local_stock_items" ADD CONSTRAINT "local_stock_items_supply_model_id_supply_models_id_fk" FOREIGN KEY ("supply_model_id") REFERENCES "public"."supply_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "local_stock_movements" ADD CONSTRAINT "local_stock_movements_stock_id_local_stocks_id_fk" FOREIGN KEY ("stock_id") REFERENCES "public"."local_stocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "local_stock_movements" ADD CONSTRAINT "local_stock_movements_supply_model_id_supply_models_id_fk" FOREIGN KEY ("supply_model_id") REFERENCES "public"."supply_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "local_stock_movements" ADD CONSTRAINT "local_stock_movements_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "local_stocks" ADD CONSTRAINT "local_stocks_partner_id_customer_id_customers_partner_id_id_fk" FOREIGN KEY ("partner_id","customer_id") REFERENCES "public"."customers"("partner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "local_stocks" ADD CONSTRAINT "local_stocks_partner_id_site_id_sites_partner_id_id_fk" FOREIGN KEY ("partner_id","site_id") REFERENCES "public"."sites"("partner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "local_stocks" ADD CONSTRAINT "local_stocks_partner_id_manager_coordinator_id_coordinators_partner_id_id_fk" FOREIGN KEY ("partner_id","manager_coordinator_id") REFERENCES "public"."coordinators"("partner_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_replenishment_lines" ADD CONSTRAINT "stock_replenishment_lines_replenishment_id_stock_replenishments_id_fk" FOREIGN KEY ("replenishment_id") REFERENCES "public"."stock_replenishments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_replenishment_lines" ADD CONSTRAINT "stock_replenishment_lines_supply_model_id_supply_models_id_fk" FOREIGN KEY ("supply_model_id") REFERENCES "public"."supply_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_replenishments" ADD CONSTRAINT "stock_replenishments_stock_id_local_stocks_id_fk" FOREIGN KEY ("stock_id") REFERENCES "public"."local_stocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_replenishments" ADD CONSTRAINT "stock_replenishments_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "local_stock_devices_stock" ON "local_stock_devices" USING btree ("stock_id");--> statement-breakpoint
CREATE INDEX "local_stock_movements_stock" ON "local_stock_movements" USING btree ("stock_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "local_stocks_name" ON "local_stocks" USING btree ("site_id",lower("name"));--> statement-breakpoint
CREATE INDEX "local_stocks_partner" ON "local_stocks" USING btree ("partner_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stock_replenishments_code" ON "stock_replenishments" USING btree ("partner_id","code");--> statement-breakpoint
CREATE INDEX "stock_replenishments_stock" ON "stock_replenishments" USING btree ("stock_id","created_at");