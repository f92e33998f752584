import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoDate } from './calendar.ts';
import { DEFAULT_RULE_SET } from './default-rule-set.ts';
import { monthWindow, type PlanMeetingsInput, planMeetings } from './planning.ts';
import type { MeetingKind, RuleSetContent } from './types.ts';

const rules = DEFAULT_RULE_SET;

describe('monthWindow', () => {
  it('gives days 3–5 of the month by default', () => {
    expect(monthWindow(2026, 2, rules)).toEqual({ from: '2026-02-03', to: '2026-02-05' });
    expect(monthWindow(2026, 12, { ...rules, meetingWindow: { fromDay: 25, toDay: 28 } })).toEqual({
      from: '2026-12-25',
      to: '2026-12-28',
    });
    expect(() => monthWindow(2026, 13, rules)).toThrow(RangeError);
  });
});

describe('planMeetings', () => {
  it('plans a quarter for a large and a small cell', () => {
    const plan = planMeetings({
      cells: [
        { code: 'THUONG-HOI', officialMembers: 17 },
        { code: 'HA-HOI', officialMembers: 6 },
      ],
      from: '2026-01-01',
      to: '2026-03-31',
      rules,
    });
    const line = (p: (typeof plan)[number]) => `${p.date} ${p.cellCode} ${p.kind} ${p.startTime}`;
    expect(plan.map(line)).toEqual([
      '2026-01-01 THUONG-HOI cell_committee 19:30',
      '2026-01-03 HA-HOI regular 19:30',
      '2026-01-03 HA-HOI thematic 19:30',
      '2026-01-03 THUONG-HOI regular 19:30',
      '2026-01-03 THUONG-HOI thematic 19:30',
      '2026-02-01 THUONG-HOI cell_committee 19:30',
      '2026-02-03 HA-HOI regular 19:30',
      '2026-02-03 THUONG-HOI regular 19:30',
      '2026-03-01 THUONG-HOI cell_committee 19:30',
      '2026-03-03 HA-HOI regular 19:30',
      '2026-03-03 THUONG-HOI regular 19:30',
    ]);
  });

  it('fills only the gaps left by existing meetings', () => {
    const plan = planMeetings({
      cells: [{ code: 'A', officialMembers: 4 }],
      from: '2026-04-01',
      to: '2026-06-30',
      rules,
      existing: [
        { cellCode: 'A', kind: 'regular', date: '2026-04-04' },
        { cellCode: 'A', kind: 'thematic', date: '2026-05-10' },
        { cellCode: 'B', kind: 'regular', date: '2026-05-03' },
      ],
    });
    expect(plan.map((p) => `${p.date} ${p.kind}`)).toEqual(['2026-05-03 regular', '2026-06-03 regular']);
  });

  it('puts the cell committee meeting in the previous month when the window starts on day 1', () => {
    const plan = planMeetings({
      cells: [{ code: 'A', officialMembers: 9 }],
      from: '2026-03-01',
      to: '2026-03-31',
      rules: { ...rules, meetingWindow: { fromDay: 1, toDay: 3 } },
      existing: [{ cellCode: 'A', kind: 'thematic', date: '2026-01-03' }],
    });
    expect(plan.map((p) => `${p.date} ${p.kind}`)).toEqual([
      '2026-02-27 cell_committee',
      '2026-03-01 regular',
    ]);
  });

  it('refuses a reversed range, bad dates and duplicate cells', () => {
    const cells = [{ code: 'A', officialMembers: 3 }];
    expect(() => planMeetings({ cells, from: '2026-03-01', to: '2026-02-01', rules })).toThrow(RangeError);
    expect(() => planMeetings({ cells, from: '2026-02-30', to: '2026-03-01', rules })).toThrow(RangeError);
    expect(() =>
      planMeetings({ cells: [...cells, ...cells], from: '2026-01-01', to: '2026-02-01', rules }),
    ).toThrow(RangeError);
  });
});

const inputArb: fc.Arbitrary<PlanMeetingsInput> = fc
  .record({
    cells: fc.uniqueArray(
      fc.record({
        code: fc.stringMatching(/^[A-Z]{1,3}$/),
        officialMembers: fc.integer({ min: 3, max: 30 }),
      }),
      {
        selector: (c) => c.code,
        maxLength: 5,
      },
    ),
    startYear: fc.integer({ min: 2025, max: 2027 }),
    startMonth: fc.integer({ min: 1, max: 12 }),
    startDay: fc.integer({ min: 1, max: 28 }),
    spanDays: fc.integer({ min: 0, max: 800 }),
    fromDay: fc.integer({ min: 1, max: 28 }),
    windowLength: fc.integer({ min: 0, max: 10 }),
    daysBefore: fc.integer({ min: 1, max: 14 }),
    everyMonths: fc.constantFrom(1, 2, 3, 4, 6, 12),
    existingSeeds: fc.array(
      fc.record({
        cell: fc.nat(),
        kind: fc.constantFrom<MeetingKind>('regular', 'thematic', 'cell_committee'),
        year: fc.integer({ min: 2025, max: 2029 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
      }),
      { maxLength: 15 },
    ),
  })
  .chain((r) => {
    const from = isoDate(r.startYear, r.startMonth, r.startDay);
    const ruleSet: RuleSetContent = {
      ...rules,
      meetingWindow: { fromDay: r.fromDay, toDay: Math.min(28, r.fromDay + r.windowLength) },
      cellCommitteeDaysBefore: r.daysBefore,
      thematicEveryMonths: r.everyMonths,
    };
    const existing = r.cells.length
      ? r.existingSeeds.map((s) => ({
          cellCode: (r.cells[s.cell % r.cells.length] as { code: string }).code,
          kind: s.kind,
          date: isoDate(s.year, s.month, s.day),
        }))
      : [];
    return fc.constant({ cells: r.cells, from, to: addDays(from, r.spanDays), rules: ruleSet, existing });
  });

/** Month and thematic period of an ISO date. */
const monthKey = (iso: string) => iso.slice(0, 7);
const periodKey = (iso: string, every: number) => {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return `${y}/${Math.floor((m - 1) / every)}`;
};

describe('planMeetings: properties', () => {
  it('keeps the calendar rules for every cell', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = planMeetings(input);
        const { from, to, rules: r } = input;
        const existing = input.existing ?? [];
        // Months whose window starts inside the range: those are the months the plan is responsible for.
        const months: string[] = [];
        for (let d = from; d <= to; d = addDays(d, 1)) {
          const [y, m] = d.split('-').map(Number) as [number, number];
          if (d === monthWindow(y, m, r).from) months.push(monthKey(d));
        }
        for (const cell of input.cells) {
          const mine = plan.filter((p) => p.cellCode === cell.code);
          const all = [...mine, ...existing.filter((e) => e.cellCode === cell.code)];
          for (const p of mine.filter((p) => p.kind === 'regular')) {
            const [y, m] = p.date.split('-').map(Number) as [number, number];
            const window = monthWindow(y, m, r);
            expect(p.date >= window.from && p.date <= window.to).toBe(true);
            expect(p.date >= from && p.date <= to).toBe(true);
          }
          for (const month of months) {
            expect(
              all.filter((p) => p.kind === 'regular' && monthKey(p.date) === month).length,
            ).toBeGreaterThanOrEqual(1);
            expect(mine.filter((p) => p.kind === 'regular' && monthKey(p.date) === month).length).toBe(
              existing.some(
                (e) => e.cellCode === cell.code && e.kind === 'regular' && monthKey(e.date) === month,
              )
                ? 0
                : 1,
            );
          }
          expect(mine.every((p) => p.kind !== 'regular' || months.includes(monthKey(p.date)))).toBe(true);
          const periods = new Set(months.map((m) => periodKey(`${m}-01`, r.thematicEveryMonths)));
          for (const period of periods) {
            const thematic = (list: typeof all) =>
              list.filter(
                (p) => p.kind === 'thematic' && periodKey(p.date, r.thematicEveryMonths) === period,
              );
            expect(thematic(all).length).toBeGreaterThanOrEqual(1);
            expect(thematic(mine).length).toBeLessThanOrEqual(1);
          }
          const committees = mine.filter((p) => p.kind === 'cell_committee');
          const meetings = mine.filter((p) => p.kind === 'regular' || p.kind === 'thematic');
          if (cell.officialMembers >= r.cellCommitteeFrom) {
            for (const m of meetings) {
              const before = addDays(m.date, -r.cellCommitteeDaysBefore);
              expect(all.some((p) => p.kind === 'cell_committee' && p.date === before)).toBe(true);
            }
            for (const c of committees) {
              const held = addDays(c.date, r.cellCommitteeDaysBefore);
              expect(c.date < held).toBe(true);
              expect(meetings.some((m) => m.date === held)).toBe(true);
            }
          } else {
            expect(committees).toEqual([]);
          }
        }
        const keys = plan.map((p) => `${p.date}|${p.cellCode}|${p.kind}`);
        expect(new Set(keys).size).toBe(keys.length);
        expect(planMeetings({ ...input, cells: [...input.cells].reverse() })).toEqual(plan);
      }),
      { numRuns: 200 },
    );
  });
});
