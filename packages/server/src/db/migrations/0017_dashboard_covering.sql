-- Covering indexes for the dashboards at a province's root (issue 14 item 2): the month's (or period's, or
-- range's) rows read from the index alone instead of one heap page each, scattered over a year of rows.
-- INCLUDE has no Drizzle form, so they live here only (the schema files name them in comments).
CREATE INDEX "cell_month_rollups_month_covering_idx" ON "cell_month_rollups" ("month", "org_id")
  INCLUDE ("meeting_id", "status", "day", "level", "total", "expected", "present", "speakers");
--> statement-breakpoint
CREATE INDEX "visit_cell_periods_period_covering_idx" ON "visit_cell_periods" ("period_key", "org_id")
  INCLUDE ("visits", "reported", "done", "next_visit_id", "open_dates", "cell_good", "cell_fair", "cell_average",
    "cell_poor", "visitor_good", "visitor_fair", "visitor_average", "visitor_poor");
--> statement-breakpoint
CREATE INDEX "recommendations_org_covering_idx" ON "recommendations" ("org_path", "raised_on")
  INCLUDE ("category", "status", "handler_org_id", "outside_body", "due_date", "answered_on");
