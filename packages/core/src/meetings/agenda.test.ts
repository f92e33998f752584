import { describe, expect, it } from 'vitest';
import { agendaOf, insertAgendaItem } from './agenda.ts';
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
