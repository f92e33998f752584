/**
 * The rules of the thematic programme (pure, no I/O). HD 12-HD/BTCTW (06/7/2018), its part on sinh hoạt
 * chuyên đề (sinh hoạt chuyên đề): at least once per quarter, on a topic from the superior committee's plan
 * or the cell's own; members prepare the paper, the cell committee approves it, it is published at least one
 * day before (HD 42-HD/BTCTW (28/10/2025)), a thematic resolution is adopted. domain.md §6.
 */
import type { CoverageStatus, RegistrationStatus } from './types.ts';

/** The quarter (1–4) of an ISO date. */
export const quarterOf = (iso: string): number => Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1;

/** The first and last ISO days of a quarter. */
export function quarterBounds(year: number, quarter: number): { from: string; to: string } {
  const first = (quarter - 1) * 3 + 1;
  const last = first + 2;
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay)}` };
}

/** A quarter is past once its last day has gone by (today from the injected clock). */
export const isPastQuarter = (year: number, quarter: number, today: string): boolean =>
  quarterBounds(year, quarter).to < today;

/** Is a date inside the quarter? */
export function inQuarter(iso: string, year: number, quarter: number): boolean {
  const { from, to } = quarterBounds(year, quarter);
  return iso >= from && iso <= to;
}

/** Does a topic address a cell of this category (an empty list: every cell)? */
export const topicAddresses = (categories: readonly string[], category: string | null): boolean =>
  categories.length === 0 || (category !== null && categories.includes(category));

/** May a registration's paper be drafted, shared and commented on (the topic is accepted)? */
export const topicAccepted = (status: RegistrationStatus): boolean =>
  status === 'registered' || status === 'approved';

/**
 * Where a cell stands: its registration (none, pending, refused), then the furthest step reached — the paper
 * shared, the thematic meeting held, its minutes and resolution adopted (HD 12-HD/BTCTW, on sinh hoạt chuyên
 * đề).
 */
export function coverageStatus(
  registration: { status: RegistrationStatus; paperShared: boolean } | null,
  meetingStatus: string | null,
): CoverageStatus {
  if (!registration) return 'none';
  if (registration.status === 'pending' || registration.status === 'refused') return registration.status;
  if (meetingStatus === 'adopted') return 'resolution_adopted';
  if (meetingStatus === 'held') return 'held';
  if (registration.paperShared) return 'paper_shared';
  return registration.status;
}
