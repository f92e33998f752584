CREATE TABLE "recommendation_attachments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recommendation_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"recommendation_id" bigint NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"uploaded_by" bigint,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendation_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recommendation_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"recommendation_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"from_org_id" bigint,
	"to_org_id" bigint,
	"note" text,
	"actor_id" bigint,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "recommendations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"org_path" text COLLATE "C" NOT NULL,
	"source" text NOT NULL,
	"meeting_id" bigint,
	"visit_id" bigint,
	"raised_by_member_id" bigint,
	"raised_by" text NOT NULL,
	"raised_on" date NOT NULL,
	"text" text NOT NULL,
	"search_text" text NOT NULL,
	"category" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"handler_org_id" bigint NOT NULL,
	"handler_path" text COLLATE "C" NOT NULL,
	"outside_body" text,
	"due_date" date,
	"escalations" integer DEFAULT 0 NOT NULL,
	"merged_into_id" bigint,
	"declined_reason" text,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_on" date,
	"answered_by" text,
	"answer_meeting_id" bigint,
	"answer_given" boolean DEFAULT false NOT NULL,
	"reported_back_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "recommendation_attachments_idx" ON "recommendation_attachments" USING btree ("recommendation_id");--> statement-breakpoint
CREATE INDEX "recommendation_events_idx" ON "recommendation_events" USING btree ("recommendation_id");--> statement-breakpoint
CREATE INDEX "recommendations_org_idx" ON "recommendations" USING btree ("org_path","raised_on");--> statement-breakpoint
CREATE INDEX "recommendations_handler_idx" ON "recommendations" USING btree ("handler_path","status");--> statement-breakpoint
CREATE INDEX "recommendations_answer_meeting_idx" ON "recommendations" USING btree ("answer_meeting_id");--> statement-breakpoint
CREATE INDEX "recommendations_search_idx" ON "recommendations" USING gin ("search_text" gin_trgm_ops);