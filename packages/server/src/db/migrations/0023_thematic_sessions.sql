CREATE TABLE "thematic_session_comments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "thematic_session_comments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"session_id" bigint NOT NULL,
	"draft_id" bigint NOT NULL,
	"member_id" bigint NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "thematic_session_drafts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "thematic_session_drafts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"session_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"text" text NOT NULL,
	"created_by" bigint,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"shared_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "thematic_sessions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "thematic_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"org_path" text COLLATE "C" NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"title" text NOT NULL,
	"topic_id" bigint,
	"date" date NOT NULL,
	"time" text NOT NULL,
	"place" text NOT NULL,
	"resolution_shared_at" timestamp with time zone,
	"issued_at" timestamp with time zone,
	"issued_version" integer,
	"issued_number" text,
	"issued_on" date,
	"pass_on_document_id" bigint,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "thematic_registrations_cell_quarter_idx";--> statement-breakpoint
ALTER TABLE "thematic_registrations" ADD COLUMN "session_id" bigint;--> statement-breakpoint
CREATE INDEX "thematic_session_comments_session_idx" ON "thematic_session_comments" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "thematic_session_drafts_version_idx" ON "thematic_session_drafts" USING btree ("session_id","version");--> statement-breakpoint
CREATE INDEX "thematic_sessions_path_year_idx" ON "thematic_sessions" USING btree ("org_path","year");--> statement-breakpoint
CREATE UNIQUE INDEX "thematic_registrations_session_cell_idx" ON "thematic_registrations" USING btree ("session_id","org_id") WHERE session_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "thematic_registrations_cell_quarter_idx" ON "thematic_registrations" USING btree ("org_id","year","quarter") WHERE status <> 'refused' AND session_id IS NULL;