/**
 * Recognition as an official member (công nhận đảng viên chính thức): when the cell may consider it.
 *
 * Sources: Điều lệ Đảng (2011) art. 5 — a member admitted goes through twelve months of probation from the
 * day of admission; when it ends, the cell considers recognition, with at least two thirds of its official
 * members in favour (the vote rule is `voteRule` in vote.ts). HD 01-HD/TW (28/9/2021) point 3.5 — the cell
 * considers it within 30 days after the probation ends (the secretary's home lists those due, home.ts).
 */
import { daysInMonth, isoDate, parseIsoDate } from './calendar.ts';

/**
 * The day the twelve months of probation end (Điều lệ Đảng art. 5): the same day a year after admission,
 * or the month's last day when there is none (29/02 → 28/02), as PostgreSQL's `+ interval '12 months'` does.
 */
export function probationEndsOn(admissionDate: string): string {
  const { year, month, day } = parseIsoDate(admissionDate, 'admissionDate');
  return isoDate(year + 1, month, Math.min(day, daysInMonth(year + 1, month)));
}

export interface RecognitionTiming {
  admissionDate: string;
  probationEnds: string;
  /** The meeting comes before the twelve months end: the app warns, and records the vote only once confirmed. */
  early: boolean;
}

/** Where a meeting on `meetingDate` stands against a probationary member's twelve months. */
export function recognitionTiming(admissionDate: string, meetingDate: string): RecognitionTiming {
  const probationEnds = probationEndsOn(admissionDate);
  return { admissionDate, probationEnds, early: meetingDate < probationEnds };
}
