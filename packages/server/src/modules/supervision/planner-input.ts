import {
  DEFAULT_RULE_SET,
  type PlannerInput,
  type PlannerMeeting,
  parsePeriodKey,
  previousPeriod,
  type RuleSetContent,
  type SupervisionPeriod,
  type SupervisionRules,
  supervisionRulesOf,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { invalidField } from '../../http/errors.ts';
import type { OrgRow } from '../orgs/queries.ts';
import { pick, ruleSetsAlong } from '../rule-sets/service.ts';
import { listAssignments } from './groups.ts';
import { targetCells, visitorPool, windowMeetings } from './queries.ts';

/** The rule set in force for a node on a date, read only (the default when none is stored yet). */
export async function rulesAt(
  db: Db,
  path: string,
  date: string,
): Promise<{ id: number | null; content: RuleSetContent }> {
  const found = pick(await ruleSetsAlong(db, path), path, date);
  return found ? { id: found.id, content: found.content } : { id: null, content: DEFAULT_RULE_SET };
}

/** The period named by a key under the committee's target (e.g. 2027-Q1 for quarterly visits); 400 otherwise. */
export async function periodFor(db: Db, committee: OrgRow, key: string, field = 'periodKey') {
  const year = key.slice(0, 4);
  const { content } = await rulesAt(db, committee.path, `${year}-01-01`);
  const rules = supervisionRulesOf(content);
  const period = parsePeriodKey(rules.period, key, rules.windowMonths);
  if (!period) {
    const example = { month: `${year}-M01`, quarter: `${year}-Q1`, half_year: `${year}-H1`, year }[
      rules.period
    ];
    throw invalidField(field, {
      vi: `Kỳ ${key} không hợp lệ: ${committee.name} đặt chỉ tiêu theo ${PERIOD_WORDS[rules.period].vi} (ví dụ ${example}).`,
      en: `Period ${key} is not valid: ${committee.name} sets its target per ${PERIOD_WORDS[rules.period].en} (e.g. ${example}).`,
    });
  }
  const atStart = await rulesAt(db, committee.path, period.windowFrom);
  const inForce = supervisionRulesOf(atStart.content);
  return { period, rules: inForce, ruleSetId: atStart.id, content: atStart.content };
}

const PERIOD_WORDS = {
  month: { vi: 'tháng', en: 'month' },
  quarter: { vi: 'quý', en: 'quarter' },
  half_year: { vi: '6 tháng', en: 'half year' },
  year: { vi: 'năm', en: 'year' },
};

export interface PlanningContext {
  input: PlannerInput;
  cells: Awaited<ReturnType<typeof targetCells>>;
  /** For each visitor, the groups whose assignments cover each cell (to name the group on the visit). */
  groupOf: (visitorId: number, cellId: number) => number | null;
}

/** Gathers the planner's input from the database: target cells and their meetings, visitors, history. */
export async function plannerContext(
  db: Db,
  committee: OrgRow,
  period: SupervisionPeriod,
  rules: SupervisionRules,
  content: RuleSetContent,
  planId: number | null,
): Promise<PlanningContext> {
  const cells = await targetCells(db, committee.path, rules);
  const meetings = await windowMeetings(db, committee.path, period.windowFrom, period.windowTo);
  const byCell = new Map<number, PlannerMeeting[]>();
  for (const m of meetings) {
    const list = byCell.get(m.orgId) ?? [];
    // A regular and a thematic meeting held together are one evening: one visit.
    if (!list.some((x) => x.date === m.date && x.startTime === m.startTime)) {
      const minutes = content.minDurationMinutes;
      list.push({
        meetingId: m.id,
        date: m.date,
        startTime: m.startTime,
        durationMinutes: m.combined ? minutes.combined : minutes.regular,
      });
    }
    byCell.set(m.orgId, list);
  }
  const pool = await visitorPool(db, committee.id, committee.path);
  const ids = pool.map((v) => v.accountId);
  const idList = ids.length
    ? sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )
    : sql`NULL`;
  const homes = await rows<{ accountId: number; orgId: number }>(
    db,
    sql`SELECT a.id::int AS "accountId", m.org_id::int AS "orgId" FROM accounts a JOIN members m ON m.id = a.member_id
        WHERE a.id IN (${idList})`,
  );
  const busy = await rows<{ accountId: number; day: string }>(
    db,
    sql`SELECT account_id::int AS "accountId", day::text AS day FROM visitor_unavailability
        WHERE account_id IN (${idList}) AND day BETWEEN ${period.windowFrom} AND ${period.windowTo}`,
  );
  const assignments = (await listAssignments(db, committee)).filter(
    (a) => (!a.from || a.from <= period.windowTo) && (!a.to || a.to >= period.windowFrom),
  );
  const assignedPaths = await rows<{ code: string; path: string }>(
    db,
    sql`SELECT code, path FROM orgs WHERE code IN (${
      assignments.length
        ? sql.join(
            assignments.map((a) => sql`${a.orgCode}`),
            sql`, `,
          )
        : sql`NULL`
    })`,
  );
  const pathOf = new Map(assignedPaths.map((o) => [o.code, o.path]));
  const cellsUnder = (code: string) => {
    const path = pathOf.get(code) ?? '\u0000';
    return cells.filter((c) => c.path.startsWith(path)).map((c) => c.id);
  };
  const candidates = new Map<number, Set<number>>();
  const groupCells = new Map<number, Set<number>>();
  for (const a of assignments) {
    const covered = cellsUnder(a.orgCode);
    if (a.accountId) {
      const set = candidates.get(a.accountId) ?? new Set();
      for (const c of covered) set.add(c);
      candidates.set(a.accountId, set);
    }
    if (a.groupId) {
      const set = groupCells.get(a.groupId) ?? new Set();
      for (const c of covered) set.add(c);
      groupCells.set(a.groupId, set);
    }
  }
  const visitors = pool.map((v) => {
    const own = candidates.get(v.accountId);
    const fromGroups = v.groupIds.flatMap((g) => [...(groupCells.get(g) ?? [])]);
    const assigned = own !== undefined || v.groupIds.some((g) => groupCells.has(g));
    return {
      id: v.accountId,
      homeCellIds: homes.filter((h) => h.accountId === v.accountId).map((h) => h.orgId),
      unavailableDates: busy.filter((b) => b.accountId === v.accountId).map((b) => b.day),
      candidateCellIds: assigned ? [...new Set([...(own ?? []), ...fromGroups])].sort((x, y) => x - y) : null,
    };
  });
  const previous = await rows<{ cellId: number; visitorId: number }>(
    db,
    sql`SELECT v.cell_org_id::int AS "cellId", v.account_id::int AS "visitorId" FROM visits v
        WHERE v.committee_org_id = ${committee.id} AND v.period_key = ${previousPeriod(period, rules.windowMonths).key}
          AND v.status <> 'cancelled' ORDER BY v.id`,
  );
  const locked =
    planId === null
      ? []
      : await rows<PlannerInput['locked'][number]>(
          db,
          sql`SELECT cell_org_id::int AS "cellId", account_id::int AS "visitorId", meeting_id::int AS "meetingId",
                scheduled_date::text AS date, start_time AS "startTime", duration_minutes AS "durationMinutes"
              FROM visits WHERE plan_id = ${planId} AND status <> 'cancelled'
                AND (locked OR status <> 'planned') ORDER BY id`,
        );
  const groupsOf = new Map(pool.map((v) => [v.accountId, v.groupIds]));
  return {
    cells,
    input: {
      cells: cells.map((c) => ({ id: c.id, meetings: byCell.get(c.id) ?? [] })),
      visitors,
      previous,
      locked,
      rules: {
        maxVisitsPerDay: rules.maxVisitsPerDay,
        excludeHomeCell: rules.excludeHomeCell,
        avoidRepeat: rules.avoidRepeat,
      },
    },
    groupOf: (visitorId, cellId) => {
      const groups = groupsOf.get(visitorId) ?? [];
      return groups.find((g) => groupCells.get(g)?.has(cellId)) ?? groups[0] ?? null;
    },
  };
}
