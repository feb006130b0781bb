CREATE TABLE "device_alert_ignores" (
	"partner_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"key" text NOT NULL,
	"until" timestamp with time zone,
	"by" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "device_alert_ignores_device_id_key_pk" PRIMARY KEY("device_id","key")
);
--> statement-breakpoint
ALTER TABLE "device_events" DROP CONSTRAINT "device_events_kind";--> statement-breakpoint
ALTER TABLE "device_alert_ignores" ADD CONSTRAINT "device_alert_ignores_partner_id_device_id_devices_partner_id_id_fk" FOREIGN KEY ("partner_id","device_id") REFERENCES "public"."devices"("partner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_events" ADD CONSTRAINT "device_events_kind" CHECK ("device_events"."kind" in ('activated', 'deactivated', 'settings_changed', 'customer_moved', 'customer_kept', 'customer_report_ignored', 'alert_emailed', 'alert_noted', 'alert_ignored', 'alert_unignored'));