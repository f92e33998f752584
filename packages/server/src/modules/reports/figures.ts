import {
  formatVietnameseDate,
  type LevelCounts,
  meanOf,
  monthsOf,
  type OverviewRow,
  type ReportFigures,
  type ReportPeriod,
  type ReportSupervisionFigures,
  type ReportUnitFigures,
  supervisionPeriodsWithin,
  supervisionRulesOf,
} from '@nennep/core';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import type { OrgRow } from '../orgs/queries.ts';
import { meetingsOverview } from '../overview/service.ts';
import { dashboardOf } from '../recommendations/dashboard.ts';
import { coverageOf } from '../supervision/coverage.ts';
import { rulesAt } from '../supervision/planner-input.ts';
import { activeCells, childUnits, thematicOf } from './queries.ts';

const zeroLevels = (): LevelCounts => ({ good: 0, fair: 0, average: 0, poor: 0 });
const HELD = new Set(['on_time', 'late']);
const PENDING = new Set(['upcoming', 'planned']);
const RULE_WORDS = { month: 'tháng', quarter: 'quý', half_year: '6 tháng', year: 'năm' };

/** A month's row of one cell, as the committee's monthly view computes it. */
type CellMonth = OverviewRow & { month: string };

function tally(items: CellMonth[]) {
  const levels = zeroLevels();
  for (const item of items) if (item.level) levels[item.level] += 1;
  const count = (pred: (i: CellMonth) => boolean) => items.filter(pred).length;
  const attendance = items.flatMap((i) => (i.attendancePercent === null ? [] : [i.attendancePercent]));
  const speaking = items.flatMap((i) => (i.speakingPercent === null ? [] : [i.speakingPercent]));
  return {
    onTime: count((i) => i.state === 'on_time'),
    late: count((i) => i.state === 'late'),
    notHeld: count((i) => i.state === 'not_held'),
    pending: count((i) => PENDING.has(i.state)),
    levels,
    attendancePercent: meanOf(attendance),
    speakingPercent: meanOf(speaking),
  };
}

/**
 * Supervision coverage of the report period, per period of the committee's supervision target that lies
 * inside it and has begun (a half year: its two quarters, each counted as the coverage view counts it).
 */
async function supervisionFigures(
  db: Db,
  committee: OrgRow,
  period: ReportPeriod,
  today: string,
): Promise<ReportSupervisionFigures | null> {
  const target = supervisionRulesOf((await rulesAt(db, committee.path, period.from)).content);
  const inside = supervisionPeriodsWithin(target.period, target.windowMonths, period).filter(
    (p) => p.from <= today,
  );
  if (inside.length === 0) return null;
  const periods: ReportSupervisionFigures['periods'] = [];
  for (const sub of inside) {
    const rules = supervisionRulesOf((await rulesAt(db, committee.path, sub.windowFrom)).content);
    const { totals } = await coverageOf(db, committee, sub, rules, today, { listLimit: 0 });
    periods.push({
      key: sub.key,
      label: sub.label.vi,
      targetCells: totals.targetCells,
      visited: totals.visited,
      toVisit: totals.toVisit,
      overdue: totals.overdue,
    });
  }
  const first = inside[0];
  const residential = target.targetCategories.length === 3 ? 'thôn, tổ dân phố, cụm dân cư' : 'thuộc diện';
  const window = first
    ? ` (${formatVietnameseDate(first.windowFrom)}–${formatVietnameseDate(first.windowTo)})`
    : '';
  return {
    target:
      `Mỗi chi bộ ${residential} được cấp ủy cấp trên dự sinh hoạt ${target.visitsPerCell} lần mỗi ` +
      `${RULE_WORDS[target.period]}, trong ${target.windowMonths} tháng đầu${inside.length === 1 ? window : ''}.`,
    periods,
  };
}

/**
 * The figures of a committee's report, read from the facts on `today`: the monthly view of the
 * subtree's cells month by month (so "on time" means what it means on the committee's screen), thematic
 * meetings, supervision coverage, recommendations raised in the period, and a row per unit below.
 */
export async function reportFigures(
  db: Db,
  actor: Actor,
  committee: OrgRow,
  period: ReportPeriod,
  today: string,
): Promise<ReportFigures> {
  const months = monthsOf(period);
  const rowsByMonth: CellMonth[][] = [];
  for (const month of months) {
    const overview = await meetingsOverview(db, committee, month, today);
    rowsByMonth.push(overview.items.map((item) => ({ ...item, month })));
  }
  const all = rowsByMonth.flat();
  const cells = await activeCells(db, committee);
  const pathOf = new Map(cells.map((c) => [c.code, c.path]));
  const total = tally(all);
  const heldByMonth = rowsByMonth.map(
    (monthRows) => new Set(monthRows.filter((r) => HELD.has(r.state)).map((r) => r.orgCode)),
  );
  const heldEveryMonth = cells.filter((cell) => heldByMonth.every((held) => held.has(cell.code)));

  const children = await childUnits(db, committee);
  const units: ReportUnitFigures[] = children.map((child) => {
    const mine = all.filter((r) => (pathOf.get(r.orgCode) ?? '').startsWith(child.path));
    const cellCount = cells.filter((c) => c.path.startsWith(child.path)).length;
    const t = tally(mine);
    return {
      code: child.code,
      name: child.name,
      cells: cellCount,
      expected: cellCount * months.length,
      held: t.onTime + t.late,
      onTime: t.onTime,
      notHeld: t.notHeld,
      levels: t.levels,
      attendancePercent: t.attendancePercent,
    };
  });

  const recommendations = (await dashboardOf(db, actor, committee, period.from, period.to, today)).totals;
  return {
    asOf: today,
    cells: cells.length,
    months: rowsByMonth.map((monthRows, i) => {
      const t = tally(monthRows);
      return {
        month: months[i] ?? '',
        onTime: t.onTime,
        late: t.late,
        notHeld: t.notHeld,
        pending: t.pending,
      };
    }),
    regular: {
      expected: cells.length * months.length,
      onTime: total.onTime,
      late: total.late,
      notHeld: total.notHeld,
      pending: total.pending,
      fullCells: heldEveryMonth.length,
    },
    levels: total.levels,
    attendancePercent: total.attendancePercent,
    speakingPercent: total.speakingPercent,
    thematic: await thematicOf(db, committee, period),
    supervision: await supervisionFigures(db, committee, period, today),
    recommendations: {
      raised: recommendations.raised,
      answered: recommendations.answered,
      open: recommendations.open,
      overdue: recommendations.overdue,
    },
    unitKind: children.every((c) => c.kind === 'cell' || c.kind === 'grassroots_cell')
      ? 'cells'
      : 'committees',
    units,
  };
}
