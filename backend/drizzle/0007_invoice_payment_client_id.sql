ALTER TABLE "invoice_payments" ADD COLUMN "client_id" uuid NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_payments_client" ON "invoice_payments" USING btree ("invoice_id","client_id");