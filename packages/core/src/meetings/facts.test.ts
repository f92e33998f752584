import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from './default-rule-set.ts';
import { absenceRunsOf, meetingFactsOf, type RecordedFacts } from './facts.ts';

const at = (time: string) => new Date(`2026-11-05T${time}:00+07:00`);
const base: RecordedFacts = {
  kind: 'regular',
  combined: false,
  startedAt: at('19:30'),
  endedAt: at('21:10'),
  roll: [
    { memberId: 1, status: 'present', memberStatus: 'official' },
    { memberId: 2, status: 'present', memberStatus: 'probationary' },
    { memberId: 3, status: 'absent_excused', memberStatus: 'official' },
    { memberId: 4, status: 'exempt', memberStatus: 'official' },
    { memberId: 5, status: 'attached_elsewhere', memberStatus: 'official' },
    { memberId: 6, status: 'absent_unexcused', memberStatus: 'official' },
  ],
  speakerIds: [1, 1, 3, 2],
  materials: { total: 2, early: 2 },
  cellCommitteeMeetings: 0,
  previousTasks: { total: 3, done: 2 },
  absenceRuns: new Map([
    [3, 2],
    [6, 4],
  ]),
};

describe('meetingFactsOf', () => {
  it('leaves exempt and attached-elsewhere members out and counts present speakers once', () => {
    expect(meetingFactsOf(base, DEFAULT_RULE_SET)).toEqual({
      kind: 'regular',
      durationMinutes: 100,
      minDurationMinutes: 90,
      expected: 4,
      present: 2,
      unexcusedAbsences: 1,
      anyoneAbsentOverThreeInRow: true,
      speakers: 2,
      materialsPublishedDayBefore: true,
      // Five official members: below the size that elects a cell committee.
      cellCommitteeMetBefore: true,
      previousTasksDonePercent: 66.7,
    });
  });

  it('needs the cell committee once the cell is large enough, and every material early', () => {
    const big = {
      ...base,
      roll: Array.from({ length: 12 }, (_, i) => ({
        memberId: i + 1,
        status: 'present',
        memberStatus: 'official',
      })),
      materials: { total: 2, early: 1 },
      previousTasks: null,
      startedAt: null,
    };
    expect(meetingFactsOf(big, DEFAULT_RULE_SET)).toMatchObject({
      cellCommitteeMetBefore: false,
      materialsPublishedDayBefore: false,
      previousTasksDonePercent: null,
      durationMinutes: null,
    });
    expect(
      meetingFactsOf({ ...big, cellCommitteeMeetings: 1 }, DEFAULT_RULE_SET).cellCommitteeMetBefore,
    ).toBe(true);
  });
});

describe('absenceRunsOf', () => {
  it('counts absences in a row and restarts on presence', () => {
    const runs = absenceRunsOf([
      { memberId: 1, status: 'absent_excused' },
      { memberId: 1, status: 'absent_unexcused' },
      { memberId: 2, status: 'absent_excused' },
      { memberId: 2, status: 'present' },
      { memberId: 1, status: 'absent_excused' },
    ]);
    expect([...runs.entries()]).toEqual([
      [1, 3],
      [2, 0],
    ]);
  });
});
