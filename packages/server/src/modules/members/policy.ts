import type { Role } from '@nennep/core';
import { type Actor, can, narrowScopes } from '../../http/access.ts';
import { forbidden, notFound } from '../../http/errors.ts';

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

/** The subtrees a member list covers; refuses actors who may list no members at all. */
export function listScopes(actor: Actor, orgPath: string | null): string[] {
  const scopes = narrowScopes(actor, MEMBER_READERS, orgPath);
  if (scopes.length === 0) throw forbidden();
  return scopes;
}
