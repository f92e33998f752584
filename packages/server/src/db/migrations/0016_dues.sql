CREATE TABLE "dues_bases" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dues_bases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" bigint NOT NULL,
	"from_month" text NOT NULL,
	"category" text NOT NULL,
	"amount_vnd" bigint NOT NULL,
	"declared_by" bigint,
	"declared_by_name" text NOT NULL,
	"by_member" boolean DEFAULT false NOT NULL,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dues_payments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dues_payments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"org_path" text COLLATE "C" NOT NULL,
	"month" text NOT NULL,
	"paid_vnd" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"channel" text NOT NULL,
	"meeting_id" bigint,
	"recorded_by" bigint,
	"recorded_by_name" text NOT NULL,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dues_reasons" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dues_reasons_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" bigint NOT NULL,
	"month" text NOT NULL,
	"reason" text NOT NULL,
	"recorded_by" bigint,
	"recorded_by_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dues_reliefs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dues_reliefs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"percent" integer DEFAULT 0 NOT NULL,
	"from_month" text NOT NULL,
	"until_month" text,
	"meeting_id" bigint,
	"reason" text NOT NULL,
	"recorded_by" bigint,
	"recorded_by_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "dues_bases_member_idx" ON "dues_bases" USING btree ("member_id","from_month");--> statement-breakpoint
CREATE INDEX "dues_payments_member_idx" ON "dues_payments" USING btree ("member_id","month");--> statement-breakpoint
CREATE INDEX "dues_payments_org_idx" ON "dues_payments" USING btree ("org_path","month");--> statement-breakpoint
CREATE INDEX "dues_payments_meeting_idx" ON "dues_payments" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "dues_reasons_member_idx" ON "dues_reasons" USING btree ("member_id","month");--> statement-breakpoint
CREATE INDEX "dues_reliefs_member_idx" ON "dues_reliefs" USING btree ("member_id","from_month");