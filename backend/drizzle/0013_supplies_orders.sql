CREATE TABLE "carriers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"tracking_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "order_configs" (
	"partner_id" uuid NOT NULL,
	"level" text NOT NULL,
	"target_id" uuid NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "order_configs_level" CHECK ("order_configs"."level" in ('dealer', 'customer', 'device'))
);
--> statement-breakpoint
CREATE TABLE "order_routes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"filters" jsonb NOT NULL,
	"recipients" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suppliers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supply_alarms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"supply_index" text NOT NULL,
	"code" text NOT NULL,
	"params" jsonb NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid
);
--> statement-breakpoint
CREATE TABLE "supply_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"part_number" text,
	"kind" text,
	"colour" text NOT NULL,
	"rated_yield" integer,
	"dealer_reference" text,
	"price" numeric(12, 2),
	"supplier_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "supply_models_rated_yield" CHECK ("supply_models"."rated_yield" is null or "supply_models"."rated_yield" > 0)
);
--> statement-breakpoint
CREATE TABLE "supply_order_numbers" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"next" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supply_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"code" text,
	"supply_index" text NOT NULL,
	"supply_model_id" uuid,
	"kind" text NOT NULL,
	"colour" text NOT NULL,
	"supply_name" text NOT NULL,
	"part_number" text,
	"status" text NOT NULL,
	"trigger" text NOT NULL,
	"held_back" text,
	"held_back_params" jsonb,
	"percent_at_order" real,
	"p50_days" real,
	"p90_days" real,
	"ordered_part_number" text,
	"carrier_id" uuid,
	"tracking_number" text,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"notified_at" timestamp with time zone,
	"shipped_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"replaced_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "supply_orders_status" CHECK ("supply_orders"."status" in ('new', 'shipped', 'to_replace', 'replaced', 'cancelled')),
	CONSTRAINT "supply_orders_trigger" CHECK ("supply_orders"."trigger" in ('level', 'proactive', 'manual'))
);
--> statement-breakpoint
ALTER TABLE "device_supplies" ADD COLUMN "part_number" text;--> statement-breakpoint
ALTER TABLE "device_supplies" ADD COLUMN "serial" text;--> statement-breakpoint
ALTER TABLE "device_supplies" ADD COLUMN "supply_model_id" uuid;--> statement-breakpoint
ALTER TABLE "device_supply_levels" ADD COLUMN "serial" text;--> statement-breakpoint
ALTER TABLE "supply_replacements" ADD COLUMN "detected_by" text DEFAULT 'technician' NOT NULL;--> statement-breakpoint
ALTER TABLE "supply_replacements" ADD COLUMN "order_id" uuid;--> statement-breakpoint
ALTER TABLE "carriers" ADD CONSTRAINT "carriers_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_configs" ADD CONSTRAINT "order_configs_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_routes" ADD CONSTRAINT "order_routes_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suppliers" ADD CONSTRAINT "suppliers_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_alarms" ADD CONSTRAINT "supply_alarms_partner_id_device_id_devices_partner_id_id_fk" FOREIGN KEY ("partner_id","device_id") REFERENCES "public"."devices"("partner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_models" ADD CONSTRAINT "supply_models_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_models" ADD CONSTRAINT "supply_models_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_order_numbers" ADD CONSTRAINT "supply_order_numbers_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_orders" ADD CONSTRAINT "supply_orders_supply_model_id_supply_models_id_fk" FOREIGN KEY ("supply_model_id") REFERENCES "public"."supply_models"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_orders" ADD CONSTRAINT "supply_orders_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_orders" ADD CONSTRAINT "supply_orders_partner_id_device_id_devices_partner_id_id_fk" FOREIGN KEY ("partner_id","device_id") REFERENCES "public"."devices"("partner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "carriers_name" ON "carriers" USING btree ("partner_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "order_configs_target" ON "order_configs" USING btree ("partner_id","level","target_id");--> statement-breakpoint
CREATE INDEX "order_routes_partner" ON "order_routes" USING btree ("partner_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "suppliers_name" ON "suppliers" USING btree ("partner_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "supply_alarms_open" ON "supply_alarms" USING btree ("device_id","supply_index","code") WHERE "supply_alarms"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "supply_alarms_partner_open" ON "supply_alarms" USING btree ("partner_id","opened_at") WHERE "supply_alarms"."resolved_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "supply_models_key" ON "supply_models" USING btree ("partner_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "supply_orders_one_in_flight" ON "supply_orders" USING btree ("device_id","supply_index") WHERE "supply_orders"."status" in ('new', 'shipped', 'to_replace');--> statement-breakpoint
CREATE UNIQUE INDEX "supply_orders_code" ON "supply_orders" USING btree ("partner_id","code");--> statement-breakpoint
CREATE INDEX "supply_orders_partner_status" ON "supply_orders" USING btree ("partner_id","status","created_at");--> statement-breakpoint
CREATE INDEX "supply_orders_device" ON "supply_orders" USING btree ("device_id","created_at");--> statement-breakpoint
ALTER TABLE "device_supplies" ADD CONSTRAINT "device_supplies_supply_model_id_supply_models_id_fk" FOREIGN KEY ("supply_model_id") REFERENCES "public"."supply_models"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Replacements are now recorded when Parc sees them; billing reads only these rows. The agent's
-- level jumps seen before (from 25 % or less to 75 % or more, the rule billing applied until now)
-- become rows, except where a technician's replacement between the two reads (give or take a day)
-- already records them.
INSERT INTO "supply_replacements" ("partner_id", "device_id", "supply_index", "supply_type", "colour", "detected_by", "replaced_at", "created_at")
SELECT l."partner_id", l."device_id", l."supply_index", s."type", s."colour", 'level', l."read_at", now()
FROM (
  SELECT v.*, lag(v."percent") OVER w AS "previous", lag(v."read_at") OVER w AS "previous_at"
  FROM "device_supply_levels" v WHERE v."percent" IS NOT NULL
  WINDOW w AS (PARTITION BY v."device_id", v."supply_index" ORDER BY v."read_at")
) l
JOIN "device_supplies" s ON s."device_id" = l."device_id" AND s."supply_index" = l."supply_index"
WHERE l."previous" <= 25 AND l."percent" >= 75
  AND NOT EXISTS (
    SELECT 1 FROM "supply_replacements" r
    WHERE r."device_id" = l."device_id" AND (r."supply_index" = l."supply_index" OR r."supply_index" IS NULL)
      AND r."replaced_at" BETWEEN l."previous_at" - interval '1 day' AND l."read_at" + interval '1 day'
  );
