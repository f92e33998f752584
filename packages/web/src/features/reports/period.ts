import type { Dayjs } from 'dayjs';
import { kindOfKey, periodKeyOf } from '../supervision/period';
import type { ReportPeriodKind } from './api';

/** The first day (yyyy-mm-dd) of a quarter or half-year key: 2026-Q3 → 2026-07-01. */
export function periodStart(key: string): string {
  const year = key.slice(0, 4);
  const index = Number(key.slice(6));
  const month = kindOfKey(key) === 'half_year' ? (index - 1) * 6 + 1 : (index - 1) * 3 + 1;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

/** A report key from the URL, or the current period of the kind (the server refuses other kinds). */
export function reportKeyOf(asked: string | null, today: Dayjs): string {
  const kind = asked ? kindOfKey(asked) : null;
  if (asked && (kind === 'quarter' || kind === 'half_year')) return asked;
  return periodKeyOf('quarter', today);
}

/** The same moment seen as the other kind: the half year holding a quarter, the first quarter of a half. */
export function switchKind(key: string, kind: ReportPeriodKind): string {
  if (kindOfKey(key) === kind) return key;
  const start = periodStart(key);
  const month = Number(start.slice(5, 7));
  const year = start.slice(0, 4);
  return kind === 'half_year'
    ? `${year}-H${month <= 6 ? 1 : 2}`
    : `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}
