import {
  formatVietnameseDate,
  type PlanDto,
  type PlannerResult,
  planRotation,
  type SupervisionPeriod,
  type SupervisionRules,
  type UncoveredCell,
} from '@nennep/core';
import { and, eq, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { insertOne } from '../../db/insert.ts';
import { visitPlans, visits } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { conflict } from '../../http/errors.ts';
import { notify } from '../inbox/service.ts';
import type { OrgRow } from '../orgs/queries.ts';
import { meetingRefusal } from './meeting-refusal.ts';
import { periodFor, plannerContext } from './planner-input.ts';
import { presentVisit, targetCells, visitorPool, visitRows } from './queries.ts';
import { assertFree, assertMaySend } from './visits.ts';

export type PlanRow = typeof visitPlans.$inferSelect;

export async function findPlan(db: Db, committeeId: number, periodKey: string): Promise<PlanRow | null> {
  const [row] = await db
    .select()
    .from(visitPlans)
    .where(and(eq(visitPlans.committeeOrgId, committeeId), eq(visitPlans.periodKey, periodKey)));
  return row ?? null;
}

/** The draft plan of a period, created when there is none yet. */
export async function ensurePlan(tx: Db, committee: OrgRow, periodKey: string, ruleSetId: number | null) {
  const found = await findPlan(tx, committee.id, periodKey);
  if (found) return found;
  const row = await insertOne(
    tx
      .insert(visitPlans)
      .values({ committeeOrgId: committee.id, committeePath: committee.path, periodKey, ruleSetId })
      .returning(),
    'visit plan',
  );
  return row;
}

/**
 * Plans (or re-plans) a period's rotation: visits fixed by hand, checked in or reported stay; every other
 * planned visit is replaced by the planner's choice. One transaction; the visitors of a published plan are
 * told of their new visits.
 */
export async function makePlan(tx: Db, actor: Actor | null, committee: OrgRow, periodKey: string, now: Date) {
  const { period, rules, ruleSetId, content } = await periodFor(tx, committee, periodKey);
  const plan = await ensurePlan(tx, committee, period.key, ruleSetId);
  const context = await plannerContext(tx, committee, period, rules, content, plan.id);
  const result = planRotation(context.input);
  await tx
    .delete(visits)
    .where(and(eq(visits.planId, plan.id), eq(visits.status, 'planned'), eq(visits.locked, false)));
  const fresh = result.visits.filter((v) => !v.locked);
  const cellPath = new Map(context.cells.map((c) => [c.id, c.path]));
  const inserted =
    fresh.length === 0
      ? []
      : await tx
          .insert(visits)
          .values(
            fresh.map((v) => ({
              planId: plan.id,
              committeeOrgId: committee.id,
              committeePath: committee.path,
              periodKey: period.key,
              cellOrgId: v.cellId,
              cellPath: cellPath.get(v.cellId) ?? '',
              meetingId: v.meetingId,
              accountId: v.visitorId,
              groupId: context.groupOf(v.visitorId, v.cellId),
              scheduledDate: v.date,
              startTime: v.startTime,
              durationMinutes: v.durationMinutes,
              repeat: v.repeat,
            })),
          )
          .returning({ id: visits.id, accountId: visits.accountId });
  await tx
    .update(visitPlans)
    .set({ uncovered: result.uncovered, stats: result.stats, plannedAt: now, ruleSetId })
    .where(eq(visitPlans.id, plan.id));
  await audit(tx, actor, {
    action: 'supervision.planned',
    entityType: 'visit_plan',
    entityId: plan.id,
    orgPath: committee.path,
    detail: { period: period.key, ...result.stats, uncovered: result.uncovered.length },
  });
  if (plan.status === 'published')
    await tellVisitors(
      tx,
      period,
      inserted.map((v) => v.accountId),
      plan.id,
    );
  return { planId: plan.id, result };
}

async function tellVisitors(tx: Db, period: SupervisionPeriod, accountIds: number[], planId: number) {
  const counts = new Map<number, number>();
  for (const id of accountIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const [accountId, count] of counts) {
    await notify(tx, [accountId], {
      kind: 'visit_planned',
      title: `Lịch dự sinh hoạt chi bộ ${period.label.vi}: ${count} buổi`,
      body: 'Xem chi bộ, thời gian, địa điểm và tài liệu trong mục Lượt dự của tôi.',
      link: '/supervision/my-visits',
      dedupeKey: `visit-plan:${planId}:${accountId}:${count}`,
    });
  }
}

export async function publishPlan(tx: Db, actor: Actor | null, committee: OrgRow, plan: PlanRow, now: Date) {
  if (plan.status === 'published') {
    throw conflict({ vi: 'Kế hoạch đã được ban hành.', en: 'The plan is already published.' });
  }
  await tx
    .update(visitPlans)
    .set({ status: 'published', publishedAt: now })
    .where(eq(visitPlans.id, plan.id));
  const { period } = await periodFor(tx, committee, plan.periodKey);
  const visitors = await rows<{ accountId: number }>(
    tx,
    sql`SELECT account_id::int AS "accountId" FROM visits WHERE plan_id = ${plan.id} AND status <> 'cancelled'`,
  );
  await tellVisitors(
    tx,
    period,
    visitors.map((v) => v.accountId),
    plan.id,
  );
  await audit(tx, actor, {
    action: 'supervision.plan_published',
    entityType: 'visit_plan',
    entityId: plan.id,
    orgPath: committee.path,
    detail: { period: plan.periodKey, visits: visitors.length },
  });
}

/** Why a cell is left out, in words for the committee. */
export function explainUncovered(u: UncoveredCell, period: SupervisionPeriod) {
  const dates = u.dates.map((d) => formatVietnameseDate(d).slice(0, 5)).join(', ');
  const window = `${formatVietnameseDate(period.windowFrom)}–${formatVietnameseDate(period.windowTo)}`;
  switch (u.reason) {
    case 'no_meeting':
      return {
        vi: `Chưa có lịch sinh hoạt trong thời gian dự (${window}): hãy lập lịch họp cho chi bộ.`,
        en: `No meeting scheduled in the visiting window (${window}): plan the cell's meeting.`,
      };
    case 'no_visitor':
      return {
        vi: 'Không có người dự nào được phân công phụ trách chi bộ này.',
        en: 'Nobody is assigned to visit this cell.',
      };
    case 'home_only':
      return {
        vi: 'Những người được phân công đều là đảng viên của chính chi bộ này.',
        en: 'Everyone assigned is a member of this very cell.',
      };
    case 'unavailable':
      return {
        vi: `Những người được phân công đều bận vào ngày chi bộ họp (${dates}).`,
        en: `Everyone assigned is unavailable on the cell's meeting dates (${dates}).`,
      };
    default:
      return {
        vi: `Những người được phân công đã có lịch dự chi bộ khác vào ngày chi bộ họp (${dates}).`,
        en: `Everyone assigned already visits another cell on the meeting dates (${dates}).`,
      };
  }
}

/** A period's plan for the committee: visits, uncovered cells with reasons, load per visitor, figures. */
export async function presentPlan(
  db: Db,
  actor: Actor,
  committee: OrgRow,
  period: SupervisionPeriod,
  rules: SupervisionRules,
  today: string,
): Promise<PlanDto> {
  const plan = await findPlan(db, committee.id, period.key);
  const cells = await targetCells(db, committee.path, rules);
  const pool = await visitorPool(db, committee.id, committee.path);
  const list = plan ? await visitRows(db, sql`v.plan_id = ${plan.id}`) : [];
  const active = list.filter((v) => v.status !== 'cancelled');
  const names = new Map(cells.map((c) => [c.id, c]));
  const uncovered = ((plan?.uncovered ?? []) as UncoveredCell[])
    .filter((u) => names.has(u.cellId) && !active.some((v) => v.cellOrgId === u.cellId))
    .map((u) => ({
      ...u,
      cellCode: names.get(u.cellId)?.code ?? '',
      cellName: names.get(u.cellId)?.name ?? '',
      explanation: explainUncovered(u, period),
    }));
  const load = pool.map((v) => ({
    accountId: v.accountId,
    displayName: v.displayName,
    visits: active.filter((x) => x.accountId === v.accountId).length,
  }));
  const loads = load.map((l) => l.visits);
  const target = new Set(cells.map((c) => c.id));
  const covered = new Set(active.filter((v) => target.has(v.cellOrgId)).map((v) => v.cellOrgId)).size;
  const stats: PlannerResult['stats'] = {
    cells: cells.length,
    visitors: pool.length,
    covered,
    maxLoad: loads.length ? Math.max(...loads) : 0,
    minLoad: loads.length ? Math.min(...loads) : 0,
    lowerBound: pool.length ? Math.ceil(covered / pool.length) : 0,
    repeats: active.filter((v) => v.repeat).length,
  };
  return {
    id: plan?.id ?? null,
    committeeCode: committee.code,
    period,
    status: plan ? (plan.status as 'draft' | 'published') : 'none',
    visits: list.map((v) => presentVisit(actor, v, today, rules.reportDueDays)),
    uncovered,
    load,
    stats: { ...stats, targetCells: cells.length },
    rules,
  };
}

/** Adds a visit by hand (locked: re-planning keeps it). */
export async function addVisit(
  tx: Db,
  actor: Actor,
  committee: OrgRow,
  input: { periodKey: string; meetingId: number; visitorAccountId: number },
) {
  const { period, rules, ruleSetId, content } = await periodFor(tx, committee, input.periodKey);
  const [meeting] = await rows<{
    orgId: number;
    path: string;
    date: string;
    startTime: string;
    combined: boolean;
  }>(
    tx,
    sql`SELECT m.org_id::int AS "orgId", m.org_path AS path, m.scheduled_date::text AS date, m.start_time AS "startTime",
          m.combined
        FROM meetings m WHERE m.id = ${input.meetingId} AND m.status <> 'cancelled' AND m.kind <> 'cell_committee'
          AND m.org_path LIKE ${`${committee.path}%`} AND m.scheduled_date BETWEEN ${period.from} AND ${period.to}`,
  );
  if (!meeting) {
    throw await meetingRefusal(tx, input.meetingId, {
      path: committee.path,
      name: { vi: `các chi bộ thuộc ${committee.name}`, en: `the cells under ${committee.name}` },
      period,
    });
  }
  const plan = await ensurePlan(tx, committee, period.key, ruleSetId);
  const [taken] = await rows<{ id: number }>(
    tx,
    sql`SELECT id::int AS id FROM visits WHERE plan_id = ${plan.id} AND cell_org_id = ${meeting.orgId}
          AND status <> 'cancelled'`,
  );
  if (taken) {
    throw conflict(
      {
        vi: 'Chi bộ này đã có lượt dự trong kỳ: hãy sửa lượt dự đó.',
        en: 'This cell already has a visit this period: edit it.',
      },
      'meetingId',
    );
  }
  const target = { committeeOrgId: committee.id, committeePath: committee.path, cellOrgId: meeting.orgId };
  await assertMaySend(tx, target, input.visitorAccountId, rules);
  const minutes = content.minDurationMinutes;
  const slot = {
    date: meeting.date,
    startTime: meeting.startTime,
    durationMinutes: meeting.combined ? minutes.combined : minutes.regular,
  };
  await assertFree(tx, input.visitorAccountId, slot, rules, null);
  const groups = await rows<{ id: number }>(
    tx,
    sql`SELECT g.id::int AS id FROM working_group_members m JOIN working_groups g ON g.id = m.group_id
        WHERE m.account_id = ${input.visitorAccountId} AND g.committee_org_id = ${committee.id} AND g.active
        ORDER BY g.id LIMIT 1`,
  );
  const row = await insertOne(
    tx
      .insert(visits)
      .values({
        planId: plan.id,
        committeeOrgId: committee.id,
        committeePath: committee.path,
        periodKey: period.key,
        cellOrgId: meeting.orgId,
        cellPath: meeting.path,
        meetingId: input.meetingId,
        accountId: input.visitorAccountId,
        groupId: groups[0]?.id ?? null,
        scheduledDate: slot.date,
        startTime: slot.startTime,
        durationMinutes: slot.durationMinutes,
        locked: true,
      })
      .returning({ id: visits.id }),
    'visit',
  );
  await audit(tx, actor, {
    action: 'supervision.visit_added',
    entityType: 'visit',
    entityId: row.id,
    orgPath: meeting.path,
    detail: { meetingId: input.meetingId, visitorAccountId: input.visitorAccountId, period: period.key },
  });
  if (plan.status === 'published') await tellVisitors(tx, period, [input.visitorAccountId], plan.id);
  return row.id;
}
