import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from './default-rule-set.ts';
import { meetingFactsOf, type RecordedFacts } from './facts.ts';
import { scoreMeeting } from './score.ts';
import { SO_TAY_LIMITS, soTayPostedAtProblem, soTayPostedEarly, soTayPostedSchema } from './so-tay.ts';

/** The materials criterion with a Sổ tay record (HD 42-HD/BTCTW (28/10/2025)). */
const start = new Date('2026-11-05T19:30:00+07:00');
const record = (
  materials: RecordedFacts['materials'],
  soTay: RecordedFacts['soTay'] = null,
): RecordedFacts => ({
  kind: 'regular',
  combined: false,
  startedAt: start,
  endedAt: new Date('2026-11-05T21:10:00+07:00'),
  roll: [{ memberId: 1, status: 'present', memberStatus: 'official' }],
  speakerIds: [1],
  materials,
  soTay,
  cellCommitteeMeetings: 1,
  previousTasks: null,
  absenceRuns: new Map(),
});
const criterion = (facts: RecordedFacts) => {
  const score = scoreMeeting(
    DEFAULT_RULE_SET.scoreSheet,
    DEFAULT_RULE_SET.levels,
    meetingFactsOf(facts, DEFAULT_RULE_SET),
    {},
  );
  return score.criteria.find((c) => c.criterionId === 'materials_early');
};

describe('soTayPostedEarly', () => {
  it('is early exactly a day before the start and not a minute later', () => {
    expect(soTayPostedEarly(new Date('2026-11-04T19:30:00+07:00'), start)).toBe(true);
    expect(soTayPostedEarly(new Date('2026-11-01T08:00:00+07:00'), start)).toBe(true);
    expect(soTayPostedEarly(new Date('2026-11-04T19:31:00+07:00'), start)).toBe(false);
    // Posted after the start: kept, but not early.
    expect(soTayPostedEarly(new Date('2026-11-05T20:00:00+07:00'), start)).toBe(false);
  });

  it('refuses a posting time in the future of the clock, or a year before the meeting', () => {
    const now = new Date('2026-11-03T10:00:00+07:00');
    expect(soTayPostedAtProblem(new Date('2026-11-03T10:00:01+07:00'), now, start)).toBe('future');
    expect(soTayPostedAtProblem(now, now, start)).toBeNull();
    // Posted after the start is allowed (then not early), as far as the clock goes.
    expect(
      soTayPostedAtProblem(new Date('2026-11-05T20:00:00+07:00'), new Date('2026-11-06'), start),
    ).toBeNull();
    // More than a year before the meeting: not this meeting's package.
    expect(soTayPostedAtProblem(new Date('2025-11-01T08:00:00+07:00'), now, start)).toBe('too_early');
    expect(soTayPostedAtProblem(new Date('0001-01-01T00:00:00Z'), now, start)).toBe('too_early');
    expect(soTayPostedSchema.safeParse({ postedAt: 'hôm qua' }).success).toBe(false);
    expect(soTayPostedSchema.safeParse({ postedAt: '2026-11-03T08:00:00+07:00' }).success).toBe(true);
    expect(SO_TAY_LIMITS.packageMaxBytes).toBe(50 * 1024 * 1024);
  });
});

describe('the materials criterion with a Sổ tay record', () => {
  it('is met by an early Sổ tay posting with no early publication in the app, and says so', () => {
    const facts = meetingFactsOf(record({ total: 2, early: 0 }, { postedEarly: true }), DEFAULT_RULE_SET);
    expect(facts.materialsPublishedDayBefore).toBe(true);
    expect(facts.materialsVia).toBe('so_tay');
    const line = criterion(record({ total: 2, early: 0 }, { postedEarly: true }));
    expect(line?.points).toBe(2);
    expect(line?.explanation.vi).toContain('Sổ tay đảng viên điện tử');
    expect(line?.explanation.en).toContain('Party Member Handbook app');
  });

  it('is not met by a late Sổ tay posting, nor by none', () => {
    const late = meetingFactsOf(record({ total: 2, early: 1 }, { postedEarly: false }), DEFAULT_RULE_SET);
    expect(late.materialsPublishedDayBefore).toBe(false);
    expect(late.materialsVia).toBeUndefined();
    expect(criterion(record({ total: 2, early: 1 }, { postedEarly: false }))?.points).toBe(0);
    expect(meetingFactsOf(record({ total: 0, early: 0 }), DEFAULT_RULE_SET).materialsPublishedDayBefore).toBe(
      false,
    );
  });

  it('keeps publication in the app as before: met without a record, and its words unchanged', () => {
    const app = meetingFactsOf(record({ total: 2, early: 2 }), DEFAULT_RULE_SET);
    expect(app.materialsPublishedDayBefore).toBe(true);
    expect(app.materialsVia).toBeUndefined();
    const line = criterion(record({ total: 2, early: 2 }, { postedEarly: true }));
    expect(line?.points).toBe(2);
    expect(line?.explanation.vi).not.toContain('Sổ tay');
  });
});
