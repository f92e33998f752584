import { describe, expect, it } from 'vitest';
import { agendaOf } from '../meetings/agenda.ts';
import { DEFAULT_RULE_SET } from '../meetings/default-rule-set.ts';
import { addressesCell, passOnOverdue, passOnReason, superiorDocumentsIndex } from './rules.ts';
import { registerPassOnSchema } from './schemas.ts';

describe('passing superior documents on', () => {
  it('addresses the whole subtree, or cells of a chosen kind or category', () => {
    const village = { kind: 'cell', category: 'village' };
    const school = { kind: 'grassroots_cell', category: 'school' };
    expect(addressesCell({ audience: 'subtree', cellKinds: [], cellCategories: [] }, school)).toBe(true);
    const villages = { audience: 'chosen' as const, cellKinds: [], cellCategories: ['village' as const] };
    expect(addressesCell(villages, village)).toBe(true);
    expect(addressesCell(villages, school)).toBe(false);
    expect(addressesCell({ ...villages, cellKinds: ['grassroots_cell'] }, school)).toBe(true);
    expect(addressesCell(villages, { kind: 'cell', category: null })).toBe(false);
  });

  it('finds the superior-documents item of the default regular agenda', () => {
    const agenda = agendaOf(DEFAULT_RULE_SET, 'regular');
    const index = superiorDocumentsIndex(agenda);
    expect(index).not.toBeNull();
    expect(agenda[index ?? -1]?.title).toBe('Phổ biến, quán triệt văn bản của cấp trên');
    expect(superiorDocumentsIndex([{ title: 'Thảo luận', section: 'content' }])).toBeNull();
  });

  it('gives the reason, overdue once the day has gone by', () => {
    const doc = { number: '05-NQ/ĐU', orgName: 'Đảng ủy xã', issuedOn: '2027-03-01', passOnBy: '2027-04-10' };
    expect(passOnReason(doc, '2027-04-05')).toBe(
      'Văn bản số 05-NQ/ĐU của Đảng ủy xã (ban hành ngày 01/03/2027) cần được phổ biến đến chi bộ trước ngày 10/04/2027.',
    );
    expect(passOnReason(doc, '2027-04-11')).toContain('đã quá hạn phổ biến (hạn 10/04/2027)');
    expect(passOnOverdue('2027-04-10', '2027-04-10')).toBe(false);
    expect(passOnOverdue('2027-04-10', '2027-04-11')).toBe(true);
  });

  it('validates the form: lists from "a,b", pass-on-by not before the issue date, a chosen audience named', () => {
    const base = {
      committeeCode: 'GA',
      documentNumber: '05',
      documentTitle: 'NQ',
      issuedOn: '2027-03-01',
      passOnBy: '2027-04-10',
    };
    const ok = registerPassOnSchema.parse({ ...base, audience: 'chosen', cellCategories: 'village, school' });
    expect(ok.cellCategories).toEqual(['village', 'school']);
    const early = registerPassOnSchema.safeParse({ ...base, passOnBy: '2027-02-01' });
    expect(early.error?.issues[0]?.path).toEqual(['passOnBy']);
    const empty = registerPassOnSchema.safeParse({ ...base, audience: 'chosen' });
    expect(empty.error?.issues[0]?.path).toEqual(['cellKinds']);
    const kind = registerPassOnSchema.safeParse({ ...base, audience: 'chosen', cellKinds: 'committee' });
    expect(kind.error?.issues[0]?.path).toEqual(['cellKinds', 0]);
  });
});
