/** Dates as Vietnam sees them (Asia/Ho_Chi_Minh, UTC+7, no daylight saving). */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** ISO date (yyyy-mm-dd) of an instant in Vietnam. */
export function isoDateInVietnam(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: VIETNAM_TIME_ZONE }).format(instant);
}

/**
 * Reads a date as people type it in spreadsheets: dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy)
 * or ISO yyyy-mm-dd. Returns the ISO form, or null when it is not a real calendar date.
 */
export function parseVietnameseDate(text: string): string | null {
  const value = text.trim();
  let day: number;
  let month: number;
  let year: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T00:00:00(?:\.000)?Z?)?$/.exec(value);
  if (match) {
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
    if (!match) return null;
    [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** dd/mm/yyyy for display. */
export function formatVietnameseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** The last day of a month given as yyyy-mm, as an ISO date: "2024-02" → "2024-02-29". */
export function lastDayOfMonth(month: string): string {
  const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}
