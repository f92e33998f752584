CREATE TABLE "pass_on_documents" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pass_on_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"org_path" text COLLATE "C" NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"issued_on" date NOT NULL,
	"pass_on_by" date NOT NULL,
	"audience" text NOT NULL,
	"cell_kinds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cell_categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pass_on_records" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pass_on_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"document_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"meeting_id" bigint NOT NULL,
	"passed_on" date NOT NULL,
	"presenter_member_id" bigint,
	"presenter" text NOT NULL,
	"recorded_by" bigint,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "pass_on_documents_path_idx" ON "pass_on_documents" USING btree ("org_path");--> statement-breakpoint
CREATE INDEX "pass_on_documents_due_idx" ON "pass_on_documents" USING btree ("pass_on_by");--> statement-breakpoint
CREATE UNIQUE INDEX "pass_on_records_doc_org_idx" ON "pass_on_records" USING btree ("document_id","org_id");--> statement-breakpoint
CREATE INDEX "pass_on_records_meeting_idx" ON "pass_on_records" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "pass_on_records_org_idx" ON "pass_on_records" USING btree ("org_id");