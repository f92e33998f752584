/**
 * Spreading a committee's cells over the days of the meeting window, so that its visitors can attend.
 *
 * Every cell gets one day of the window. The plan, in this order of importance:
 * 1. keeps at most ⌈cells ÷ days⌉ + 1 cells on one day (a hard limit);
 * 2. lets the visitors cover as many target cells as they can: no day has more target cells than the
 *    visitors can attend on it over the rotation period — so every target cell is coverable whenever the
 *    capacity allows it at all;
 * 3. keeps as many cells as possible on a day they prefer;
 * 4. puts the others as near to a preferred day as it can;
 * 5. levels the days.
 * It is a minimum-cost flow with lexicographic costs (exact, no weights to tune), solved by successive
 * shortest paths; cells are taken in code order, so the same cells always give the same plan.
 */

export interface SpreadCell {
  code: string;
  /** Days of the month the cell prefers (its usual evening, a day its members are free); may be empty. */
  preferred?: readonly number[];
  /** A cell the supervision rotation must reach (named by the coverage target). */
  target: boolean;
}

export interface SpreadInput {
  cells: readonly SpreadCell[];
  /** The days of the window, e.g. 1–10. */
  days: readonly number[];
  /**
   * How many target cells meeting on one day the visitors can attend over the rotation period (visitors
   * free that evening × months of the period): the same every day, or per day (a day not named: 0).
   */
  capacity: number | Readonly<Record<number, number>>;
}

export interface SpreadDay {
  code: string;
  day: number;
  /** The day is one the cell prefers (false when it preferred none). */
  kept: boolean;
  /** A target cell whose day leaves room for a visitor (always false for other cells). */
  covered: boolean;
}

export interface SpreadPlan {
  cells: SpreadDay[];
  /** ⌈cells ÷ days⌉ + 1: no day has more cells. */
  perDayLimit: number;
  /** Target cells the capacity cannot reach, in code order. */
  uncovered: string[];
}

/** Cost of a unit of flow: [uncovered target, preference missed, days from a preferred day, day's load]. */
type Cost = [number, number, number, number];
const ZERO: Cost = [0, 0, 0, 0];
const add = (a: Cost, b: Cost): Cost => [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]];
const neg = (a: Cost): Cost => [-a[0], -a[1], -a[2], -a[3]];
function less(a: Cost, b: Cost): boolean {
  for (let i = 0; i < 4; i += 1)
    if ((a[i] as number) !== (b[i] as number)) return (a[i] as number) < (b[i] as number);
  return false;
}

interface Edge {
  to: number;
  cap: number;
  cost: Cost;
  /** Index of the reverse edge in `edges`. */
  rev: number;
}

class Network {
  readonly edges: Edge[] = [];
  readonly out: number[][];
  constructor(size: number) {
    this.out = Array.from({ length: size }, () => []);
  }
  link(from: number, to: number, cap: number, cost: Cost): number {
    const index = this.edges.length;
    this.edges.push({ to, cap, cost, rev: index + 1 }, { to: from, cap: 0, cost: neg(cost), rev: index });
    this.out[from]?.push(index);
    this.out[to]?.push(index + 1);
    return index;
  }
  /** Sends one unit along a cheapest path (Bellman–Ford with a queue); false when none is left. */
  augment(source: number, sink: number): boolean {
    const size = this.out.length;
    const dist: (Cost | null)[] = Array(size).fill(null);
    const via: number[] = Array(size).fill(-1);
    const queued: boolean[] = Array(size).fill(false);
    dist[source] = ZERO;
    const queue = [source];
    queued[source] = true;
    for (let head = 0; head < queue.length; head += 1) {
      const node = queue[head] as number;
      queued[node] = false;
      const here = dist[node] as Cost;
      for (const index of this.out[node] ?? []) {
        const edge = this.edges[index] as Edge;
        if (edge.cap <= 0) continue;
        const there = add(here, edge.cost);
        const known = dist[edge.to];
        if (known === null || known === undefined || less(there, known)) {
          dist[edge.to] = there;
          via[edge.to] = index;
          if (!queued[edge.to]) {
            queued[edge.to] = true;
            queue.push(edge.to);
          }
        }
      }
    }
    if (dist[sink] === null) return false;
    for (let node = sink; node !== source; ) {
      const edge = this.edges[via[node] as number] as Edge;
      edge.cap -= 1;
      (this.edges[edge.rev] as Edge).cap += 1;
      node = (this.edges[edge.rev] as Edge).to;
    }
    return true;
  }
}

const capacityOn = (capacity: SpreadInput['capacity'], day: number) =>
  typeof capacity === 'number' ? capacity : (capacity[day] ?? 0);

/** Days from `day` to the nearest preferred day (0 when the cell prefers none). */
function distance(cell: SpreadCell, day: number): number {
  const preferred = cell.preferred ?? [];
  return preferred.length === 0 ? 0 : Math.min(...preferred.map((p) => Math.abs(p - day)));
}

function validate(input: SpreadInput) {
  const { cells, days, capacity } = input;
  if (days.length === 0) throw new RangeError('days: the window has no day');
  if (new Set(days).size !== days.length) throw new RangeError('days: a day appears twice');
  for (const day of days)
    if (!Number.isInteger(day) || day < 1 || day > 31) throw new RangeError(`days: ${day} is not 1–31`);
  if (new Set(cells.map((c) => c.code)).size !== cells.length)
    throw new RangeError('cells: a cell code appears twice');
  const capacities = typeof capacity === 'number' ? [capacity] : Object.values(capacity);
  for (const c of capacities)
    if (!Number.isInteger(c) || c < 0) throw new RangeError(`capacity: ${c} is not a whole number ≥ 0`);
}

/** Assigns each cell a day of the window (see the module comment for the order of what it keeps). */
export function spreadMeetingDays(input: SpreadInput): SpreadPlan {
  validate(input);
  const days = [...input.days].sort((a, b) => a - b);
  const cells = [...input.cells].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const perDayLimit = Math.ceil(cells.length / days.length) + 1;
  // Nodes: source, cells, per day a "visited" node (target cells a visitor can attend), per day a day node, sink.
  const source = 0;
  const cellNode = (i: number) => 1 + i;
  const visitedNode = (d: number) => 1 + cells.length + d;
  const dayNode = (d: number) => 1 + cells.length + days.length + d;
  const sink = 1 + cells.length + 2 * days.length;
  const network = new Network(sink + 1);
  // Which edge carries each cell to each day, and whether it counts the cell as covered.
  const choices = cells.map(() => [] as { edge: number; day: number; covered: boolean }[]);
  cells.forEach((cell, i) => {
    network.link(source, cellNode(i), 1, ZERO);
    const preferred = new Set(cell.preferred ?? []);
    days.forEach((day, d) => {
      const missed = preferred.size > 0 && !preferred.has(day) ? 1 : 0;
      const near: Cost = [0, missed, distance(cell, day), 0];
      if (cell.target) {
        choices[i]?.push({ edge: network.link(cellNode(i), visitedNode(d), 1, near), day, covered: true });
        const uncovered: Cost = [1, missed, distance(cell, day), 0];
        choices[i]?.push({ edge: network.link(cellNode(i), dayNode(d), 1, uncovered), day, covered: false });
      } else {
        choices[i]?.push({ edge: network.link(cellNode(i), dayNode(d), 1, near), day, covered: false });
      }
    });
  });
  days.forEach((day, d) => {
    network.link(visitedNode(d), dayNode(d), capacityOn(input.capacity, day), ZERO);
    // The k-th cell of a day costs k: convex, so the cheapest flow levels the days.
    for (let k = 0; k < perDayLimit; k += 1) network.link(dayNode(d), sink, 1, [0, 0, 0, k]);
  });
  for (let sent = 0; sent < cells.length; sent += 1) {
    // Cannot happen: the days hold perDayLimit × days > cells.
    if (!network.augment(source, sink)) throw new Error('spreadMeetingDays: no room for every cell');
  }
  const planned = cells.map((cell, i): SpreadDay => {
    const chosen = choices[i]?.find((c) => (network.edges[c.edge] as Edge).cap === 0);
    if (!chosen) throw new Error(`spreadMeetingDays: ${cell.code} got no day`);
    return {
      code: cell.code,
      day: chosen.day,
      kept: (cell.preferred ?? []).includes(chosen.day),
      covered: chosen.covered,
    };
  });
  return {
    cells: planned,
    perDayLimit,
    uncovered: planned.filter((p, i) => cells[i]?.target && !p.covered).map((p) => p.code),
  };
}
