CREATE TABLE "visit_assignments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "visit_assignments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"committee_org_id" bigint NOT NULL,
	"committee_path" text COLLATE "C" NOT NULL,
	"org_id" bigint NOT NULL,
	"account_id" bigint,
	"group_id" bigint,
	"from_date" date,
	"to_date" date,
	"ended_at" timestamp with time zone,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_plans" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "visit_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"committee_org_id" bigint NOT NULL,
	"committee_path" text COLLATE "C" NOT NULL,
	"period_key" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"rule_set_id" bigint,
	"uncovered" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"stats" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"planned_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_plans_period" UNIQUE("committee_org_id","period_key")
);
--> statement-breakpoint
CREATE TABLE "visit_report_addenda" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "visit_report_addenda_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"visit_id" bigint NOT NULL,
	"text" text NOT NULL,
	"account_id" bigint NOT NULL,
	"account_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_reports" (
	"visit_id" bigint PRIMARY KEY NOT NULL,
	"attended" boolean NOT NULL,
	"absence_reason" text,
	"score" jsonb,
	"total" integer,
	"level" text,
	"content_notes" text,
	"opinion_notes" text,
	"recommendations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"issues_for_direction" text,
	"submitted_by" bigint NOT NULL,
	"submitted_by_name" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visitor_unavailability" (
	"account_id" bigint NOT NULL,
	"day" date NOT NULL,
	CONSTRAINT "visitor_unavailability_account_id_day_pk" PRIMARY KEY("account_id","day")
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "visits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"plan_id" bigint NOT NULL,
	"committee_org_id" bigint NOT NULL,
	"committee_path" text COLLATE "C" NOT NULL,
	"period_key" text NOT NULL,
	"cell_org_id" bigint NOT NULL,
	"cell_path" text COLLATE "C" NOT NULL,
	"meeting_id" bigint,
	"account_id" bigint NOT NULL,
	"group_id" bigint,
	"scheduled_date" date NOT NULL,
	"start_time" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"repeat" boolean DEFAULT false NOT NULL,
	"cancel_reason" text,
	"checked_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "working_group_members" (
	"group_id" bigint NOT NULL,
	"account_id" bigint NOT NULL,
	CONSTRAINT "working_group_members_group_id_account_id_pk" PRIMARY KEY("group_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "working_groups" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "working_groups_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"committee_org_id" bigint NOT NULL,
	"committee_path" text COLLATE "C" NOT NULL,
	"name" text NOT NULL,
	"leader_account_id" bigint,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "visit_assignments_committee_idx" ON "visit_assignments" USING btree ("committee_path");--> statement-breakpoint
CREATE INDEX "visit_assignments_account_idx" ON "visit_assignments" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "visit_assignments_group_idx" ON "visit_assignments" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "visit_report_addenda_visit_idx" ON "visit_report_addenda" USING btree ("visit_id");--> statement-breakpoint
CREATE INDEX "visits_plan_idx" ON "visits" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "visits_account_idx" ON "visits" USING btree ("account_id","scheduled_date");--> statement-breakpoint
CREATE INDEX "visits_cell_idx" ON "visits" USING btree ("cell_path","scheduled_date");--> statement-breakpoint
CREATE INDEX "wgm_account_idx" ON "working_group_members" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "working_groups_committee_idx" ON "working_groups" USING btree ("committee_path");