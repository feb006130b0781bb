CREATE TABLE "setup_links" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"partner_id" uuid,
	CONSTRAINT "setup_links_kind" CHECK ("setup_links"."kind" in ('first', 'additional')),
	CONSTRAINT "setup_links_used" CHECK (("setup_links"."used_at" is null) = ("setup_links"."partner_id" is null))
);
--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "country" text DEFAULT 'CH' NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "currency" text DEFAULT 'CHF' NOT NULL;--> statement-breakpoint
ALTER TABLE "setup_links" ADD CONSTRAINT "setup_links_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_country_format" CHECK ("partners"."country" ~ '^[A-Z]{2}$');--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_currency_format" CHECK ("partners"."currency" ~ '^[A-Z]{3}$');