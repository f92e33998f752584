import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SpreadCell, type SpreadInput, spreadMeetingDays } from './spread.ts';

const capacityOn = (input: SpreadInput, day: number) =>
  typeof input.capacity === 'number' ? input.capacity : (input.capacity[day] ?? 0);

/** Target cells the visitors can reach at most, whatever the days: each day gives min(capacity, limit). */
function reachable(input: SpreadInput, limit: number) {
  const room = input.days.reduce((sum, day) => sum + Math.min(capacityOn(input, day), limit), 0);
  return Math.min(room, input.cells.filter((c) => c.target).length);
}

/** Every assignment of days to cells, for small cases: the best (covered, kept) a plan can reach. */
function bruteForce(input: SpreadInput, limit: number) {
  const { cells, days } = input;
  let best = { covered: -1, kept: -1 };
  const choice: number[] = [];
  const walk = (i: number) => {
    if (i === cells.length) {
      const load = new Map<number, number>();
      const targets = new Map<number, number>();
      let kept = 0;
      choice.forEach((day, j) => {
        load.set(day, (load.get(day) ?? 0) + 1);
        if (cells[j]?.target) targets.set(day, (targets.get(day) ?? 0) + 1);
        if (cells[j]?.preferred?.includes(day)) kept += 1;
      });
      if ([...load.values()].some((n) => n > limit)) return;
      const covered = days.reduce((sum, d) => sum + Math.min(targets.get(d) ?? 0, capacityOn(input, d)), 0);
      if (covered > best.covered || (covered === best.covered && kept > best.kept)) best = { covered, kept };
      return;
    }
    for (const day of days) {
      choice[i] = day;
      walk(i + 1);
    }
  };
  walk(0);
  return best;
}

const cellArb = (days: number[]) =>
  fc.record({
    preferred: fc.uniqueArray(fc.constantFrom(...days), { maxLength: 2 }),
    target: fc.boolean(),
  });

/** A window of consecutive days and cells with codes C00, C01, … */
const inputArb = (maxCells: number, maxDays: number) =>
  fc
    .record({ first: fc.integer({ min: 1, max: 20 }), count: fc.integer({ min: 1, max: maxDays }) })
    .chain(({ first, count }) => {
      const days = Array.from({ length: count }, (_, i) => first + i);
      return fc.record({
        days: fc.constant(days),
        cells: fc
          .array(cellArb(days), { maxLength: maxCells })
          .map((cs) => cs.map((c, i): SpreadCell => ({ code: `C${String(i).padStart(2, '0')}`, ...c }))),
        capacity: fc.oneof(
          fc.integer({ min: 0, max: 4 }),
          fc
            .array(fc.integer({ min: 0, max: 3 }), { minLength: count, maxLength: count })
            .map((caps) => Object.fromEntries(days.map((d, i) => [d, caps[i] ?? 0]))),
        ),
      });
    });

describe('spreadMeetingDays', () => {
  it('spreads twelve cells that all prefer day 1 over days 1–10, targets within what two visitors reach', () => {
    const cells = Array.from(
      { length: 12 },
      (_, i): SpreadCell => ({
        code: `CB${String(i + 1).padStart(2, '0')}`,
        preferred: [1],
        target: i < 6,
      }),
    );
    const plan = spreadMeetingDays({ cells, days: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], capacity: 1 });
    expect(plan.perDayLimit).toBe(3);
    expect(plan.uncovered).toEqual([]);
    const byDay = new Map<number, string[]>();
    for (const c of plan.cells) byDay.set(c.day, [...(byDay.get(c.day) ?? []), c.code]);
    expect(byDay.get(1)).toHaveLength(3);
    expect(plan.cells.filter((c) => c.kept)).toHaveLength(3);
    // The six target cells are on six different days: one visitor each evening reaches them all.
    const targetDays = plan.cells.filter((c) => c.covered).map((c) => c.day);
    expect(new Set(targetDays).size).toBe(6);
    // The others stay as near to day 1 as the limit lets them.
    expect(Math.max(...plan.cells.map((c) => c.day))).toBeLessThanOrEqual(6);
  });

  it('names the target cells the capacity cannot reach', () => {
    const cells = ['A', 'B', 'C'].map((code): SpreadCell => ({ code, target: true }));
    const plan = spreadMeetingDays({ cells, days: [3, 4], capacity: { 3: 1 } });
    expect(plan.uncovered).toHaveLength(2);
    expect(plan.cells.filter((c) => c.covered).map((c) => c.day)).toEqual([3]);
  });

  it('refuses a window without days and codes that repeat', () => {
    expect(() => spreadMeetingDays({ cells: [], days: [], capacity: 1 })).toThrow(RangeError);
    const twice = [
      { code: 'A', target: false },
      { code: 'A', target: true },
    ];
    expect(() => spreadMeetingDays({ cells: twice, days: [1], capacity: 1 })).toThrow(RangeError);
    expect(() => spreadMeetingDays({ cells: [], days: [1], capacity: -1 })).toThrow(RangeError);
  });

  it('never puts more than ⌈cells ÷ days⌉ + 1 cells on a day, and gives every cell a window day', () => {
    fc.assert(
      fc.property(inputArb(40, 12), (input) => {
        const plan = spreadMeetingDays(input);
        expect(plan.perDayLimit).toBe(Math.ceil(input.cells.length / input.days.length) + 1);
        expect(plan.cells.map((c) => c.code).sort()).toEqual(input.cells.map((c) => c.code).sort());
        const load = new Map<number, number>();
        for (const c of plan.cells) {
          expect(input.days).toContain(c.day);
          load.set(c.day, (load.get(c.day) ?? 0) + 1);
        }
        for (const n of load.values()) expect(n).toBeLessThanOrEqual(plan.perDayLimit);
      }),
      { numRuns: 200 },
    );
  });

  it('covers every target cell whenever the capacity allows, and no day holds more than it can', () => {
    fc.assert(
      fc.property(inputArb(40, 12), (input) => {
        const plan = spreadMeetingDays(input);
        const covered = plan.cells.filter((c) => c.covered);
        expect(covered.length).toBe(reachable(input, plan.perDayLimit));
        for (const day of input.days)
          expect(covered.filter((c) => c.day === day).length).toBeLessThanOrEqual(capacityOn(input, day));
        const targets = input.cells.filter((c) => c.target).length;
        if (reachable(input, plan.perDayLimit) === targets) expect(plan.uncovered).toEqual([]);
        expect(plan.uncovered.length).toBe(targets - covered.length);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps as many preferences as the best possible plan (checked against every assignment of small cases)', () => {
    fc.assert(
      fc.property(inputArb(6, 4), (input) => {
        const plan = spreadMeetingDays(input);
        const best = bruteForce(input, plan.perDayLimit);
        expect(plan.cells.filter((c) => c.covered).length).toBe(best.covered);
        expect(plan.cells.filter((c) => c.kept).length).toBe(best.kept);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every preference when the preferences already fit', () => {
    fc.assert(
      fc.property(inputArb(30, 10), (input) => {
        const days = input.days;
        // Each cell prefers one day, round robin: at most ⌈cells ÷ days⌉ a day, targets spread the same way.
        const cells = input.cells.map((c, i) => ({
          ...c,
          preferred: [days[i % days.length] as number],
          target: false,
        }));
        const plan = spreadMeetingDays({ ...input, cells });
        expect(plan.cells.every((c) => c.kept)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('levels the days when the cells prefer none', () => {
    fc.assert(
      fc.property(inputArb(40, 12), (input) => {
        const cells = input.cells.map((c) => ({ code: c.code, target: false }));
        const plan = spreadMeetingDays({ ...input, cells });
        const loads = input.days.map((d) => plan.cells.filter((c) => c.day === d).length);
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same plan for the same cells, in whatever order they come', () => {
    fc.assert(
      fc.property(inputArb(25, 10), fc.integer(), (input, seed) => {
        const shuffled = [...input.cells].sort(
          (a, b) => ((a.code.charCodeAt(2) * seed) % 7) - ((b.code.charCodeAt(2) * seed) % 7),
        );
        expect(spreadMeetingDays({ ...input, cells: shuffled })).toEqual(spreadMeetingDays(input));
      }),
      { numRuns: 100 },
    );
  });
});
