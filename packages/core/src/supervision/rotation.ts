/**
 * The rotation planner (domain.md §4): which superior committee member attends which cell's meeting in
 * the period window. Pure and deterministic: the same input gives the same plan (ties are broken by input
 * order of cells, visitors and meetings; nothing depends on hashing or randomness).
 *
 * Objectives, in strict priority:
 *  1. coverage: as many cells as the best plan can cover (a maximum b-matching of cells with (visitor, date)
 *     slots; a visitor has at most `maxVisitsPerDay` visits a date, never two overlapping ones);
 *  2. rotation (`avoidRepeat`): as few visits as possible by last period's visitor of the cell;
 *  3. balance: no chain of reassignments moves a visit from a visitor with load L to one with load
 *     ≤ L − 2 while keeping coverage, the hard constraints and the repeat count.
 *
 * Algorithm (rotation-phases.ts): greedy start (most constrained cells first, least-loaded non-repeat
 * visitor), Kuhn's augmenting paths for the cells left, repeat removal by alternating paths, then exact
 * cycle cancelling (Bellman–Ford on the residual graph) whose distances become potentials, and balancing
 * paths on the arcs of zero reduced cost. With `maxVisitsPerDay` = 1 every tier is exact (coverage, repeat
 * count and the load vector are optimal, the loads decreasingly minimal); with several visits a day whose
 * hours overlap, the same searches are a heuristic.
 *
 * Locked visits are kept as given (not checked), count in their visitor's load and day, and their cells
 * get no other visit. A locked visit whose cell or visitor is not in the lists is still returned; it counts
 * in no load (unlisted visitor) and in no coverage (unlisted cell). Ids are expected to be unique: a
 * repeated cell or visitor id is planned once, from its first entry. Times are compared within a date.
 * `repeat` marks every visit (locked ones too) by the cell's visitor of last period, whatever the rules.
 */
import { RotationModel } from './rotation-model.ts';
import { optimise } from './rotation-phases.ts';
import type { PlannedVisit, PlannerInput, PlannerResult, UncoveredCell, UncoveredReason } from './types.ts';

export function planRotation(input: PlannerInput): PlannerResult {
  const model = new RotationModel(input);
  optimise(model);

  const previous = new Map<number, Set<number>>();
  for (const { cellId, visitorId } of input.previous) {
    const set = previous.get(cellId) ?? new Set<number>();
    set.add(visitorId);
    previous.set(cellId, set);
  }
  const visits: PlannedVisit[] = input.locked.map((visit) => ({
    cellId: visit.cellId,
    visitorId: visit.visitorId,
    meetingId: visit.meetingId,
    date: visit.date,
    startTime: visit.startTime,
    durationMinutes: visit.durationMinutes,
    locked: true,
    repeat: previous.get(visit.cellId)?.has(visit.visitorId) ?? false,
  }));
  for (let c = 0; c < model.C; c++) {
    const w = model.asgV[c];
    if (w < 0) continue;
    const meeting = model.meetings[model.asgM[c]];
    visits.push({
      cellId: model.cellIds[c],
      visitorId: model.visitorIds[w],
      meetingId: meeting.meetingId,
      date: meeting.date,
      startTime: meeting.startTime,
      durationMinutes: meeting.durationMinutes,
      locked: false,
      repeat: model.isPrev(c, w),
    });
  }
  visits.sort(
    (a, b) =>
      compare(a.date, b.date) ||
      compare(a.startTime, b.startTime) ||
      a.cellId - b.cellId ||
      a.visitorId - b.visitorId,
  );

  const coveredIds = new Set(visits.map((visit) => visit.cellId));
  const uncovered: UncoveredCell[] = [];
  let covered = 0;
  for (const cell of input.cells) {
    if (coveredIds.has(cell.id)) covered++;
    else uncovered.push(explain(model, model.cellIndex.get(cell.id) as number));
  }
  const load = input.visitors.map((visitor) => ({
    visitorId: visitor.id,
    visits: model.load[model.visitorIndex.get(visitor.id) as number],
  }));
  const counts = load.map((entry) => entry.visits);
  const visitors = input.visitors.length;
  return {
    visits,
    uncovered,
    load,
    stats: {
      cells: input.cells.length,
      visitors,
      covered,
      maxLoad: visitors ? counts.reduce((a, b) => Math.max(a, b)) : 0,
      minLoad: visitors ? counts.reduce((a, b) => Math.min(a, b)) : 0,
      lowerBound: visitors ? Math.ceil(covered / visitors) : 0,
      repeats: visits.filter((visit) => visit.repeat).length,
    },
  };
}

/** Why cell c has no visit: the first reason that applies, in the order of UNCOVERED_REASONS. */
function explain(model: RotationModel, c: number): UncoveredCell {
  const from = model.mBase[c];
  const to = model.mBase[c + 1];
  const dates = [...new Set(model.meetings.slice(from, to).map((meeting) => meeting.date))].sort();
  let reason: UncoveredReason = 'capacity';
  if (to === from) reason = 'no_meeting';
  else if (model.candCount[c] === 0) reason = 'no_visitor';
  else if (model.cand[c].length === 0) reason = 'home_only';
  else if (model.options[c] === 0) reason = 'unavailable';
  return { cellId: model.cellIds[c], reason, dates, candidates: model.candCount[c] };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
