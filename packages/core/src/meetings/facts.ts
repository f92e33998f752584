import { minDurationFor } from './rule-sets.ts';
import type { MeetingFacts, MeetingKind, RuleSetContent } from './types.ts';

const ABSENT = new Set(['absent_excused', 'absent_unexcused']);

/** What was recorded of a meeting, as far as the automatic criteria of the score sheet read it. */
export interface RecordedFacts {
  kind: MeetingKind;
  combined: boolean;
  startedAt: Date | null;
  endedAt: Date | null;
  /** The roll call: each member's status on it and status in the Party on the day. */
  roll: readonly { memberId: number; status: string; memberStatus: string }[];
  /** Members (ids) who gave an opinion. */
  speakerIds: readonly number[];
  /** Materials published, and how many of them at least a day before the start. */
  materials: { total: number; early: number };
  /** Cell-committee meetings held in the two weeks up to this meeting. */
  cellCommitteeMeetings: number;
  /** Tasks of the cell's previous regular meeting (dropped ones left out), and how many are done. */
  previousTasks: { total: number; done: number } | null;
  /** Longest run of absences in a row this year per member, counting this meeting (`absenceRuns`). */
  absenceRuns: ReadonlyMap<number, number>;
}

/**
 * The facts a score sheet reads, from what was recorded: exempt and attached-elsewhere members are not
 * expected; speakers count only if present; a cell below the rule set's size for a cell committee counts as
 * prepared by one.
 */
export function meetingFactsOf(record: RecordedFacts, rules: RuleSetContent): MeetingFacts {
  const expected = record.roll.filter((l) => l.status !== 'exempt' && l.status !== 'attached_elsewhere');
  const presentIds = new Set(record.roll.filter((l) => l.status === 'present').map((l) => l.memberId));
  const official = record.roll.filter((l) => l.memberStatus === 'official').length;
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
    unexcusedAbsences: record.roll.filter((l) => l.status === 'absent_unexcused').length,
    anyoneAbsentOverThreeInRow: [...record.absenceRuns.values()].some((n) => n > 3),
    speakers: new Set(record.speakerIds.filter((id) => presentIds.has(id))).size,
    materialsPublishedDayBefore:
      record.materials.total > 0 && record.materials.early === record.materials.total,
    cellCommitteeMetBefore: official < rules.cellCommitteeFrom || record.cellCommitteeMeetings > 0,
    previousTasksDonePercent:
      previous && previous.total > 0 ? Math.round((previous.done / previous.total) * 1000) / 10 : null,
  };
}

/**
 * Runs of absences (excused or not) in a row per member over a cell's meetings of one year in date order:
 * a present member's run restarts at 0. Meetings that count are the cell meetings (not the cell committee's).
 */
export function absenceRunsOf(lines: readonly { memberId: number; status: string }[]): Map<number, number> {
  const run = new Map<number, number>();
  for (const line of lines)
    run.set(line.memberId, ABSENT.has(line.status) ? (run.get(line.memberId) ?? 0) + 1 : 0);
  return run;
}
