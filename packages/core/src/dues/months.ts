/**
 * Months as dues count them: 'YYYY-MM' strings, the form of the import columns (`from_month`, `month`,
 * `reduction_until`) and of the API (`?month=`). They compare as strings; arithmetic goes through an index.
 */

/** A month as 'YYYY-MM' (2026-02). */
export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether a text is a month as 'YYYY-MM' between 1900 and 2100 (the range dates.ts accepts). */
export function isMonth(text: string): boolean {
  const match = MONTH.exec(text);
  return match !== null && Number(match[1]) >= 1900 && Number(match[1]) <= 2100;
}

/** Months since year 0: a number for adding and counting months. */
export function monthIndex(month: Month): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** The month of an index given by `monthIndex`. */
export function monthFromIndex(index: number): Month {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month `count` months after (before, when negative) a month: ('2026-11', 3) → '2027-02'. */
export function addMonths(month: Month, count: number): Month {
  return monthFromIndex(monthIndex(month) + count);
}

/** Months from `from` to `to`, both counted: ('2026-11', '2027-01') → 3; 0 when `to` is before `from`. */
export function monthsBetween(from: Month, to: Month): number {
  return Math.max(0, monthIndex(to) - monthIndex(from) + 1);
}

/** The month of an ISO date: '2026-02-03' → '2026-02'. */
export function monthOfDate(isoDate: string): Month {
  return isoDate.slice(0, 7);
}

/** The twelve months of a year, January first. */
export function monthsOfYear(year: number): Month[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}
