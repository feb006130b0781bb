ALTER TABLE "agent_settings" DROP CONSTRAINT "agent_settings_other_customer_policy";--> statement-breakpoint
ALTER TABLE "device_events" DROP CONSTRAINT "device_events_kind";--> statement-breakpoint
ALTER TABLE "agent_settings" DROP COLUMN "other_customer_policy";--> statement-breakpoint
ALTER TABLE "device_events" ADD CONSTRAINT "device_events_kind" CHECK ("device_events"."kind" in ('activated', 'deactivated', 'settings_changed', 'customer_moved', 'customer_kept', 'customer_report_ignored'));