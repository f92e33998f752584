import { lastDayOfMonth } from '../dates.ts';
import type { SupervisionPeriod, SupervisionPeriodKind } from './types.ts';

const MONTHS_IN: Record<SupervisionPeriodKind, number> = { month: 1, quarter: 3, half_year: 6, year: 12 };
const ROMAN = ['I', 'II', 'III', 'IV'];

const pad = (n: number) => String(n).padStart(2, '0');
const monthKey = (year: number, month: number) => `${year}-${pad(month)}`;

/** Adds months to (year, month 1–12). */
function addMonths(year: number, month: number, months: number): [number, number] {
  const index = year * 12 + (month - 1) + months;
  return [Math.floor(index / 12), (index % 12) + 1];
}

function labelOf(kind: SupervisionPeriodKind, year: number, index: number) {
  switch (kind) {
    case 'month':
      return { vi: `Tháng ${index}/${year}`, en: `Month ${index}/${year}` };
    case 'quarter':
      return { vi: `Quý ${ROMAN[index - 1]}/${year}`, en: `Q${index} ${year}` };
    case 'half_year':
      return index === 1
        ? { vi: `6 tháng đầu năm ${year}`, en: `First half of ${year}` }
        : { vi: `6 tháng cuối năm ${year}`, en: `Second half of ${year}` };
    default:
      return { vi: `Năm ${year}`, en: `Year ${year}` };
  }
}

function keyOf(kind: SupervisionPeriodKind, year: number, index: number): string {
  if (kind === 'month') return `${year}-M${pad(index)}`;
  if (kind === 'quarter') return `${year}-Q${index}`;
  if (kind === 'half_year') return `${year}-H${index}`;
  return String(year);
}

/** The period numbered `index` (1-based: quarter 1–4, month 1–12, half 1–2, year 1) of a year. */
export function supervisionPeriod(
  kind: SupervisionPeriodKind,
  year: number,
  index: number,
  windowMonths: number,
): SupervisionPeriod {
  const length = MONTHS_IN[kind];
  const count = 12 / length;
  if (!Number.isInteger(index) || index < 1 || index > count) {
    throw new RangeError(`period ${kind} ${index}: outside 1..${count}`);
  }
  const firstMonth = (index - 1) * length + 1;
  const [lastYear, lastMonth] = addMonths(year, firstMonth, length - 1);
  const window = Math.min(Math.max(1, windowMonths), length);
  const [windowYear, windowMonth] = addMonths(year, firstMonth, window - 1);
  return {
    key: keyOf(kind, year, index),
    kind,
    from: `${monthKey(year, firstMonth)}-01`,
    to: lastDayOfMonth(monthKey(lastYear, lastMonth)),
    windowFrom: `${monthKey(year, firstMonth)}-01`,
    windowTo: lastDayOfMonth(monthKey(windowYear, windowMonth)),
    label: labelOf(kind, year, index),
  };
}

/** The period holding a date. */
export function periodContaining(kind: SupervisionPeriodKind, date: string, windowMonths: number) {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return supervisionPeriod(kind, year, Math.floor((month - 1) / MONTHS_IN[kind]) + 1, windowMonths);
}

/** Reads a period key (2027-Q1, 2027-M01, 2027-H2, 2027); null when it is not one of `kind`. */
export function parsePeriodKey(
  kind: SupervisionPeriodKind,
  key: string,
  windowMonths: number,
): SupervisionPeriod | null {
  const match = /^(\d{4})(?:-([MQH])(\d{1,2}))?$/.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  const letter = match[2] ?? null;
  const expected = { month: 'M', quarter: 'Q', half_year: 'H', year: null }[kind];
  if (letter !== expected || year < 1990 || year > 2100) return null;
  const index = letter ? Number(match[3]) : 1;
  if (index < 1 || index > 12 / MONTHS_IN[kind]) return null;
  return supervisionPeriod(kind, year, index, windowMonths);
}

/** The period before this one (for rotation: who went where last time). */
export function previousPeriod(period: SupervisionPeriod, windowMonths: number): SupervisionPeriod {
  const [year, month] = addMonths(Number(period.from.slice(0, 4)), Number(period.from.slice(5, 7)), -1);
  return periodContaining(period.kind, `${monthKey(year, month)}-01`, windowMonths);
}
