import { agendaOf, DEFAULT_RULE_SET } from '@nennep/core';
import { describe, expect, it } from 'vitest';
import { type CalendarMeeting, demoCalendar, type HistoryCell } from './calendar.ts';
import { type HistoryMember, recordMeeting } from './record.ts';

/**
 * The demo's history prepares every meeting as the rules say (HD 12-HD/BTCTW): the chi ủy meets before
 * it where the cell elected one, else the bí thư and phó bí thư do — so a small cell's score is earned, not
 * given; and recognition votes come once the twelve months of probation are over (Điều lệ Đảng art. 5).
 */
const cell = (id: number, hasCommittee: boolean): HistoryCell => ({
  id,
  code: `C${id}`,
  path: `/1/${id}/`,
  name: `Chi bộ thôn ${id}`,
  kind: 'cell',
  category: 'village',
  index: id,
  hasCommittee,
  diligence: 0.8,
});
const member = (id: number, position: string, extra: Partial<HistoryMember> = {}): HistoryMember => ({
  id,
  code: `M${id}`,
  fullName: `Nguyễn Văn ${id}`,
  position,
  birthYear: 1975,
  admissionDate: '2000-01-01',
  officialDate: '2001-01-01',
  exemptFrom: null,
  away: false,
  ...extra,
});
const calendar = demoCalendar({
  cells: [cell(1, true), cell(2, false)],
  today: '2026-06-10',
  window: { fromDay: 3, toDay: 5 },
  seed: 7,
  secretaryCellCode: 'none',
});

describe('the demo calendar', () => {
  it('holds a preparation meeting two days before each regular meeting, in cells with and without a chi ủy', () => {
    for (const id of [1, 2]) {
      const mine = calendar.filter((m) => m.cell.id === id);
      const regular = mine.filter((m) => m.kind === 'regular');
      const preparation = mine.filter((m) => m.kind === 'cell_committee');
      expect(preparation.length).toBe(regular.length);
      for (const r of regular)
        expect(preparation.some((p) => Date.parse(r.date) - Date.parse(p.date) === 2 * 86_400_000)).toBe(
          true,
        );
    }
    const titles = (id: number) =>
      new Set(calendar.filter((m) => m.cell.id === id && m.kind === 'cell_committee').map((m) => m.title));
    expect(titles(1)).toEqual(new Set([null]));
    expect(titles(2)).toEqual(new Set(['Họp bí thư, phó bí thư chuẩn bị nội dung sinh hoạt chi bộ']));
  });
});

describe('a preparation meeting of a cell without a chi ủy', () => {
  it('calls its bí thư and phó bí thư only', () => {
    const meeting = calendar.find(
      (m) => m.cell.id === 2 && m.kind === 'cell_committee' && m.fate === 'held',
    ) as CalendarMeeting;
    const record = recordMeeting({
      meeting,
      agenda: agendaOf(DEFAULT_RULE_SET, 'cell_committee', false),
      members: [
        member(1, 'secretary'),
        member(2, 'deputy_secretary'),
        member(3, 'member'),
        member(4, 'member'),
      ],
      manualCriteria: [],
      visitor: null,
      previousRegular: null,
      seed: 11,
    });
    expect(record.roll.map((l) => l.memberId).sort()).toEqual([1, 2]);
  });
});

describe('recognition in the demo', () => {
  const members = [
    ...Array.from({ length: 6 }, (_, i) => member(i + 1, i === 0 ? 'secretary' : 'member')),
    // Probation ends on 2026-03-01, the day after February's meeting and before March's.
    member(9, 'member', { admissionDate: '2025-03-01', officialDate: '2026-03-01' }),
  ];
  const regular = (date: string) =>
    calendar.find(
      (m) => m.cell.id === 1 && m.kind === 'regular' && m.date.startsWith(date),
    ) as CalendarMeeting;
  const votesAt = (meeting: CalendarMeeting, previousRegular: string | null) =>
    recordMeeting({
      meeting,
      agenda: agendaOf(DEFAULT_RULE_SET, 'regular', false),
      members,
      manualCriteria: [],
      visitor: null,
      previousRegular,
      seed: 5,
    }).votes.filter((v) => v.subject === 'recognition');

  it('comes at the first regular meeting after the twelve months, never before, and once', () => {
    const february = regular('2026-02');
    const march = regular('2026-03');
    const april = regular('2026-04');
    expect(votesAt(february, '2026-01-05')).toEqual([]);
    const atMarch = votesAt(march, february.date);
    expect(atMarch.map((v) => v.memberId)).toEqual([9]);
    expect(votesAt(april, march.date)).toEqual([]);
  });
});
