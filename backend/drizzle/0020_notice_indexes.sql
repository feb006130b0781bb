ALTER TABLE "notice_deliveries" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notice_deliveries" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "readings_to_check" ON "readings" USING btree ("created_at") WHERE "readings"."status" = 'to_check';--> statement-breakpoint
CREATE INDEX "meter_links_completed" ON "meter_links" USING btree ("completed_at") WHERE "meter_links"."completed_at" is not null;--> statement-breakpoint
CREATE INDEX "meter_links_expires" ON "meter_links" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "device_alerts_open_since" ON "device_alerts" USING btree ("opened_at") WHERE "device_alerts"."cleared_at" is null;--> statement-breakpoint
CREATE INDEX "device_supplies_low_read" ON "device_supplies" USING btree ("read_at") WHERE "device_supplies"."percent" <= 50;--> statement-breakpoint
CREATE INDEX "request_events_at" ON "request_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "supply_orders_created" ON "supply_orders" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "supply_orders_shipped" ON "supply_orders" USING btree ("shipped_at") WHERE "supply_orders"."shipped_at" is not null;