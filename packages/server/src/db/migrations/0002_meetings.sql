CREATE TABLE "addenda" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "addenda_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"meeting_id" bigint NOT NULL,
	"date" date NOT NULL,
	"text" text NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attendance" (
	"meeting_id" bigint NOT NULL,
	"member_id" bigint NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"member_status" text NOT NULL,
	"suspended" boolean DEFAULT false NOT NULL,
	"reply" text,
	CONSTRAINT "attendance_meeting_id_member_id_pk" PRIMARY KEY("meeting_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"token" text PRIMARY KEY NOT NULL,
	"account_id" bigint NOT NULL,
	"org_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_counters" (
	"org_id" bigint NOT NULL,
	"term" text NOT NULL,
	"doc_type" text NOT NULL,
	"last" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "document_counters_org_id_term_doc_type_pk" PRIMARY KEY("org_id","term","doc_type")
);
--> statement-breakpoint
CREATE TABLE "meeting_guests" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meeting_guests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"meeting_id" bigint NOT NULL,
	"name" text NOT NULL,
	"role" text
);
--> statement-breakpoint
CREATE TABLE "issued_documents" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "issued_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"meeting_id" bigint NOT NULL,
	"doc_type" text NOT NULL,
	"number" text NOT NULL,
	"model" jsonb NOT NULL,
	"sha256" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "issued_documents_number" UNIQUE("meeting_id","doc_type")
);
--> statement-breakpoint
CREATE TABLE "materials" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "materials_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"meeting_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"publish_at" timestamp with time zone NOT NULL,
	"uploaded_by" bigint,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meeting_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"meeting_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_id" bigint,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meetings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"org_path" text COLLATE "C" NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"combined" boolean DEFAULT false NOT NULL,
	"title" text,
	"scheduled_date" date NOT NULL,
	"start_time" text NOT NULL,
	"place" text,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"chair_member_id" bigint,
	"minute_taker_member_id" bigint,
	"agenda" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rule_set_id" bigint,
	"manual_scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"score" jsonb,
	"level" text,
	"total" integer,
	"conclusion" text,
	"adopted_at" timestamp with time zone,
	"adopted_model" jsonb,
	"content_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"link" text,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_dedupe" UNIQUE("account_id","dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "opinions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opinions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"meeting_id" bigint NOT NULL,
	"member_id" bigint,
	"guest_name" text,
	"agenda_index" integer NOT NULL,
	"summary" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_terms" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "org_terms_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"starts_on" date NOT NULL,
	"label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rule_sets" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rule_sets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"org_path" text COLLATE "C" NOT NULL,
	"name" text NOT NULL,
	"effective_from" date NOT NULL,
	"content" jsonb NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"meeting_id" bigint NOT NULL,
	"org_path" text COLLATE "C" NOT NULL,
	"member_id" bigint,
	"text" text NOT NULL,
	"deadline" date,
	"status" text DEFAULT 'open' NOT NULL,
	"status_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "votes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "votes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"meeting_id" bigint NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"member_id" bigint,
	"votes_for" integer NOT NULL,
	"votes_against" integer NOT NULL,
	"abstain" integer NOT NULL,
	"eligible" integer NOT NULL,
	"passed" boolean NOT NULL,
	"statement" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "attendance_member_idx" ON "attendance" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "issued_documents_meeting_idx" ON "issued_documents" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "materials_meeting_idx" ON "materials" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_events_meeting_idx" ON "meeting_events" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meetings_org_date_idx" ON "meetings" USING btree ("org_path","scheduled_date");--> statement-breakpoint
CREATE INDEX "meetings_date_idx" ON "meetings" USING btree ("scheduled_date");--> statement-breakpoint
CREATE INDEX "notifications_account_idx" ON "notifications" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "opinions_meeting_idx" ON "opinions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "rule_sets_org_idx" ON "rule_sets" USING btree ("org_path","effective_from");--> statement-breakpoint
CREATE INDEX "tasks_meeting_idx" ON "tasks" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "tasks_member_idx" ON "tasks" USING btree ("member_id");