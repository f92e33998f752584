import { bigint, date, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

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
