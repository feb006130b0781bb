CREATE TABLE "notice_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"email" text NOT NULL,
	"language" text NOT NULL,
	"frequency" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "notice_deliveries_frequency_check" CHECK ("notice_deliveries"."frequency" in ('immediate', 'daily', 'weekly'))
);
--> statement-breakpoint
CREATE TABLE "notice_frames" (
	"partner_id" uuid NOT NULL,
	"language" text NOT NULL,
	"header" text NOT NULL,
	"footer" text NOT NULL,
	CONSTRAINT "notice_frames_partner_id_language_pk" PRIMARY KEY("partner_id","language")
);
--> statement-breakpoint
CREATE TABLE "notice_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"customer_id" uuid,
	"category" text NOT NULL,
	"enabled" boolean NOT NULL,
	"frequency" text NOT NULL,
	"roles" jsonb NOT NULL,
	"site_coordinator" boolean NOT NULL,
	"customer_coordinator" boolean NOT NULL,
	"addresses" jsonb NOT NULL,
	"threshold" integer,
	"complexities" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "notice_rules_category_check" CHECK ("notice_rules"."category" in ('device_found', 'device_alert', 'supply_low', 'order_created', 'order_shipped', 'agent_offline', 'reading_to_check', 'campaign_response', 'campaign_missed', 'request_changed', 'overage_forecast', 'location_requested')),
	CONSTRAINT "notice_rules_frequency_check" CHECK ("notice_rules"."frequency" in ('immediate', 'daily', 'weekly'))
);
--> statement-breakpoint
CREATE TABLE "notice_templates" (
	"partner_id" uuid NOT NULL,
	"category" text NOT NULL,
	"language" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notice_templates_partner_id_category_language_pk" PRIMARY KEY("partner_id","category","language")
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"customer_id" uuid,
	"category" text NOT NULL,
	"event_key" text NOT NULL,
	"facts" jsonb NOT NULL,
	"path" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notices_category_check" CHECK ("notices"."category" in ('device_found', 'device_alert', 'supply_low', 'order_created', 'order_shipped', 'agent_offline', 'reading_to_check', 'campaign_response', 'campaign_missed', 'request_changed', 'overage_forecast', 'location_requested'))
);
--> statement-breakpoint
ALTER TABLE "notice_deliveries" ADD CONSTRAINT "notice_deliveries_notice_id_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."notices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_deliveries" ADD CONSTRAINT "notice_deliveries_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_frames" ADD CONSTRAINT "notice_frames_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_rules" ADD CONSTRAINT "notice_rules_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_rules" ADD CONSTRAINT "notice_rules_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_rules" ADD CONSTRAINT "notice_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice_templates" ADD CONSTRAINT "notice_templates_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "notice_deliveries_once" ON "notice_deliveries" USING btree ("notice_id","email");--> statement-breakpoint
CREATE INDEX "notice_deliveries_due" ON "notice_deliveries" USING btree ("due_at") WHERE "notice_deliveries"."sent_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "notice_rules_dealer" ON "notice_rules" USING btree ("partner_id","category") WHERE "notice_rules"."customer_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "notice_rules_customer" ON "notice_rules" USING btree ("customer_id","category") WHERE "notice_rules"."customer_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "notices_event" ON "notices" USING btree ("partner_id","category","event_key");--> statement-breakpoint
CREATE INDEX "notices_partner_created" ON "notices" USING btree ("partner_id","created_at");