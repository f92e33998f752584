import type { Role } from '@nennep/core';
import type { Db } from '../../db/client.ts';
import { type Actor, can, narrowScopes } from '../../http/access.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { lockReadableOrg } from '../orgs/policy.ts';
import type { OrgRow } from '../orgs/queries.ts';
import { lockMember, type MemberRow } from './queries.ts';

/** Roles that list and read the members of a subtree. */
export const MEMBER_READERS: readonly Role[] = ['admin', 'committee_member', 'cell_secretary'];
/** Roles that change members and see their personal data. */
export const MEMBER_WRITERS: readonly Role[] = ['admin', 'cell_secretary'];

interface MemberRef {
  id: number;
  orgPath: string;
}

const isSelf = (actor: Actor, member: MemberRef) => actor.memberId === member.id;

/** A member outside the actor's subtrees is not found, not forbidden. */
export function assertCanReadMember<T extends MemberRef>(actor: Actor, member: T | null): T {
  if (!member || !(can(actor, MEMBER_READERS, member.orgPath) || isSelf(actor, member)))
    throw notFound('member');
  return member;
}

export function canWriteMember(actor: Actor, member: MemberRef) {
  return can(actor, MEMBER_WRITERS, member.orgPath);
}

export function canReadPersonal(actor: Actor, member: MemberRef) {
  return can(actor, MEMBER_WRITERS, member.orgPath) || isSelf(actor, member);
}

export function assertCanWriteMember(actor: Actor, member: MemberRef) {
  if (!canWriteMember(actor, member)) throw forbidden();
}

/** The member a command changes, locked inside its transaction: 404 when unseen, 403 when only readable. */
export async function lockWritableMember(tx: Db, actor: Actor, code: string): Promise<MemberRow> {
  const member = assertCanReadMember(actor, await lockMember(tx, code));
  assertCanWriteMember(actor, member);
  return member;
}

/**
 * A cell a command puts a member in (created, transferred): visible (else 404) and one whose members the
 * actor manages (else 403), held `FOR SHARE` so it cannot end while the member is put there.
 */
export async function lockTargetCell(tx: Db, actor: Actor, code: string): Promise<OrgRow> {
  const org = await lockReadableOrg(tx, actor, code, 'share');
  assertCanWriteMember(actor, { id: -1, orgPath: org.path });
  return org;
}

/** The subtrees a member list covers; refuses actors who may list no members at all. */
export function listScopes(actor: Actor, orgPath: string | null): string[] {
  const scopes = narrowScopes(actor, MEMBER_READERS, orgPath);
  if (scopes.length === 0) throw forbidden();
  return scopes;
}
