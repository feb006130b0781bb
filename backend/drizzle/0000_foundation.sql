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
CREATE INDEX "readings_device_taken" ON "readings" USING btree ("device_id","taken_at");