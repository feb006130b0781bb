CREATE TABLE "report_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"body" jsonb NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_definitions_source_check" CHECK ("report_definitions"."source" in ('devices', 'volumes', 'readings', 'supplies', 'orders', 'requests', 'agents', 'billing_lines'))
);
--> statement-breakpoint
CREATE TABLE "report_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"schedule_id" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"run_id" uuid,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attached" boolean,
	"file_name" text,
	"rows" integer,
	"sent_at" timestamp with time zone,
	"error_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_run_chunks" (
	"run_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "report_run_chunks_run_id_seq_pk" PRIMARY KEY("run_id","seq")
);
--> statement-breakpoint
CREATE TABLE "report_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"report_key" text NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"body" jsonb NOT NULL,
	"format" text NOT NULL,
	"separator" text DEFAULT ';' NOT NULL,
	"language" text NOT NULL,
	"schedule_id" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"rows_total" integer,
	"rows_written" integer DEFAULT 0 NOT NULL,
	"bytes" integer DEFAULT 0 NOT NULL,
	"file_name" text NOT NULL,
	"error_code" text,
	"download_token_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_runs_status_check" CHECK ("report_runs"."status" in ('queued', 'running', 'done', 'failed', 'cancelled')),
	CONSTRAINT "report_runs_format_check" CHECK ("report_runs"."format" in ('csv', 'xlsx'))
);
--> statement-breakpoint
CREATE TABLE "report_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"report_key" text NOT NULL,
	"frequency" text NOT NULL,
	"day" smallint,
	"format" text NOT NULL,
	"separator" text DEFAULT ';' NOT NULL,
	"language" text NOT NULL,
	"recipients" jsonb NOT NULL,
	"customer_selection" text DEFAULT 'all' NOT NULL,
	"customer_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_schedules_frequency_check" CHECK ("report_schedules"."frequency" in ('daily', 'weekly', 'monthly')),
	CONSTRAINT "report_schedules_format_check" CHECK ("report_schedules"."format" in ('csv', 'xlsx')),
	CONSTRAINT "report_schedules_selection_check" CHECK ("report_schedules"."customer_selection" in ('all', 'all_except', 'only'))
);
--> statement-breakpoint
ALTER TABLE "report_definitions" ADD CONSTRAINT "report_definitions_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_definitions" ADD CONSTRAINT "report_definitions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_deliveries" ADD CONSTRAINT "report_deliveries_schedule_id_report_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."report_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_deliveries" ADD CONSTRAINT "report_deliveries_run_id_report_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."report_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_run_chunks" ADD CONSTRAINT "report_run_chunks_run_id_report_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."report_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_runs" ADD CONSTRAINT "report_runs_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_runs" ADD CONSTRAINT "report_runs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_runs" ADD CONSTRAINT "report_runs_schedule_id_report_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."report_schedules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_definitions_partner" ON "report_definitions" USING btree ("partner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_deliveries_due" ON "report_deliveries" USING btree ("schedule_id","due_at");--> statement-breakpoint
CREATE INDEX "report_runs_partner_created" ON "report_runs" USING btree ("partner_id","created_at");--> statement-breakpoint
CREATE INDEX "report_runs_expires" ON "report_runs" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "report_runs_download_token" ON "report_runs" USING btree ("download_token_hash");--> statement-breakpoint
CREATE INDEX "report_schedules_partner" ON "report_schedules" USING btree ("partner_id");