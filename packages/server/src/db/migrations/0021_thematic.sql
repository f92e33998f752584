CREATE TABLE "thematic_comments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "thematic_comments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"registration_id" bigint NOT NULL,
	"paper_id" bigint NOT NULL,
	"member_id" bigint NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "thematic_papers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "thematic_papers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"registration_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"text" text NOT NULL,
	"created_by" bigint,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"shared_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "thematic_registrations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "thematic_registrations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"org_path" text COLLATE "C" NOT NULL,
	"year" integer NOT NULL,
	"quarter" integer NOT NULL,
	"topic_id" bigint,
	"title" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"refusal_reason" text,
	"decided_by" bigint,
	"presenter_member_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"planned_date" date NOT NULL,
	"meeting_id" bigint,
	"paper_shared_at" timestamp with time zone,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "thematic_topics" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "thematic_topics_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"org_path" text COLLATE "C" NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"purpose" text NOT NULL,
	"materials" text DEFAULT '' NOT NULL,
	"cell_categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "thematic_comments_registration_idx" ON "thematic_comments" USING btree ("registration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "thematic_papers_version_idx" ON "thematic_papers" USING btree ("registration_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "thematic_registrations_cell_quarter_idx" ON "thematic_registrations" USING btree ("org_id","year","quarter") WHERE status <> 'refused';--> statement-breakpoint
CREATE INDEX "thematic_registrations_path_idx" ON "thematic_registrations" USING btree ("org_path","year","quarter");--> statement-breakpoint
CREATE INDEX "thematic_topics_path_year_idx" ON "thematic_topics" USING btree ("org_path","year");