/** What the roll-up reads and the naive reference share: states, shares and the counting of figures. */
import {
  type OverviewRow,
  type OverviewState,
  type OverviewSummary,
  QUALITY_LEVELS,
  type QualityLevel,
  type QualityLine,
} from '@nennep/core';

export const HELD = new Set(['held', 'adopted']);

/** A share in percent with one decimal, null when there is nothing to share. */
export const percent = (part: number, whole: number) =>
  whole > 0 ? Math.round((part * 1000) / whole) / 10 : null;

/** A cell's state for the month from its meetings (date order) and the month's meeting window. */
export function stateOf(
  meetings: { status: string; date: string }[],
  window: { from: string; to: string },
  today: string,
): { state: OverviewState; index: number | null } {
  const held = meetings.findIndex((m) => HELD.has(m.status));
  const heldMeeting = meetings[held];
  if (heldMeeting) return { state: heldMeeting.date <= window.to ? 'on_time' : 'late', index: held };
  const pending = meetings.length > 0 ? 0 : null;
  if (today > window.to) return { state: 'not_held', index: pending };
  return { state: pending === null ? 'upcoming' : 'planned', index: pending };
}

const zeroLevels = () =>
  Object.fromEntries(QUALITY_LEVELS.map((l) => [l, 0])) as Record<QualityLevel, number>;

export function summarise(items: OverviewRow[]): OverviewSummary {
  const byLevel = zeroLevels();
  for (const item of items) if (item.level) byLevel[item.level] += 1;
  const count = (state: OverviewState) => items.filter((i) => i.state === state).length;
  return {
    cells: items.length,
    onTime: count('on_time'),
    late: count('late'),
    notHeld: count('not_held'),
    byLevel,
  };
}

/** The raw sums behind a line of quality figures, before shares and means are rounded. */
export interface Counts extends OverviewSummary {
  /** Sum and number of the total scores of adopted minutes. */
  scoreSum: number;
  scored: number;
  /** Present and roll-call base summed over the meetings held. */
  present: number;
  expected: number;
}

export const emptyCounts = (): Counts => ({
  cells: 0,
  onTime: 0,
  late: 0,
  notHeld: 0,
  byLevel: zeroLevels(),
  scoreSum: 0,
  scored: 0,
  present: 0,
  expected: 0,
});

export function addCounts(into: Counts, more: Counts) {
  into.cells += more.cells;
  into.onTime += more.onTime;
  into.late += more.late;
  into.notHeld += more.notHeld;
  for (const level of QUALITY_LEVELS) into.byLevel[level] += more.byLevel[level];
  into.scoreSum += more.scoreSum;
  into.scored += more.scored;
  into.present += more.present;
  into.expected += more.expected;
}

/** The figures of a line: counts as they are, the mean score and the attendance share rounded to 0.1. */
export function lineOf(c: Counts): Omit<QualityLine, 'orgCode' | 'orgName' | 'drill'> {
  return {
    cells: c.cells,
    onTime: c.onTime,
    late: c.late,
    notHeld: c.notHeld,
    byLevel: { ...c.byLevel },
    meanScore: c.scored > 0 ? Math.round((c.scoreSum * 10) / c.scored) / 10 : null,
    attendancePercent: percent(c.present, c.expected),
  };
}
