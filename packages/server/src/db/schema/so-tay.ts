import { bigint, pgTable, timestamp } from 'drizzle-orm/pg-core';

/**
 * A meeting's materials posted on the Sổ tay đảng viên điện tử app (HD 42-HD/BTCTW (28/10/2025): materials
 * reach the members on the app at least one day before the meeting; issue 17 item 4). The app has no public
 * interface: the secretary posts the package Nền Nếp prepares and records here when. One row per meeting;
 * recording again replaces it, undoing deletes it (both refused once the minutes are adopted).
 */
export const soTayPostings = pgTable('so_tay_postings', {
  meetingId: bigint('meeting_id', { mode: 'number' }).primaryKey(),
  /** When the package was posted on the app, as the secretary says (never after the clock's now). */
  postedAt: timestamp('posted_at', { withTimezone: true }).notNull(),
  recordedBy: bigint('recorded_by', { mode: 'number' }),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
});
