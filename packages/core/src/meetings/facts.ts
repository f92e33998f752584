import { minDurationFor } from './rule-sets.ts';
import type { MeetingFacts, MeetingKind, MeetingRules } from './types.ts';

const ABSENT = new Set(['absent_excused', 'absent_unexcused']);

/** Absent without a reason, or with one the cell did not accept (HD 12-HD/BTCTW point 2.1). */
const isUnexcused = (line: { status: string; reasonAccepted?: boolean }) =>
  line.status === 'absent_unexcused' || (line.status === 'absent_excused' && line.reasonAccepted === false);

/** What was recorded of a meeting, as far as the automatic criteria of the score sheet read it. */
export interface RecordedFacts {
  kind: MeetingKind;
  combined: boolean;
  startedAt: Date | null;
  endedAt: Date | null;
  /**
   * The roll call: each member's status on it and status in the Party on the day, with whether the cell
   * accepted the reason of an excused absence (default yes). Members of other cells attending here
   * temporarily are on it like the cell's own (domain.md §2: counted where they attend).
   */
  roll: readonly { memberId: number; status: string; memberStatus: string; reasonAccepted?: boolean }[];
  /** Members (ids) who gave an opinion. */
  speakerIds: readonly number[];
  /** Materials published, and how many of them at least a day before the start. */
  materials: { total: number; early: number };
  /**
   * The package posted on the Sổ tay đảng viên điện tử app, if recorded, and whether at least a day before
   * the start (`soTayPostedEarly`).
   */
  soTay?: { postedEarly: boolean } | null;
  /**
   * Preparation meetings (kind `cell_committee`: the chi ủy's, or the bí thư and phó bí thư's where the cell
   * has no chi ủy) held in the two weeks up to this meeting (`PREPARATION_WINDOW_DAYS`).
   */
  cellCommitteeMeetings: number;
  /** Tasks of the cell's previous regular meeting (dropped ones left out), and how many are done. */
  previousTasks: { total: number; done: number } | null;
  /** Each member's current run of sessions missed in a row this year, counting this one (`absenceRunsOf`). */
  absenceRuns: ReadonlyMap<number, number>;
}

/**
 * The facts a score sheet reads, from what was recorded: exempt and attached-elsewhere members are not
 * expected, members of other cells attending here temporarily are (domain.md §2: "counted there for
 * attendance"); an absence whose reason the cell did not accept counts as unexcused (HD 12-HD/BTCTW
 * point 2.1: "vắng mặt có lý do" is an absence for a reason the cell accepts); speakers count only if
 * present. Preparation is never given for free: it is met only when a preparation meeting was held — the
 * chi ủy's, or in a cell without one the bí thư and phó bí thư's (HD 12-HD/BTCTW (06/7/2018) on preparing
 * the meeting; HD 42-HD/BTCTW (28/10/2025)); whether a cell has a chi ủy is data (`hasCellCommittee`).
 */
export function meetingFactsOf(record: RecordedFacts, rules: MeetingRules): MeetingFacts {
  const expected = record.roll.filter((l) => l.status !== 'exempt' && l.status !== 'attached_elsewhere');
  const presentIds = new Set(record.roll.filter((l) => l.status === 'present').map((l) => l.memberId));
  const previous = record.previousTasks;
  return {
    kind: record.kind,
    durationMinutes:
      record.startedAt && record.endedAt
        ? Math.round((record.endedAt.getTime() - record.startedAt.getTime()) / 60_000)
        : null,
    minDurationMinutes: minDurationFor(rules, record.kind, record.combined),
    expected: expected.length,
    present: expected.filter((l) => presentIds.has(l.memberId)).length,
    unexcusedAbsences: record.roll.filter(isUnexcused).length,
    anyoneAbsentOverThreeInRow: [...record.absenceRuns.values()].some((n) => n > 3),
    speakers: new Set(record.speakerIds.filter((id) => presentIds.has(id))).size,
    ...materialsCriterion(record),
    cellCommitteeMetBefore: record.cellCommitteeMeetings > 0,
    previousTasksDonePercent:
      previous && previous.total > 0 ? Math.round((previous.done / previous.total) * 1000) / 10 : null,
  };
}

/**
 * The materials reached the members at least a day before the start (HD 12-HD/BTCTW (06/7/2018) on
 * preparing the meeting; HD 42-HD/BTCTW (28/10/2025): materials posted on the Sổ tay đảng viên điện tử app
 * at least one day before): either every material was published in Nền Nếp by then, or the package was
 * posted on the Sổ tay app by then. The Sổ tay ground is named (`materialsVia`) when it is the one that
 * meets the criterion; publication in the app keeps its earlier facts unchanged.
 */
function materialsCriterion(
  record: RecordedFacts,
): Pick<MeetingFacts, 'materialsPublishedDayBefore' | 'materialsVia'> {
  const { total, early } = record.materials;
  if (total > 0 && early === total) return { materialsPublishedDayBefore: true };
  if (record.soTay?.postedEarly) return { materialsPublishedDayBefore: true, materialsVia: 'so_tay' };
  return { materialsPublishedDayBefore: false };
}

/** One line of a roll call in a run of sessions: `session` tells which meetings were one sitting. */
export interface SessionLine {
  memberId: number;
  status: string;
  /** The same key for the meetings of one sitting (`sessionKey`). */
  session: string;
}

/**
 * The key of a sitting of a cell: its meetings held on the same day at the same time are one session — a
 * regular and a thematic meeting held together count once, whether recorded as one combined meeting or as
 * two (HD 42-HD/BTCTW (28/10/2025) on holding the thematic meeting with the regular one).
 */
export const sessionKey = (date: string, startTime: string): string => `${date} ${startTime}`;

/**
 * Each member at each session, in the order the sessions first appear: absent (excused or not) only when
 * absent from every meeting of the session they are on the roll of; present at any of them, present. The
 * last line of the member in the session comes with it (the meeting that closed the session for them).
 */
export function sessionAttendance<T extends SessionLine>(
  lines: readonly T[],
): { memberId: number; session: string; absent: boolean; last: T }[] {
  const bySession = new Map<string, Map<number, { absent: boolean; last: T }>>();
  for (const line of lines) {
    let members = bySession.get(line.session);
    if (!members) {
      members = new Map();
      bySession.set(line.session, members);
    }
    const seen = members.get(line.memberId);
    members.set(line.memberId, {
      absent: (seen?.absent ?? true) && ABSENT.has(line.status),
      last: line,
    });
  }
  return [...bySession].flatMap(([session, members]) =>
    [...members].map(([memberId, m]) => ({ memberId, session, absent: m.absent, last: m.last })),
  );
}

/**
 * Runs of sessions missed in a row per member over a cell's meetings of one year in date order — the
 * "absent more than 3 times in a row" of HD 12-HD/BTCTW (06/7/2018) on the quality of a meeting: a session
 * counts once however many meetings it held (`sessionAttendance`), and a member present at a session
 * restarts at 0. Meetings that count are the cell meetings (not the preparation meetings).
 */
export function absenceRunsOf(lines: readonly SessionLine[]): Map<number, number> {
  const run = new Map<number, number>();
  for (const s of sessionAttendance(lines))
    run.set(s.memberId, s.absent ? (run.get(s.memberId) ?? 0) + 1 : 0);
  return run;
}
