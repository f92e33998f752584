CREATE TABLE "committee_reports" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "committee_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"committee_org_id" bigint NOT NULL,
	"period_key" text NOT NULL,
	"words" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"number" text,
	"model" jsonb,
	"sha256" text,
	"issued_at" timestamp with time zone,
	"issued_by" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" bigint,
	CONSTRAINT "committee_reports_period" UNIQUE("committee_org_id","period_key")
);
