import { describe, expect, it } from 'vitest';
import type { AgendaItem } from './agenda.ts';
import {
  absencesItem,
  duesArrearsItem,
  moveAgendaItem,
  overdueTasksItem,
  type PrefillItem,
  passOnItem,
  prefillAgenda,
  recognitionItem,
  sourceKey,
} from './agenda-sources.ts';

const template: AgendaItem[] = [
  { title: 'Khai mạc', section: 'opening' },
  { title: 'Phổ biến, quán triệt văn bản của cấp trên', section: 'content' },
  { title: 'Thảo luận', section: 'content' },
  { title: 'Công tác nhân sự (công nhận đảng viên chính thức, kết nạp, miễn sinh hoạt)', section: 'closing' },
  { title: 'Đánh giá, xếp loại chất lượng sinh hoạt', section: 'closing' },
  { title: 'Thu đảng phí', section: 'closing' },
  { title: 'Bế mạc', section: 'closing' },
];
const doc = (id: number) => ({
  documentId: id,
  number: `0${id}-NQ/ĐU`,
  title: `Nghị quyết ${id}`,
  orgName: 'Đảng bộ xã Tân Hội',
  issuedOn: '2026-04-01',
  passOnBy: '2026-04-30',
});
const tasks = overdueTasksItem([
  { id: 7, text: 'Sửa cống', deadline: '2026-04-20', assignee: null },
]) as PrefillItem;

describe('the pre-filled items', () => {
  it('say why they are there, with their references', () => {
    expect(passOnItem(doc(5), '2026-05-05').reason).toContain('đã quá hạn phổ biến (hạn 30/04/2026)');
    expect(tasks.reason).toContain('nhiệm vụ số 7 “Sửa cống”, hạn 20/04/2026');
    const due = recognitionItem(
      { memberCode: 'A', fullName: 'Vũ Văn Giang', admissionDate: '2025-05-05' },
      '2026-05-05',
    );
    expect(due?.reason).toContain('hết 12 tháng dự bị ngày 05/05/2026');
    expect(
      recognitionItem({ memberCode: 'A', fullName: 'X', admissionDate: '2025-05-06' }, '2026-05-05'),
    ).toBeNull();
    expect(absencesItem([{ memberCode: 'B', fullName: 'Lê Văn Cường', run: 2, unexcused: 2 }])).toBeNull();
    expect(
      absencesItem([{ memberCode: 'B', fullName: 'Lê Văn Cường', run: 3, unexcused: 0 }])?.reason,
    ).toContain('vắng 3 buổi liên tiếp.');
    expect(
      duesArrearsItem([{ memberCode: 'C', fullName: 'Trần Thị Bình', unpaidMonths: ['2026-03'] }])?.reason,
    ).toContain('tháng 03/2026');
    expect(overdueTasksItem([])).toBeNull();
  });
});

describe('prefillAgenda', () => {
  const recognition = recognitionItem(
    { memberCode: 'A', fullName: 'Vũ Văn Giang', admissionDate: '2025-04-01' },
    '2026-05-05',
  ) as PrefillItem;
  const dues = duesArrearsItem([
    { memberCode: 'C', fullName: 'Trần Thị Bình', unpaidMonths: ['2026-03'] },
  ]) as PrefillItem;
  const due = [passOnItem(doc(1), '2026-05-05'), passOnItem(doc(2), '2026-05-05'), tasks, recognition, dues];

  it('places each item after its anchor, content ones before the closing part', () => {
    const agenda = prefillAgenda(template, due, new Set());
    expect(agenda.map((i) => i.source?.kind ?? i.title)).toEqual([
      'Khai mạc',
      'Phổ biến, quán triệt văn bản của cấp trên',
      'pass_on',
      'pass_on',
      'Thảo luận',
      'overdue_tasks',
      'Công tác nhân sự (công nhận đảng viên chính thức, kết nạp, miễn sinh hoạt)',
      'recognition',
      'Đánh giá, xếp loại chất lượng sinh hoạt',
      'Thu đảng phí',
      'dues_arrears',
      'Bế mạc',
    ]);
  });

  it('never brings back a dropped item, drops what is no longer due, keeps order and conclusions', () => {
    const first = prefillAgenda(template, due, new Set());
    const moved = moveAgendaItem(first, 5, 4).map((i) =>
      i.source?.kind === 'overdue_tasks' ? { ...i, conclusion: 'Xong' } : i,
    );
    const again = prefillAgenda(
      moved,
      [passOnItem(doc(2), '2026-05-05'), tasks, recognition],
      new Set([sourceKey(recognition.source)]),
    );
    expect(again.map((i) => i.source?.kind ?? i.title)).toEqual([
      'Khai mạc',
      'Phổ biến, quán triệt văn bản của cấp trên',
      'pass_on',
      'overdue_tasks',
      'Thảo luận',
      'Công tác nhân sự (công nhận đảng viên chính thức, kết nạp, miễn sinh hoạt)',
      'Đánh giá, xếp loại chất lượng sinh hoạt',
      'Thu đảng phí',
      'Bế mạc',
    ]);
    expect(again[2]?.source?.ref).toBe('2');
    expect(again[3]?.conclusion).toBe('Xong');
  });

  it('puts documents under a "Phổ biến … văn bản của cấp trên" item added to an agenda without one', () => {
    // A thematic meeting's template has no such item (HD 12-HD/BTCTW point 2.2; issue 17 item 2).
    const thematic: AgendaItem[] = [
      { title: 'Khai mạc', section: 'opening' },
      { title: 'Trình bày chuyên đề (tham luận)', section: 'content' },
      { title: 'Bế mạc', section: 'closing' },
    ];
    const heading = 'Phổ biến, quán triệt văn bản của cấp trên';
    const agenda = prefillAgenda(thematic, due, new Set());
    expect(agenda.slice(0, 5).map((i) => i.source?.kind ?? i.title)).toEqual([
      'Khai mạc',
      'Trình bày chuyên đề (tham luận)',
      heading,
      'pass_on',
      'pass_on',
    ]);
    expect(agenda[2]?.source).toBeUndefined();
    // Prepared again, the heading is not added twice; without documents due, none is added.
    expect(prefillAgenda(agenda, due, new Set()).filter((i) => i.title === heading)).toHaveLength(1);
    expect(prefillAgenda(thematic, [tasks], new Set()).some((i) => i.title === heading)).toBe(false);
  });

  it('gives a template item of the same title the source and reason instead of adding it twice', () => {
    const withTitle: AgendaItem[] = [...template, { title: tasks.title, section: 'content' }];
    const agenda = prefillAgenda(withTitle, [tasks], new Set());
    expect(agenda.filter((i) => i.title === tasks.title)).toEqual([{ ...tasks }]);
  });

  it('moves items and refuses places outside the agenda', () => {
    expect(
      moveAgendaItem(template, 0, 1)
        .map((i) => i.title)
        .slice(0, 2),
    ).toEqual(['Phổ biến, quán triệt văn bản của cấp trên', 'Khai mạc']);
    expect(() => moveAgendaItem(template, 0, 7)).toThrow(RangeError);
  });
});
