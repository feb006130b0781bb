CREATE TABLE "partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"address" text,
	"website" text,
	"brand_colour" text DEFAULT '#1f5fa8' NOT NULL,
	"logo_url" text,
	"sender_email" text,
	"default_language" text DEFAULT 'fr' NOT NULL,
	"default_timezone" text DEFAULT 'Europe/Zurich' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "password_resets" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"language" text DEFAULT 'fr' NOT NULL,
	"password_hash" text,
	"active" boolean DEFAULT true NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('partner_admin', 'partner_staff', 'coordinator', 'technician')),
	CONSTRAINT "users_email_lower" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
CREATE TABLE "coordinators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"is_main" boolean DEFAULT false NOT NULL,
	"user_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coordinators_partner_id_unique" UNIQUE("partner_id","id")
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"customer_number" text NOT NULL,
	"name" text NOT NULL,
	"language" text DEFAULT 'fr' NOT NULL,
	"country" text DEFAULT 'CH' NOT NULL,
	"address" text,
	"postcode" text,
	"city" text,
	"prefix" text NOT NULL,
	"tax_number" text,
	"activity" text,
	"currency" text DEFAULT 'CHF' NOT NULL,
	"timezone" text DEFAULT 'Europe/Zurich' NOT NULL,
	"next_device_number" integer DEFAULT 1 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customers_partner_id_unique" UNIQUE("partner_id","id"),
	CONSTRAINT "customers_prefix_format" CHECK ("customers"."prefix" ~ '^[A-Z0-9]{1,10}$'),
	CONSTRAINT "customers_currency_format" CHECK ("customers"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "customers_next_device_number" CHECK ("customers"."next_device_number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"postcode" text,
	"city" text,
	"country" text,
	"coordinator_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sites_partner_id_unique" UNIQUE("partner_id","id")
);
--> statement-breakpoint
CREATE TABLE "user_customers" (
	"user_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	CONSTRAINT "user_customers_user_id_customer_id_pk" PRIMARY KEY("user_id","customer_id")
);
--> statement-breakpoint
CREATE TABLE "counters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "counters_partner_id_unique" UNIQUE("partner_id","id"),
	CONSTRAINT "counters_kind_check" CHECK ("counters"."kind" in ('total', 'mono', 'colour', 'scan', 'large'))
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"device_number" integer NOT NULL,
	"device_code" text NOT NULL,
	"serial" text NOT NULL,
	"manufacturer" text NOT NULL,
	"model" text NOT NULL,
	"internal_number" text,
	"location" text,
	"site_id" uuid,
	"coordinator_id" uuid,
	"colour_capable" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"ip" text,
	"mac" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "devices_partner_id_unique" UNIQUE("partner_id","id"),
	CONSTRAINT "devices_number_positive" CHECK ("devices"."device_number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "readings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"counter_id" uuid NOT NULL,
	"value" bigint NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"status" text DEFAULT 'entered' NOT NULL,
	"entered_by" text NOT NULL,
	"client_id" uuid,
	"note" text,
	"locked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "readings_value_range" CHECK ("readings"."value" >= 0 and "readings"."value" <= 10000000000),
	CONSTRAINT "readings_source_check" CHECK ("readings"."source" in ('manual', 'agent', 'technician', 'import', 'estimate')),
	CONSTRAINT "readings_status_check" CHECK ("readings"."status" in ('entered', 'to_check', 'accepted', 'corrected', 'refused'))
);
--> statement-breakpoint
CREATE TABLE "link_signing_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "location_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"location" text NOT NULL,
	"message" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"handled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "meter_link_entries" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"link_id" uuid NOT NULL,
	"reading_id" uuid,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meter_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"period" text NOT NULL,
	"kid" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"first_entry_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "meter_links_period_format" CHECK ("meter_links"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "reading_checks" (
	"reading_id" uuid PRIMARY KEY NOT NULL,
	"verdict" text NOT NULL,
	"reason" jsonb NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reading_checks_verdict_check" CHECK ("reading_checks"."verdict" in ('refused', 'to_check', 'plausible'))
);
--> statement-breakpoint
CREATE TABLE "campaign_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"email" text NOT NULL,
	"language" text DEFAULT 'fr' NOT NULL,
	"confirmed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	"confirmation_token_hash" text,
	"confirmation_sent_at" timestamp with time zone,
	"unsubscribe_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_contacts_email_lower" CHECK ("campaign_contacts"."email" = lower("campaign_contacts"."email"))
);
--> statement-breakpoint
CREATE TABLE "campaign_emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "campaign_emails_kind" CHECK ("campaign_emails"."kind" in ('request', 'reminder'))
);
--> statement-breakpoint
CREATE TABLE "campaign_settings" (
	"partner_id" uuid PRIMARY KEY NOT NULL,
	"schedule_kind" text DEFAULT 'monthly' NOT NULL,
	"schedule_months" integer[],
	"send_day" integer DEFAULT 20 NOT NULL,
	"last_valid_day" integer DEFAULT 4 NOT NULL,
	"reminder_days_before" integer DEFAULT 3 NOT NULL,
	"timezone" text DEFAULT 'Europe/Zurich' NOT NULL,
	"nightly_cutoff" text DEFAULT '22:00' NOT NULL,
	"export_folder" boolean DEFAULT true NOT NULL,
	"webhook_url" text,
	"webhook_secret" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_settings_cutoff_format" CHECK ("campaign_settings"."nightly_cutoff" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
	CONSTRAINT "campaign_settings_schedule_kind" CHECK ("campaign_settings"."schedule_kind" in ('monthly', 'quarterly', 'months'))
);
--> statement-breakpoint
CREATE TABLE "customer_campaign_settings" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"schedule_kind" text,
	"schedule_months" integer[],
	"send_day" integer,
	"last_valid_day" integer,
	"timezone" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_campaign_settings_schedule_kind" CHECK ("customer_campaign_settings"."schedule_kind" is null or "customer_campaign_settings"."schedule_kind" in ('monthly', 'quarterly', 'months'))
);
--> statement-breakpoint
CREATE TABLE "reading_transmissions" (
	"reading_id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"night" text NOT NULL,
	"file" text NOT NULL,
	"webhook" text NOT NULL,
	"file_sent_at" timestamp with time zone,
	"webhook_sent_at" timestamp with time zone,
	CONSTRAINT "reading_transmissions_file" CHECK ("reading_transmissions"."file" in ('off', 'pending', 'sent')),
	CONSTRAINT "reading_transmissions_webhook" CHECK ("reading_transmissions"."webhook" in ('off', 'pending', 'sent'))
);
--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordinators" ADD CONSTRAINT "coordinators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordinators" ADD CONSTRAINT "coordinators_partner_id_customer_id_customers_partner_id_id_fk" FOREIGN KEY ("partner_id","customer_id") REFERENCES "public"."customers"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_partner_id_customer_id_customers_partner_id_id_fk" FOREIGN KEY ("partner_id","customer_id") REFERENCES "public"."customers"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_partner_id_coordinator_id_coordinators_partner_id_id_fk" FOREIGN KEY ("partner_id","coordinator_id") REFERENCES "public"."coordinators"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_customers" ADD CONSTRAINT "user_customers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_customers" ADD CONSTRAINT "user_customers_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counters" ADD CONSTRAINT "counters_partner_id_device_id_devices_partner_id_id_fk" FOREIGN KEY ("partner_id","device_id") REFERENCES "public"."devices"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_partner_id_customer_id_customers_partner_id_id_fk" FOREIGN KEY ("partner_id","customer_id") REFERENCES "public"."customers"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_partner_id_site_id_sites_partner_id_id_fk" FOREIGN KEY ("partner_id","site_id") REFERENCES "public"."sites"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_partner_id_coordinator_id_coordinators_partner_id_id_fk" FOREIGN KEY ("partner_id","coordinator_id") REFERENCES "public"."coordinators"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readings" ADD CONSTRAINT "readings_partner_id_device_id_devices_partner_id_id_fk" FOREIGN KEY ("partner_id","device_id") REFERENCES "public"."devices"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "readings" ADD CONSTRAINT "readings_partner_id_counter_id_counters_partner_id_id_fk" FOREIGN KEY ("partner_id","counter_id") REFERENCES "public"."counters"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_requests" ADD CONSTRAINT "location_requests_link_id_meter_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."meter_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_requests" ADD CONSTRAINT "location_requests_partner_id_device_id_devices_partner_id_id_fk" FOREIGN KEY ("partner_id","device_id") REFERENCES "public"."devices"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_link_entries" ADD CONSTRAINT "meter_link_entries_link_id_meter_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."meter_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_link_entries" ADD CONSTRAINT "meter_link_entries_reading_id_readings_id_fk" FOREIGN KEY ("reading_id") REFERENCES "public"."readings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_links" ADD CONSTRAINT "meter_links_kid_link_signing_keys_kid_fk" FOREIGN KEY ("kid") REFERENCES "public"."link_signing_keys"("kid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_links" ADD CONSTRAINT "meter_links_partner_id_customer_id_customers_partner_id_id_fk" FOREIGN KEY ("partner_id","customer_id") REFERENCES "public"."customers"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_checks" ADD CONSTRAINT "reading_checks_reading_id_readings_id_fk" FOREIGN KEY ("reading_id") REFERENCES "public"."readings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_contacts" ADD CONSTRAINT "campaign_contacts_partner_id_customer_id_customers_partner_id_id_fk" FOREIGN KEY ("partner_id","customer_id") REFERENCES "public"."customers"("partner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_emails" ADD CONSTRAINT "campaign_emails_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_emails" ADD CONSTRAINT "campaign_emails_link_id_meter_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."meter_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_emails" ADD CONSTRAINT "campaign_emails_contact_id_campaign_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."campaign_contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_settings" ADD CONSTRAINT "campaign_settings_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_campaign_settings" ADD CONSTRAINT "customer_campaign_settings_partner_id_customer_id_customers_partner_id_id_fk" FOREIGN KEY ("partner_id","customer_id") REFERENCES "public"."customers"("partner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reading_transmissions" ADD CONSTRAINT "reading_transmissions_reading_id_readings_id_fk" FOREIGN KEY ("reading_id") REFERENCES "public"."readings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "coordinators_one_main" ON "coordinators" USING btree ("customer_id") WHERE "coordinators"."is_main" and "coordinators"."active";--> statement-breakpoint
CREATE INDEX "coordinators_customer" ON "coordinators" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_number_unique" ON "customers" USING btree ("partner_id","customer_number");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_prefix_unique" ON "customers" USING btree ("partner_id","prefix");--> statement-breakpoint
CREATE UNIQUE INDEX "sites_name_unique" ON "sites" USING btree ("customer_id","name");--> statement-breakpoint
CREATE INDEX "sites_customer" ON "sites" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "counters_device_kind_unique" ON "counters" USING btree ("device_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "devices_number_unique" ON "devices" USING btree ("customer_id","device_number");--> statement-breakpoint
CREATE UNIQUE INDEX "devices_code_unique" ON "devices" USING btree ("customer_id","device_code");--> statement-breakpoint
CREATE UNIQUE INDEX "devices_active_serial_unique" ON "devices" USING btree ("partner_id","serial") WHERE "devices"."active";--> statement-breakpoint
CREATE INDEX "devices_customer" ON "devices" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "readings_client_id_unique" ON "readings" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "readings_counter_taken" ON "readings" USING btree ("counter_id","taken_at");--> statement-breakpoint
CREATE INDEX "readings_device_taken" ON "readings" USING btree ("device_id","taken_at");--> statement-breakpoint
CREATE INDEX "location_requests_partner_open" ON "location_requests" USING btree ("partner_id") WHERE "location_requests"."handled_at" is null;--> statement-breakpoint
CREATE INDEX "meter_link_entries_link" ON "meter_link_entries" USING btree ("link_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meter_links_live_unique" ON "meter_links" USING btree ("customer_id","period") WHERE "meter_links"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "meter_links_partner_period" ON "meter_links" USING btree ("partner_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_contacts_customer_email" ON "campaign_contacts" USING btree ("customer_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_contacts_confirmation" ON "campaign_contacts" USING btree ("confirmation_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_contacts_unsubscribe" ON "campaign_contacts" USING btree ("unsubscribe_token");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_emails_once" ON "campaign_emails" USING btree ("link_id","contact_id","kind");--> statement-breakpoint
CREATE INDEX "campaign_emails_link" ON "campaign_emails" USING btree ("link_id");--> statement-breakpoint
CREATE INDEX "reading_transmissions_file_pending" ON "reading_transmissions" USING btree ("partner_id") WHERE "reading_transmissions"."file" = 'pending';--> statement-breakpoint
CREATE INDEX "reading_transmissions_webhook_pending" ON "reading_transmissions" USING btree ("partner_id") WHERE "reading_transmissions"."webhook" = 'pending';