import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from './default-rule-set.ts';
import { factValues, levelLabel, levelOf, scoreMeeting, scoreSheetMax } from './score.ts';
import { type CriterionScore, MEETING_KINDS, type MeetingFacts, type MeetingKind } from './types.ts';

const sheet = DEFAULT_RULE_SET.scoreSheet;
const levels = DEFAULT_RULE_SET.levels;

/** A meeting where everything the system knows is at its best. */
const perfect: MeetingFacts = {
  kind: 'regular',
  durationMinutes: 95,
  minDurationMinutes: 90,
  expected: 17,
  present: 17,
  unexcusedAbsences: 0,
  anyoneAbsentOverThreeInRow: false,
  speakers: 10,
  materialsPublishedDayBefore: true,
  cellCommitteeMetBefore: true,
  previousTasksDonePercent: 95,
};
const fullManual = Object.fromEntries(
  sheet.criteria.filter((c) => c.kind === 'manual').map((c) => [c.id, c.max]),
);

const pointsOf = (facts: MeetingFacts, id: string, manual: Record<string, number> = {}) =>
  scoreMeeting(sheet, levels, facts, manual).criteria.find((c) => c.criterionId === id);

describe('score sheet: the Cần Thơ model meeting (domain.md §3)', () => {
  it('gives 17 present, 10 speakers (58.8%) the full 5 points for speaking', () => {
    const facts: MeetingFacts = { ...perfect, kind: 'model' };
    expect(factValues(facts).speakingPercent).toBeCloseTo(58.82, 2);
    const speaking = pointsOf(facts, 'speaking_share');
    expect(speaking?.points).toBe(5);
    expect(speaking?.explanation.vi).toBe(
      'Đảng viên phát biểu 10/17 người phát biểu (58,8%): trên 50% số có mặt — 5/5 điểm',
    );
    expect(pointsOf(facts, 'attendance_rate')?.points).toBe(4);
    const score = scoreMeeting(sheet, levels, facts, fullManual);
    expect(score).toMatchObject({ total: 100, max: 100, level: 'good' });
  });
});

describe('score sheet: criteria', () => {
  it('explains duration in one bilingual line', () => {
    expect(pointsOf(perfect, 'duration')?.explanation).toEqual({
      vi: 'Thời gian 95/90 phút: đủ thời gian — 5/5 điểm',
      en: 'Duration 95/90 min: full time — 5/5 points',
    });
  });

  it('scores duration by shortfall, then by share of the minimum', () => {
    const at = (durationMinutes: number, minDurationMinutes = 90) =>
      pointsOf({ ...perfect, durationMinutes, minDurationMinutes }, 'duration')?.points;
    expect([at(90), at(89), at(75), at(74.5), at(60), at(59), at(45), at(44)]).toEqual([
      5, 4, 4, 3, 3, 2, 2, 1,
    ]);
    expect([at(120, 120), at(105, 120), at(90, 120), at(60, 120), at(59, 120)]).toEqual([5, 4, 3, 2, 1]);
    expect(pointsOf({ ...perfect, durationMinutes: null }, 'duration')).toMatchObject({
      points: 0,
      explanation: { vi: 'Thời gian: không có số liệu — 0/5 điểm' },
    });
  });

  it('scores attendance at ≥ 90 / 75 / 65 and caps it on any unexcused absence', () => {
    const at = (present: number, unexcusedAbsences = 0) =>
      pointsOf({ ...perfect, expected: 20, present, unexcusedAbsences }, 'attendance_rate')?.points;
    expect([at(20), at(18), at(17), at(15), at(14), at(13), at(12)]).toEqual([4, 4, 3, 3, 2, 2, 1]);
    expect(at(19, 1)).toBe(1);
    expect(
      pointsOf({ ...perfect, unexcusedAbsences: 1, present: 16 }, 'attendance_rate')?.explanation.vi,
    ).toBe('Tỷ lệ dự họp 16/17 (94,1%): có 1 đảng viên vắng không lý do — 1/4 điểm');
    expect(pointsOf({ ...perfect, anyoneAbsentOverThreeInRow: true }, 'no_long_absence')?.points).toBe(0);
  });

  it('scores speaking share: more than 50% → 5, exactly 50% → 4, 40 → 4, 30 → 3, under 30 → 2', () => {
    const at = (speakers: number) =>
      pointsOf({ ...perfect, present: 10, speakers }, 'speaking_share')?.points;
    expect([at(6), at(5), at(4), at(3), at(2), at(0)]).toEqual([5, 4, 4, 3, 2, 2]);
  });

  it('scores the previous resolution, with full points when there was none', () => {
    const at = (previousTasksDonePercent: number | null) =>
      pointsOf({ ...perfect, previousTasksDonePercent }, 'previous_resolution');
    expect([100, 90, 89, 80, 79, 70, 69, 60, 59, 50, 49, 0].map((p) => at(p)?.points)).toEqual([
      30, 30, 27, 27, 24, 24, 20, 20, 15, 15, 10, 10,
    ]);
    expect(at(null)).toMatchObject({
      points: 30,
      explanation: {
        vi: 'Kết quả thực hiện nghị quyết kỳ trước: không có nghị quyết kỳ trước, tính đủ điểm — 30/30 điểm',
      },
    });
  });

  it('scores preparation facts as yes/no', () => {
    const facts = { ...perfect, materialsPublishedDayBefore: false, cellCommitteeMetBefore: false };
    expect(pointsOf(facts, 'materials_early')?.points).toBe(0);
    expect(pointsOf(facts, 'cell_committee_met')?.points).toBe(0);
    expect(pointsOf(perfect, 'cell_committee_met')?.points).toBe(3);
  });

  it('takes manual marks, says "chưa chấm" for missing ones and refuses out-of-range ones', () => {
    expect(pointsOf(perfect, 'chairing', { chairing: 8 })).toMatchObject({
      points: 8,
      explanation: { vi: 'Điều hành của chủ trì: chấm tay — 8/10 điểm' },
    });
    expect(pointsOf(perfect, 'chairing')).toMatchObject({
      points: 0,
      explanation: {
        vi: 'Điều hành của chủ trì: chưa chấm — 0/10 điểm',
        en: 'Chairing: not scored — 0/10 points',
      },
    });
    expect(() => scoreMeeting(sheet, levels, perfect, { chairing: 11 })).toThrow(/chairing/);
    expect(() => scoreMeeting(sheet, levels, perfect, { chairing: -1 })).toThrow(RangeError);
    expect(() => scoreMeeting(sheet, levels, perfect, { chairing: 2.5 })).toThrow(RangeError);
    expect(() => scoreMeeting(sheet, levels, perfect, { duration: 5 })).toThrow(/duration/);
    expect(() => scoreMeeting(sheet, levels, perfect, { nonsense: 1 })).toThrow(/nonsense/);
  });
});

const factsArb: fc.Arbitrary<MeetingFacts> = fc
  .record({
    kind: fc.constantFrom<MeetingKind>(...MEETING_KINDS),
    durationMinutes: fc.option(fc.integer({ min: 0, max: 300 })),
    minDurationMinutes: fc.constantFrom(0, 90, 120),
    expected: fc.integer({ min: 0, max: 60 }),
    presentShare: fc.double({ min: 0, max: 1, noNaN: true }),
    speakerShare: fc.double({ min: 0, max: 1, noNaN: true }),
    unexcusedAbsences: fc.integer({ min: 0, max: 5 }),
    anyoneAbsentOverThreeInRow: fc.boolean(),
    materialsPublishedDayBefore: fc.boolean(),
    cellCommitteeMetBefore: fc.boolean(),
    previousTasksDonePercent: fc.option(fc.integer({ min: 0, max: 100 })),
  })
  .map(({ presentShare, speakerShare, ...rest }) => {
    const present = Math.round(rest.expected * presentShare);
    return { ...rest, present, speakers: Math.round(present * speakerShare) };
  });

const manualArb: fc.Arbitrary<Record<string, number>> = fc
  .record(
    Object.fromEntries(
      sheet.criteria
        .filter((c) => c.kind === 'manual')
        .map((c) => [c.id, fc.integer({ min: 0, max: c.max })]),
    ),
    { requiredKeys: [] },
  )
  .map((marks) => {
    const manual: Record<string, number> = {};
    for (const [id, points] of Object.entries(marks)) if (points !== undefined) manual[id] = points;
    return manual;
  });

describe('score sheet: properties', () => {
  it('a score is the sum of its criteria, each within its maximum, never above 100', () => {
    fc.assert(
      fc.property(factsArb, manualArb, (facts, manual) => {
        const score = scoreMeeting(sheet, levels, facts, manual);
        expect(score.total).toBe(score.criteria.reduce((s, c) => s + c.points, 0));
        expect(score.criteria.map((c) => c.criterionId)).toEqual(sheet.criteria.map((c) => c.id));
        for (const c of score.criteria) {
          expect(c.points).toBeGreaterThanOrEqual(0);
          expect(c.points).toBeLessThanOrEqual(c.max);
          expect(c.explanation.vi).toMatch(new RegExp(`— ${c.points}/${c.max} điểm$`));
          expect(c.explanation.en).toMatch(new RegExp(`— ${c.points}/${c.max} points$`));
        }
        expect(Number.isInteger(score.total)).toBe(true);
        expect(score.total).toBeLessThanOrEqual(100);
        expect(score.max).toBe(100);
        expect(score.level).toBe(levelOf(score.total, levels, score.criteria));
      }),
    );
  });
});

describe('levels', () => {
  const required = levels.requiredAtMaxForGood;
  const criteria = (atMax: boolean): CriterionScore[] =>
    required.map((id, i) => ({
      criterionId: id,
      max: 5,
      points: atMax || i > 0 ? 5 : 4,
      explanation: { vi: '', en: '' },
    }));

  it('has inclusive bounds at 90, 70 and 50', () => {
    expect(levelOf(90, levels, criteria(true))).toBe('good');
    expect(levelOf(89, levels, criteria(true))).toBe('fair');
    expect(levelOf(70, levels, criteria(true))).toBe('fair');
    expect(levelOf(69, levels, criteria(true))).toBe('average');
    expect(levelOf(50, levels, criteria(true))).toBe('average');
    expect(levelOf(49, levels, criteria(true))).toBe('poor');
    expect(levelOf(95, levels, criteria(false))).toBe('fair');
    expect(levelOf(100, levels, [])).toBe('fair');
  });

  it('falls in the band of its total for every integer total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.boolean(), (total, atMax) => {
        const expected =
          total >= 90 ? (atMax ? 'good' : 'fair') : total >= 70 ? 'fair' : total >= 50 ? 'average' : 'poor';
        expect(levelOf(total, levels, criteria(atMax))).toBe(expected);
      }),
    );
  });

  it('scores 90 as Tốt and 89 as Khá end to end, and 95 with a short required criterion as Khá', () => {
    // Full marks minus 10 on manual criteria outside the required list: 90.
    const ninety = { ...fullManual, chairing: 5, order_followed: 5 };
    expect(scoreMeeting(sheet, levels, perfect, ninety)).toMatchObject({ total: 90, level: 'good' });
    expect(scoreMeeting(sheet, levels, perfect, { ...ninety, closing: 4 })).toMatchObject({
      total: 89,
      level: 'fair',
    });
    // 4 of 10 speak (40%): speaking share 4/5, so 95 is not enough for Tốt.
    const quiet = { ...perfect, present: 10, expected: 10, speakers: 4 };
    expect(scoreMeeting(sheet, levels, quiet, { ...fullManual, chairing: 6 })).toMatchObject({
      total: 95,
      level: 'fair',
    });
    expect(scoreSheetMax(sheet)).toBe(100);
  });

  it('names levels in both languages', () => {
    expect(['good', 'fair', 'average', 'poor'].map((l) => levelLabel(l as 'good', 'vi'))).toEqual([
      'Tốt',
      'Khá',
      'Trung bình',
      'Kém',
    ]);
    expect(levelLabel('poor', 'en')).toBe('Poor');
  });
});
