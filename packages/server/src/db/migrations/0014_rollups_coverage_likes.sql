CREATE TABLE "recommendation_likes" (
	"id" bigint NOT NULL,
	"like_id" bigint NOT NULL,
	"similarity" real NOT NULL,
	CONSTRAINT "recommendation_likes_id_like_id_pk" PRIMARY KEY("id","like_id")
);
--> statement-breakpoint
CREATE TABLE "visit_cell_periods" (
	"org_id" bigint NOT NULL,
	"period_key" text NOT NULL,
	"visits" integer NOT NULL,
	"reported" integer NOT NULL,
	"done" integer NOT NULL,
	"next_visit_id" bigint,
	"open_dates" date[] NOT NULL,
	"cell_good" integer NOT NULL,
	"cell_fair" integer NOT NULL,
	"cell_average" integer NOT NULL,
	"cell_poor" integer NOT NULL,
	"visitor_good" integer NOT NULL,
	"visitor_fair" integer NOT NULL,
	"visitor_average" integer NOT NULL,
	"visitor_poor" integer NOT NULL,
	CONSTRAINT "visit_cell_periods_org_id_period_key_pk" PRIMARY KEY("org_id","period_key")
);
--> statement-breakpoint
CREATE INDEX "recommendation_likes_like_idx" ON "recommendation_likes" USING btree ("like_id");--> statement-breakpoint
CREATE INDEX "visit_cell_periods_period_idx" ON "visit_cell_periods" USING btree ("period_key");--> statement-breakpoint
CREATE INDEX "recommendations_search_gist_idx" ON "recommendations" USING gist ("search_text" gist_trgm_ops);--> statement-breakpoint
CREATE INDEX "visits_meeting_idx" ON "visits" USING btree ("meeting_id");--> statement-breakpoint
-- Both tables are derived: backups leave them out, restore rebuilds them (db/backup/catalog.ts).
COMMENT ON TABLE "visit_cell_periods" IS 'derived: visits per target cell and supervision period, kept by triggers (0014)';
--> statement-breakpoint
COMMENT ON TABLE "recommendation_likes" IS 'derived: each recommendation''s likeliest duplicates before it, kept by a trigger (0014)';
--> statement-breakpoint
-- Recomputes the given (cell, period) pairs from visits, their reports and their meetings' scores, serialised
-- by transaction-scoped advisory locks on 1,024 buckets (namespace 7014) taken in order, as 0013 does.
CREATE FUNCTION visit_cell_periods_refresh(org_ids bigint[], keys text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  bucket integer;
BEGIN
  FOR bucket IN
    SELECT DISTINCT (hashtext(u.org_id::text || '/' || u.key) & 1023) FROM unnest(org_ids, keys) AS u(org_id, key) ORDER BY 1
  LOOP
    PERFORM pg_advisory_xact_lock(7014, bucket);
  END LOOP;
  DELETE FROM visit_cell_periods p
   USING unnest(org_ids, keys) AS u(org_id, key)
   WHERE p.org_id = u.org_id AND p.period_key = u.key;
  INSERT INTO visit_cell_periods (org_id, period_key, visits, reported, done, next_visit_id, open_dates,
    cell_good, cell_fair, cell_average, cell_poor, visitor_good, visitor_fair, visitor_average, visitor_poor)
  SELECT v.cell_org_id, v.period_key, count(*)::integer,
    (count(*) FILTER (WHERE v.status = 'reported'))::integer,
    (count(*) FILTER (WHERE v.status IN ('reported', 'missed')))::integer,
    (array_agg(v.id ORDER BY v.scheduled_date, v.id) FILTER (WHERE v.status NOT IN ('reported', 'missed')))[1],
    COALESCE(array_agg(v.scheduled_date ORDER BY v.scheduled_date, v.id)
      FILTER (WHERE v.status NOT IN ('reported', 'missed')), '{}'),
    (count(*) FILTER (WHERE v.status = 'reported' AND m.level = 'good'))::integer,
    (count(*) FILTER (WHERE v.status = 'reported' AND m.level = 'fair'))::integer,
    (count(*) FILTER (WHERE v.status = 'reported' AND m.level = 'average'))::integer,
    (count(*) FILTER (WHERE v.status = 'reported' AND m.level = 'poor'))::integer,
    (count(*) FILTER (WHERE v.status = 'reported' AND r.level = 'good'))::integer,
    (count(*) FILTER (WHERE v.status = 'reported' AND r.level = 'fair'))::integer,
    (count(*) FILTER (WHERE v.status = 'reported' AND r.level = 'average'))::integer,
    (count(*) FILTER (WHERE v.status = 'reported' AND r.level = 'poor'))::integer
  FROM visits v
  LEFT JOIN meetings m ON m.id = v.meeting_id
  LEFT JOIN visit_reports r ON r.visit_id = v.id
  WHERE v.status <> 'cancelled'
    AND (v.cell_org_id, v.period_key) IN (SELECT DISTINCT u.org_id, u.key FROM unnest(org_ids, keys) AS u(org_id, key))
  GROUP BY v.cell_org_id, v.period_key;
END
$$;
--> statement-breakpoint
CREATE FUNCTION visit_cell_periods_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  ids bigint[];
  keys text[];
BEGIN
  DELETE FROM visit_cell_periods;
  SELECT array_agg(p.cell_org_id), array_agg(p.period_key) INTO ids, keys
    FROM (SELECT DISTINCT v.cell_org_id, v.period_key FROM visits v WHERE v.status <> 'cancelled') p;
  IF ids IS NOT NULL THEN PERFORM visit_cell_periods_refresh(ids, keys); END IF;
END
$$;
--> statement-breakpoint
-- Visits: the (cell, period) pairs of the rows inserted, deleted, or changed in what the coverage reads.
CREATE FUNCTION visit_cell_periods_on_visits() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids bigint[];
  keys text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(p.cell_org_id), array_agg(p.period_key) INTO ids, keys
      FROM (SELECT DISTINCT n.cell_org_id, n.period_key FROM new_rows n) p;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(p.cell_org_id), array_agg(p.period_key) INTO ids, keys
      FROM (SELECT DISTINCT o.cell_org_id, o.period_key FROM old_rows o) p;
  ELSE
    SELECT array_agg(p.cell_org_id), array_agg(p.period_key) INTO ids, keys
      FROM (SELECT DISTINCT s.cell_org_id, s.period_key
              FROM old_rows o JOIN new_rows n ON n.id = o.id
             CROSS JOIN LATERAL (VALUES (o.cell_org_id, o.period_key), (n.cell_org_id, n.period_key))
                   AS s(cell_org_id, period_key)
             WHERE (o.cell_org_id, o.period_key, o.status, o.meeting_id, o.scheduled_date)
                   IS DISTINCT FROM (n.cell_org_id, n.period_key, n.status, n.meeting_id, n.scheduled_date)) p;
  END IF;
  IF ids IS NOT NULL THEN PERFORM visit_cell_periods_refresh(ids, keys); END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Visit reports and the meetings' scores: the pairs of the visits they belong to.
CREATE FUNCTION visit_cell_periods_on_visit_facts() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed bigint[];
  ids bigint[];
  keys text[];
BEGIN
  IF TG_TABLE_NAME = 'visit_reports' THEN
    IF TG_OP = 'INSERT' THEN
      SELECT array_agg(n.visit_id) INTO changed FROM new_rows n;
    ELSIF TG_OP = 'DELETE' THEN
      SELECT array_agg(o.visit_id) INTO changed FROM old_rows o;
    ELSE
      SELECT array_agg(x.visit_id) INTO changed FROM (
        SELECT n.visit_id FROM new_rows n UNION SELECT o.visit_id FROM old_rows o) x;
    END IF;
    SELECT array_agg(p.cell_org_id), array_agg(p.period_key) INTO ids, keys
      FROM (SELECT DISTINCT v.cell_org_id, v.period_key FROM visits v WHERE v.id = ANY (changed)) p;
  ELSE
    IF TG_OP = 'DELETE' THEN
      SELECT array_agg(o.id) INTO changed FROM old_rows o;
    ELSE
      SELECT array_agg(n.id) INTO changed
        FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.level IS DISTINCT FROM n.level;
    END IF;
    IF changed IS NULL THEN RETURN NULL; END IF;
    SELECT array_agg(p.cell_org_id), array_agg(p.period_key) INTO ids, keys
      FROM (SELECT DISTINCT v.cell_org_id, v.period_key FROM visits v WHERE v.meeting_id = ANY (changed)) p;
  END IF;
  IF ids IS NOT NULL THEN PERFORM visit_cell_periods_refresh(ids, keys); END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION visit_cell_periods_on_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM visit_cell_periods_rebuild();
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER visits_rollups_insert AFTER INSERT ON visits REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION visit_cell_periods_on_visits();
--> statement-breakpoint
CREATE TRIGGER visits_rollups_update AFTER UPDATE ON visits
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION visit_cell_periods_on_visits();
--> statement-breakpoint
CREATE TRIGGER visits_rollups_delete AFTER DELETE ON visits REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION visit_cell_periods_on_visits();
--> statement-breakpoint
CREATE TRIGGER visit_reports_rollups_insert AFTER INSERT ON visit_reports REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION visit_cell_periods_on_visit_facts();
--> statement-breakpoint
CREATE TRIGGER visit_reports_rollups_update AFTER UPDATE ON visit_reports
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION visit_cell_periods_on_visit_facts();
--> statement-breakpoint
CREATE TRIGGER visit_reports_rollups_delete AFTER DELETE ON visit_reports REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION visit_cell_periods_on_visit_facts();
--> statement-breakpoint
CREATE TRIGGER meetings_visit_rollups_update AFTER UPDATE ON meetings
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION visit_cell_periods_on_visit_facts();
--> statement-breakpoint
CREATE TRIGGER meetings_visit_rollups_delete AFTER DELETE ON meetings REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION visit_cell_periods_on_visit_facts();
--> statement-breakpoint
CREATE TRIGGER visits_rollups_truncate AFTER TRUNCATE ON visits
  FOR EACH STATEMENT EXECUTE FUNCTION visit_cell_periods_on_truncate();
--> statement-breakpoint
CREATE TRIGGER visit_reports_rollups_truncate AFTER TRUNCATE ON visit_reports
  FOR EACH STATEMENT EXECUTE FUNCTION visit_cell_periods_on_truncate();
--> statement-breakpoint
CREATE TRIGGER meetings_visit_rollups_truncate AFTER TRUNCATE ON meetings
  FOR EACH STATEMENT EXECUTE FUNCTION visit_cell_periods_on_truncate();
--> statement-breakpoint
-- The likeliest duplicates of the given recommendations among those before them: the five nearest texts
-- (trigram distance, the GiST index's `<->`) in the whole tree, under the committee leading the cell, and
-- in the cell — so a commune's and a cell's dashboards find their own pairs too. All kept, alike or not:
-- the dashboard applies its similarity threshold when it reads.
CREATE FUNCTION recommendation_likes_add(ids bigint[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO recommendation_likes (id, like_id, similarity)
  SELECT DISTINCT n.id, l.id, similarity(n.search_text, l.search_text)
  FROM recommendations n
  CROSS JOIN LATERAL (
    -- The index gives the nearest twenty in distance order; of those, the five nearest, the latest first
    -- among equals, so that a rebuild (after a restore) finds the same ones whatever the index's layout.
    (SELECT k.id, k.search_text FROM (SELECT r.id, r.search_text, r.search_text <-> n.search_text AS d
       FROM recommendations r WHERE r.id < n.id ORDER BY d LIMIT 20) k ORDER BY k.d, k.id DESC LIMIT 5)
    UNION ALL
    (SELECT k.id, k.search_text FROM (SELECT r.id, r.search_text, r.search_text <-> n.search_text AS d
       FROM recommendations r
       -- The committee's subtree as a range of the (org_path, raised_on) index: a pattern made from a
       -- column is no index condition for LIKE. `+ 0` keeps the planner off the primary key.
       WHERE r.id + 0 < n.id AND r.org_path >= regexp_replace(n.org_path, '[^/]+/$', '')
         AND r.org_path < regexp_replace(n.org_path, '[^/]+/$', '') || '~'
       ORDER BY d LIMIT 20) k ORDER BY k.d, k.id DESC LIMIT 5)
    UNION ALL
    (SELECT k.id, k.search_text FROM (SELECT r.id, r.search_text, r.search_text <-> n.search_text AS d
       FROM recommendations r WHERE r.id + 0 < n.id AND r.org_path = n.org_path ORDER BY d LIMIT 20) k
     ORDER BY k.d, k.id DESC LIMIT 5)
  ) l
  WHERE n.id = ANY (ids)
  ON CONFLICT DO NOTHING;
$$;
--> statement-breakpoint
CREATE FUNCTION recommendation_likes_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM recommendation_likes;
  PERFORM recommendation_likes_add(array_agg(r.id)) FROM recommendations r HAVING count(*) > 0;
END
$$;
--> statement-breakpoint
CREATE FUNCTION recommendation_likes_on_recommendations() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM recommendation_likes_add(array_agg(n.id)) FROM new_rows n HAVING count(*) > 0;
  ELSIF TG_OP = 'DELETE' THEN
    DELETE FROM recommendation_likes l USING old_rows o WHERE l.id = o.id OR l.like_id = o.id;
  ELSE
    DELETE FROM recommendation_likes;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER recommendations_likes_insert AFTER INSERT ON recommendations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION recommendation_likes_on_recommendations();
--> statement-breakpoint
CREATE TRIGGER recommendations_likes_delete AFTER DELETE ON recommendations REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION recommendation_likes_on_recommendations();
--> statement-breakpoint
CREATE TRIGGER recommendations_likes_truncate AFTER TRUNCATE ON recommendations
  FOR EACH STATEMENT EXECUTE FUNCTION recommendation_likes_on_recommendations();
--> statement-breakpoint
SELECT visit_cell_periods_rebuild();
--> statement-breakpoint
SELECT recommendation_likes_rebuild();
