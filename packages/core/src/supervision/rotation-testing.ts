/**
 * Test helpers for the rotation planner (used by rotation*.test.ts only): input generators for
 * fast-check, an independent maximum coverage (Kuhn's algorithm), a brute force for tiny inputs, and the
 * single-step checks of the planner's guarantees.
 */
import fc from 'fast-check';
import type { PlannerInput, PlannerMeeting, PlannerResult, PlannerVisitor } from './types.ts';

export const DAYS = ['2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08'];
const TIMES: [string, number][] = [
  ['08:00', 90],
  ['19:30', 90],
  ['20:00', 60],
];

export interface Limits {
  cells: number;
  visitors: number;
  days: number;
  /** Values of maxVisitsPerDay to draw from. */
  perDay: number[];
  /** Entries of last period's plan per cell, at most (default 1). */
  previous?: number;
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export const meeting = (cellId: number, i: number, day: number, time = 1): PlannerMeeting => ({
  meetingId: cellId * 10 + i,
  date: DAYS[day],
  startTime: TIMES[time][0],
  durationMinutes: TIMES[time][1],
});

/** Random inputs: cells with 0–3 meetings, visitors with candidate sets, homes and absences, last
 * period's visitors and a few locked visits (sometimes of an unlisted cell or visitor). */
export function plannerInput(limits: Limits): fc.Arbitrary<PlannerInput> {
  const spot = fc.record({ day: fc.nat({ max: limits.days - 1 }), time: fc.nat({ max: 2 }) });
  return fc
    .tuple(fc.nat({ max: limits.cells }), fc.nat({ max: limits.visitors }))
    .chain(([n, v]) => {
      const cell = fc.nat({ max: Math.max(0, n - 1) });
      return fc.record({
        n: fc.constant(n),
        meetings: fc.array(fc.array(spot, { maxLength: 3 }), { minLength: n, maxLength: n }),
        visitors: fc.array(
          fc.record({
            home: fc.array(cell, { maxLength: 1 }),
            away: fc.array(fc.nat({ max: limits.days - 1 }), { maxLength: 2 }),
            cands: fc.option(fc.uniqueArray(cell, { maxLength: n }), { nil: null, freq: 3 }),
          }),
          { minLength: v, maxLength: v },
        ),
        previous: fc.array(fc.tuple(cell, fc.nat({ max: Math.max(0, v - 1) })), {
          maxLength: n * (limits.previous ?? 1),
        }),
        locked: fc.array(fc.record({ cell: fc.nat({ max: n }), visitor: fc.nat({ max: v }), spot }), {
          maxLength: 2,
        }),
        perDay: fc.constantFrom(...limits.perDay),
        excludeHomeCell: fc.boolean(),
        avoidRepeat: fc.boolean(),
      });
    })
    .map((raw) => {
      const cellId = (i: number) => (i < raw.n ? 3 + 7 * i : 999);
      const visitorId = (j: number) => (j < raw.visitors.length ? 100 + j : 998);
      return {
        cells: raw.meetings.map((spots, i) => ({
          id: cellId(i),
          meetings: spots.map((s, k) => meeting(cellId(i), k, s.day, s.time)),
        })),
        visitors: raw.visitors.map((x, j) => ({
          id: visitorId(j),
          homeCellIds: x.home.filter((i) => i < raw.n).map(cellId),
          unavailableDates: x.away.map((d) => DAYS[d]),
          candidateCellIds: x.cands === null ? null : x.cands.filter((i) => i < raw.n).map(cellId),
        })),
        previous:
          raw.n && raw.visitors.length
            ? raw.previous.map(([c, j]) => ({ cellId: cellId(c), visitorId: visitorId(j) }))
            : [],
        locked: raw.locked.map((l) => {
          const { meetingId: _id, ...when } = meeting(0, 0, l.spot.day, l.spot.time);
          return { cellId: cellId(l.cell), visitorId: visitorId(l.visitor), meetingId: null, ...when };
        }),
        rules: {
          maxVisitsPerDay: raw.perDay,
          excludeHomeCell: raw.excludeHomeCell,
          avoidRepeat: raw.avoidRepeat,
        },
      };
    });
}

export function feasible(
  input: PlannerInput,
  visitor: PlannerVisitor,
  cellId: number,
  date: string,
): boolean {
  return (
    (visitor.candidateCellIds === null || visitor.candidateCellIds.includes(cellId)) &&
    !(input.rules.excludeHomeCell && visitor.homeCellIds.includes(cellId)) &&
    !visitor.unavailableDates.includes(date)
  );
}

const isPrev = (input: PlannerInput, cellId: number, visitorId: number) =>
  input.previous.some((p) => p.cellId === cellId && p.visitorId === visitorId);

/** Maximum coverage with one visit a day: Kuhn's algorithm between cells and (visitor, date) slots. */
export function maxCoverage(input: PlannerInput): number {
  const lockedCells = new Set(input.locked.map((l) => l.cellId));
  const blocked = new Set(input.locked.map((l) => `${l.visitorId}/${l.date}`));
  const lockedCovered = input.cells.filter((c) => lockedCells.has(c.id)).length;
  const open = input.cells.filter((c) => !lockedCells.has(c.id));
  const edges = open.map((cell) => {
    const slots = new Set<string>();
    for (const v of input.visitors) {
      for (const m of cell.meetings) {
        const slot = `${v.id}/${m.date}`;
        if (feasible(input, v, cell.id, m.date) && !blocked.has(slot)) slots.add(slot);
      }
    }
    return [...slots];
  });
  const owner = new Map<string, number>();
  const tryCell = (i: number, seen: Set<string>): boolean => {
    for (const slot of edges[i]) {
      if (seen.has(slot)) continue;
      seen.add(slot);
      const other = owner.get(slot);
      if (other === undefined || tryCell(other, seen)) {
        owner.set(slot, i);
        return true;
      }
    }
    return false;
  };
  let matched = 0;
  for (let i = 0; i < open.length; i++) if (tryCell(i, new Set())) matched++;
  return lockedCovered + matched;
}

export interface Best {
  covered: number;
  repeats: number;
  /** Loads sorted from the largest: the decreasingly minimal vector. */
  loads: number[];
}

/** Brute force (one visit a day): most coverage, then fewest repeats, then decreasingly minimal loads. */
export function bruteForce(input: PlannerInput): Best {
  const lockedCells = new Set(input.locked.map((l) => l.cellId));
  const used = new Set(input.locked.map((l) => `${l.visitorId}/${l.date}`));
  const base = input.visitors.map((v) => input.locked.filter((l) => l.visitorId === v.id).length);
  const open = input.cells.filter((c) => !lockedCells.has(c.id));
  const choices = open.map((cell) => {
    const list: { j: number; slot: string; repeat: number }[] = [];
    input.visitors.forEach((v, j) => {
      const dates = new Set(cell.meetings.map((m) => m.date));
      for (const date of dates) {
        if (!feasible(input, v, cell.id, date)) continue;
        const repeat = input.rules.avoidRepeat && isPrev(input, cell.id, v.id) ? 1 : 0;
        list.push({ j, slot: `${v.id}/${date}`, repeat });
      }
    });
    return list;
  });
  let best: Best = { covered: -1, repeats: 0, loads: [] };
  const load = [...base];
  const better = (covered: number, repeats: number, loads: number[]) => {
    if (covered !== best.covered) return covered > best.covered;
    if (repeats !== best.repeats) return repeats < best.repeats;
    for (let i = 0; i < loads.length; i++) if (loads[i] !== best.loads[i]) return loads[i] < best.loads[i];
    return false;
  };
  const walk = (i: number, covered: number, repeats: number) => {
    if (i === open.length) {
      const loads = [...load].sort((a, b) => b - a);
      if (better(covered, repeats, loads)) best = { covered, repeats, loads };
      return;
    }
    walk(i + 1, covered, repeats);
    for (const { j, slot, repeat } of choices[i]) {
      if (used.has(slot)) continue;
      used.add(slot);
      load[j]++;
      walk(i + 1, covered + 1, repeats + repeat);
      load[j]--;
      used.delete(slot);
    }
  };
  walk(0, 0, 0);
  return { ...best, covered: best.covered + input.cells.length - open.length };
}

type Visit = PlannerResult['visits'][number];
const overlaps = (a: { startTime: string; durationMinutes: number }, b: typeof a) =>
  minutes(a.startTime) < minutes(b.startTime) + b.durationMinutes &&
  minutes(b.startTime) < minutes(a.startTime) + a.durationMinutes;

/** Whether visitor `id` could take meeting m besides his visits in `visits` (leaving `except` out). */
export function freeFor(input: PlannerInput, visits: Visit[], id: number, m: PlannerMeeting, except?: Visit) {
  const same = visits.filter((x) => x !== except && x.visitorId === id && x.date === m.date);
  return same.length < input.rules.maxVisitsPerDay && !same.some((x) => overlaps(x, m));
}

/** Hard constraints: feasibility, no double booking, locked visits kept, one visit per cell. */
export function constraintErrors(input: PlannerInput, result: PlannerResult): string[] {
  const errors: string[] = [];
  const { visits } = result;
  const lockedOut = visits.filter((x) => x.locked).map(({ locked: _l, repeat: _r, ...rest }) => rest);
  const sortKey = (x: object) => JSON.stringify(x);
  if (JSON.stringify(lockedOut.map(sortKey).sort()) !== JSON.stringify(input.locked.map(sortKey).sort())) {
    errors.push('locked visits not kept exactly');
  }
  const lockedCells = new Set(input.locked.map((l) => l.cellId));
  const perCell = new Map<number, number>();
  for (const x of visits) {
    if (x.repeat !== isPrev(input, x.cellId, x.visitorId)) errors.push(`wrong repeat flag ${x.cellId}`);
    if (x.locked) continue;
    perCell.set(x.cellId, (perCell.get(x.cellId) ?? 0) + 1);
    if (lockedCells.has(x.cellId)) errors.push(`cell ${x.cellId} has a locked visit and another`);
    const cell = input.cells.find((c) => c.id === x.cellId);
    const visitor = input.visitors.find((v) => v.id === x.visitorId);
    const m = cell?.meetings.find(
      (y) => y.meetingId === x.meetingId && y.date === x.date && y.startTime === x.startTime,
    );
    if (!cell || !visitor || !m) errors.push(`visit ${x.cellId}/${x.visitorId} not a meeting of the cell`);
    else if (!feasible(input, visitor, cell.id, x.date))
      errors.push(`visit ${x.cellId}/${x.visitorId} infeasible`);
    if (!freeFor(input, visits, x.visitorId, x, x)) errors.push(`double booking ${x.visitorId} ${x.date}`);
  }
  for (const [id, count] of perCell) if (count > 1) errors.push(`cell ${id} visited ${count} times`);
  return errors;
}

/** Single moves the planner must have made: to a less loaded visitor (by 2) or away from a repeat. */
export function improvingMoves(input: PlannerInput, result: PlannerResult): string[] {
  const found: string[] = [];
  const load = new Map(result.load.map((l) => [l.visitorId, l.visits]));
  const avoid = input.rules.avoidRepeat;
  for (const x of result.visits) {
    if (x.locked) continue;
    const cell = input.cells.find((c) => c.id === x.cellId);
    const from = load.get(x.visitorId) ?? 0;
    for (const w of input.visitors) {
      if (w.id === x.visitorId || !cell) continue;
      const repeat = avoid && isPrev(input, cell.id, w.id);
      for (const m of cell.meetings) {
        if (!feasible(input, w, cell.id, m.date) || !freeFor(input, result.visits, w.id, m)) continue;
        if ((load.get(w.id) ?? 0) <= from - 2 && (!repeat || (avoid && x.repeat))) {
          found.push(`balance: ${x.cellId} from ${x.visitorId} to ${w.id}`);
        }
        if (avoid && x.repeat && !repeat) found.push(`repeat: ${x.cellId} from ${x.visitorId} to ${w.id}`);
      }
    }
  }
  return found;
}

/** The same input with its lists in another order (Fisher–Yates on a seeded generator). */
export function shuffled(input: PlannerInput, seed: number): PlannerInput {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const shuffle = <T>(items: T[]) => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  return {
    ...input,
    cells: shuffle(input.cells).map((c) => ({ ...c, meetings: shuffle(c.meetings) })),
    visitors: shuffle(input.visitors),
    previous: shuffle(input.previous),
  };
}
