/**
 * Rotation planner benchmark: 3,000 cells and 400 visitors in the first month of a quarter (January
 * 2027). 40 working groups of 10 visitors each cover 75 cells (candidateCellIds = the group's cells);
 * every visitor is a member of one cell of his group, about 20% cannot go on 1–3 weekdays; every cell
 * meets once or twice on weekdays (mostly 19:30, some 08:00 or 14:00, 90 min); last quarter's visitor of
 * each cell is a random member of its group; about 2% of the visits are locked by hand. Deterministic
 * (seeded mulberry32). Planning time is the median of BENCH_ROTATION_RUNS runs after one warm-up.
 */
import { type LockedVisit, type PlannerInput, planRotation } from '@nennep/core';
import { mulberry32, type Rng } from '../packages/server/src/seed/prng.ts';

export interface RotationFigures {
  scenario: string;
  cells: number;
  visitors: number;
  ms: number;
  runs: number;
  covered: number;
  maxLoad: number;
  minLoad: number;
  lowerBound: number;
  repeats: number;
  locked: number;
}

export interface ScenarioOptions {
  groups?: number;
  visitorsPerGroup?: number;
  cellsPerGroup?: number;
  /** Every visitor may go to every cell (candidateCellIds null). */
  dense?: boolean;
  seed?: number;
}

const RUNS = Number(process.env.BENCH_ROTATION_RUNS ?? 5);

/** Weekdays (Monday–Friday) of a month as ISO dates. */
function weekdays(year: number, month: number): string[] {
  const days: string[] = [];
  for (let day = 1; day <= 31; day++) {
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() !== month - 1) break;
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(date.toISOString().slice(0, 10));
  }
  return days;
}

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

export function rotationInput(options: ScenarioOptions = {}): PlannerInput {
  const { groups = 40, visitorsPerGroup = 10, cellsPerGroup = 75, dense = false, seed = 2027 } = options;
  const rng = mulberry32(seed);
  const days = weekdays(2027, 1);
  const cells: PlannerInput['cells'] = [];
  const visitors: PlannerInput['visitors'] = [];
  const previous: PlannerInput['previous'] = [];
  const locked: LockedVisit[] = [];
  const busy = new Set<string>();
  for (let g = 0; g < groups; g++) {
    const cellIds = Array.from({ length: cellsPerGroup }, (_, i) => 1 + g * cellsPerGroup + i);
    const visitorIds = Array.from({ length: visitorsPerGroup }, (_, i) => 10_001 + g * visitorsPerGroup + i);
    for (const id of visitorIds) {
      const unavailable = new Set<string>();
      if (rng() < 0.2)
        for (let n = int(rng, 1, 3); n > 0; n--) unavailable.add(days[int(rng, 0, days.length - 1)]);
      visitors.push({
        id,
        homeCellIds: [cellIds[int(rng, 0, cellIds.length - 1)]],
        unavailableDates: [...unavailable].sort(),
        candidateCellIds: dense ? null : cellIds,
      });
    }
    for (const id of cellIds) {
      const time = rng() < 0.8 ? '19:30' : rng() < 0.5 ? '08:00' : '14:00';
      const first = int(rng, 0, days.length - 1);
      const meetings = [{ meetingId: id * 10, date: days[first], startTime: time, durationMinutes: 90 }];
      if (rng() < 0.5) {
        const second = (first + int(rng, 1, days.length - 1)) % days.length;
        meetings.push({
          meetingId: id * 10 + 1,
          date: days[second],
          startTime: '19:30',
          durationMinutes: 90,
        });
      }
      cells.push({ id, meetings });
      previous.push({ cellId: id, visitorId: visitorIds[int(rng, 0, visitorIds.length - 1)] });
      if (rng() >= 0.02) continue;
      const visitorId = visitorIds[int(rng, 0, visitorIds.length - 1)];
      const visitor = visitors.find((v) => v.id === visitorId);
      const meeting = meetings[0];
      const key = `${visitorId} ${meeting.date}`;
      if (!visitor || visitor.homeCellIds.includes(id) || visitor.unavailableDates.includes(meeting.date))
        continue;
      if (busy.has(key)) continue;
      busy.add(key);
      locked.push({ cellId: id, visitorId, ...meeting });
    }
  }
  return {
    cells,
    visitors,
    previous,
    locked,
    rules: { maxVisitsPerDay: 1, excludeHomeCell: true, avoidRepeat: true },
  };
}

export function benchRotation(options: ScenarioOptions = {}): RotationFigures {
  const input = rotationInput(options);
  let result = planRotation(input);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    result = planRotation(input);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const { stats } = result;
  const groups = options.groups ?? 40;
  return {
    scenario: options.dense
      ? 'every visitor may go to every cell; January 2027 weekdays, 1–2 meetings per cell, 2% locked'
      : `${groups} working groups × ${options.visitorsPerGroup ?? 10} visitors × ${options.cellsPerGroup ?? 75} cells; January 2027 weekdays, 1–2 meetings per cell, 20% of visitors away 1–3 days, home cell excluded, avoid repeats, 2% locked`,
    cells: stats.cells,
    visitors: stats.visitors,
    ms: Math.round(times[Math.floor(times.length / 2)] * 10) / 10,
    runs: RUNS,
    covered: stats.covered,
    maxLoad: stats.maxLoad,
    minLoad: stats.minLoad,
    lowerBound: stats.lowerBound,
    repeats: stats.repeats,
    locked: input.locked.length,
  };
}
