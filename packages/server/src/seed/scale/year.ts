/**
 * One cell's year at province scale: a regular meeting every month in the rule set's window (on the cell's
 * day, spread over the window days among the commune's cells), the last twelve before today recorded by
 * the demo's `recordMeeting`, a few called off, and scored with the facts the server reads — core
 * `meetingFactsOf` and `scoreMeeting`, as `history/adopt.ts` does, without the preparation meetings (none
 * are generated at this scale, so the "cell committee met" criterion scores 0 exactly as the service
 * would) and without building the minutes' models (2 ms and 11 kB a meeting). Pure and seeded.
 */
import {
  absenceRunsOf,
  addDays,
  agendaOf,
  daysInMonth,
  isoDate,
  meetingFactsOf,
  type QualityScore,
  type RuleSetContent,
  type SessionLine,
  scoreMeeting,
  sessionKey,
} from '@nennep/core';
import { type CalendarMeeting, type HistoryCell, placeOf, startTimeOf } from '../history/calendar.ts';
import { type HistoryMember, type MeetingRecord, recordFacts, recordMeeting } from '../history/record.ts';
import { mulberry32 } from '../prng.ts';

export interface ScaleMeeting {
  meeting: CalendarMeeting;
  agenda: { title: string; section: string }[];
  status: 'planned' | 'held' | 'adopted' | 'cancelled';
  record: MeetingRecord | null;
  score: QualityScore | null;
}

export interface CellYearInput {
  cell: HistoryCell;
  /** The cell's members in roll order (sort key, then code). */
  members: readonly HistoryMember[];
  rules: RuleSetContent;
  today: string;
  seed: number;
  /** The visitor of the commune at the meeting of a month, when one is sent (supervision). */
  visitorOf: (month: string) => { name: string; role: string } | null;
}

/** Minutes adopted this many days after the meeting at the latest; more recent meetings are still "held". */
const ADOPTION_DAYS = 3;

/** The [year, month] pairs from thirteen months before today's to today's. */
function months(today: string): [number, number][] {
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1;
  const out: [number, number][] = [];
  for (let offset = -13; offset <= 0; offset++) {
    const i = index + offset;
    out.push([Math.floor(i / 12), (i % 12) + 1]);
  }
  return out;
}

/** The day a cell meets: the commune's cells spread over the window's days. */
export function meetingDayOf(cell: Pick<HistoryCell, 'index'>, rules: RuleSetContent): number {
  const { fromDay, toDay } = rules.meetingWindow;
  return fromDay + (cell.index % (toDay - fromDay + 1));
}

/** The cell's twelve past regular meetings (recorded and scored) and this month's, when still to come. */
export function cellYear(input: CellYearInput): ScaleMeeting[] {
  const { cell, rules, today } = input;
  const rng = mulberry32(input.seed ^ (cell.id * 2_654_435_761));
  const day = meetingDayOf(cell, rules);
  const agenda = agendaOf(rules, 'regular', false);
  const manual = rules.scoreSheet.criteria.filter((c) => c.kind === 'manual');
  const calendar = months(today).map(([year, month]) => {
    const date = isoDate(year, month, Math.min(day, daysInMonth(year, month)));
    const meeting: CalendarMeeting = {
      cell,
      kind: 'regular',
      title: null,
      date,
      startTime: startTimeOf(cell),
      place: placeOf(cell),
      fate: date < today ? 'held' : 'upcoming',
      movedFrom: null,
      cancelReason: null,
    };
    return meeting;
  });
  const past = calendar.filter((m) => m.fate === 'held').slice(-12);
  const upcoming = calendar.filter((m) => m.fate === 'upcoming');
  const out: ScaleMeeting[] = [];
  const lines = new Map<string, SessionLine[]>();
  let previousRegular: string | null = null;
  let previousTasks: { total: number; done: number } | null = null;
  for (const meeting of past) {
    // A few meetings called off, more in the less diligent cells (never the last month: a full dashboard).
    if (meeting !== past[past.length - 1] && rng() < 0.005 + (1 - cell.diligence) * 0.03) {
      meeting.fate = 'cancelled';
      meeting.cancelReason = 'Địa phương tập trung phòng, chống bão lũ; chi bộ sinh hoạt ghép vào tháng sau';
      out.push({ meeting, agenda, status: 'cancelled', record: null, score: null });
      continue;
    }
    const record = recordMeeting({
      meeting,
      agenda,
      members: input.members,
      manualCriteria: manual,
      visitor: input.visitorOf(meeting.date.slice(0, 7)),
      previousRegular,
      seed: input.seed ^ Math.imul(cell.id, 40_503) ^ Number(meeting.date.slice(0, 7).replace('-', '')),
    });
    previousRegular = meeting.date;
    const year = meeting.date.slice(0, 4);
    const session = sessionKey(meeting.date, meeting.startTime);
    const yearLines = lines.get(year) ?? [];
    yearLines.push(...record.roll.map((l) => ({ memberId: l.memberId, status: l.status, session })));
    lines.set(year, yearLines);
    const facts = meetingFactsOf(
      {
        kind: 'regular',
        combined: false,
        ...recordFacts(record),
        cellCommitteeMeetings: 0,
        previousTasks,
        absenceRuns: absenceRunsOf(yearLines),
      },
      rules,
    );
    const score = scoreMeeting(rules.scoreSheet, rules.levels, facts, record.manualScores);
    previousTasks = { total: record.tasks.length, done: record.tasks.filter((t) => t.done).length };
    const passed = record.votes.find((v) => v.subject === 'resolution')?.outcome.passed === true;
    const adopted = passed && meeting.date <= addDays(today, -ADOPTION_DAYS);
    out.push({ meeting, agenda, status: adopted ? 'adopted' : 'held', record, score });
  }
  for (const meeting of upcoming) out.push({ meeting, agenda, status: 'planned', record: null, score: null });
  return out;
}
