import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from './default-rule-set.ts';
import { meetingFactsOf, type RecordedFacts } from './facts.ts';
import { scoreMeeting } from './score.ts';

const at = (time: string) => new Date(`2026-11-05T${time}:00+07:00`);
const record = (roll: RecordedFacts['roll']): RecordedFacts => ({
  kind: 'regular',
  combined: false,
  startedAt: at('19:30'),
  endedAt: at('21:10'),
  roll,
  speakerIds: [],
  materials: { total: 0, early: 0 },
  cellCommitteeMeetings: 1,
  previousTasks: null,
  absenceRuns: new Map(),
});
const line = (memberId: number, status: string, extra: { reasonAccepted?: boolean } = {}) => ({
  memberId,
  status,
  memberStatus: 'official',
  ...extra,
});

describe('attendance facts: temporary attendance (domain.md §2)', () => {
  it("counts members of other cells attending here in this cell's attendance, not the cell's own elsewhere", () => {
    // Roll lines of members attending temporarily carry no status of their own: present or absent here.
    const facts = meetingFactsOf(
      record([
        line(1, 'present'),
        line(2, 'present'),
        line(3, 'attached_elsewhere'),
        line(4, 'present'), // of another cell, attending here
        line(5, 'absent_excused'), // of another cell, attending here, excused
      ]),
      DEFAULT_RULE_SET,
    );
    expect(facts).toMatchObject({ expected: 4, present: 3, unexcusedAbsences: 0 });
  });
});

describe('attendance facts: an excused absence is excused only when its reason is accepted', () => {
  const roll = (reasonAccepted?: boolean) =>
    record([
      ...Array.from({ length: 9 }, (_, i) => line(i + 1, 'present')),
      line(10, 'absent_excused', reasonAccepted === undefined ? {} : { reasonAccepted }),
    ]);

  it('counts a reason not accepted as an unexcused absence (HD 12-HD/BTCTW point 2.1)', () => {
    expect(meetingFactsOf(roll(), DEFAULT_RULE_SET).unexcusedAbsences).toBe(0);
    expect(meetingFactsOf(roll(true), DEFAULT_RULE_SET).unexcusedAbsences).toBe(0);
    expect(meetingFactsOf(roll(false), DEFAULT_RULE_SET)).toMatchObject({
      expected: 10,
      present: 9,
      unexcusedAbsences: 1,
    });
  });

  it('so the attendance criterion falls to its lowest option, whatever the share present', () => {
    const attendance = (reasonAccepted: boolean) =>
      scoreMeeting(
        DEFAULT_RULE_SET.scoreSheet,
        DEFAULT_RULE_SET.levels,
        meetingFactsOf(roll(reasonAccepted), DEFAULT_RULE_SET),
        {},
      ).criteria.find((c) => c.criterionId === 'attendance_rate');
    // 9/10 present: 90% or more while the reason stands; "any unexcused absence" once it does not.
    expect(attendance(true)?.points).toBe(4);
    expect(attendance(false)?.points).toBe(1);
    expect(attendance(false)?.explanation.vi).toMatch(/có 1 đảng viên vắng không lý do/);
  });
});
