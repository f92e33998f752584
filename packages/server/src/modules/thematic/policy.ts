/**
 * Who does what in the thematic programme (domain.md §6 and §10; HD 12-HD/BTCTW (06/7/2018), its part on sinh
 * hoạt chuyên đề): a committee's administrators and committee members publish topics for its subtree and
 * approve a cell's own topic; a cell's secretary (or the committee above) registers the cell's topic and
 * shares the paper; the presenters draft the paper; the cell's members read it and comment. An unseen item is
 * a 404.
 */
import { CELL_KINDS, type Role } from '@nennep/core';
import { type Actor, ANY_ROLE, can } from '../../http/access.ts';
import { notFound } from '../../http/errors.ts';

/** The committee's staff: publish topics, approve a cell's own topic, follow the subtree. */
export const THEMATIC_STAFF: readonly Role[] = ['admin', 'committee_member'];
/** Who registers a cell's topic and shares its paper: its secretary, or the committee above. */
const CELL_MANAGERS: readonly Role[] = ['admin', 'committee_member', 'cell_secretary'];

export const isCellKind = (kind: string) => (CELL_KINDS as readonly string[]).includes(kind);

/** May the actor publish topics at this node (a committee, not a cell)? */
export const canPublishAt = (actor: Actor, org: { kind: string; path: string }) =>
  !isCellKind(org.kind) && can(actor, THEMATIC_STAFF, org.path);

/** May the actor register the cell's topic, link its meeting, share its paper? */
export const canManageCell = (actor: Actor, cellPath: string) => can(actor, CELL_MANAGERS, cellPath);

/**
 * May the actor approve or refuse a cell's own topic: the staff of a committee above the cell (a grant on
 * the cell itself is no committee's).
 */
export const canDecide = (actor: Actor, cellPath: string) =>
  actor.grants.some(
    (g) => THEMATIC_STAFF.includes(g.role) && cellPath.startsWith(g.path) && g.path !== cellPath,
  );

/** May the actor draft the paper: a manager of the cell or one of its presenters. */
export const canDraft = (actor: Actor, reg: { orgPath: string; presenterMemberIds: number[] }) =>
  canManageCell(actor, reg.orgPath) ||
  (actor.memberId !== null && reg.presenterMemberIds.includes(actor.memberId));

/** A registration the actor may not read does not exist for it. */
export function assertReadsCell<T extends { orgPath: string }>(actor: Actor, reg: T | null): T {
  if (!reg || !can(actor, ANY_ROLE, reg.orgPath)) throw notFound('thematic_registration');
  return reg;
}
