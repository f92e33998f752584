import { describe, expect, it } from 'vitest';
import { planRotation } from './rotation.ts';
import { constraintErrors, improvingMoves } from './rotation-testing.ts';
import type { PlannerCell, PlannerInput, PlannerVisitor } from './types.ts';

const rules = { maxVisitsPerDay: 1, excludeHomeCell: true, avoidRepeat: true };
const at = (id: number, date: string, startTime = '19:30') => ({
  meetingId: id,
  date,
  startTime,
  durationMinutes: 90,
});
const visitor = (id: number, extra: Partial<PlannerVisitor> = {}): PlannerVisitor => ({
  id,
  homeCellIds: [],
  unavailableDates: [],
  candidateCellIds: null,
  ...extra,
});
const line = (v: ReturnType<typeof planRotation>['visits'][number]) =>
  `${v.date} ${v.cellId}←${v.visitorId}${v.locked ? ' locked' : ''}${v.repeat ? ' repeat' : ''}`;

describe('planRotation: examples', () => {
  it('plans 7 cells for 3 visitors (An, Bình, Chi)', () => {
    const input: PlannerInput = {
      cells: [
        { id: 101, meetings: [at(1, '2027-01-03')] },
        { id: 102, meetings: [at(2, '2027-01-03')] },
        { id: 103, meetings: [at(3, '2027-01-03')] },
        { id: 104, meetings: [at(4, '2027-01-04')] },
        { id: 105, meetings: [at(5, '2027-01-04')] },
        { id: 106, meetings: [at(6, '2027-01-05')] },
        { id: 107, meetings: [at(7, '2027-01-05'), at(8, '2027-01-04', '14:00')] },
      ],
      visitors: [
        visitor(1, { homeCellIds: [101] }),
        visitor(2, { unavailableDates: ['2027-01-05'] }),
        visitor(3, { candidateCellIds: [101, 102, 103, 104, 107] }),
      ],
      previous: [
        { cellId: 104, visitorId: 3 },
        { cellId: 101, visitorId: 2 },
      ],
      locked: [
        {
          cellId: 106,
          visitorId: 1,
          meetingId: 6,
          date: '2027-01-05',
          startTime: '19:30',
          durationMinutes: 90,
        },
      ],
      rules,
    };
    const result = planRotation(input);
    expect(constraintErrors(input, result)).toEqual([]);
    expect(improvingMoves(input, result)).toEqual([]);
    expect(result.stats).toEqual({
      cells: 7,
      visitors: 3,
      covered: 7,
      maxLoad: 3,
      minLoad: 2,
      lowerBound: 3,
      repeats: 0,
    });
    // Day 3: three cells for three visitors; An lives in 101 and Bình visited it last time: Chi goes.
    const day3 = result.visits.filter((v) => v.date === '2027-01-03');
    expect(day3.find((v) => v.cellId === 101)?.visitorId).toBe(3);
    // Day 4: 104 (Chi's last time) and 105 (not Chi's) go to An and Bình; 107 to Chi (day 4 or 5).
    expect(result.visits.filter((v) => v.locked).map(line)).toEqual(['2027-01-05 106←1 locked']);
    const day4 = result.visits.filter((v) => v.cellId === 104 || v.cellId === 105);
    expect(day4.map((v) => v.visitorId).sort()).toEqual([1, 2]);
    expect(result.visits.find((v) => v.cellId === 107)?.visitorId).toBe(3);
    expect(result.load.map((l) => l.visits).sort()).toEqual([2, 2, 3]);
    expect(result.uncovered).toEqual([]);
  });

  it('covers the 129 cells of Đan Phượng on 3–5 January, balanced inside each working group', () => {
    const sizes = [20, 18, 17, 16, 16, 15, 14, 13];
    const cells: PlannerCell[] = [];
    const visitors: PlannerVisitor[] = [];
    const groups: { visitorIds: number[] }[] = [];
    let nextCell = 1;
    let nextVisitor = 1000;
    sizes.forEach((size, g) => {
      const ids = Array.from({ length: size }, () => nextCell++);
      for (const [i, id] of ids.entries()) cells.push({ id, meetings: [at(id, `2027-01-0${3 + (i % 3)}`)] });
      const members = Math.ceil(size / 3) + (g % 2);
      const visitorIds = Array.from({ length: members }, () => nextVisitor++);
      visitorIds.forEach((id, j) => {
        visitors.push(visitor(id, { homeCellIds: [ids[j % size]], candidateCellIds: ids }));
      });
      groups.push({ visitorIds });
    });
    const input: PlannerInput = { cells, visitors, previous: [], locked: [], rules };
    const result = planRotation(input);
    expect(result.stats.covered).toBe(129);
    expect(result.uncovered).toEqual([]);
    expect(constraintErrors(input, result)).toEqual([]);
    const load = new Map(result.load.map((l) => [l.visitorId, l.visits]));
    for (const group of groups) {
      const loads = group.visitorIds.map((id) => load.get(id) ?? 0);
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    }
  });

  it('returns locked visits of unlisted cells and visitors without counting them', () => {
    const input: PlannerInput = {
      cells: [{ id: 1, meetings: [at(1, '2027-01-04')] }],
      visitors: [visitor(7)],
      previous: [{ cellId: 999, visitorId: 998 }],
      locked: [
        {
          cellId: 999,
          visitorId: 998,
          meetingId: null,
          date: '2027-01-04',
          startTime: '19:30',
          durationMinutes: 90,
        },
        {
          cellId: 998,
          visitorId: 7,
          meetingId: null,
          date: '2027-01-05',
          startTime: '08:00',
          durationMinutes: 60,
        },
      ],
      rules,
    };
    const result = planRotation(input);
    expect(result.visits.map(line)).toEqual([
      '2027-01-04 1←7',
      '2027-01-04 999←998 locked repeat',
      '2027-01-05 998←7 locked',
    ]);
    expect(result.load).toEqual([{ visitorId: 7, visits: 2 }]);
    expect(result.stats).toMatchObject({ covered: 1, maxLoad: 2, lowerBound: 1, repeats: 1 });
  });

  it('handles no cells and no visitors', () => {
    const empty = planRotation({ cells: [], visitors: [], previous: [], locked: [], rules });
    expect(empty).toEqual({
      visits: [],
      uncovered: [],
      load: [],
      stats: { cells: 0, visitors: 0, covered: 0, maxLoad: 0, minLoad: 0, lowerBound: 0, repeats: 0 },
    });
  });
});

describe('planRotation: uncovered reasons', () => {
  const plan = (cells: PlannerCell[], visitors: PlannerVisitor[], extra: Partial<PlannerInput> = {}) =>
    planRotation({ cells, visitors, previous: [], locked: [], rules, ...extra }).uncovered;

  it('no_meeting: nothing scheduled in the window (before any other reason)', () => {
    expect(plan([{ id: 1, meetings: [] }], [])).toEqual([
      { cellId: 1, reason: 'no_meeting', dates: [], candidates: 0 },
    ]);
  });

  it('no_visitor: no assignment covers the cell, or no visitors at all', () => {
    const cells = [
      { id: 1, meetings: [at(1, '2027-01-05'), at(2, '2027-01-04'), at(3, '2027-01-05', '08:00')] },
    ];
    expect(plan(cells, [])).toEqual([
      { cellId: 1, reason: 'no_visitor', dates: ['2027-01-04', '2027-01-05'], candidates: 0 },
    ]);
    expect(plan(cells, [visitor(7, { candidateCellIds: [2] })])[0]).toMatchObject({ reason: 'no_visitor' });
  });

  it('home_only: the only candidates are members of the cell', () => {
    const cells = [{ id: 1, meetings: [at(1, '2027-01-04')] }];
    const members = [
      visitor(7, { homeCellIds: [1] }),
      visitor(8, { homeCellIds: [1], candidateCellIds: [1] }),
    ];
    expect(plan(cells, members)).toEqual([
      { cellId: 1, reason: 'home_only', dates: ['2027-01-04'], candidates: 2 },
    ]);
    expect(
      planRotation({
        cells,
        visitors: members,
        previous: [],
        locked: [],
        rules: { ...rules, excludeHomeCell: false },
      }).uncovered,
    ).toEqual([]);
  });

  it('unavailable: the candidates are away on every meeting date', () => {
    const cells = [{ id: 1, meetings: [at(1, '2027-01-04'), at(2, '2027-01-06')] }];
    const away = [
      visitor(7, { unavailableDates: ['2027-01-04', '2027-01-06'] }),
      visitor(8, { homeCellIds: [1] }),
    ];
    expect(plan(cells, away)).toEqual([
      { cellId: 1, reason: 'unavailable', dates: ['2027-01-04', '2027-01-06'], candidates: 2 },
    ]);
  });

  it('capacity: someone could go, but every such slot is taken', () => {
    const cells = [
      { id: 1, meetings: [at(1, '2027-01-04')] },
      { id: 2, meetings: [at(2, '2027-01-04', '20:00')] },
      { id: 3, meetings: [at(3, '2027-01-05')] },
    ];
    const locked = [
      { cellId: 3, visitorId: 7, meetingId: 3, date: '2027-01-05', startTime: '19:30', durationMinutes: 90 },
    ];
    expect(plan(cells, [visitor(7)], { locked })).toEqual([
      { cellId: 2, reason: 'capacity', dates: ['2027-01-04'], candidates: 1 },
    ]);
    // Two visits a day are allowed, but the hours overlap.
    const twice = planRotation({
      cells,
      visitors: [visitor(7)],
      previous: [],
      locked,
      rules: { ...rules, maxVisitsPerDay: 2 },
    });
    expect(twice.uncovered.map((u) => u.reason)).toEqual(['capacity']);
  });
});
