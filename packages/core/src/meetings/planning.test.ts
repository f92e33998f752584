import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuleSetContent } from '../rule-set-content.ts';
import { addDays, isoDate } from './calendar.ts';
import { DEFAULT_RULE_SET } from './default-rule-set.ts';
import { isThematicSession, monthWindow, type PlanMeetingsInput, planMeetings } from './planning.ts';
import { preparationTitle } from './preparation.ts';
import type { MeetingKind } from './types.ts';

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
  it('plans a quarter for a cell with a chi ủy and one without, the thematic meeting as one combined session', () => {
    const plan = planMeetings({
      cells: [
        { code: 'THUONG-HOI', hasCommittee: true },
        { code: 'HA-HOI', hasCommittee: false },
      ],
      from: '2026-01-01',
      to: '2026-03-31',
      rules,
    });
    const line = (p: (typeof plan)[number]) =>
      `${p.date} ${p.cellCode} ${p.kind}${p.combined ? '+thematic' : ''} ${p.startTime}`;
    // HD 12-HD/BTCTW: the chi ủy meets before each meeting; where there is none, the bí thư and phó bí thư do.
    expect(plan.map(line)).toEqual([
      '2026-01-01 HA-HOI cell_committee 19:30',
      '2026-01-01 THUONG-HOI cell_committee 19:30',
      '2026-01-03 HA-HOI regular+thematic 19:30',
      '2026-01-03 THUONG-HOI regular+thematic 19:30',
      '2026-02-01 HA-HOI cell_committee 19:30',
      '2026-02-01 THUONG-HOI cell_committee 19:30',
      '2026-02-03 HA-HOI regular 19:30',
      '2026-02-03 THUONG-HOI regular 19:30',
      '2026-03-01 HA-HOI cell_committee 19:30',
      '2026-03-01 THUONG-HOI cell_committee 19:30',
      '2026-03-03 HA-HOI regular 19:30',
      '2026-03-03 THUONG-HOI regular 19:30',
    ]);
    const titles = (code: string) =>
      plan.filter((p) => p.cellCode === code && p.kind === 'cell_committee').map((p) => p.title);
    expect(titles('HA-HOI')).toEqual(
      Array(3).fill('Họp bí thư, phó bí thư chuẩn bị nội dung sinh hoạt chi bộ'),
    );
    expect(titles('THUONG-HOI')).toEqual([null, null, null]);
    expect(plan.filter((p) => p.kind !== 'cell_committee').every((p) => p.title === null)).toBe(true);
  });

  it('plans the thematic meeting on an evening of its own when the rule set says so', () => {
    const plan = planMeetings({
      cells: [{ code: 'A', hasCommittee: false, day: 4, startTime: '14:00' }],
      from: '2026-01-01',
      to: '2026-02-28',
      rules: { ...rules, thematicMode: 'separate', thematicDaysAfter: 10 },
    });
    expect(plan.map((p) => `${p.date} ${p.kind} ${p.startTime} ${p.combined}`)).toEqual([
      '2026-01-02 cell_committee 14:00 false',
      '2026-01-04 regular 14:00 false',
      '2026-01-12 cell_committee 14:00 false',
      '2026-01-14 thematic 14:00 false',
      '2026-02-02 cell_committee 14:00 false',
      '2026-02-04 regular 14:00 false',
    ]);
  });

  it('keeps the cell’s usual day, and never plans before `from` nor twice at the same time', () => {
    const plan = planMeetings({
      cells: [{ code: 'A', hasCommittee: false, day: 4 }],
      from: '2026-03-05',
      to: '2026-04-30',
      rules,
      existing: [
        { cellCode: 'A', kind: 'thematic', date: '2026-01-20' },
        { cellCode: 'A', kind: 'extraordinary', date: '2026-04-04', startTime: '19:30' },
      ],
    });
    // March: the 4th has passed, the window (3–5) still has the 5th. April: the 4th is taken at 19:30, and
    // April opens the second quarter, whose thematic meeting is combined with the regular one.
    expect(plan.map((p) => `${p.date} ${p.kind} ${p.combined}`)).toEqual([
      '2026-03-03 cell_committee false',
      '2026-03-05 regular false',
      '2026-04-01 cell_committee false',
      '2026-04-03 regular true',
    ]);
  });

  it('fills only the gaps left by existing meetings', () => {
    const plan = planMeetings({
      cells: [{ code: 'A', hasCommittee: false }],
      from: '2026-04-01',
      to: '2026-06-30',
      rules,
      existing: [
        { cellCode: 'A', kind: 'regular', date: '2026-04-04' },
        { cellCode: 'A', kind: 'thematic', date: '2026-05-10' },
        { cellCode: 'B', kind: 'regular', date: '2026-05-03' },
      ],
    });
    expect(plan.map((p) => `${p.date} ${p.kind}`)).toEqual([
      '2026-05-01 cell_committee',
      '2026-05-03 regular',
      '2026-06-01 cell_committee',
      '2026-06-03 regular',
    ]);
  });

  it('adds a thematic meeting of its own when the month’s regular one already exists', () => {
    const plan = planMeetings({
      cells: [{ code: 'A', hasCommittee: false }],
      from: '2026-07-01',
      to: '2026-07-31',
      rules,
      existing: [{ cellCode: 'A', kind: 'regular', date: '2026-07-03' }],
    });
    expect(plan.map((p) => `${p.date} ${p.kind}`)).toEqual([
      '2026-07-08 cell_committee',
      '2026-07-10 thematic',
    ]);
  });

  it('puts the cell committee meeting in the previous month when the window starts on day 1', () => {
    const plan = planMeetings({
      cells: [{ code: 'A', hasCommittee: true }],
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
    const cells = [{ code: 'A', hasCommittee: false }];
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
        hasCommittee: fc.boolean(),
        day: fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }),
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
    mode: fc.constantFrom<'combined' | 'separate'>('combined', 'separate'),
    existingSeeds: fc.array(
      fc.record({
        cell: fc.nat(),
        kind: fc.constantFrom<MeetingKind>('regular', 'thematic', 'cell_committee', 'extraordinary'),
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
      thematicMode: r.mode,
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
        const start = r.defaultStartTime;
        for (const cell of input.cells) {
          const mine = plan.filter((p) => p.cellCode === cell.code);
          const theirs = existing.filter((e) => e.cellCode === cell.code);
          const all = [...mine, ...theirs];
          // Never two meetings of the cell on one day at one time, and never a cell meeting before `from`.
          const slot = (m: { date: string; startTime?: string }) => `${m.date} ${m.startTime ?? start}`;
          const slots = mine.map(slot);
          expect(new Set(slots).size).toBe(slots.length);
          expect(slots.filter((x) => theirs.map(slot).includes(x))).toEqual([]);
          for (const p of mine.filter((p) => p.kind !== 'cell_committee')) expect(p.date >= from).toBe(true);
          for (const p of mine.filter((p) => p.kind === 'regular')) {
            const [y, m] = p.date.split('-').map(Number) as [number, number];
            const window = monthWindow(y, m, r);
            expect(p.date >= window.from && p.date <= window.to && p.date <= to).toBe(true);
            if (cell.day !== undefined) {
              const usual = `${window.from.slice(0, 8)}${String(cell.day).padStart(2, '0')}`;
              const usable = usual >= window.from && usual <= window.to && usual >= from && usual <= to;
              const clash = theirs.some((e) => e.date === usual && (e.startTime ?? start) === start);
              if (usable && !clash) expect(p.date).toBe(usual);
            }
          }
          // One regular meeting a month: none planned where one exists, one wherever a window day is free.
          for (let d = from; d <= to; d = addDays(d, 1)) {
            const [y, m] = d.split('-').map(Number) as [number, number];
            const window = monthWindow(y, m, r);
            if (d !== [window.from, from].sort()[1] || d > window.to) continue;
            const month = monthKey(d);
            const had = theirs.some((e) => e.kind === 'regular' && monthKey(e.date) === month);
            const planned = mine.filter((p) => p.kind === 'regular' && monthKey(p.date) === month).length;
            let freeDay = false;
            for (let x = d; x <= window.to && x <= to; x = addDays(x, 1))
              if (!theirs.some((e) => e.date === x && (e.startTime ?? start) === start)) freeDay = true;
            expect(planned).toBe(had || !freeDay ? 0 : 1);
          }
          // The period's thematic session: at most one planned, and one whenever a regular was planned in a
          // period that had none; combined sessions only where the rule set combines.
          const periods = new Set(mine.map((p) => periodKey(p.date, r.thematicEveryMonths)));
          for (const period of periods) {
            const sessions = (list: typeof all) =>
              list.filter((p) => isThematicSession(p) && periodKey(p.date, r.thematicEveryMonths) === period);
            expect(sessions(mine).length).toBeLessThanOrEqual(1);
            const hadOne = sessions(theirs).length > 0;
            if (hadOne) expect(sessions(mine)).toEqual([]);
          }
          if (r.thematicMode === 'separate') expect(mine.some((p) => p.combined)).toBe(false);
          const committees = mine.filter((p) => p.kind === 'cell_committee');
          const meetings = mine.filter((p) => p.kind === 'regular' || p.kind === 'thematic');
          // Every cell meeting planned is prepared: by the chi ủy, or by the bí thư and phó bí thư (titled so).
          for (const m of meetings) {
            const before = addDays(m.date, -r.cellCommitteeDaysBefore);
            const prepared = all.some(
              (p) => p.kind === 'cell_committee' && p.date <= before && p.date >= addDays(before, -30),
            );
            expect(prepared).toBe(true);
          }
          for (const c of committees) expect(c.title).toBe(preparationTitle(cell.hasCommittee));
        }
        expect(planMeetings({ ...input, cells: [...input.cells].reverse() })).toEqual(plan);
      }),
      { numRuns: 300 },
    );
  });
});
