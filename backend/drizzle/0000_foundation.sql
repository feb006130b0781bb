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
CREATE TABLE "floor_plan_devices" (
	"floor_plan_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"x" double precision NOT NULL,
	"y" double precision NOT NULL,
	CONSTRAINT "floor_plan_devices_floor_plan_id_device_id_pk" PRIMARY KEY("floor_plan_id","device_id"),
	CONSTRAINT "floor_plan_devices_x" CHECK ("floor_plan_devices"."x" >= 0 and "floor_plan_devices"."x" <= 100),
	CONSTRAINT "floor_plan_devices_y" CHECK ("floor_plan_devices"."y" >= 0 and "floor_plan_devices"."y" <= 100)
);
--> statement-breakpoint
CREATE TABLE "floor_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"site_id" uuid,
	"name" text NOT NULL,
	"floor" integer NOT NULL,
	"content_type" text NOT NULL,
	"image" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "floor_plans_content_type" CHECK ("floor_plans"."content_type" in ('image/png', 'image/jpeg', 'image/svg+xml'))
);
--> statement-breakpoint
CREATE TABLE "user_preferences" (
	"user_id" uuid NOT NULL,
	"screen" text NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_preferences_user_id_screen_pk" PRIMARY KEY("user_id","screen")
);
--> statement-breakpoint
CREATE TABLE "customer_prices" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"billing_type" text DEFAULT 'per_page' NOT NULL,
	"currency" text NOT NULL,
	"mono_price" numeric(12, 4) NOT NULL,
	"colour_price" numeric(12, 4) NOT NULL,
	"scan_price" numeric(12, 4) NOT NULL,
	"included_pages" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_prices_currency" CHECK ("customer_prices"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "customer_prices_billing_type" CHECK ("customer_prices"."billing_type" in ('per_page')),
	CONSTRAINT "customer_prices_non_negative" CHECK ("customer_prices"."mono_price" >= 0 and "customer_prices"."colour_price" >= 0 and "customer_prices"."scan_price" >= 0),
	CONSTRAINT "customer_prices_included_pages" CHECK ("customer_prices"."included_pages" is null or "customer_prices"."included_pages" >= 0)
);
--> statement-breakpoint
CREATE TABLE "agent_contacts" (
	"credential_id" uuid NOT NULL,
	"ip" text NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agent_contacts_credential_id_ip_pk" PRIMARY KEY("credential_id","ip")
);
--> statement-breakpoint
CREATE TABLE "agent_credentials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agent_id" uuid NOT NULL,
	"public_key" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "agent_keys" (
	"agent_id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"consumed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agent_keys_format" CHECK ("agent_keys"."key" ~ '^[A-Z]{4}-[A-Z]{4}-[A-Z]{4}-[A-Z]{4}$')
);
--> statement-breakpoint
CREATE TABLE "agent_samples" (
	"sample_id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"serial" text,
	"device_id" uuid,
	"result" jsonb,
	"counters" jsonb
);
--> statement-breakpoint
CREATE TABLE "agent_settings" (
	"partner_id" uuid PRIMARY KEY NOT NULL,
	"scan_on_first_connection" boolean DEFAULT true NOT NULL,
	"keep_location_on_ip_change" boolean DEFAULT true NOT NULL,
	"other_customer_policy" text DEFAULT 'report' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agent_settings_other_customer_policy" CHECK ("agent_settings"."other_customer_policy" in ('report', 'move'))
);
--> statement-breakpoint
CREATE TABLE "agent_token_uses" (
	"jti" text PRIMARY KEY NOT NULL,
	"credential_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"version" text,
	"hostname" text,
	"platform" text,
	"last_ip" text,
	"last_contact_at" timestamp with time zone,
	"inspection_minutes" integer DEFAULT 240 NOT NULL,
	"alerts_minutes" integer DEFAULT 15 NOT NULL,
	"scan_minutes" integer DEFAULT 1440 NOT NULL,
	"ranges" text[] DEFAULT '{}'::text[] NOT NULL,
	"snmp_credentials" jsonb DEFAULT '[{"version":"2c","community":"public"}]'::jsonb NOT NULL,
	"timeout_ms" integer DEFAULT 1000 NOT NULL,
	"disconnected_after_minutes" integer,
	"scan_requested_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agents_partner_id_unique" UNIQUE("partner_id","id"),
	CONSTRAINT "agents_schedules_range" CHECK ("agents"."inspection_minutes" >= 0 and "agents"."alerts_minutes" >= 0 and "agents"."scan_minutes" >= 0),
	CONSTRAINT "agents_timeout_range" CHECK ("agents"."timeout_ms" between 100 and 30000)
);
--> statement-breakpoint
CREATE TABLE "device_agent_states" (
	"device_id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"agent_id" uuid,
	"sampled_at" timestamp with time zone NOT NULL,
	"ip" text,
	"firmware" text,
	"printer_status" text,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "device_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"key" text NOT NULL,
	"severity" text NOT NULL,
	"group" text NOT NULL,
	"code" text NOT NULL,
	"description" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"cleared_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "device_supplies" (
	"partner_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"supply_index" text NOT NULL,
	"description" text NOT NULL,
	"type" text NOT NULL,
	"colour" text,
	"level" integer,
	"max" integer,
	"percent" real,
	"state" text NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "device_supplies_device_id_supply_index_pk" PRIMARY KEY("device_id","supply_index")
);
--> statement-breakpoint
CREATE TABLE "device_supply_levels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"supply_index" text NOT NULL,
	"level" integer,
	"percent" real,
	"read_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discovery_runs" (
	"scan_id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"probed" integer NOT NULL,
	"total" integer NOT NULL,
	"found" jsonb NOT NULL,
	"failures" jsonb NOT NULL,
	"reported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pending_devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"agent_id" uuid,
	"serial" text NOT NULL,
	"mac" text,
	"manufacturer" text,
	"model" text,
	"ip" text,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"latest_sample_id" uuid,
	"latest_taken_at" timestamp with time zone,
	"latest_reading" jsonb,
	"other_customer_device_id" uuid,
	"ignored_at" timestamp with time zone,
	"assigned_device_id" uuid,
	"assigned_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "custom_parameter_values" (
	"parameter_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"entity_id" uuid NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custom_parameter_values_parameter_id_entity_id_pk" PRIMARY KEY("parameter_id","entity_id")
);
--> statement-breakpoint
CREATE TABLE "custom_parameters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"applies_to" text NOT NULL,
	"options" text[] DEFAULT '{}'::text[] NOT NULL,
	"oid" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custom_parameters_kind" CHECK ("custom_parameters"."kind" in ('text', 'list', 'oid')),
	CONSTRAINT "custom_parameters_applies_to" CHECK ("custom_parameters"."applies_to" in ('customer', 'device')),
	CONSTRAINT "custom_parameters_oid" CHECK (("custom_parameters"."kind" = 'oid') = ("custom_parameters"."oid" is not null))
);
--> statement-breakpoint
CREATE TABLE "device_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" text,
	"detail" text,
	CONSTRAINT "device_events_kind" CHECK ("device_events"."kind" in ('activated', 'deactivated', 'settings_changed'))
);
--> statement-breakpoint
CREATE TABLE "device_settings" (
	"device_id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"included_in_reports" boolean DEFAULT true NOT NULL,
	"snmp_version" text,
	"snmp_community" text,
	"snmp_username" text,
	"snmp_security_level" text,
	"snmp_auth_protocol" text,
	"snmp_auth_key" text,
	"snmp_priv_protocol" text,
	"snmp_priv_key" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "device_settings_snmp_version" CHECK ("device_settings"."snmp_version" is null or "device_settings"."snmp_version" in ('v1', 'v2c', 'v3'))
);
--> statement-breakpoint
CREATE TABLE "partner_logos" (
	"partner_id" uuid PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"image" "bytea" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_logos_content_type" CHECK ("partner_logos"."content_type" in ('image/png', 'image/jpeg', 'image/svg+xml', 'image/webp'))
);
--> statement-breakpoint
CREATE TABLE "profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"permissions" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"profile_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maintenance_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"alert_id" uuid,
	"subject" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"technician_id" uuid,
	"user_can_fix" boolean DEFAULT false NOT NULL,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"complexity" text,
	"state" text DEFAULT 'unresolved' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"stamps" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "maintenance_requests_state" CHECK ("maintenance_requests"."state" in ('unresolved', 'in_progress', 'done', 'resolved', 'rejected')),
	CONSTRAINT "maintenance_requests_version" CHECK ("maintenance_requests"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "request_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "request_attachments_size" CHECK ("request_attachments"."size" between 1 and 5242880)
);
--> statement-breakpoint
CREATE TABLE "request_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "request_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"partner_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"comment" text,
	"from_state" text,
	"to_state" text,
	"technician_id" uuid,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supply_replacements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"request_id" uuid,
	"supply_index" text,
	"supply_type" text NOT NULL,
	"colour" text,
	"note" text,
	"replaced_at" timestamp with time zone NOT NULL,
	"technician_id" uuid,
	"op_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_ops" (
	"op_id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"result" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL
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
ALTER TABLE "floor_plan_devices" ADD CONSTRAINT "floor_plan_devices_floor_plan_id_floor_plans_id_fk" FOREIGN KEY ("floor_plan_id") REFERENCES "public"."floor_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "floor_plan_devices" ADD CONSTRAINT "floor_plan_devices_partner_id_device_id_devices_partner_id_id_fk" FOREIGN KEY ("partner_id","device_id") REFERENCES "public"."devices"("partner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "floor_plans" ADD CONSTRAINT "floor_plans_partner_id_customer_id_customers_partner_id_id_fk" FOREIGN KEY ("partner_id","customer_id") REFERENCES "public"."customers"("partner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_preferences" ADD CONSTRAINT "user_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_prices" ADD CONSTRAINT "customer_prices_partner_id_customer_id_customers_partner_id_id_fk" FOREIGN KEY ("partner_id","customer_id") REFERENCES "public"."customers"("partner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_contacts" ADD CONSTRAINT "agent_contacts_credential_id_agent_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."agent_credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_credentials" ADD CONSTRAINT "agent_credentials_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_keys" ADD CONSTRAINT "agent_keys_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_samples" ADD CONSTRAINT "agent_samples_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_samples" ADD CONSTRAINT "agent_samples_partner_id_device_id_devices_partner_id_id_fk" FOREIGN KEY ("partner_id","device_id") REFERENCES "public"."devices"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_settings" ADD CONSTRAINT "agent_settings_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_token_uses" ADD CONSTRAINT "agent_token_uses_credential_id_agent_credentials_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."agent_credentials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agents" ADD CONSTRAINT "agents_partner_id_customer_id_customers_partner_id_id_fk" FOREIGN KEY ("partner_id","customer_id") REFERENCES "public"."customers"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_agent_states" ADD CONSTRAINT "device_agent_states_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_agent_states" ADD CONSTRAINT "device_agent_states_partner_id_device_id_devices_partner_id_id_fk" FOREIGN KEY ("partner_id","device_id") REFERENCES "public"."devices"("partner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_alerts" ADD CONSTRAINT "device_alerts_partner_id_device_id_devices_partner_id_id_fk" FOREIGN KEY ("partner_id","device_id") REFERENCES "public"."devices"("partner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_supplies" ADD CONSTRAINT "device_supplies_partner_id_device_id_devices_partner_id_id_fk" FOREIGN KEY ("partner_id","device_id") REFERENCES "public"."devices"("partner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_supply_levels" ADD CONSTRAINT "device_supply_levels_partner_id_device_id_devices_partner_id_id_fk" FOREIGN KEY ("partner_id","device_id") REFERENCES "public"."devices"("partner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discovery_runs" ADD CONSTRAINT "discovery_runs_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_devices" ADD CONSTRAINT "pending_devices_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_devices" ADD CONSTRAINT "pending_devices_partner_id_customer_id_customers_partner_id_id_fk" FOREIGN KEY ("partner_id","customer_id") REFERENCES "public"."customers"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_devices" ADD CONSTRAINT "pending_devices_partner_id_assigned_device_id_devices_partner_id_id_fk" FOREIGN KEY ("partner_id","assigned_device_id") REFERENCES "public"."devices"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_parameter_values" ADD CONSTRAINT "custom_parameter_values_parameter_id_custom_parameters_id_fk" FOREIGN KEY ("parameter_id") REFERENCES "public"."custom_parameters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_parameters" ADD CONSTRAINT "custom_parameters_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_events" ADD CONSTRAINT "device_events_partner_id_device_id_devices_partner_id_id_fk" FOREIGN KEY ("partner_id","device_id") REFERENCES "public"."devices"("partner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_settings" ADD CONSTRAINT "device_settings_partner_id_device_id_devices_partner_id_id_fk" FOREIGN KEY ("partner_id","device_id") REFERENCES "public"."devices"("partner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_logos" ADD CONSTRAINT "partner_logos_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_profiles" ADD CONSTRAINT "user_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_profiles" ADD CONSTRAINT "user_profiles_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_requests" ADD CONSTRAINT "maintenance_requests_technician_id_users_id_fk" FOREIGN KEY ("technician_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_requests" ADD CONSTRAINT "maintenance_requests_partner_id_customer_id_customers_partner_id_id_fk" FOREIGN KEY ("partner_id","customer_id") REFERENCES "public"."customers"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_requests" ADD CONSTRAINT "maintenance_requests_partner_id_device_id_devices_partner_id_id_fk" FOREIGN KEY ("partner_id","device_id") REFERENCES "public"."devices"("partner_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_attachments" ADD CONSTRAINT "request_attachments_request_id_maintenance_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."maintenance_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_events" ADD CONSTRAINT "request_events_request_id_maintenance_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."maintenance_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_replacements" ADD CONSTRAINT "supply_replacements_request_id_maintenance_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."maintenance_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_replacements" ADD CONSTRAINT "supply_replacements_technician_id_users_id_fk" FOREIGN KEY ("technician_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_replacements" ADD CONSTRAINT "supply_replacements_partner_id_device_id_devices_partner_id_id_fk" FOREIGN KEY ("partner_id","device_id") REFERENCES "public"."devices"("partner_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
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
CREATE INDEX "reading_transmissions_webhook_pending" ON "reading_transmissions" USING btree ("partner_id") WHERE "reading_transmissions"."webhook" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "floor_plan_devices_device" ON "floor_plan_devices" USING btree ("device_id");--> statement-breakpoint
CREATE INDEX "floor_plans_customer" ON "floor_plans" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agent_credentials_one_live" ON "agent_credentials" USING btree ("agent_id") WHERE "agent_credentials"."revoked_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "agent_keys_key_unique" ON "agent_keys" USING btree ("key");--> statement-breakpoint
CREATE INDEX "agent_samples_device" ON "agent_samples" USING btree ("device_id","taken_at");--> statement-breakpoint
CREATE INDEX "agent_token_uses_expiry" ON "agent_token_uses" USING btree ("credential_id","expires_at");--> statement-breakpoint
CREATE INDEX "agents_customer" ON "agents" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "device_alerts_one_open" ON "device_alerts" USING btree ("device_id","key") WHERE "device_alerts"."cleared_at" is null;--> statement-breakpoint
CREATE INDEX "device_supply_levels_supply" ON "device_supply_levels" USING btree ("device_id","supply_index","read_at");--> statement-breakpoint
CREATE INDEX "discovery_runs_agent" ON "discovery_runs" USING btree ("agent_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pending_devices_waiting_serial" ON "pending_devices" USING btree ("customer_id","serial") WHERE "pending_devices"."assigned_at" is null;--> statement-breakpoint
CREATE INDEX "custom_parameter_values_entity" ON "custom_parameter_values" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "custom_parameter_values_search" ON "custom_parameter_values" USING btree ("parameter_id",lower("value"));--> statement-breakpoint
CREATE UNIQUE INDEX "custom_parameters_name_unique" ON "custom_parameters" USING btree ("partner_id","applies_to","name");--> statement-breakpoint
CREATE INDEX "device_events_device" ON "device_events" USING btree ("device_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "profiles_name_unique" ON "profiles" USING btree ("partner_id","name");--> statement-breakpoint
CREATE INDEX "maintenance_requests_partner_state" ON "maintenance_requests" USING btree ("partner_id","state");--> statement-breakpoint
CREATE INDEX "maintenance_requests_technician" ON "maintenance_requests" USING btree ("technician_id","state");--> statement-breakpoint
CREATE INDEX "maintenance_requests_device" ON "maintenance_requests" USING btree ("device_id");--> statement-breakpoint
CREATE INDEX "request_attachments_request" ON "request_attachments" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "request_events_request" ON "request_events" USING btree ("request_id","at");--> statement-breakpoint
CREATE INDEX "supply_replacements_device" ON "supply_replacements" USING btree ("device_id","replaced_at");