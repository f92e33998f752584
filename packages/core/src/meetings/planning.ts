import { addDays, daysInMonth, isoDate, parseIsoDate } from './calendar.ts';
import { MEETING_KINDS, type MeetingKind, type RuleSetContent } from './types.ts';

export interface PlanMeetingsInput {
  cells: { code: string; officialMembers: number }[];
  /** ISO dates, both inclusive. */
  from: string;
  to: string;
  rules: RuleSetContent;
  /** Meetings already on the calendar (any status but cancelled); planning fills only the gaps. */
  existing?: { cellCode: string; kind: MeetingKind; date: string }[];
}

export interface PlannedMeeting {
  cellCode: string;
  kind: MeetingKind;
  date: string;
  startTime: string;
}

/**
 * The days of a month on which the rule set holds regular meetings, as ISO dates (inclusive). Window days
 * are at most 28, so the window exists in every month; the clamp only guards unvalidated rule sets.
 */
export function monthWindow(
  year: number,
  month: number,
  rules: RuleSetContent,
): { from: string; to: string } {
  if (!Number.isInteger(month) || month < 1 || month > 12)
    throw new RangeError(`month: ${month} is not 1–12`);
  const last = daysInMonth(year, month);
  const { fromDay, toDay } = rules.meetingWindow;
  return {
    from: isoDate(year, month, Math.min(fromDay, last)),
    to: isoDate(year, month, Math.min(toDay, last)),
  };
}

/** "2026-02" of an ISO date. */
const monthOf = (iso: string): string => iso.slice(0, 7);

/** Index of the thematic period (e.g. the quarter) of a month, counted from January of year 0. */
function periodOf(year: number, month: number, everyMonths: number): number {
  return year * 12 + Math.floor((month - 1) / everyMonths);
}

/** The months from the month of `from` to the month of `to`, inclusive, as [year, month]. */
function monthsBetween(from: string, to: string): [number, number][] {
  const start = parseIsoDate(from, 'from');
  const end = parseIsoDate(to, 'to');
  const months: [number, number][] = [];
  for (let y = start.year, m = start.month; y < end.year || (y === end.year && m <= end.month); ) {
    months.push([y, m]);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return months;
}

/**
 * Plans the meetings of each cell between `from` and `to` (inclusive), filling only what `existing` lacks:
 * - a regular meeting on the first day of each month's window, for each month whose window start lies in
 *   the range and that has no regular meeting yet;
 * - a thematic meeting in the first such month of each thematic period (the quarter, by default) that has
 *   no thematic meeting yet. It is planned **combined** with the regular meeting — same date, same start —
 *   because that is how cells usually hold it (one evening of at least `minDurationMinutes.combined`
 *   minutes) and it spares members a second evening out;
 * - a cell committee meeting `cellCommitteeDaysBefore` days before each planned cell meeting date, for
 *   cells with at least `cellCommitteeFrom` official members, unless one is already on that date. It belongs
 *   to its cell meeting, so it is planned even when that puts it a few days before `from`.
 * All at the rule set's default start time, sorted by date, cell code, then kind, so the same input always
 * gives the same plan.
 */
export function planMeetings(input: PlanMeetingsInput): PlannedMeeting[] {
  const { cells, from, to, rules } = input;
  const months = monthsBetween(from, to);
  if (from > to) throw new RangeError(`from: ${from} is after to: ${to}`);
  const codes = new Set(cells.map((c) => c.code));
  if (codes.size !== cells.length) throw new RangeError('cells: a cell code appears twice');
  const existing = input.existing ?? [];
  const startTime = rules.defaultStartTime;
  const planned: PlannedMeeting[] = [];
  for (const cell of cells) {
    const mine = existing.filter((m) => m.cellCode === cell.code);
    const regularMonths = new Set(mine.filter((m) => m.kind === 'regular').map((m) => monthOf(m.date)));
    const thematicPeriods = new Set(
      mine
        .filter((m) => m.kind === 'thematic')
        .map((m) => {
          const d = parseIsoDate(m.date, 'existing date');
          return periodOf(d.year, d.month, rules.thematicEveryMonths);
        }),
    );
    const committeeDates = new Set(mine.filter((m) => m.kind === 'cell_committee').map((m) => m.date));
    const meetingDates = new Set<string>();
    for (const [year, month] of months) {
      const date = monthWindow(year, month, rules).from;
      if (date < from || date > to) continue;
      if (!regularMonths.has(monthOf(date))) {
        planned.push({ cellCode: cell.code, kind: 'regular', date, startTime });
        meetingDates.add(date);
      }
      const period = periodOf(year, month, rules.thematicEveryMonths);
      if (!thematicPeriods.has(period)) {
        planned.push({ cellCode: cell.code, kind: 'thematic', date, startTime });
        thematicPeriods.add(period);
        meetingDates.add(date);
      }
    }
    if (cell.officialMembers >= rules.cellCommitteeFrom) {
      // One committee meeting per evening: a combined regular + thematic evening is prepared once.
      for (const date of meetingDates) {
        const committeeDate = addDays(date, -rules.cellCommitteeDaysBefore);
        if (!committeeDates.has(committeeDate)) {
          planned.push({ cellCode: cell.code, kind: 'cell_committee', date: committeeDate, startTime });
        }
      }
    }
  }
  const kindOrder = (kind: MeetingKind) => MEETING_KINDS.indexOf(kind);
  return planned.sort(
    (a, b) =>
      compareText(a.date, b.date) ||
      compareText(a.cellCode, b.cellCode) ||
      kindOrder(a.kind) - kindOrder(b.kind),
  );
}

// Code-unit order, not locale order: the plan must come out the same on every machine.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
