/**
 * The supervision part of the demo (domain.md §4, the Đan Phượng practice): the district committee's
 * 8 working groups (tổ công tác), each answering for a few communes' residential cells; the regular
 * meetings of the coming visiting window, spread over the window's days as the cells hold them; and the
 * rotation plan of that period, planned and published. Deterministic for a given date.
 */
import { addDays, periodContaining, type SupervisionPeriod, supervisionRulesOf } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../db/client.ts';
import { accounts, grants } from '../db/schema/index.ts';
import { planSubtree } from '../modules/meetings/plan.ts';
import { findOrg } from '../modules/orgs/queries.ts';
import { createAssignment, createGroup } from '../modules/supervision/groups.ts';
import { rulesAt } from '../modules/supervision/planner-input.ts';
import { findPlan, makePlan, publishPlan } from '../modules/supervision/plans.ts';
import { targetCells } from '../modules/supervision/queries.ts';
import { randomFullName } from './names.ts';
import { ROOT_CODE } from './places.ts';
import { mulberry32 } from './prng.ts';

export const DEMO_GROUPS = 8;
/** Regular meetings fall on days 3–5 of the month: a visitor attends one a day, so ⌈cells ÷ 3⌉ + 1 members. */
const WINDOW_DAYS = 3;

/** Splits communes into groups by their residential cells, largest first onto the lightest group. */
export function balanceCommunes<T extends { cells: number }>(communes: T[], groups: number): T[][] {
  const out: T[][] = Array.from({ length: groups }, () => []);
  const load = new Array<number>(groups).fill(0);
  for (const commune of [...communes].sort((a, b) => b.cells - a.cells)) {
    const lightest = load.indexOf(Math.min(...load));
    out[lightest]?.push(commune);
    load[lightest] = (load[lightest] ?? 0) + commune.cells;
  }
  return out;
}

/** The commune (node just below the district) a path lies in. */
const communeOf = (path: string) => `${path.split('/').slice(0, 3).join('/')}/`;

/**
 * Cells of a commune take turns over the window's first days (3, 4 and 5 of the month by default), as
 * cells hold their meetings on different evenings, so the commune's working group can attend them all.
 */
export async function spreadOverWindow(tx: Db, districtPath: string, period: SupervisionPeriod) {
  const content = (await rulesAt(tx, districtPath, period.windowFrom)).content;
  const cells = await targetCells(tx, districtPath, supervisionRulesOf(content));
  const byCommune = new Map<string, number[]>();
  for (const cell of cells) {
    const commune = communeOf(cell.path);
    byCommune.set(commune, [...(byCommune.get(commune) ?? []), cell.id]);
  }
  const firstDay = content.meetingWindow.fromDay - 1;
  for (const ids of byCommune.values()) {
    for (const [i, id] of ids.entries()) {
      // Set, not shifted: running it twice gives the same days.
      const day = firstDay + (i % WINDOW_DAYS);
      await tx.execute(
        sql`UPDATE meetings SET scheduled_date = date_trunc('month', scheduled_date)::date + ${day}::int
              - CASE WHEN kind = 'cell_committee' THEN ${content.cellCommitteeDaysBefore}::int ELSE 0 END
            WHERE org_id = ${id} AND scheduled_date BETWEEN ${period.windowFrom} AND ${period.windowTo}
              AND status = 'planned'`,
      );
    }
  }
}

export async function seedSupervisionDemo(tx: Db, passwordHash: string, now: Date, today: string) {
  const district = await findOrg(tx, ROOT_CODE);
  if (!district) throw new Error('demo district missing');
  const rules = supervisionRulesOf((await rulesAt(tx, district.path, today)).content);
  const cells = await targetCells(tx, district.path, rules);
  const communes = [...new Set(cells.map((c) => communeOf(c.path)))].map((path) => ({
    path,
    cells: cells.filter((c) => communeOf(c.path) === path),
  }));
  const codes = await rows<{ path: string; code: string }>(
    tx,
    sql`SELECT path, code FROM orgs WHERE path IN (${sql.join(
      communes.map((c) => sql`${c.path}`),
      sql`, `,
    )})`,
  );
  const codeOf = new Map(codes.map((c) => [c.path, c.code]));
  const rng = mulberry32(20_230_316);
  const [visitor] = await rows<{ id: number }>(
    tx,
    sql`SELECT id::int AS id FROM accounts WHERE username = 'visitor'`,
  );
  const split = balanceCommunes(
    communes.map((c) => ({ ...c, cells: c.cells.length, list: c.cells })),
    DEMO_GROUPS,
  );
  let visitorsCreated = 0;
  for (const [index, group] of split.entries()) {
    const size = Math.ceil(group.reduce((n, c) => n + c.cells, 0) / WINDOW_DAYS) + 1;
    const memberIds: number[] = [];
    const hasTanHoi = group.some((c) => codeOf.get(c.path) === `${ROOT_CODE}.TANHOI`);
    if (hasTanHoi && visitor) memberIds.push(visitor.id);
    for (let i = memberIds.length; i < size; i++) {
      const sex = rng() < 0.6 ? 'male' : 'female';
      const [created] = await tx
        .insert(accounts)
        .values({
          username: `tct${index + 1}.${i + 1}`,
          displayName: randomFullName(rng, sex, 1965 + Math.floor(rng() * 25)),
          passwordHash,
        })
        .returning({ id: accounts.id });
      if (!created) throw new Error('demo visitor not inserted');
      await tx.insert(grants).values({ accountId: created.id, role: 'visitor', orgId: district.id });
      memberIds.push(created.id);
      visitorsCreated += 1;
    }
    const groupId = await createGroup(tx, null, district, {
      committeeCode: district.code,
      name: `Tổ công tác số ${index + 1}`,
      leaderAccountId: memberIds[memberIds.length - 1] ?? null,
      memberAccountIds: memberIds,
    });
    for (const commune of group) {
      await createAssignment(tx, null, district, {
        committeeCode: district.code,
        orgCode: codeOf.get(commune.path) ?? '',
        groupId,
      });
    }
  }
  // The coming visiting window: this period's if it is not over, else the next period's.
  let period = periodContaining(rules.period, today, rules.windowMonths);
  if (period.windowTo < today)
    period = periodContaining(rules.period, addDays(period.to, 1), rules.windowMonths);
  await planSubtree(tx, null, district, period.windowFrom, period.windowTo);
  await spreadOverWindow(tx, district.path, period);
  const { result } = await makePlan(tx, null, district, period.key, now);
  const plan = await findPlan(tx, district.id, period.key);
  if (plan) await publishPlan(tx, null, district, plan, now);
  return { groups: split.length, period: period.key, visitorsCreated, ...result.stats };
}
