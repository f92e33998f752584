import {
  CELL_KINDS,
  GRASSROOTS_KINDS,
  type OrgKind,
  type RecommendationLevel,
  type Role,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { type Actor, ANY_ROLE, can } from '../../http/access.ts';
import { AppError, notFound } from '../../http/errors.ts';

/** Who answers for a level: its administrators, committee members and, at a cell, the secretary. */
export const HANDLER_ROLES: readonly Role[] = ['admin', 'committee_member', 'cell_secretary'];

interface Visible {
  orgPath: string;
}

/** A cell sees its own recommendations and their answers; a committee those of its subtree. */
export function assertCanSee<T extends Visible>(actor: Actor, rec: T | null | undefined): T {
  if (!rec || !can(actor, ANY_ROLE, rec.orgPath)) throw notFound('recommendation');
  return rec;
}

/** The organisations the actor answers for: those it holds a handler role on (the node itself). */
export const handledOrgIds = (actor: Actor): number[] => [
  ...new Set(actor.grants.filter((g) => HANDLER_ROLES.includes(g.role)).map((g) => g.orgId)),
];

/**
 * May the actor act for the level now answering (forward, start, answer, decline, merge)? A level acts only
 * on what it holds: a handler role granted on the handler organisation itself, not on a node above it — a
 * commune takes up its cell's recommendation once the cell forwards it or the daily run escalates it.
 */
export const canAct = (actor: Actor, rec: { handlerOrgId: number }) =>
  handledOrgIds(actor).includes(rec.handlerOrgId);

/** Files may be added by the level now answering and by the cell that raised it. */
export const canAttach = (actor: Actor, rec: { handlerOrgId: number; orgId: number }) =>
  canAct(actor, rec) || handledOrgIds(actor).includes(rec.orgId);

/** 403 naming the level that holds the recommendation (the actor may read it, so never 404). */
export function assertCanAct<T extends { handlerOrgId: number; handlerName: string }>(
  actor: Actor,
  rec: T,
): T {
  if (canAct(actor, rec)) return rec;
  const name = rec.handlerName;
  throw new AppError(403, 'conflict', {
    detail: {
      vi: `Kiến nghị đang do ${name} xử lý. Mỗi cấp chỉ xử lý kiến nghị đang ở cấp mình: cấp trên nhận khi ${name} chuyển lên hoặc khi quá hạn tự động chuyển lên.`,
      en: `The recommendation is held by ${name}. A level acts only on what it holds: the level above takes it when ${name} forwards it or when it falls overdue.`,
    },
  });
}

/**
 * The level answering: the cell, the committee that leads it directly (a grassroots committee, or since 2025
 * the commune or ward committee over its village cells), a superior committee, or an outside body.
 */
export function levelOf(
  handler: { kind: string; path: string },
  cellPath: string,
  outsideBody: string | null,
): RecommendationLevel {
  if (outsideBody) return 'outside';
  if ((CELL_KINDS as readonly OrgKind[]).includes(handler.kind as OrgKind)) return 'cell';
  const leadsTheCell =
    cellPath.startsWith(handler.path) && cellPath.slice(handler.path.length).split('/').length === 2;
  if (leadsTheCell || (GRASSROOTS_KINDS as readonly OrgKind[]).includes(handler.kind as OrgKind))
    return 'grassroots';
  return 'superior';
}

/** The accounts holding a handler role on exactly these organisations (no fallback above). */
export async function handlersOn(tx: Db, orgIds: number[]): Promise<number[]> {
  if (orgIds.length === 0) return [];
  const found = await rows<{ id: number }>(
    tx,
    sql`SELECT DISTINCT g.account_id::int AS id FROM grants g JOIN accounts a ON a.id = g.account_id
        WHERE a.disabled = false AND g.role IN ('admin', 'committee_member', 'cell_secretary')
          AND g.org_id IN (${sql.join(
            orgIds.map((id) => sql`${id}`),
            sql`, `,
          )})
        ORDER BY 1`,
  );
  return found.map((f) => f.id);
}

/**
 * The accounts answering for an organisation: those granted a handler role on it; when nobody is, those
 * of the nearest organisation above that has some (so a notice always reaches someone responsible).
 */
export async function handlersOf(tx: Db, orgPath: string): Promise<number[]> {
  const found = await rows<{ id: number; depth: number }>(
    tx,
    sql`SELECT DISTINCT g.account_id::int AS id, o.depth FROM grants g JOIN orgs o ON o.id = g.org_id
        JOIN accounts a ON a.id = g.account_id
        WHERE a.disabled = false AND g.role IN ('admin', 'committee_member', 'cell_secretary')
          AND ${orgPath} LIKE o.path || '%'
        ORDER BY o.depth DESC`,
  );
  const deepest = found[0]?.depth;
  return found.filter((f) => f.depth === deepest).map((f) => f.id);
}

/**
 * Where the level now answering may send a recommendation: one level up (the committee directly above it),
 * or back down the path towards the cell that raised it; the same level only to take it back from an
 * outside body.
 */
export function mayForwardTo(
  rec: {
    handlerOrgId: number;
    handlerPath: string;
    handlerParentId: number | null;
    outsideBody: string | null;
    orgPath: string;
  },
  target: { id: number; path: string },
): boolean {
  if (!rec.orgPath.startsWith(target.path)) return false;
  if (target.id === rec.handlerOrgId) return rec.outsideBody !== null;
  return target.id === rec.handlerParentId || target.path.startsWith(rec.handlerPath);
}
