CREATE TABLE "supervision_reports" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "supervision_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"committee_org_id" bigint NOT NULL,
	"period_key" text NOT NULL,
	"number" text NOT NULL,
	"model" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"issued_by" bigint,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supervision_reports_period" UNIQUE("committee_org_id","period_key")
);
