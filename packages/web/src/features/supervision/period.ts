import type { Dayjs } from 'dayjs';
import type { SupervisionPeriodKind } from './api';

/**
 * Period keys as the server writes them (2027-Q1, 2027-M01, 2027-H1, 2027). The server answers with
 * the period's own label; these helpers only step between keys and name one before it answers.
 */
const MONTHS: Record<SupervisionPeriodKind, number> = { month: 1, quarter: 3, half_year: 6, year: 12 };
const ROMAN = ['I', 'II', 'III', 'IV'];
const pad = (n: number) => String(n).padStart(2, '0');

export function kindOfKey(key: string): SupervisionPeriodKind | null {
  if (/^\d{4}-Q[1-4]$/.test(key)) return 'quarter';
  if (/^\d{4}-M(0[1-9]|1[0-2])$/.test(key)) return 'month';
  if (/^\d{4}-H[12]$/.test(key)) return 'half_year';
  if (/^\d{4}$/.test(key)) return 'year';
  return null;
}

function keyFor(kind: SupervisionPeriodKind, year: number, index: number): string {
  if (kind === 'month') return `${year}-M${pad(index)}`;
  if (kind === 'quarter') return `${year}-Q${index}`;
  if (kind === 'half_year') return `${year}-H${index}`;
  return String(year);
}

/** [year, 1-based index] of a key. */
function partsOf(key: string): [number, number] {
  const year = Number(key.slice(0, 4));
  const index = key.length > 4 ? Number(key.slice(6)) : 1;
  return [year, index];
}

/** The period of `kind` holding a day. */
export function periodKeyOf(kind: SupervisionPeriodKind, day: Dayjs): string {
  return keyFor(kind, day.year(), Math.floor(day.month() / MONTHS[kind]) + 1);
}

/** The key `delta` periods after (or before) this one. */
export function shiftPeriod(key: string, delta: number): string {
  const kind = kindOfKey(key) ?? 'quarter';
  const [year, index] = partsOf(key);
  const count = 12 / MONTHS[kind];
  const flat = year * count + (index - 1) + delta;
  return keyFor(kind, Math.floor(flat / count), (flat % count) + 1);
}

/** "Quý I/2027" / "Q1 2027", the way the server labels periods. */
export function periodLabel(key: string, lang: 'vi' | 'en'): string {
  const kind = kindOfKey(key);
  const [year, index] = partsOf(key);
  if (kind === 'quarter') return lang === 'vi' ? `Quý ${ROMAN[index - 1]}/${year}` : `Q${index} ${year}`;
  if (kind === 'month') return lang === 'vi' ? `Tháng ${index}/${year}` : `Month ${index}/${year}`;
  if (kind === 'half_year') {
    if (lang === 'en') return index === 1 ? `First half of ${year}` : `Second half of ${year}`;
    return index === 1 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`;
  }
  return lang === 'vi' ? `Năm ${year}` : `Year ${year}`;
}
