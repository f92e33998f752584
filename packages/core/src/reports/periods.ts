import { parsePeriodKey, supervisionPeriod } from '../supervision/periods.ts';
import type { SupervisionPeriod, SupervisionPeriodKind } from '../supervision/types.ts';
import type { ReportPeriod, ReportPeriodKind } from './types.ts';

const MONTHS_IN: Record<SupervisionPeriodKind, number> = { month: 1, quarter: 3, half_year: 6, year: 12 };
const ROMAN = ['I', 'II', 'III', 'IV'];

const toReportPeriod = (p: SupervisionPeriod): ReportPeriod => ({
  key: p.key,
  kind: p.kind as ReportPeriodKind,
  from: p.from,
  to: p.to,
  label: p.label,
});

/**
 * The report period of a key: a quarter (2026-Q3) or a half year (2026-H1). Null for anything else,
 * months and whole years included (a report is quarterly or half-yearly).
 */
export function reportPeriod(key: string): ReportPeriod | null {
  // The supervision window plays no part in a report: take the whole period as the window.
  const found = parsePeriodKey('quarter', key, 3) ?? parsePeriodKey('half_year', key, 6);
  return found ? toReportPeriod(found) : null;
}

/** The months of a period, as yyyy-mm: 2026-Q3 → 2026-07, 2026-08, 2026-09. */
export function monthsOf(period: Pick<ReportPeriod, 'from' | 'to'>): string[] {
  const months: string[] = [];
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last || months.length >= 12) return months;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

/**
 * The periods of a supervision target (`kind`, `windowMonths`) lying inside a report period: the two
 * quarters of a half year, the three months of a quarter, the quarter itself. None when the target's
 * period is longer than the report's (a yearly target has no figure of its own for one quarter).
 */
export function supervisionPeriodsWithin(
  kind: SupervisionPeriodKind,
  windowMonths: number,
  period: Pick<ReportPeriod, 'from' | 'to'>,
): SupervisionPeriod[] {
  const length = MONTHS_IN[kind];
  const year = Number(period.from.slice(0, 4));
  const out: SupervisionPeriod[] = [];
  for (let index = 1; index <= 12 / length; index++) {
    const p = supervisionPeriod(kind, year, index, windowMonths);
    if (p.from >= period.from && p.to <= period.to) out.push(p);
  }
  return out;
}

/** "quý III năm 2026", "6 tháng đầu năm 2026": the period as the report's subtitle and sentences say it. */
export function reportPeriodText(period: Pick<ReportPeriod, 'kind' | 'from'>): string {
  const year = period.from.slice(0, 4);
  const month = Number(period.from.slice(5, 7));
  if (period.kind === 'quarter') return `quý ${ROMAN[Math.floor((month - 1) / 3)]} năm ${year}`;
  return month <= 6 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`;
}

/** "Trong quý" / "Trong 6 tháng": how the default words open. */
export const periodWord = (kind: ReportPeriodKind) => (kind === 'quarter' ? 'quý' : '6 tháng');

/** The period after this one, of the same kind (the "kỳ tới" of the directions). */
export function nextReportPeriod(period: Pick<ReportPeriod, 'kind' | 'from'>): ReportPeriod {
  const length = MONTHS_IN[period.kind];
  const year = Number(period.from.slice(0, 4));
  const index = Math.floor((Number(period.from.slice(5, 7)) - 1) / length) + 1;
  const count = 12 / length;
  const [nextYear, nextIndex] = index === count ? [year + 1, 1] : [year, index + 1];
  return toReportPeriod(supervisionPeriod(period.kind, nextYear, nextIndex, length));
}
