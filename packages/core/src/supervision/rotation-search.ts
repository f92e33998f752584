/**
 * Searches on the rotation model's residual graph (see rotation-model.ts): breadth-first alternating
 * paths (coverage, repeats, balance) and a label-correcting shortest-path pass that cancels negative
 * cycles (fewest repeats) and leaves node potentials behind (which moves keep the repeat count).
 */
import type { Emit, Move, RotationModel } from './rotation-model.ts';

/** Whether the arc a → b of this cost, through visitor w (or −1), may be used by the search. */
export type Accept = (a: number, b: number, cost: number, w: number) => boolean;

export interface SearchOptions {
  /** Nodes already marked with this stamp are not visited again (Kuhn: failures keep their marks). */
  stamp: number;
  vacated: number;
  accept: Accept;
  /** Whether a visitor with a free slot ends the path (the visitor takes one more visit). */
  target: (w: number) => boolean;
  /** Whether a visitor who is not a target may pass one of his visits on. */
  hub: boolean;
}

export interface ShortestPaths {
  /** A negative cycle to apply, or null when none is left. */
  moves: Move[] | null;
  /** Distances; feasible potentials when `moves` is null and `exact` holds. */
  pi: Int32Array;
  exact: boolean;
}

export class Searcher {
  private readonly seen: Int32Array;
  private readonly pred: Int32Array;
  private readonly predW: Int32Array;
  private readonly predM: Int32Array;
  private readonly predCost: Int32Array;
  private readonly queue: Int32Array;
  private stamp = 0;

  constructor(private readonly model: RotationModel) {
    const { N } = model;
    this.seen = new Int32Array(N);
    this.pred = new Int32Array(N);
    this.predW = new Int32Array(N);
    this.predM = new Int32Array(N);
    this.predCost = new Int32Array(N);
    this.queue = new Int32Array(N + 1);
  }

  fresh(): number {
    return ++this.stamp;
  }

  /** Breadth-first search from the sources to a target visitor with room; the moves of the path. */
  search(sources: readonly number[], options: SearchOptions): Move[] | null {
    const { model, seen, pred, predW, predM, queue } = this;
    const { C, S, T } = model;
    const { stamp, vacated, accept, target, hub } = options;
    let head = 0;
    let tail = 0;
    for (const source of sources) {
      if (seen[source] === stamp) continue;
      seen[source] = stamp;
      pred[source] = -1;
      queue[tail++] = source;
    }
    let a = 0;
    let end: Move | null = null;
    const emit: Emit = (b, cost, w, m) => {
      if (b === T || !accept(a, b, cost, w)) return false;
      if (a < C && b >= C && b < S) {
        if (target(w)) {
          end = { cell: a, visitor: w, meeting: m };
          return true;
        }
        if (!hub) return false;
      }
      if (seen[b] === stamp) return false;
      seen[b] = stamp;
      pred[b] = a;
      predW[b] = w;
      predM[b] = m;
      queue[tail++] = b;
      return false;
    };
    while (head < tail) {
      a = queue[head++];
      if (model.expand(a, vacated, emit)) break;
    }
    if (end === null) return null;
    const last: Move = end;
    const moves: Move[] = [last];
    for (let node = last.cell; pred[node] !== -1; node = pred[node]) {
      const p = pred[node];
      if (p < C) moves.push({ cell: p, visitor: predW[node], meeting: predM[node] });
    }
    return moves;
  }

  /**
   * Bellman–Ford with a queue from a virtual root (every distance starts at 0). Every N relaxations the
   * predecessor graph is checked for a cycle, which is then negative: its moves are returned.
   */
  shortestPaths(): ShortestPaths {
    const { model, pred, predW, predM, predCost } = this;
    const { N } = model;
    const dist = new Int32Array(N);
    const inQueue = new Uint8Array(N).fill(1);
    const size = N + 1;
    const queue = new Int32Array(size);
    for (let i = 0; i < N; i++) queue[i] = i;
    pred.fill(-1);
    let head = 0;
    let tail = N;
    let relaxations = 0;
    const limit = Math.max(1_000_000, 200 * N);
    let cycle: Move[] | null = null;
    let exact = true;
    let a = 0;
    const emit: Emit = (b, cost, w, m) => {
      const next = dist[a] + cost;
      if (next >= dist[b]) return false;
      dist[b] = next;
      pred[b] = a;
      predW[b] = w;
      predM[b] = m;
      predCost[b] = cost;
      if (!inQueue[b]) {
        inQueue[b] = 1;
        queue[tail] = b;
        tail = (tail + 1) % size;
      }
      if (++relaxations % N === 0) {
        cycle = this.negativeCycle();
        if (cycle !== null) return true;
      }
      if (relaxations > limit) {
        exact = false;
        return true;
      }
      return false;
    };
    while (head !== tail) {
      a = queue[head];
      head = (head + 1) % size;
      inQueue[a] = 0;
      if (model.expand(a, -1, emit)) break;
    }
    return { moves: cycle, pi: dist, exact };
  }

  /** A cycle of the predecessor graph as moves, when it has one and it is negative. */
  private negativeCycle(): Move[] | null {
    const { pred, predW, predM, predCost, model } = this;
    const { N, C } = model;
    const walk = new Int32Array(N);
    for (let i = 0; i < N; i++) {
      if (walk[i] !== 0) continue;
      let j = i;
      while (j !== -1 && walk[j] === 0) {
        walk[j] = i + 1;
        j = pred[j];
      }
      if (j === -1 || walk[j] !== i + 1) continue;
      const moves: Move[] = [];
      let total = 0;
      let b = j;
      do {
        const p = pred[b];
        total += predCost[b];
        if (p < C) moves.push({ cell: p, visitor: predW[b], meeting: predM[b] });
        b = p;
      } while (b !== j);
      if (total < 0) return moves;
    }
    return null;
  }
}
