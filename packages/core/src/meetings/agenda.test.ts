import { describe, expect, it } from 'vitest';
import { agendaOf, insertAgendaItem, withItemConclusion } from './agenda.ts';
import { DEFAULT_RULE_SET } from './default-rule-set.ts';

describe('agendaOf', () => {
  it('takes the template of the kind', () => {
    const regular = agendaOf(DEFAULT_RULE_SET, 'regular');
    expect(regular.map((i) => i.title)).toEqual(
      DEFAULT_RULE_SET.agendaTemplates.regular.map((i) => i.title.vi),
    );
  });

  it('runs a combined session as the regular order with the topic’s items and vote added in place', () => {
    const agenda = agendaOf(DEFAULT_RULE_SET, 'regular', true);
    const titles = agenda.map((i) => i.title);
    const at = (t: string) => titles.indexOf(t);
    expect(at('Trình bày chuyên đề (tham luận)')).toBeGreaterThan(at('Tự phê bình và phê bình'));
    expect(at('Trình bày chuyên đề (tham luận)')).toBeLessThan(at('Chủ trì kết luận'));
    expect(at('Biểu quyết thông qua nghị quyết chuyên đề')).toBe(at('Biểu quyết thông qua nghị quyết') - 1);
    // Each item once, sections in order.
    expect(new Set(titles).size).toBe(titles.length);
    const order = agenda.map((i) => ['opening', 'content', 'closing'].indexOf(i.section));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(agendaOf(DEFAULT_RULE_SET, 'thematic', true)).toEqual(agendaOf(DEFAULT_RULE_SET, 'thematic'));
  });
});

describe('insertAgendaItem', () => {
  const agenda = [
    { title: 'Khai mạc', section: 'opening' as const },
    { title: 'Báo cáo', section: 'content' as const },
    { title: 'Kết luận', section: 'closing' as const },
    { title: 'Bế mạc', section: 'closing' as const },
  ];
  it('puts a content item before the closing ones, a closing item at the end', () => {
    const content = insertAgendaItem(agenda, { title: 'Thảo luận thêm', section: 'content' });
    expect(content.index).toBe(2);
    expect(content.agenda.map((i) => i.title)).toEqual([
      'Khai mạc',
      'Báo cáo',
      'Thảo luận thêm',
      'Kết luận',
      'Bế mạc',
    ]);
    expect(insertAgendaItem(agenda, { title: 'X', section: 'closing' }).index).toBe(4);
    expect(insertAgendaItem(agenda, { title: 'X', section: 'opening' }).index).toBe(1);
    expect(insertAgendaItem([], { title: 'X', section: 'content' }).index).toBe(0);
  });
});

describe('withItemConclusion', () => {
  const agenda = agendaOf(DEFAULT_RULE_SET, 'regular');

  it('sets the chair’s conclusion of one item, trimmed, and leaves the others alone', () => {
    const next = withItemConclusion(agenda, 2, '  Chi bộ thống nhất.  ');
    expect(next[2]).toEqual({ ...agenda[2], conclusion: 'Chi bộ thống nhất.' });
    expect(next.filter((i) => i.conclusion)).toHaveLength(1);
    expect(agenda[2]?.conclusion).toBeUndefined();
  });

  it('clears it with a blank text', () => {
    const set = withItemConclusion(agenda, 0, 'Kết luận');
    const cleared = withItemConclusion(set, 0, '   ');
    expect(cleared[0]).toEqual(agenda[0]);
    expect('conclusion' in (cleared[0] ?? {})).toBe(false);
  });

  it('refuses an item that is not on the agenda', () => {
    expect(() => withItemConclusion(agenda, agenda.length, 'x')).toThrow(RangeError);
    expect(() => withItemConclusion(agenda, -1, 'x')).toThrow(RangeError);
  });
});
