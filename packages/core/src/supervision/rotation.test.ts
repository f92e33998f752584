import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planRotation } from './rotation.ts';
import {
  bruteForce,
  constraintErrors,
  DAYS,
  improvingMoves,
  maxCoverage,
  meeting,
  plannerInput,
  shuffled,
} from './rotation-testing.ts';
import type { PlannerInput } from './types.ts';

const small = { cells: 14, visitors: 6, days: 5, perDay: [1] };
const mixed = { cells: 14, visitors: 6, days: 5, perDay: [1, 1, 2, 3] };
const tiny = { cells: 5, visitors: 3, days: 3, perDay: [1] };
const crowded = { cells: 30, visitors: 6, days: 3, perDay: [1], previous: 2 };
const runs = { numRuns: Number(process.env.ROTATION_RUNS ?? 150) };

const sortedLoads = (result: ReturnType<typeof planRotation>) =>
  result.load.map((l) => l.visits).sort((a, b) => b - a);

describe('planRotation: coverage', () => {
  it('covers as many cells as a plain maximum matching (one visit a day)', () => {
    fc.assert(
      fc.property(fc.oneof(plannerInput(small), plannerInput(crowded)), (input) => {
        expect(planRotation(input).stats.covered).toBe(maxCoverage(input));
      }),
      runs,
    );
  });

  it('is optimal on tiny inputs: coverage, then repeats, then decreasingly minimal loads', () => {
    fc.assert(
      fc.property(plannerInput(tiny), (input) => {
        const result = planRotation(input);
        const best = bruteForce(input);
        const repeats = result.visits.filter((v) => v.repeat && !v.locked).length;
        expect(result.stats.covered).toBe(best.covered);
        if (input.rules.avoidRepeat) expect(repeats).toBe(best.repeats);
        expect(sortedLoads(result)).toEqual(best.loads);
      }),
      runs,
    );
  });

  it('covers every cell when capacity clearly allows, with loads within one', () => {
    const open = fc
      .record({
        visitors: fc.integer({ min: 1, max: 8 }),
        cells: fc.integer({ min: 0, max: 40 }),
        perDay: fc.constantFrom(1, 2),
        seed: fc.nat(),
      })
      .map(({ visitors, cells, perDay, seed }): PlannerInput => {
        const n = Math.min(cells, visitors * DAYS.length);
        return {
          // Every cell meets every day at 19:30, so every visitor can take every cell on every free day.
          cells: Array.from({ length: n }, (_, i) => ({
            id: 1 + ((i * 7 + seed) % 97) + 100 * i,
            meetings: DAYS.map((_, d) => meeting(i + 1, d, d)),
          })),
          visitors: Array.from({ length: visitors }, (_, j) => ({
            id: 500 + j,
            homeCellIds: [],
            unavailableDates: [],
            candidateCellIds: null,
          })),
          previous: [],
          locked: [],
          rules: { maxVisitsPerDay: perDay, excludeHomeCell: true, avoidRepeat: true },
        };
      });
    fc.assert(
      fc.property(open, (input) => {
        const { stats } = planRotation(input);
        expect(stats.covered).toBe(input.cells.length);
        expect(stats.maxLoad - stats.minLoad).toBeLessThanOrEqual(1);
        expect(stats.maxLoad).toBe(stats.lowerBound);
      }),
      runs,
    );
  });
});

describe('planRotation: hard constraints', () => {
  it('never double-books, sends only feasible visitors and keeps locked visits', () => {
    fc.assert(
      fc.property(plannerInput(mixed), (input) => {
        expect(constraintErrors(input, planRotation(input))).toEqual([]);
      }),
      runs,
    );
  });
});

describe('planRotation: balance and rotation', () => {
  it('leaves no single move to a visitor with two visits fewer, nor away from a repeat', () => {
    fc.assert(
      fc.property(plannerInput(mixed), (input) => {
        expect(improvingMoves(input, planRotation(input))).toEqual([]);
      }),
      runs,
    );
  });

  it('keeps loads within one when every visitor may go everywhere every day', () => {
    fc.assert(
      fc.property(plannerInput({ ...small, cells: 20 }), (input) => {
        const open: PlannerInput = {
          ...input,
          visitors: input.visitors.map((v) => ({
            ...v,
            homeCellIds: [],
            unavailableDates: [],
            candidateCellIds: null,
          })),
          previous: [],
          locked: [],
          rules: { ...input.rules, maxVisitsPerDay: 1 },
        };
        const { stats } = planRotation(open);
        expect(stats.maxLoad - stats.minLoad).toBeLessThanOrEqual(1);
      }),
      runs,
    );
  });

  it('marks repeats only when no other visitor could go', () => {
    fc.assert(
      fc.property(plannerInput(mixed), (input) => {
        const result = planRotation(input);
        const moves = improvingMoves(input, result).filter((m) => m.startsWith('repeat'));
        expect(moves).toEqual([]);
        expect(result.stats.repeats).toBe(result.visits.filter((v) => v.repeat).length);
      }),
      runs,
    );
  });
});

describe('planRotation: determinism', () => {
  it('gives the same plan for the same input', () => {
    fc.assert(
      fc.property(plannerInput(mixed), (input) => {
        expect(planRotation(structuredClone(input))).toEqual(planRotation(input));
      }),
      runs,
    );
  });

  it('gives the same coverage, repeats and loads whatever the order of the lists', () => {
    fc.assert(
      fc.property(fc.oneof(plannerInput(small), plannerInput(crowded)), fc.nat(), (input, seed) => {
        const a = planRotation(input);
        const b = planRotation(shuffled(input, seed));
        expect(b.stats.covered).toBe(a.stats.covered);
        expect(b.stats.maxLoad).toBe(a.stats.maxLoad);
        if (input.rules.avoidRepeat) expect(b.stats.repeats).toBe(a.stats.repeats);
        expect(sortedLoads(b)).toEqual(sortedLoads(a));
      }),
      runs,
    );
  });
});

describe('planRotation: result shape', () => {
  it('lists every cell once, covered or uncovered, and every visitor in input order', () => {
    fc.assert(
      fc.property(plannerInput(mixed), (input) => {
        const result = planRotation(input);
        const { stats } = result;
        const visited = new Set(result.visits.map((v) => v.cellId));
        expect(stats.covered + result.uncovered.length).toBe(input.cells.length);
        expect(result.uncovered.map((u) => u.cellId)).toEqual(
          input.cells.filter((c) => !visited.has(c.id)).map((c) => c.id),
        );
        expect(result.load.map((l) => l.visitorId)).toEqual(input.visitors.map((v) => v.id));
        const loads = result.load.map((l) => l.visits);
        expect(stats.maxLoad).toBe(loads.length ? Math.max(...loads) : 0);
        expect(stats.minLoad).toBe(loads.length ? Math.min(...loads) : 0);
        expect(stats.lowerBound).toBe(loads.length ? Math.ceil(stats.covered / loads.length) : 0);
        const order = result.visits.map(
          (v) => `${v.date} ${v.startTime} ${String(v.cellId).padStart(4, '0')}`,
        );
        expect(order).toEqual([...order].sort());
      }),
      runs,
    );
  });
});
