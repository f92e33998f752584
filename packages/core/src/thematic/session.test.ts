import { describe, expect, it } from 'vitest';
import { issueRefusal, sessionPaperStatus, sessionResolutionSubject, sessionStatus } from './session.ts';
import { createSessionSchema } from './session-schemas.ts';

describe('the committee-wide thematic session', () => {
  it('stands where its resolution stands, and each paper where its cell has taken it', () => {
    expect(sessionStatus({ issuedAt: null, sharedAt: null })).toBe('preparing');
    expect(sessionStatus({ issuedAt: null, sharedAt: '2027-05-01' })).toBe('consulting');
    expect(sessionStatus({ issuedAt: '2027-05-21', sharedAt: '2027-05-01' })).toBe('issued');
    expect(sessionPaperStatus(0, false)).toBe('assigned');
    expect(sessionPaperStatus(2, false)).toBe('drafted');
    expect(sessionPaperStatus(2, true)).toBe('shared');
  });

  it('issues the resolution after the session, once its latest version went out for comments', () => {
    const open = { date: '2027-05-20', issuedAt: null };
    expect(issueRefusal(open, { sharedAt: 'x' }, '2027-05-19')).toBe('not_held');
    expect(issueRefusal(open, null, '2027-05-20')).toBe('no_draft');
    expect(issueRefusal(open, { sharedAt: null }, '2027-05-20')).toBe('not_shared');
    expect(issueRefusal(open, { sharedAt: 'x' }, '2027-05-20')).toBeNull();
    expect(issueRefusal({ ...open, issuedAt: 'x' }, { sharedAt: 'x' }, '2027-06-01')).toBe('issued');
  });

  it('prints the subject under "NGHỊ QUYẾT" with its capitals kept', () => {
    expect(sessionResolutionSubject('Hồ Chí Minh  với thanh niên')).toBe(
      'về chuyên đề "Hồ Chí Minh với thanh niên"',
    );
    expect(sessionResolutionSubject('về thực hành tiết kiệm')).toBe('về thực hành tiết kiệm');
  });

  it('asks for a day in the quarter and each cell once', () => {
    const base = {
      committeeCode: 'GA',
      title: 'Hội nghị chuyên đề',
      date: '2027-05-20',
      time: '08:00',
      place: 'Hội trường',
      year: 2027,
      quarter: 2,
    };
    expect(createSessionSchema.safeParse(base).success).toBe(true);
    const outside = createSessionSchema.safeParse({ ...base, date: '2027-07-01' });
    expect(outside.error?.issues[0]?.path).toEqual(['date']);
    const paper = { orgCode: 'C1', title: 'Tham luận', presenterCodes: ['C101'] };
    const twice = createSessionSchema.safeParse({ ...base, papers: [paper, paper] });
    expect(twice.error?.issues[0]?.path).toEqual(['papers', 1, 'orgCode']);
  });
});
