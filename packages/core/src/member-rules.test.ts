import { describe, expect, it } from 'vitest';
import { checkMemberFacts } from './member-rules.ts';

const today = '2026-11-25';
const fields = (facts: Parameters<typeof checkMemberFacts>[0]) =>
  checkMemberFacts(facts, today).map((p) => p.field);

describe('member facts', () => {
  it('accepts a consistent official member', () => {
    expect(
      fields({
        status: 'official',
        birthDate: '1980-01-01',
        admissionDate: '2005-03-03',
        officialDate: '2006-03-03',
      }),
    ).toEqual([]);
  });
  it('refuses an official date before admission', () => {
    expect(fields({ status: 'official', admissionDate: '2005-03-03', officialDate: '2004-03-03' })).toEqual([
      'official_date',
    ]);
  });
  it('requires an official date for official members and none for probationary ones', () => {
    expect(fields({ status: 'official', admissionDate: '2005-03-03' })).toEqual(['official_date']);
    expect(
      fields({ status: 'probationary', admissionDate: '2026-03-03', officialDate: '2026-05-01' }),
    ).toEqual(['official_date']);
  });
  it('refuses admission before 18 and dates in the future', () => {
    expect(fields({ status: 'probationary', birthDate: '2010-01-01', admissionDate: '2026-01-01' })).toEqual([
      'admission_date',
    ]);
    expect(fields({ status: 'probationary', admissionDate: '2027-01-01' })).toEqual(['admission_date']);
  });
});
