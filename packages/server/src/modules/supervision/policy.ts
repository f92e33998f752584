import { CELL_KINDS, type OrgKind, type Role } from '@nennep/core';
import type { Db } from '../../db/client.ts';
import { type Actor, assertCan, can } from '../../http/access.ts';
import { invalidField, notFound } from '../../http/errors.ts';
import { assertCanRead } from '../orgs/policy.ts';
import { findOrg, lockOrg, type OrgRow, type RowLock } from '../orgs/queries.ts';

/** Who organises supervision for a committee's subtree: groups, assignments, plans, coverage, reports. */
export const SUPERVISION_MANAGERS: readonly Role[] = ['admin', 'committee_member'];
/** Roles whose holders on a committee may be sent to its cells' meetings. */
export const VISITOR_ROLES: readonly Role[] = ['committee_member', 'visitor'];

/**
 * The committee named by `code`, which the actor manages: 404 when the actor cannot see it, 403 when
 * he or she may see it but not manage supervision there, 400 when it is a cell (cells are visited, they
 * do not send visitors). A command passes `lock` to hold the committee's row for its transaction.
 */
export async function managedCommittee(
  db: Db,
  actor: Actor,
  code: string,
  field = 'committeeCode',
  lock?: RowLock,
) {
  const org = assertCanRead(actor, await (lock ? lockOrg(db, code, lock) : findOrg(db, code)));
  assertCan(actor, SUPERVISION_MANAGERS, org.path);
  if ((CELL_KINDS as readonly OrgKind[]).includes(org.kind as OrgKind)) {
    throw invalidField(field, {
      vi: 'Chi bộ không cử người dự sinh hoạt: hãy chọn một cấp ủy.',
      en: 'A cell does not send visitors: choose a committee.',
    });
  }
  return org;
}

export const canManage = (actor: Actor, path: string) => can(actor, SUPERVISION_MANAGERS, path);

/** A visit the actor may see: his or her own in a published plan, or any visit of a committee he or she manages. */
export const maySeeVisit = (actor: Actor, visit: VisitRef) =>
  (visit.accountId === actor.id && visit.planStatus === 'published') || canManage(actor, visit.committeePath);

interface VisitRef {
  accountId: number;
  planStatus: string;
  committeePath: string;
}

/** The visit if the actor may see it, else 404 (ids do not leak). */
export function assertCanSeeVisit<T extends VisitRef>(actor: Actor, visit: T | null): T {
  if (!visit || !maySeeVisit(actor, visit)) throw notFound('visit');
  return visit;
}

/** A node under a committee, for assignments: 400 naming the field when it lies outside. */
export async function orgUnder(db: Db, committee: OrgRow, code: string, field: string): Promise<OrgRow> {
  const org = await findOrg(db, code);
  if (org?.status !== 'active' || !org.path.startsWith(committee.path) || org.id === committee.id) {
    throw invalidField(field, {
      vi: `Không có tổ chức đang hoạt động mã ${code} thuộc ${committee.name}.`,
      en: `No active organisation ${code} under ${committee.name}.`,
    });
  }
  return org;
}

/** 404 for a row the actor may not see (never 403, so ids do not leak). */
export function visibleTo<T>(
  row: T | null | undefined,
  allowed: (row: T) => boolean,
  entity: 'visit' | 'working_group' | 'assignment' | 'visit_plan',
): T {
  if (!row || !allowed(row)) throw notFound(entity);
  return row;
}
