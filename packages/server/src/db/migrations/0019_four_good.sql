CREATE TABLE "four_good_assessments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "four_good_assessments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"registration_id" bigint NOT NULL,
	"criterion_id" text NOT NULL,
	"met" boolean NOT NULL,
	"note" text,
	"assessed_by" bigint,
	"assessed_by_name" text,
	"assessed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "four_good_assessments_criterion" UNIQUE("registration_id","criterion_id")
);
--> statement-breakpoint
CREATE TABLE "four_good_registrations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "four_good_registrations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"year" integer NOT NULL,
	"org_id" bigint NOT NULL,
	"org_path" text COLLATE "C" NOT NULL,
	"status" text DEFAULT 'registered' NOT NULL,
	"note" text,
	"registered_by" bigint,
	"registered_by_name" text,
	"registered_at" timestamp with time zone NOT NULL,
	"withdrawn_reason" text,
	"withdrawn_by" bigint,
	"withdrawn_by_name" text,
	"withdrawn_at" timestamp with time zone,
	"result" text,
	"result_computed" text,
	"result_reason" text,
	"result_by" bigint,
	"result_by_name" text,
	"result_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "four_good_registrations_org_year" UNIQUE("org_id","year")
);
--> statement-breakpoint
CREATE INDEX "four_good_registrations_path_idx" ON "four_good_registrations" USING btree ("org_path","year");