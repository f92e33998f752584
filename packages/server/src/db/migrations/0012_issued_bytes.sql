ALTER TABLE "issued_documents" ADD COLUMN "docx" "bytea";--> statement-breakpoint
ALTER TABLE "issued_documents" ADD COLUMN "pdf" "bytea";--> statement-breakpoint
ALTER TABLE "committee_reports" ADD COLUMN "docx" "bytea";--> statement-breakpoint
ALTER TABLE "supervision_reports" ADD COLUMN "docx" "bytea";