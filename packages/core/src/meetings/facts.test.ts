import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from './default-rule-set.ts';
import { absenceRunsOf, meetingFactsOf, type RecordedFacts, sessionAttendance, sessionKey } from './facts.ts';

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
      // No preparation meeting held: not met, whatever the size of the cell (no free points).
      cellCommitteeMetBefore: false,
      previousTasksDonePercent: 66.7,
    });
  });

  it('needs a preparation meeting held in a cell of any size, and every material early', () => {
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
    // A cell of three without a chi ủy: its bí thư and phó bí thư's meeting is what prepares it (HD 12).
    const small = { ...base, roll: base.roll.slice(0, 3) };
    expect(meetingFactsOf(small, DEFAULT_RULE_SET).cellCommitteeMetBefore).toBe(false);
    expect(
      meetingFactsOf({ ...small, cellCommitteeMeetings: 1 }, DEFAULT_RULE_SET).cellCommitteeMetBefore,
    ).toBe(true);
  });
});

describe('absenceRunsOf', () => {
  const jan = sessionKey('2026-01-04', '19:30');
  const feb = sessionKey('2026-02-04', '19:30');
  const mar = sessionKey('2026-03-04', '19:30');
  const apr = sessionKey('2026-04-04', '19:30');

  it('counts sessions missed in a row and restarts on presence', () => {
    const runs = absenceRunsOf([
      { memberId: 1, status: 'absent_excused', session: jan },
      { memberId: 2, status: 'absent_excused', session: jan },
      { memberId: 1, status: 'absent_unexcused', session: feb },
      { memberId: 2, status: 'present', session: feb },
      { memberId: 1, status: 'absent_excused', session: mar },
    ]);
    expect([...runs.entries()]).toEqual([
      [1, 3],
      [2, 0],
    ]);
  });

  it('counts a regular and a thematic meeting of one sitting once: absent from both is one absence', () => {
    // March's regular and thematic meetings were recorded apart, the same evening: one session.
    const lines = [
      { memberId: 1, status: 'absent_excused', session: jan },
      { memberId: 1, status: 'absent_excused', session: feb },
      { memberId: 1, status: 'absent_excused', session: mar },
      { memberId: 1, status: 'absent_unexcused', session: mar },
    ];
    expect(absenceRunsOf(lines).get(1)).toBe(3);
    // Three sessions missed is not "more than 3 times in a row"; the fourth session makes it.
    expect(absenceRunsOf([...lines, { memberId: 1, status: 'absent_excused', session: apr }]).get(1)).toBe(4);
  });

  it('counts a member present at either meeting of a sitting as present', () => {
    const runs = absenceRunsOf([
      { memberId: 1, status: 'absent_excused', session: jan },
      { memberId: 1, status: 'absent_excused', session: feb },
      { memberId: 1, status: 'absent_excused', session: mar },
      { memberId: 1, status: 'present', session: mar },
      { memberId: 1, status: 'absent_excused', session: apr },
    ]);
    expect(runs.get(1)).toBe(1);
  });

  it('keeps meetings of one day at different times apart, and tells which meeting closed each session', () => {
    const morning = sessionKey('2026-03-04', '08:00');
    const steps = sessionAttendance([
      { memberId: 1, status: 'absent_excused', session: morning, meetingId: 10 },
      { memberId: 1, status: 'absent_excused', session: mar, meetingId: 11 },
      { memberId: 1, status: 'absent_unexcused', session: mar, meetingId: 12 },
    ]);
    expect(steps.map((s) => [s.session, s.absent, s.last.meetingId])).toEqual([
      [morning, true, 10],
      [mar, true, 12],
    ]);
  });
});
