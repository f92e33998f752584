import { describe, expect, it } from 'vitest';
import {
  coverageStatus,
  inQuarter,
  isPastQuarter,
  quarterBounds,
  quarterOf,
  topicAddresses,
} from './rules.ts';
import { registerTopicSchema } from './schemas.ts';

describe('the thematic programme', () => {
  it('knows the quarters and when one is past', () => {
    expect(quarterBounds(2027, 1)).toEqual({ from: '2027-01-01', to: '2027-03-31' });
    expect(quarterBounds(2028, 1).to).toBe('2028-03-31');
    expect(quarterBounds(2027, 4)).toEqual({ from: '2027-10-01', to: '2027-12-31' });
    expect(quarterOf('2027-06-30')).toBe(2);
    expect(inQuarter('2027-07-01', 2027, 2)).toBe(false);
    expect(isPastQuarter(2027, 1, '2027-03-31')).toBe(false);
    expect(isPastQuarter(2027, 1, '2027-04-01')).toBe(true);
  });

  it('addresses every cell or the chosen categories', () => {
    expect(topicAddresses([], null)).toBe(true);
    expect(topicAddresses(['school'], 'village')).toBe(false);
    expect(topicAddresses(['school'], 'school')).toBe(true);
  });

  it('gives the furthest step a cell has reached', () => {
    expect(coverageStatus(null, null)).toBe('none');
    expect(coverageStatus({ status: 'pending', paperShared: false }, null)).toBe('pending');
    expect(coverageStatus({ status: 'approved', paperShared: false }, 'planned')).toBe('approved');
    expect(coverageStatus({ status: 'registered', paperShared: true }, 'planned')).toBe('paper_shared');
    expect(coverageStatus({ status: 'registered', paperShared: true }, 'held')).toBe('held');
    expect(coverageStatus({ status: 'registered', paperShared: true }, 'adopted')).toBe('resolution_adopted');
  });

  it('asks for a topic from the list or one of the cell’s own, and a date in the quarter', () => {
    const base = {
      orgCode: 'C1',
      year: 2027,
      quarter: 2,
      presenterCodes: ['C101'],
      plannedDate: '2027-05-10',
    };
    expect(registerTopicSchema.safeParse({ ...base, topicId: 1 }).success).toBe(true);
    const neither = registerTopicSchema.safeParse(base);
    expect(neither.error?.issues[0]?.path).toEqual(['topicId']);
    const both = registerTopicSchema.safeParse({ ...base, topicId: 1, ownTitle: 'Chuyển đổi số' });
    expect(both.error?.issues[0]?.path).toEqual(['topicId']);
    const outside = registerTopicSchema.safeParse({ ...base, topicId: 1, plannedDate: '2027-07-02' });
    expect(outside.error?.issues[0]?.path).toEqual(['plannedDate']);
  });
});
