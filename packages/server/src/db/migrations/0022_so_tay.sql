CREATE TABLE "so_tay_postings" (
	"meeting_id" bigint PRIMARY KEY NOT NULL,
	"posted_at" timestamp with time zone NOT NULL,
	"recorded_by" bigint,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
