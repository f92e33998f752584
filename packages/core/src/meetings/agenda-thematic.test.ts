import { describe, expect, it } from 'vitest';
import { agendaOf } from './agenda.ts';
import { prefillAgenda } from './agenda-sources.ts';
import { type ThematicRegistrationDue, thematicItem } from './agenda-thematic.ts';
import { DEFAULT_RULE_SET } from './default-rule-set.ts';

const reg = (over: Partial<ThematicRegistrationDue> = {}): ThematicRegistrationDue => ({
  id: 4,
  year: 2027,
  quarter: 2,
  title: 'Học tập và làm theo tư tưởng Hồ Chí Minh về tiết kiệm',
  status: 'registered',
  own: false,
  refusalReason: null,
  presenters: ['Lê Văn Cường', 'Trần Thị Hằng'],
  paperSharedOn: null,
  ...over,
});

describe('the thematic topic of the quarter on the agenda', () => {
  it('names the topic, its presenters and whether the paper was shared, citing HD 12', () => {
    const item = thematicItem(reg());
    expect(item).toMatchObject({
      title: 'Chuyên đề: Học tập và làm theo tư tưởng Hồ Chí Minh về tiết kiệm',
      section: 'content',
      source: { kind: 'thematic', ref: '4' },
    });
    expect(item.reason).toBe(
      'Chuyên đề quý 2/2027 đã đăng ký; người trình bày: Lê Văn Cường, Trần Thị Hằng; bài chưa chia sẻ cho đảng viên góp ý (HD 12-HD/BTCTW ngày 06/7/2018, phần sinh hoạt chuyên đề).',
    );
    const shared = thematicItem(reg({ own: true, status: 'approved', paperSharedOn: '2027-05-02' }));
    expect(shared.reason).toContain('cấp ủy cấp trên đã duyệt');
    expect(shared.reason).toContain('bài đã chia sẻ cho đảng viên góp ý ngày 02/05/2027');
    expect(thematicItem(reg({ presenters: [] })).reason).toContain('người trình bày: chưa phân công');
  });

  it('says a pending own topic awaits the committee, and a refused one must be replaced', () => {
    const pending = thematicItem(reg({ own: true, status: 'pending' }));
    expect(pending.title).toContain('(chờ cấp ủy duyệt)');
    expect(pending.reason).toContain('đang chờ cấp ủy cấp trên duyệt');
    const refused = thematicItem(reg({ own: true, status: 'refused', refusalReason: 'Trùng quý trước' }));
    expect(refused.title).toBe('Chuyên đề quý 2/2027: chờ cấp ủy duyệt chuyên đề khác');
    expect(refused.reason).toContain('đã bị cấp ủy cấp trên từ chối (lý do: Trùng quý trước)');
  });

  it('opens the thematic part, before the presentation, in a thematic meeting and a combined session', () => {
    for (const agenda of [
      agendaOf(DEFAULT_RULE_SET, 'thematic'),
      agendaOf(DEFAULT_RULE_SET, 'regular', true),
    ]) {
      const prepared = prefillAgenda(agenda, [thematicItem(reg())], new Set());
      const at = prepared.findIndex((i) => i.source?.kind === 'thematic');
      expect(prepared[at + 1]?.title).toBe('Trình bày chuyên đề (tham luận)');
      expect(prepared).toHaveLength(agenda.length + 1);
      // Dropped stays dropped.
      expect(prefillAgenda(agenda, [thematicItem(reg())], new Set(['thematic:4']))).toEqual(agenda);
    }
  });
});
