/**
 * Calendar arithmetic on ISO dates (yyyy-mm-dd) for the meeting rules. Dates here are calendar days, not
 * instants, so everything runs in UTC and no time zone can move a meeting to the day before.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Number of days of a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Reads a real calendar date in ISO form, or throws a RangeError naming the argument. */
export function parseIsoDate(iso: string, name = 'date'): CalendarDate {
  const match = ISO_DATE.exec(iso);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`${name}: "${iso}" is not an ISO date (yyyy-mm-dd)`);
  }
  return { year, month, day };
}

/** ISO form of a calendar date. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The ISO date `days` days after (or before, when negative) `iso`. */
export function addDays(iso: string, days: number): string {
  const { year, month, day } = parseIsoDate(iso);
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return isoDate(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** The later of two ISO dates (they compare as text). */
export function laterDate(a: string, b: string): string {
  if (a < b) return b;
  return a;
}

/** A number in Vietnamese notation with at most `decimals` decimals: 58,8 — and 100, not 100,0. */
export function formatDecimalVi(value: number, decimals = 1): string {
  return formatDecimalEn(value, decimals).replace('.', ',');
}

/** The same number in English notation: 58.8. */
export function formatDecimalEn(value: number, decimals = 1): string {
  const fixed = value.toFixed(decimals);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}
