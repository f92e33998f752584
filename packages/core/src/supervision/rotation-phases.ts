/**
 * The rotation planner's phases, in the order of its objectives (see rotation.ts): a greedy start,
 * augmenting paths for coverage, repeat removal, then balancing paths between visitors.
 */
import type { RotationModel } from './rotation-model.ts';
import { type Accept, Searcher } from './rotation-search.ts';

/** Runs every phase on the model (the plan is left in model.asgV / model.asgM). */
export function optimise(model: RotationModel): void {
  const searcher = new Searcher(model);
  const order = greedy(model);
  cover(model, searcher, order);
  // With one visit a day the flow model is exact and a second round finds nothing; with several visits a
  // day overlapping hours make it a heuristic, so repeats and balance alternate until both are stable.
  for (let round = 0; round < 20; round++) {
    const changed = removeRepeats(model, searcher);
    if (round > 0 && !changed) break;
    balance(model, searcher, cancelRepeats(model, searcher));
  }
}

/**
 * Most constrained cells first (fewest feasible visitor–meeting pairs); each takes a free slot of a
 * visitor who is not a repeat, least loaded first, ties by input order of visitors and meetings.
 */
export function greedy(model: RotationModel): number[] {
  const { C, D, mBase, mDate, unavail, load } = model;
  const order: number[] = [];
  for (let c = 0; c < C; c++) if (!model.lockedCell[c] && model.options[c] > 0) order.push(c);
  order.sort((x, y) => model.options[x] - model.options[y] || x - y);
  for (const c of order) {
    let bestW = -1;
    let bestM = -1;
    let bestRep = 0;
    let bestLoad = 0;
    for (const w of model.cand[c]) {
      const r = model.rep(c, w);
      if (bestW >= 0 && (r > bestRep || (r === bestRep && load[w] >= bestLoad))) continue;
      for (let m = mBase[c]; m < mBase[c + 1]; m++) {
        const slot = w * D + mDate[m];
        if (unavail[slot] || !model.fits(slot, m, -1, -1)) continue;
        bestW = w;
        bestM = m;
        bestRep = r;
        bestLoad = load[w];
        break;
      }
    }
    if (bestW >= 0) model.assign(c, bestW, bestM);
  }
  return order;
}

/** Kuhn's augmenting paths for every cell still without a visit (marks of failed searches are kept). */
export function cover(model: RotationModel, searcher: Searcher, order: readonly number[]): void {
  const accept: Accept = (_a, b) => b !== model.S;
  let stamp = searcher.fresh();
  for (const c of order) {
    if (model.asgV[c] >= 0) continue;
    const moves = searcher.search([c], { stamp, vacated: -1, accept, target: () => true, hub: false });
    if (moves && model.apply(moves)) stamp = searcher.fresh();
  }
}

/**
 * Quick repeat removal: from each repeat visit, a path where that cell takes another visitor and no cell
 * moves to a repeat (or a cycle back into its freed slot, or swapping which cell stays uncovered).
 */
export function removeRepeats(model: RotationModel, searcher: Searcher): boolean {
  if (!model.avoidRepeat) return false;
  const { C, S } = model;
  let any = false;
  for (let pass = 0; pass <= C; pass++) {
    let changed = false;
    for (let c = 0; c < C; c++) {
      if (model.curRep(c) === 0 || !hasOtherVisitor(model, c)) continue;
      const accept: Accept = (a, b, _cost, w) => {
        if (a >= C || b === S) return true;
        const r = model.rep(a, w);
        return a === c ? r === 0 : r <= model.curRep(a);
      };
      const moves = searcher.search([c], {
        stamp: searcher.fresh(),
        vacated: c,
        accept,
        target: () => true,
        hub: false,
      });
      if (moves && model.apply(moves)) changed = true;
    }
    if (!changed) break;
    any = true;
  }
  return any;
}

function hasOtherVisitor(model: RotationModel, c: number): boolean {
  for (const w of model.cand[c]) {
    if (model.rep(c, w) !== 0) continue;
    for (let m = model.mBase[c]; m < model.mBase[c + 1]; m++) {
      if (!model.unavail[w * model.D + model.mDate[m]]) return true;
    }
  }
  return false;
}

/**
 * Exact fewest repeats: cancels negative cycles of the residual graph until none is left, and returns
 * the final distances as potentials (null when the search gave up or a cycle did not apply).
 */
export function cancelRepeats(model: RotationModel, searcher: Searcher): Int32Array | null {
  let repeats = 0;
  for (let c = 0; c < model.C; c++) repeats += model.curRep(c);
  if (repeats === 0) return new Int32Array(model.N);
  for (let round = 0; round <= repeats; round++) {
    const result = searcher.shortestPaths();
    if (!result.exact) return null;
    if (result.moves === null) return result.pi;
    if (!model.apply(result.moves)) return null;
  }
  return null;
}

/**
 * Balancing: while a visitor with load L can pass one visit, along a path of reassignments that keeps
 * coverage and the repeat count (arcs of zero reduced cost under the potentials `pi`), to a visitor with
 * load ≤ L − 2, do it. Without potentials, no cell of the path may move to a repeat.
 */
export function balance(model: RotationModel, searcher: Searcher, pi: Int32Array | null): void {
  const { C, S, T, V, load, planned } = model;
  const accept: Accept = pi
    ? (a, b, cost) => cost + pi[a] - pi[b] <= 0
    : (a, b, _cost, w) => a >= C || b === S || model.rep(a, w) <= model.curRep(a);
  const tight = (w: number, fromT: boolean) =>
    pi === null || (fromT ? pi[T] - pi[C + w] : pi[C + w] - pi[T]) <= 0;
  for (let pass = 0; pass < 10_000; pass++) {
    let improved = false;
    let max = 0;
    let min = Number.POSITIVE_INFINITY;
    for (let w = 0; w < V; w++) {
      max = Math.max(max, load[w]);
      min = Math.min(min, load[w]);
    }
    for (let level = max; level >= min + 2; level--) {
      for (;;) {
        const sources: number[] = [];
        let low = false;
        for (let w = 0; w < V; w++) {
          if (load[w] === level && planned[w] > 0 && tight(w, true)) sources.push(C + w);
          else if (load[w] <= level - 2) low = true;
        }
        if (sources.length === 0 || !low) break;
        const moves = searcher.search(sources, {
          stamp: searcher.fresh(),
          vacated: -1,
          accept,
          target: (w) => load[w] <= level - 2 && tight(w, false),
          hub: true,
        });
        if (!moves || !model.apply(moves)) break;
        improved = true;
      }
    }
    if (!improved) break;
  }
}
