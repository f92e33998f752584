import { bigint, date, index, integer, pgTable, primaryKey, real, text } from 'drizzle-orm/pg-core';

/**
 * Derived, never written by the code: one row per cell and month holding a regular (or model) meeting not
 * cancelled — the facts the committee's overview and the quality figures read. Kept current by the
 * statement-level triggers of migration 0013 in the transaction of every write to meetings, attendance and
 * opinions (commands, imports, the seed's COPY, restore); `rebuildRollups` (modules/overview/rollups.ts)
 * recomputes it whole. Left out of backups (its table comment starts with `derived:`), rebuilt by restore.
 */
export const cellMonthRollups = pgTable(
  'cell_month_rollups',
  {
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    /** The first day of the month of the meetings' scheduled date. */
    month: date('month').notNull(),
    /** The month's regular and model meetings not cancelled. */
    meetings: integer('meetings').notNull(),
    /** The meeting that speaks for the month: the first held or adopted, else the first (date, hour, id). */
    meetingId: bigint('meeting_id', { mode: 'number' }).notNull(),
    status: text('status').notNull(),
    /** The day it was held in Vietnam time (UTC+7) once started, else its scheduled day. */
    day: date('day').notNull(),
    level: text('level'),
    total: integer('total'),
    /** Roll call base: exempt and attached-elsewhere members left out. */
    expected: integer('expected').notNull(),
    present: integer('present').notNull(),
    /** Members present who spoke (distinct). */
    speakers: integer('speakers').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.month] }), index('cell_month_rollups_month_idx').on(t.month)],
);

/**
 * Derived (migration 0014): one row per target cell and supervision period with a visit not cancelled — the
 * facts the coverage reads (modules/supervision/coverage.ts): how many visits, reported, done (reported or
 * missed), the next one not done, and the quality levels the cell's meetings and the visitors gave. Kept by
 * statement-level triggers on visits, visit reports and the meetings' scores, as cell_month_rollups is.
 */
export const visitCellPeriods = pgTable(
  'visit_cell_periods',
  {
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    periodKey: text('period_key').notNull(),
    visits: integer('visits').notNull(),
    reported: integer('reported').notNull(),
    done: integer('done').notNull(),
    /** The first visit not done yet, by (date, id), and the days of all not done (for reports overdue). */
    nextVisitId: bigint('next_visit_id', { mode: 'number' }),
    openDates: date('open_dates').array().notNull(),
    /** Reported visits by the level of the meeting as the cell scored it, then as the visitor did. */
    cellGood: integer('cell_good').notNull(),
    cellFair: integer('cell_fair').notNull(),
    cellAverage: integer('cell_average').notNull(),
    cellPoor: integer('cell_poor').notNull(),
    visitorGood: integer('visitor_good').notNull(),
    visitorFair: integer('visitor_fair').notNull(),
    visitorAverage: integer('visitor_average').notNull(),
    visitorPoor: integer('visitor_poor').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.periodKey] }),
    index('visit_cell_periods_period_idx').on(t.periodKey),
  ],
);

/**
 * Derived (migration 0014): for each recommendation, its likeliest duplicates among the recommendations
 * before it (smaller id) — up to five in the whole tree, five under the committee that leads its cell and
 * five of its own cell, by trigram distance of the accent-folded texts — so that the dashboard reads pairs
 * instead of comparing every open recommendation with every other (modules/recommendations/dashboard.ts).
 * Filled by a statement-level trigger on insert (the text never changes afterwards).
 */
export const recommendationLikes = pgTable(
  'recommendation_likes',
  {
    id: bigint('id', { mode: 'number' }).notNull(),
    likeId: bigint('like_id', { mode: 'number' }).notNull(),
    similarity: real('similarity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.id, t.likeId] }), index('recommendation_likes_like_idx').on(t.likeId)],
);
