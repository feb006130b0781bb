CREATE TABLE "counter_resets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"final_value" bigint NOT NULL,
	"start_value" bigint NOT NULL,
	"note" text,
	"declared_by" text NOT NULL,
	"idempotency_key" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "counter_resets_kind" CHECK ("counter_resets"."kind" in ('counter_reset', 'board_replaced')),
	CONSTRAINT "counter_resets_values" CHECK ("counter_resets"."final_value" >= 0 and "counter_resets"."start_value" >= 0 and "counter_resets"."final_value" <= 10000000000 and "counter_resets"."start_value" <= 10000000000)
);
--> statement-breakpoint
CREATE TABLE "reading_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"reading_id" uuid NOT NULL,
	"action" text NOT NULL,
	"old_value" bigint NOT NULL,
	"new_value" bigint NOT NULL,
	"old_status" text NOT NULL,
	"new_status" text NOT NULL,
	"note" text,
	"by" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "reading_revisions_action" CHECK ("reading_revisions"."action" in ('edit', 'delete', 'accept', 'correct', 'replace'))
);
--> statement-breakpoint
ALTER TABLE "readings" RENAME COLUMN "client_id" TO "idempotency_key";--> statement-breakpoint
ALTER TABLE "readings" DROP CONSTRAINT "readings_source_check";--> statement-breakpoint
ALTER TABLE "readings" DROP CONSTRAINT "readings_status_check";--> statement-breakpoint
DROP INDEX "readings_client_id_unique";--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "installed_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "replaces_device_id" uuid;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "readings" ADD COLUMN "link_id" uuid;--> statement-breakpoint
ALTER TABLE "counter_resets" ADD CONSTRAINT "counter_resets_partner_id_device_id_devices_partner_id_id_fk" FOREIGN KEY ("partner_id","device_id") REFERENCES "public"."devices"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counter_resets" ADD CONSTRAINT "counter_resets_partner_id_counter_id_counters_partner_id_id_fk" FOREIGN KEY ("partner_id","counter_id") REFERENCES "public"."counters"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_revisions" ADD CONSTRAINT "reading_revisions_reading_id_readings_id_fk" FOREIGN KEY ("reading_id") REFERENCES "public"."readings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Backfill: every source its own value, link entries tied to their link, install dates that cover the history.
UPDATE "readings" SET "link_id" = substr("entered_by", 6)::uuid WHERE "source" = 'manual' AND "entered_by" ~ '^link:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';--> statement-breakpoint
UPDATE "readings" SET "source" = CASE WHEN "link_id" IS NOT NULL OR "entered_by" = 'demo' THEN 'link' ELSE 'partner' END WHERE "source" IN ('manual', 'import');--> statement-breakpoint
UPDATE "devices" SET "installed_at" = least("created_at", coalesce((SELECT min("taken_at") FROM "readings" WHERE "readings"."device_id" = "devices"."id"), "created_at"));--> statement-breakpoint
CREATE INDEX "counter_resets_counter" ON "counter_resets" USING btree ("counter_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "counter_resets_idempotency" ON "counter_resets" USING btree ("idempotency_key","counter_id");--> statement-breakpoint
CREATE INDEX "reading_revisions_reading" ON "reading_revisions" USING btree ("reading_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "readings_idempotency_key_unique" ON "readings" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "readings_link" ON "readings" USING btree ("link_id");--> statement-breakpoint
ALTER TABLE "readings" ADD CONSTRAINT "readings_source_check" CHECK ("readings"."source" in ('link', 'partner', 'agent', 'technician', 'estimate', 'correction'));--> statement-breakpoint
ALTER TABLE "readings" ADD CONSTRAINT "readings_status_check" CHECK ("readings"."status" in ('entered', 'to_check', 'accepted', 'corrected', 'refused', 'deleted'));