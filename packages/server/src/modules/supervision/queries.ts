import {
  addDays,
  CELL_KINDS,
  compareVietnameseNames,
  type SupervisionRules,
  type VisitDto,
  type VisitorDto,
  type VisitStatus,
} from '@nennep/core';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { canManage, VISITOR_ROLES } from './policy.ts';

/** The accounts a committee may send: a visitor or committee-member grant on it, or in one of its groups. */
export async function visitorPool(db: Db, committeeId: number, committeePath: string): Promise<VisitorDto[]> {
  const found = await rows<{ accountId: number; displayName: string; role: string; groupIds: number[] }>(
    db,
    sql`SELECT a.id::int AS "accountId", a.display_name AS "displayName",
          COALESCE((SELECT CASE WHEN bool_or(g.role = 'committee_member') THEN 'committee_member' ELSE 'visitor' END
                    FROM grants g JOIN orgs o ON o.id = g.org_id
                    WHERE g.account_id = a.id AND g.role IN ('committee_member', 'visitor')
                      AND ${committeePath} LIKE o.path || '%'), 'visitor') AS role,
          COALESCE((SELECT array_agg(m.group_id::int ORDER BY m.group_id) FROM working_group_members m
                    JOIN working_groups w ON w.id = m.group_id
                    WHERE m.account_id = a.id AND w.active AND w.committee_org_id = ${committeeId}), '{}') AS "groupIds"
        FROM accounts a
        WHERE NOT a.disabled AND (
          EXISTS (SELECT 1 FROM grants g WHERE g.account_id = a.id AND g.org_id = ${committeeId}
                  AND g.role IN (${sql.join(
                    VISITOR_ROLES.map((r) => sql`${r}`),
                    sql`, `,
                  )}))
          OR EXISTS (SELECT 1 FROM working_group_members m JOIN working_groups w ON w.id = m.group_id
                     WHERE m.account_id = a.id AND w.active AND w.committee_org_id = ${committeeId}))`,
  );
  return found.sort(
    (x, y) => compareVietnameseNames(x.displayName, y.displayName) || x.accountId - y.accountId,
  );
}

/** Active cells under a committee whose category the target covers. */
export function targetCells(db: Db, committeePath: string, rules: SupervisionRules) {
  return rows<{
    id: number;
    code: string;
    name: string;
    path: string;
    parentName: string | null;
    parentId: number | null;
  }>(
    db,
    sql`SELECT o.id::int AS id, o.code, o.name, o.path, p.name AS "parentName", o.parent_id::int AS "parentId"
        FROM orgs o LEFT JOIN orgs p ON p.id = o.parent_id
        WHERE o.path LIKE ${`${committeePath}%`} AND o.path <> ${committeePath} AND o.status = 'active'
          AND o.kind IN (${sql.join(
            CELL_KINDS.map((k) => sql`${k}`),
            sql`, `,
          )})
          AND o.category IN (${sql.join(
            rules.targetCategories.map((c) => sql`${c}`),
            sql`, `,
          )})
        ORDER BY o.sort_key, o.id`,
  );
}

/** Meetings a visitor can attend in a window (not the cell-committee ones, not cancelled). */
export function windowMeetings(db: Db, committeePath: string, from: string, to: string) {
  return rows<{
    id: number;
    orgId: number;
    date: string;
    startTime: string;
    combined: boolean;
    kind: string;
  }>(
    db,
    sql`SELECT m.id::int AS id, m.org_id::int AS "orgId", m.scheduled_date::text AS date, m.start_time AS "startTime",
          m.combined, m.kind
        FROM meetings m
        WHERE m.org_path LIKE ${`${committeePath}%`} AND m.scheduled_date BETWEEN ${from} AND ${to}
          AND m.kind <> 'cell_committee' AND m.status <> 'cancelled'
        ORDER BY m.scheduled_date, m.start_time, m.id`,
  );
}

export interface VisitRow {
  id: number;
  planId: number;
  planStatus: string;
  periodKey: string;
  committeeCode: string;
  committeePath: string;
  committeeOrgId: number;
  cellOrgId: number;
  cellCode: string;
  cellName: string;
  cellPath: string;
  parentName: string | null;
  accountId: number;
  visitorName: string;
  groupId: number | null;
  groupName: string | null;
  meetingId: number | null;
  date: string;
  startTime: string;
  durationMinutes: number;
  place: string | null;
  status: VisitStatus;
  locked: boolean;
  repeat: boolean;
  checkedInAt: string | null;
}

const VISIT_SELECT = sql`SELECT v.id::int AS id, v.plan_id::int AS "planId", p.status AS "planStatus",
    v.period_key AS "periodKey", co.code AS "committeeCode", v.committee_path AS "committeePath", v.committee_org_id::int AS "committeeOrgId",
    v.cell_org_id::int AS "cellOrgId", c.code AS "cellCode", c.name AS "cellName", v.cell_path AS "cellPath",
    pa.name AS "parentName", v.account_id::int AS "accountId", a.display_name AS "visitorName",
    v.group_id::int AS "groupId", g.name AS "groupName", v.meeting_id::int AS "meetingId",
    v.scheduled_date::text AS date, v.start_time AS "startTime", v.duration_minutes AS "durationMinutes",
    m.place, v.status, v.locked, v.repeat, v.checked_in_at AS "checkedInAt"
  FROM visits v
  JOIN visit_plans p ON p.id = v.plan_id
  JOIN orgs co ON co.id = v.committee_org_id
  JOIN orgs c ON c.id = v.cell_org_id
  LEFT JOIN orgs pa ON pa.id = c.parent_id
  JOIN accounts a ON a.id = v.account_id
  LEFT JOIN working_groups g ON g.id = v.group_id
  LEFT JOIN meetings m ON m.id = v.meeting_id`;

export function visitRows(db: Db, where: SQL) {
  return rows<VisitRow>(
    db,
    sql`${VISIT_SELECT} WHERE ${where} ORDER BY v.scheduled_date, v.start_time, c.sort_key, v.id`,
  );
}

export async function findVisit(db: Db, id: number): Promise<VisitRow | null> {
  const [row] = await visitRows(db, sql`v.id = ${id}`);
  return row ?? null;
}

/** `findVisit` inside a command's transaction, the visit's row locked until it ends (`SELECT … FOR UPDATE`). */
export async function lockVisit(tx: Db, id: number): Promise<VisitRow | null> {
  await tx.execute(sql`SELECT id FROM visits WHERE id = ${id} FOR UPDATE`);
  return findVisit(tx, id);
}

/** A visit as the actor sees it, with what he or she may do to it. */
export function presentVisit(actor: Actor, row: VisitRow, today: string, reportDueDays: number): VisitDto {
  const reportDue = addDays(row.date, reportDueDays);
  const own = row.accountId === actor.id;
  const open = row.status === 'planned' || row.status === 'checked_in';
  return {
    id: row.id,
    periodKey: row.periodKey,
    committeeCode: row.committeeCode,
    cellCode: row.cellCode,
    cellName: row.cellName,
    parentName: row.parentName,
    visitorAccountId: row.accountId,
    visitorName: row.visitorName,
    groupId: row.groupId,
    groupName: row.groupName,
    meetingId: row.meetingId,
    date: row.date,
    startTime: row.startTime,
    place: row.place,
    status: row.status,
    locked: row.locked,
    repeat: row.repeat,
    checkedInAt: row.checkedInAt ? new Date(row.checkedInAt).toISOString() : null,
    reportDue,
    overdue: open && reportDue < today,
    abilities: {
      checkIn: own && row.status === 'planned' && row.date <= today && row.planStatus === 'published',
      report: own && open && row.date <= today && row.planStatus === 'published',
      edit: canManage(actor, row.committeePath) && row.status === 'planned',
      addendum: own && (row.status === 'reported' || row.status === 'missed'),
    },
  };
}
