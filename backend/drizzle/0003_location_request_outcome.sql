ALTER TABLE "location_requests" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "location_requests" ADD COLUMN "handled_by" text;--> statement-breakpoint
UPDATE "location_requests" SET "outcome" = 'dismissed' WHERE "handled_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "location_requests_device" ON "location_requests" USING btree ("device_id");--> statement-breakpoint
ALTER TABLE "location_requests" ADD CONSTRAINT "location_requests_outcome" CHECK (("location_requests"."outcome" is null) = ("location_requests"."handled_at" is null) and ("location_requests"."outcome" is null or "location_requests"."outcome" in ('applied', 'dismissed')));