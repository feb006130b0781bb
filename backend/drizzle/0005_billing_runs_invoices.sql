CREATE TABLE "billing_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"period" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"currency" text NOT NULL,
	"total" numeric(16, 3) NOT NULL,
	"price_version_id" uuid NOT NULL,
	"inputs" jsonb NOT NULL,
	"lines" jsonb NOT NULL,
	"missing" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"computed_by" text NOT NULL,
	"approved_at" timestamp with time zone,
	"approved_by" text,
	CONSTRAINT "billing_runs_partner_id_unique" UNIQUE("partner_id","id"),
	CONSTRAINT "billing_runs_status" CHECK ("billing_runs"."status" in ('draft', 'approved')),
	CONSTRAINT "billing_runs_period" CHECK ("billing_runs"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "billing_runs_approved" CHECK (("billing_runs"."status" = 'approved') = ("billing_runs"."approved_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "invoice_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"amount" numeric(16, 3) NOT NULL,
	"note" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "invoice_payments_amount" CHECK ("invoice_payments"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"due_on" date,
	"amount" numeric(16, 3) NOT NULL,
	"currency" text NOT NULL,
	"billing_run_id" uuid,
	"document_name" text,
	"document_type" text,
	"document" "bytea",
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "invoices_partner_id_unique" UNIQUE("partner_id","id"),
	CONSTRAINT "invoices_amount" CHECK ("invoices"."amount" >= 0),
	CONSTRAINT "invoices_currency" CHECK ("invoices"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "invoices_due" CHECK ("invoices"."due_on" is null or "invoices"."due_on" >= "invoices"."issued_on"),
	CONSTRAINT "invoices_document" CHECK (("invoices"."document" is null) = ("invoices"."document_name" is null) and ("invoices"."document" is null) = ("invoices"."document_type" is null))
);
--> statement-breakpoint
CREATE TABLE "overage_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"period" text NOT NULL,
	"counter" text NOT NULL,
	"projected_pages" integer NOT NULL,
	"included" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "price_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"effective_from" text NOT NULL,
	"version" integer NOT NULL,
	"prices" jsonb NOT NULL,
	"saved_by" text NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "price_versions_effective_from" CHECK ("price_versions"."effective_from" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
-- The one price row per customer becomes the first version of its price list, in force from long
-- before any reading; its included pages (never used before) become an allowance shared by all devices.
INSERT INTO "price_versions" ("partner_id", "customer_id", "effective_from", "version", "prices", "saved_by", "saved_at")
SELECT "partner_id", "customer_id", '2000-01', 1,
  jsonb_build_object(
    'model', 'per_page',
    'currency', "currency",
    'defaults', jsonb_build_object(
      'prices', jsonb_build_object(
        'mono', rtrim(rtrim("mono_price"::text, '0'), '.'),
        'colour', rtrim(rtrim("colour_price"::text, '0'), '.'),
        'scan', rtrim(rtrim("scan_price"::text, '0'), '.')),
      'included', jsonb_build_object('mono', 0, 'colour', 0, 'scan', 0),
      'fixedFee', '0'),
    'models', '[]'::jsonb,
    'devices', '[]'::jsonb,
    'tiers', jsonb_build_object('mono', '[]'::jsonb, 'colour', '[]'::jsonb, 'scan', '[]'::jsonb),
    'pools', CASE WHEN "included_pages" IS NULL OR "included_pages" = 0 THEN '[]'::jsonb
      ELSE jsonb_build_array(jsonb_build_object('id', 'all', 'name', 'All devices', 'deviceIds', 'all',
        'included', jsonb_build_object('mono', "included_pages", 'colour', 0, 'scan', 0))) END,
    'minimumPerPeriod', NULL,
    'largeCountsDouble', false,
    'consumables', '[]'::jsonb,
    'trueUp', 'none'),
  'migration', "updated_at"
FROM "customer_prices";--> statement-breakpoint
DROP TABLE "customer_prices" CASCADE;--> statement-breakpoint
ALTER TABLE "coordinators" ADD COLUMN "overage_alerts" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "billing_runs" ADD CONSTRAINT "billing_runs_price_version_id_price_versions_id_fk" FOREIGN KEY ("price_version_id") REFERENCES "public"."price_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_runs" ADD CONSTRAINT "billing_runs_partner_id_customer_id_customers_partner_id_id_fk" FOREIGN KEY ("partner_id","customer_id") REFERENCES "public"."customers"("partner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_payments" ADD CONSTRAINT "invoice_payments_partner_id_invoice_id_invoices_partner_id_id_fk" FOREIGN KEY ("partner_id","invoice_id") REFERENCES "public"."invoices"("partner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_partner_id_customer_id_customers_partner_id_id_fk" FOREIGN KEY ("partner_id","customer_id") REFERENCES "public"."customers"("partner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_partner_id_billing_run_id_billing_runs_partner_id_id_fk" FOREIGN KEY ("partner_id","billing_run_id") REFERENCES "public"."billing_runs"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overage_alerts" ADD CONSTRAINT "overage_alerts_partner_id_customer_id_customers_partner_id_id_fk" FOREIGN KEY ("partner_id","customer_id") REFERENCES "public"."customers"("partner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_versions" ADD CONSTRAINT "price_versions_partner_id_customer_id_customers_partner_id_id_fk" FOREIGN KEY ("partner_id","customer_id") REFERENCES "public"."customers"("partner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "billing_runs_customer_period" ON "billing_runs" USING btree ("customer_id","period");--> statement-breakpoint
CREATE INDEX "billing_runs_partner_period" ON "billing_runs" USING btree ("partner_id","period");--> statement-breakpoint
CREATE INDEX "invoice_payments_invoice" ON "invoice_payments" USING btree ("invoice_id","paid_on");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_partner_number" ON "invoices" USING btree ("partner_id","number");--> statement-breakpoint
CREATE INDEX "invoices_customer" ON "invoices" USING btree ("customer_id","issued_on");--> statement-breakpoint
CREATE UNIQUE INDEX "overage_alerts_once" ON "overage_alerts" USING btree ("customer_id","period","counter");--> statement-breakpoint
CREATE UNIQUE INDEX "price_versions_customer_version" ON "price_versions" USING btree ("customer_id","version");--> statement-breakpoint
-- Billing becomes a screen of its own: a profile sees it as it saw customers until its admin decides otherwise.
UPDATE "profiles" SET "permissions" = "permissions" || jsonb_build_object('billing', "permissions"->>'customers') WHERE NOT "permissions" ? 'billing';