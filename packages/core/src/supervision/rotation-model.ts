/**
 * The rotation planner's working model (see rotation.ts): cells, visitors and dates as indices, typed
 * arrays for the hot loops, and the current assignment.
 *
 * A slot is (visitor, date): it holds at most `maxVisitsPerDay` visits whose intervals do not overlap.
 * The searches run on a compressed residual graph of the flow "cell → slot → visitor → T", with nodes
 *   cells 0…C−1   a cell that must find a (new) place,
 *   visitors C…C+V−1   a visitor who took one more visit and may give one of his visits away,
 *   S = C+V   a covered cell was dropped: an uncovered cell may take its place in the coverage,
 *   T = C+V+1   the load side (every visitor can take one more visit / give one back).
 * Arc costs count repeats (the same visitor as last period) when `avoidRepeat` is on.
 */
import type { PlannerInput, PlannerMeeting } from './types.ts';

/** Called for every arc out of a node; returning true stops the enumeration. */
export type Emit = (to: number, cost: number, visitor: number, meeting: number) => boolean;

/** A cell's new place in a path or a cycle: visitor −1 leaves the cell without a visit. */
export interface Move {
  cell: number;
  visitor: number;
  meeting: number;
}

/** "19:30" → 1170; anything unreadable counts as midnight. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':');
  const value = Number(h) * 60 + Number(m ?? 0);
  return Number.isFinite(value) ? value : 0;
}

/** Locked occupants of a slot are stored as −2 − index (−1 stays free for "nobody"). */
const lockedCode = (index: number) => -2 - index;

export class RotationModel {
  readonly C: number;
  readonly V: number;
  readonly D: number;
  readonly S: number;
  readonly T: number;
  readonly N: number;
  /** Visits a visitor may have on one date. */
  readonly k: number;
  readonly avoidRepeat: boolean;
  readonly cellIds: number[] = [];
  readonly visitorIds: number[] = [];
  readonly cellIndex = new Map<number, number>();
  readonly visitorIndex = new Map<number, number>();
  readonly dates: string[];
  /** Meetings of cell c are meetings[mBase[c]] … meetings[mBase[c + 1] − 1]. */
  readonly meetings: PlannerMeeting[] = [];
  readonly mBase: Int32Array;
  readonly mDate: Int32Array;
  readonly mStart: Int32Array;
  readonly mEnd: Int32Array;
  /** Visitors who may go to the cell (home members removed when the rules say so), ascending. */
  readonly cand: Int32Array[];
  /** Visitors whose candidate set includes the cell, before home and availability. */
  readonly candCount: Int32Array;
  /** Feasible (visitor, meeting) pairs of the cell, before capacity. */
  readonly options: Int32Array;
  readonly unavail: Uint8Array;
  readonly prev: (number[] | undefined)[];
  readonly lockedCell: Uint8Array;
  readonly lockStart: number[] = [];
  readonly lockEnd: number[] = [];
  /** Current plan: visitor and meeting of each cell, −1 when none. */
  readonly asgV: Int32Array;
  readonly asgM: Int32Array;
  /** Occupants of each slot: planned cells (≥ 0) and locked visits (≤ −2). */
  readonly occ: (number[] | undefined)[];
  /** Visits per visitor, locked ones included; `planned` counts the movable ones only. */
  readonly load: Int32Array;
  readonly planned: Int32Array;

  constructor(input: PlannerInput) {
    const { rules } = input;
    this.k = Number.isNaN(rules.maxVisitsPerDay) ? 1 : Math.max(0, Math.floor(rules.maxVisitsPerDay));
    this.avoidRepeat = rules.avoidRepeat;
    const cells = input.cells.filter((cell) => {
      if (this.cellIndex.has(cell.id)) return false;
      this.cellIndex.set(cell.id, this.cellIds.length);
      this.cellIds.push(cell.id);
      return true;
    });
    const visitors = input.visitors.filter((visitor) => {
      if (this.visitorIndex.has(visitor.id)) return false;
      this.visitorIndex.set(visitor.id, this.visitorIds.length);
      this.visitorIds.push(visitor.id);
      return true;
    });
    const C = cells.length;
    const V = visitors.length;
    const dateSet = new Set<string>();
    for (const cell of cells) for (const meeting of cell.meetings) dateSet.add(meeting.date);
    for (const visit of input.locked) if (this.visitorIndex.has(visit.visitorId)) dateSet.add(visit.date);
    this.dates = [...dateSet].sort();
    const dateIndex = new Map(this.dates.map((date, i) => [date, i]));
    const D = this.dates.length;
    this.C = C;
    this.V = V;
    this.D = D;
    this.S = C + V;
    this.T = C + V + 1;
    this.N = C + V + 2;

    this.mBase = new Int32Array(C + 1);
    for (let c = 0; c < C; c++) {
      this.mBase[c] = this.meetings.length;
      this.meetings.push(...cells[c].meetings);
    }
    this.mBase[C] = this.meetings.length;
    this.mDate = Int32Array.from(this.meetings, (meeting) => dateIndex.get(meeting.date) ?? 0);
    this.mStart = Int32Array.from(this.meetings, (meeting) => minutesOf(meeting.startTime));
    this.mEnd = Int32Array.from(this.meetings, (meeting, i) => this.mStart[i] + meeting.durationMinutes);

    this.unavail = new Uint8Array(V * D);
    visitors.forEach((visitor, w) => {
      for (const date of visitor.unavailableDates) {
        const d = dateIndex.get(date);
        if (d !== undefined) this.unavail[w * D + d] = 1;
      }
    });
    this.candCount = new Int32Array(C);
    this.cand = this.buildCandidates(input, visitors);
    this.options = new Int32Array(C);
    for (let c = 0; c < C; c++) {
      let count = 0;
      for (const w of this.cand[c]) {
        for (let m = this.mBase[c]; m < this.mBase[c + 1]; m++)
          if (!this.unavail[w * D + this.mDate[m]]) count++;
      }
      this.options[c] = count;
    }
    this.prev = new Array(C);
    for (const { cellId, visitorId } of input.previous) {
      const c = this.cellIndex.get(cellId);
      const w = this.visitorIndex.get(visitorId);
      if (c === undefined || w === undefined) continue;
      const list = this.prev[c];
      if (list === undefined) this.prev[c] = [w];
      else if (!list.includes(w)) list.push(w);
    }

    this.asgV = new Int32Array(C).fill(-1);
    this.asgM = new Int32Array(C).fill(-1);
    this.occ = new Array(V * D);
    this.load = new Int32Array(V);
    this.planned = new Int32Array(V);
    this.lockedCell = new Uint8Array(C);
    input.locked.forEach((visit, i) => {
      const c = this.cellIndex.get(visit.cellId);
      if (c !== undefined) this.lockedCell[c] = 1;
      const start = minutesOf(visit.startTime);
      this.lockStart.push(start);
      this.lockEnd.push(start + visit.durationMinutes);
      const w = this.visitorIndex.get(visit.visitorId);
      if (w === undefined) return;
      this.load[w]++;
      const slot = w * D + (dateIndex.get(visit.date) ?? 0);
      this.occupy(slot, lockedCode(i));
    });
  }

  /** Per cell, the ascending visitors who may go, sharing one array for the "anywhere" visitors. */
  private buildCandidates(input: PlannerInput, visitors: PlannerInput['visitors']): Int32Array[] {
    const { C } = this;
    const anywhere: number[] = [];
    const specific: number[][] = Array.from({ length: C }, () => []);
    visitors.forEach((visitor, w) => {
      if (visitor.candidateCellIds === null) {
        anywhere.push(w);
        return;
      }
      for (const id of visitor.candidateCellIds) {
        const c = this.cellIndex.get(id);
        if (c === undefined) continue;
        const list = specific[c];
        if (list[list.length - 1] !== w) list.push(w);
      }
    });
    const home: (Set<number> | undefined)[] = new Array(C);
    if (input.rules.excludeHomeCell) {
      visitors.forEach((visitor, w) => {
        for (const id of visitor.homeCellIds) {
          const c = this.cellIndex.get(id);
          if (c === undefined) continue;
          const members = home[c] ?? new Set<number>();
          members.add(w);
          home[c] = members;
        }
      });
    }
    const shared = Int32Array.from(anywhere);
    const result: Int32Array[] = new Array(C);
    for (let c = 0; c < C; c++) {
      const own = specific[c];
      this.candCount[c] = anywhere.length + own.length;
      const members = home[c];
      if (own.length === 0 && !members) {
        result[c] = shared;
        continue;
      }
      const merged = own.length === 0 ? anywhere : mergeSorted(anywhere, own);
      result[c] = Int32Array.from(members ? merged.filter((w) => !members.has(w)) : merged);
    }
    return result;
  }

  /** 1 when sending w to c is a repeat the planner must avoid. */
  rep(c: number, w: number): number {
    return this.avoidRepeat && this.isPrev(c, w) ? 1 : 0;
  }

  isPrev(c: number, w: number): boolean {
    const list = this.prev[c];
    return list?.includes(w) ?? false;
  }

  curRep(c: number): number {
    const w = this.asgV[c];
    return w < 0 ? 0 : this.rep(c, w);
  }

  private start(o: number): number {
    return o >= 0 ? this.mStart[this.asgM[o]] : this.lockStart[-2 - o];
  }

  private end(o: number): number {
    return o >= 0 ? this.mEnd[this.asgM[o]] : this.lockEnd[-2 - o];
  }

  /** Whether meeting m fits in the slot once `skipA` and `skipB` (occupants or −1) have left it. */
  fits(slot: number, m: number, skipA: number, skipB: number): boolean {
    const list = this.occ[slot];
    if (list === undefined || list.length === 0) return this.k >= 1;
    const s = this.mStart[m];
    const e = this.mEnd[m];
    let count = 1;
    for (const o of list) {
      if (o === skipA || o === skipB) continue;
      if (++count > this.k) return false;
      if (this.start(o) < e && s < this.end(o)) return false;
    }
    return true;
  }

  private occupy(slot: number, occupant: number): void {
    const list = this.occ[slot];
    if (list === undefined) this.occ[slot] = [occupant];
    else list.push(occupant);
  }

  assign(c: number, w: number, m: number): void {
    this.asgV[c] = w;
    this.asgM[c] = m;
    this.occupy(w * this.D + this.mDate[m], c);
    this.load[w]++;
    this.planned[w]++;
  }

  unassign(c: number): void {
    const w = this.asgV[c];
    if (w < 0) return;
    const list = this.occ[w * this.D + this.mDate[this.asgM[c]]] as number[];
    list.splice(list.indexOf(c), 1);
    this.load[w]--;
    this.planned[w]--;
    this.asgV[c] = -1;
    this.asgM[c] = -1;
  }

  /** Applies a path or a cycle; with several visits a day, undoes it when it double-books someone. */
  apply(moves: readonly Move[]): boolean {
    const before = moves.map(({ cell }) => [this.asgV[cell], this.asgM[cell]]);
    for (const { cell } of moves) this.unassign(cell);
    for (const { cell, visitor, meeting } of moves) if (visitor >= 0) this.assign(cell, visitor, meeting);
    if (this.k <= 1 || moves.every(({ visitor, cell }) => visitor < 0 || this.slotValid(cell))) return true;
    for (const { cell } of moves) this.unassign(cell);
    moves.forEach(({ cell }, i) => {
      if (before[i][0] >= 0) this.assign(cell, before[i][0], before[i][1]);
    });
    return false;
  }

  private slotValid(c: number): boolean {
    return this.fits(this.asgV[c] * this.D + this.mDate[this.asgM[c]], this.asgM[c], c, -1);
  }

  /**
   * Enumerates the residual arcs out of `a`. `vacated` is a cell taken out of its slot for the search
   * (its slot counts as free, it cannot be evicted again); −1 for none.
   */
  expand(a: number, vacated: number, emit: Emit): boolean {
    const { C, D, S, T } = this;
    if (a < C) {
      const cur = this.asgV[a];
      const curSlot = cur < 0 ? -1 : cur * D + this.mDate[this.asgM[a]];
      const last = this.mBase[a + 1];
      for (const w of this.cand[a]) {
        const r = this.rep(a, w);
        const base = w * D;
        for (let m = this.mBase[a]; m < last; m++) {
          const slot = base + this.mDate[m];
          if (slot === curSlot || this.unavail[slot]) continue;
          if (this.fits(slot, m, vacated, -1)) {
            if (emit(C + w, r, w, m)) return true;
            continue;
          }
          const list = this.occ[slot];
          if (list === undefined) continue;
          for (const y of list) {
            if (y < 0 || y === vacated || !this.fits(slot, m, vacated, y)) continue;
            if (emit(y, r - this.rep(y, w), w, m)) return true;
          }
        }
      }
      return cur >= 0 && emit(S, 0, -1, -1);
    }
    if (a < S) {
      const w = a - C;
      for (let slot = w * D; slot < (w + 1) * D; slot++) {
        const list = this.occ[slot];
        if (list === undefined) continue;
        for (const y of list) {
          if (y >= 0 && y !== vacated && emit(y, -this.rep(y, w), w, -1)) return true;
        }
      }
      return emit(T, 0, w, -1);
    }
    if (a === S) {
      for (let c = 0; c < C; c++) {
        if (this.asgV[c] < 0 && this.options[c] > 0 && !this.lockedCell[c] && emit(c, 0, -1, -1)) return true;
      }
      return false;
    }
    for (let w = 0; w < this.V; w++) if (this.planned[w] > 0 && emit(C + w, 0, w, -1)) return true;
    return false;
  }
}

function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}
