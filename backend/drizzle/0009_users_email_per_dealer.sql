DROP INDEX "users_email_unique";--> statement-breakpoint
CREATE UNIQUE INDEX "users_partner_email_unique" ON "users" USING btree ("partner_id","email");--> statement-breakpoint
CREATE INDEX "users_email" ON "users" USING btree ("email");