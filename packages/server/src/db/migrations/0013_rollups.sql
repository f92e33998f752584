CREATE TABLE "cell_month_rollups" (
	"org_id" bigint NOT NULL,
	"month" date NOT NULL,
	"meetings" integer NOT NULL,
	"meeting_id" bigint NOT NULL,
	"status" text NOT NULL,
	"day" date NOT NULL,
	"level" text,
	"total" integer,
	"expected" integer NOT NULL,
	"present" integer NOT NULL,
	"speakers" integer NOT NULL,
	CONSTRAINT "cell_month_rollups_org_id_month_pk" PRIMARY KEY("org_id","month")
);
--> statement-breakpoint
CREATE INDEX "cell_month_rollups_month_idx" ON "cell_month_rollups" USING btree ("month");--> statement-breakpoint
CREATE INDEX "meetings_org_id_date_idx" ON "meetings" USING btree ("org_id","scheduled_date");--> statement-breakpoint
-- The roll-ups below are derived: backups leave out every table whose comment starts with "derived:"
-- (db/backup/catalog.ts) and restore rebuilds them.
COMMENT ON TABLE "cell_month_rollups" IS 'derived: regular meetings per cell and month, kept by triggers (0013)';
--> statement-breakpoint
-- Recomputes the given (cell, month) pairs from meetings, attendance and opinions. Pairs are serialised by
-- transaction-scoped advisory locks on 1,024 buckets (namespace 7013), taken in order: a transaction
-- recomputing a pair waits for one that did before it to commit, then reads its writes (READ COMMITTED
-- takes a new snapshot per statement), so two writers never leave an older count behind.
CREATE FUNCTION cell_month_rollups_refresh(org_ids bigint[], months date[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  bucket integer;
BEGIN
  FOR bucket IN
    SELECT DISTINCT ((u.org_id * 12 + extract(month FROM u.month)::bigint) % 1024)::integer
      FROM unnest(org_ids, months) AS u(org_id, month) ORDER BY 1
  LOOP
    PERFORM pg_advisory_xact_lock(7013, bucket);
  END LOOP;
  DELETE FROM cell_month_rollups r
   USING unnest(org_ids, months) AS u(org_id, month)
   WHERE r.org_id = u.org_id AND r.month = u.month;
  INSERT INTO cell_month_rollups
    (org_id, month, meetings, meeting_id, status, day, level, total, expected, present, speakers)
  SELECT p.org_id, p.month, c.meetings, c.id, c.status, c.day, c.level, c.total,
    (SELECT count(*) FROM attendance a
      WHERE a.meeting_id = c.id AND a.status NOT IN ('exempt', 'attached_elsewhere'))::integer,
    (SELECT count(*) FROM attendance a WHERE a.meeting_id = c.id AND a.status = 'present')::integer,
    (SELECT count(DISTINCT o.member_id) FROM opinions o JOIN attendance a
        ON a.meeting_id = o.meeting_id AND a.member_id = o.member_id AND a.status = 'present'
      WHERE o.meeting_id = c.id)::integer
  FROM (SELECT DISTINCT u.org_id, u.month FROM unnest(org_ids, months) AS u(org_id, month)) p
  CROSS JOIN LATERAL (
    -- The first meeting held or adopted in (date, hour, id) order, else the first of all; held on the day
    -- it started in Vietnam time (UTC+7, no summer time), whatever the session's time zone.
    SELECT m.id, m.status, m.level, m.total,
      COALESCE(((m.started_at AT TIME ZONE 'UTC') + interval '7 hours')::date, m.scheduled_date) AS day,
      (count(*) OVER ())::integer AS meetings
    FROM meetings m
    WHERE m.org_id = p.org_id AND m.kind IN ('regular', 'model') AND m.status <> 'cancelled'
      AND m.scheduled_date >= p.month AND m.scheduled_date < (p.month + interval '1 month')::date
    ORDER BY (m.status IN ('held', 'adopted')) DESC, m.scheduled_date, m.start_time, m.id
    LIMIT 1
  ) c;
END
$$;
--> statement-breakpoint
CREATE FUNCTION cell_month_rollups_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  ids bigint[];
  months date[];
BEGIN
  DELETE FROM cell_month_rollups;
  SELECT array_agg(p.org_id), array_agg(p.month) INTO ids, months
    FROM (SELECT DISTINCT m.org_id, date_trunc('month', m.scheduled_date::timestamp)::date AS month
            FROM meetings m WHERE m.kind IN ('regular', 'model') AND m.status <> 'cancelled') p;
  IF ids IS NOT NULL THEN PERFORM cell_month_rollups_refresh(ids, months); END IF;
END
$$;
--> statement-breakpoint
-- One call per statement (a COPY of a million rows included): the (cell, month) pairs its rows touch.
CREATE FUNCTION cell_month_rollups_on_meetings() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids bigint[];
  months date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(p.org_id), array_agg(p.month) INTO ids, months
      FROM (SELECT DISTINCT n.org_id, date_trunc('month', n.scheduled_date::timestamp)::date AS month
              FROM new_rows n WHERE n.kind IN ('regular', 'model')) p;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(p.org_id), array_agg(p.month) INTO ids, months
      FROM (SELECT DISTINCT o.org_id, date_trunc('month', o.scheduled_date::timestamp)::date AS month
              FROM old_rows o WHERE o.kind IN ('regular', 'model')) p;
  ELSE
    -- Rows whose facts changed (not, say, a new agenda item or the documents' hash): their pair before and after.
    SELECT array_agg(p.org_id), array_agg(p.month) INTO ids, months
      FROM (SELECT DISTINCT s.org_id, date_trunc('month', s.scheduled_date::timestamp)::date AS month
              FROM old_rows o JOIN new_rows n ON n.id = o.id
             CROSS JOIN LATERAL (VALUES (o.org_id, o.scheduled_date, o.kind), (n.org_id, n.scheduled_date, n.kind))
                   AS s(org_id, scheduled_date, kind)
             WHERE s.kind IN ('regular', 'model')
               AND (o.org_id, o.kind, o.status, o.scheduled_date, o.start_time, o.started_at, o.level, o.total)
                   IS DISTINCT FROM
                   (n.org_id, n.kind, n.status, n.scheduled_date, n.start_time, n.started_at, n.level, n.total)) p;
  END IF;
  IF ids IS NOT NULL THEN PERFORM cell_month_rollups_refresh(ids, months); END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Attendance and opinions: the meetings whose roll call or speakers changed (rows equal before and after,
-- e.g. a member's reply, change nothing here).
CREATE FUNCTION cell_month_rollups_on_meeting_rows() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed bigint[];
  ids bigint[];
  months date[];
BEGIN
  IF TG_TABLE_NAME = 'attendance' THEN
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(DISTINCT n.meeting_id) INTO changed FROM new_rows n;
    ELSIF TG_OP = 'DELETE' THEN
      SELECT array_agg(DISTINCT o.meeting_id) INTO changed FROM old_rows o;
    ELSE
      SELECT array_agg(DISTINCT d.meeting_id) INTO changed FROM (
        (SELECT n.meeting_id, n.member_id, n.status FROM new_rows n
         EXCEPT SELECT o.meeting_id, o.member_id, o.status FROM old_rows o)
        UNION
        (SELECT o.meeting_id, o.member_id, o.status FROM old_rows o
         EXCEPT SELECT n.meeting_id, n.member_id, n.status FROM new_rows n)) d;
    END IF;
  ELSE
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(DISTINCT n.meeting_id) INTO changed FROM new_rows n;
    ELSIF TG_OP = 'DELETE' THEN
      SELECT array_agg(DISTINCT o.meeting_id) INTO changed FROM old_rows o;
    ELSE
      SELECT array_agg(DISTINCT d.meeting_id) INTO changed FROM (
        (SELECT n.id, n.meeting_id, n.member_id FROM new_rows n
         EXCEPT SELECT o.id, o.meeting_id, o.member_id FROM old_rows o)
        UNION
        (SELECT o.id, o.meeting_id, o.member_id FROM old_rows o
         EXCEPT SELECT n.id, n.meeting_id, n.member_id FROM new_rows n)) d;
    END IF;
  END IF;
  IF changed IS NULL THEN RETURN NULL; END IF;
  SELECT array_agg(p.org_id), array_agg(p.month) INTO ids, months
    FROM (SELECT DISTINCT m.org_id, date_trunc('month', m.scheduled_date::timestamp)::date AS month
            FROM meetings m WHERE m.id = ANY (changed) AND m.kind IN ('regular', 'model')) p;
  IF ids IS NOT NULL THEN PERFORM cell_month_rollups_refresh(ids, months); END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION cell_month_rollups_on_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cell_month_rollups_rebuild();
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER meetings_rollups_insert AFTER INSERT ON meetings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cell_month_rollups_on_meetings();
--> statement-breakpoint
CREATE TRIGGER meetings_rollups_update AFTER UPDATE ON meetings
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cell_month_rollups_on_meetings();
--> statement-breakpoint
CREATE TRIGGER meetings_rollups_delete AFTER DELETE ON meetings REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cell_month_rollups_on_meetings();
--> statement-breakpoint
CREATE TRIGGER attendance_rollups_insert AFTER INSERT ON attendance REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cell_month_rollups_on_meeting_rows();
--> statement-breakpoint
CREATE TRIGGER attendance_rollups_update AFTER UPDATE ON attendance
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cell_month_rollups_on_meeting_rows();
--> statement-breakpoint
CREATE TRIGGER attendance_rollups_delete AFTER DELETE ON attendance REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cell_month_rollups_on_meeting_rows();
--> statement-breakpoint
CREATE TRIGGER opinions_rollups_insert AFTER INSERT ON opinions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cell_month_rollups_on_meeting_rows();
--> statement-breakpoint
CREATE TRIGGER opinions_rollups_update AFTER UPDATE ON opinions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cell_month_rollups_on_meeting_rows();
--> statement-breakpoint
CREATE TRIGGER opinions_rollups_delete AFTER DELETE ON opinions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION cell_month_rollups_on_meeting_rows();
--> statement-breakpoint
CREATE TRIGGER meetings_rollups_truncate AFTER TRUNCATE ON meetings
  FOR EACH STATEMENT EXECUTE FUNCTION cell_month_rollups_on_truncate();
--> statement-breakpoint
CREATE TRIGGER attendance_rollups_truncate AFTER TRUNCATE ON attendance
  FOR EACH STATEMENT EXECUTE FUNCTION cell_month_rollups_on_truncate();
--> statement-breakpoint
CREATE TRIGGER opinions_rollups_truncate AFTER TRUNCATE ON opinions
  FOR EACH STATEMENT EXECUTE FUNCTION cell_month_rollups_on_truncate();
--> statement-breakpoint
SELECT cell_month_rollups_rebuild();
