import { addDays, daysInMonth, isoDate, parseIsoDate } from './calendar.ts';
import { preparationTitle } from './preparation.ts';
import { MEETING_KINDS, type MeetingKind, type MeetingRules } from './types.ts';

export interface PlanMeetingsInput {
  /**
   * The cells, each with the day of the month and the time it usually meets (from its last meetings or a
   * committee's spreading of days): kept when it lies in the window, else the window's first day, and
   * whether it has an elected chi ủy (`hasCellCommittee` of its members' positions).
   */
  cells: { code: string; hasCommittee: boolean; day?: number; startTime?: string }[];
  /** ISO dates, both inclusive. The caller never passes a `from` before today. */
  from: string;
  to: string;
  rules: MeetingRules;
  /** Meetings already on the calendar (any status but cancelled); planning fills only the gaps. */
  existing?: { cellCode: string; kind: MeetingKind; date: string; startTime?: string; combined?: boolean }[];
}

export interface PlannedMeeting {
  cellCode: string;
  kind: MeetingKind;
  date: string;
  startTime: string;
  /** A regular meeting that is also the period's thematic one (one session). */
  combined: boolean;
  /** Its own title: the bí thư and phó bí thư's preparation meeting of a cell without a chi ủy; else null. */
  title: string | null;
}

/**
 * The days of a month on which the rule set holds regular meetings, as ISO dates (inclusive). Window days
 * are at most 28, so the window exists in every month; the clamp only guards unvalidated rule sets.
 */
export function monthWindow(year: number, month: number, rules: MeetingRules): { from: string; to: string } {
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

/** Whether a meeting counts as the thematic one of its period: a thematic meeting or a combined session. */
export const isThematicSession = (m: { kind: MeetingKind; combined?: boolean }) =>
  m.kind === 'thematic' || (m.kind === 'regular' && m.combined === true);

/**
 * Plans the meetings of each cell between `from` and `to` (inclusive), filling only what `existing` lacks,
 * and never two meetings of a cell on the same day at the same time:
 * - a regular meeting in each month whose window reaches into the range and that has no regular meeting
 *   yet, on the cell's usual day when it lies in the window (and not before `from`), else the first free
 *   day of the window from `from` on;
 * - the thematic meeting of each period (a quarter, by default) that has none yet, in its first such month:
 *   under `thematicMode: 'combined'` the month's regular meeting is planned as one combined session; under
 *   `separate`, or when the month's regular meeting already exists, a thematic meeting of its own
 *   `thematicDaysAfter` days later (within the month);
 * - a preparation meeting `cellCommitteeDaysBefore` days before each planned cell meeting, unless one is
 *   already on that day: the chi ủy's where the cell elected one, else the bí thư and phó bí thư's, titled
 *   so (HD 12-HD/BTCTW (06/7/2018) on preparing the meeting; HD 42-HD/BTCTW (28/10/2025)). Both have the
 *   kind `cell_committee`. It belongs to its cell meeting, so it may fall a few days before `from`.
 * Sorted by date, cell code, then kind, so the same input always gives the same plan.
 */
export function planMeetings(input: PlanMeetingsInput): PlannedMeeting[] {
  const { cells, from, to, rules } = input;
  if (from > to) throw new RangeError(`from: ${from} is after to: ${to}`);
  const months = monthsBetween(from, to);
  const codes = new Set(cells.map((c) => c.code));
  if (codes.size !== cells.length) throw new RangeError('cells: a cell code appears twice');
  const existing = input.existing ?? [];
  const mode = rules.thematicMode ?? 'combined';
  const daysAfter = rules.thematicDaysAfter ?? 7;
  const planned: PlannedMeeting[] = [];
  for (const cell of cells) {
    const startTime = cell.startTime ?? rules.defaultStartTime;
    const mine = existing.filter((m) => m.cellCode === cell.code);
    const taken = new Set(mine.map((m) => `${m.date} ${m.startTime ?? startTime}`));
    const free = (date: string) => !taken.has(`${date} ${startTime}`);
    const take = (m: PlannedMeeting) => {
      planned.push(m);
      taken.add(`${m.date} ${m.startTime}`);
    };
    const regularMonths = new Set(mine.filter((m) => m.kind === 'regular').map((m) => monthOf(m.date)));
    const thematicPeriods = new Set(
      mine.filter(isThematicSession).map((m) => {
        const d = parseIsoDate(m.date, 'existing date');
        return periodOf(d.year, d.month, rules.thematicEveryMonths);
      }),
    );
    const committeeDates = new Set(mine.filter((m) => m.kind === 'cell_committee').map((m) => m.date));
    const meetingDates: string[] = [];
    for (const [year, month] of months) {
      const window = monthWindow(year, month, rules);
      if (window.to < from || window.from > to) continue;
      const period = periodOf(year, month, rules.thematicEveryMonths);
      const needsThematic = !thematicPeriods.has(period);
      let regular: string | null = null;
      if (!regularMonths.has(monthOf(window.from))) {
        regular = firstFreeDay(window, cell.day, from, to, free);
        if (regular) {
          const combined = needsThematic && mode === 'combined';
          take({ cellCode: cell.code, kind: 'regular', date: regular, startTime, combined, title: null });
          meetingDates.push(regular);
          if (combined) thematicPeriods.add(period);
        }
      }
      if (!thematicPeriods.has(period)) {
        const base = regular ?? window.from;
        const last = isoDate(year, month, daysInMonth(year, month));
        let date = addDays(base, daysAfter);
        while (date <= last && (date < from || !free(date))) date = addDays(date, 1);
        if (date <= last && date <= to) {
          take({ cellCode: cell.code, kind: 'thematic', date, startTime, combined: false, title: null });
          meetingDates.push(date);
          thematicPeriods.add(period);
        }
      }
    }
    for (const date of meetingDates) {
      let committeeDate = addDays(date, -rules.cellCommitteeDaysBefore);
      if (committeeDates.has(committeeDate)) continue;
      while (!free(committeeDate)) committeeDate = addDays(committeeDate, -1);
      take({
        cellCode: cell.code,
        kind: 'cell_committee',
        date: committeeDate,
        startTime,
        combined: false,
        title: preparationTitle(cell.hasCommittee),
      });
      committeeDates.add(committeeDate);
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

/** The cell's usual day in the window when free and in range, else the first free day from `from` on. */
function firstFreeDay(
  window: { from: string; to: string },
  day: number | undefined,
  from: string,
  to: string,
  free: (date: string) => boolean,
): string | null {
  const start = window.from < from ? from : window.from;
  const end = window.to > to ? to : window.to;
  if (day !== undefined) {
    const wanted = `${window.from.slice(0, 8)}${String(day).padStart(2, '0')}`;
    if (wanted >= start && wanted <= end && free(wanted)) return wanted;
  }
  for (let date = start; date <= end; date = addDays(date, 1)) if (free(date)) return date;
  return null;
}

// Code-unit order, not locale order: the plan must come out the same on every machine.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
