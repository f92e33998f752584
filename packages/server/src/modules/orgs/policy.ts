import { CELL_KINDS, type Role } from '@nennep/core';
import type { Db } from '../../db/client.ts';
import { type Actor, ANY_ROLE, assertCan, can } from '../../http/access.ts';
import { notFound } from '../../http/errors.ts';
import { lockOrg, type OrgRow, type RowLock } from './queries.ts';

const ADMIN: readonly Role[] = ['admin'];
const MEMBER_MANAGERS: readonly Role[] = ['admin', 'cell_secretary'];
/** A committee decides on which days its cells meet: its administrators and committee members. */
export const DAY_SPREADERS: readonly Role[] = ['admin', 'committee_member'];

/** May the actor spread the meeting days of the cells under this committee (not a cell itself)? */
export const canSpreadDays = (actor: Actor, org: OrgRow) =>
  !(CELL_KINDS as readonly string[]).includes(org.kind) && can(actor, DAY_SPREADERS, org.path);

/** A node the actor cannot see does not exist for it (404, never 403, so codes do not leak). */
export function assertCanRead(actor: Actor, org: OrgRow | null): OrgRow {
  if (!org || !can(actor, ANY_ROLE, org.path)) throw notFound('org');
  return org;
}

/** Changing the tree is for admins of a subtree holding the node. */
export function assertCanWrite(actor: Actor, org: OrgRow) {
  assertCan(actor, ADMIN, org.path);
}

/** A node the actor may see, read and locked inside a command's transaction (404 when unseen). */
export async function lockReadableOrg(tx: Db, actor: Actor, code: string, lock: RowLock): Promise<OrgRow> {
  return assertCanRead(actor, await lockOrg(tx, code, lock));
}

/** A node the actor may change the tree at, read and locked inside a command's transaction (404, then 403). */
export async function lockWritableOrg(tx: Db, actor: Actor, code: string, lock: RowLock): Promise<OrgRow> {
  const org = await lockReadableOrg(tx, actor, code, lock);
  assertCanWrite(actor, org);
  return org;
}

export function orgAbilities(actor: Actor, org: OrgRow) {
  return {
    update: can(actor, ADMIN, org.path),
    manageMembers: can(actor, MEMBER_MANAGERS, org.path),
    manageAccounts: can(actor, ADMIN, org.path),
    readAudit: can(actor, ADMIN, org.path),
    spreadDays: canSpreadDays(actor, org),
  };
}
