ALTER TABLE "ratings" ADD COLUMN "self_sheet" jsonb;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "proposal_sheet" jsonb;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "decision_sheet" jsonb;