/**
 * Who may see and keep the dues of a cell (domain.md §7, §10): the cell's secretary runs its dues, the
 * administrators of a subtree too; the committees above read them; a member reads his or her own statement
 * and declares his or her own income (QĐ 01-QĐ/TW: members declare their income truthfully).
 */
import type { Role } from '@nennep/core';
import { type Actor, ANY_ROLE, can } from '../../http/access.ts';
import { forbidden, notFound } from '../../http/errors.ts';

/** Staff who read a subtree's ledger and arrears. */
export const DUES_READERS: readonly Role[] = ['admin', 'committee_member', 'cell_secretary'];
/** Staff who record bases, relief decisions, payments and reasons (the cell keeps its ledger). */
export const DUES_KEEPERS: readonly Role[] = ['admin', 'cell_secretary'];

/** What the policy reads of a member. */
export interface DuesSubject {
  id: number;
  orgPath: string;
}

/** A member the actor cannot see does not exist for it (404, never 403, so codes do not leak). */
export function assertSeesMember<T extends DuesSubject>(actor: Actor | null, member: T | null): T {
  if (!member) throw notFound('member');
  if (actor && actor.memberId !== member.id && !can(actor, ANY_ROLE, member.orgPath))
    throw notFound('member');
  return member;
}

/** The cell's keepers (the command line, actor null, is trusted as the members import is). */
export const mayKeep = (actor: Actor | null, member: DuesSubject) =>
  actor === null || can(actor, DUES_KEEPERS, member.orgPath);

/** A basis is declared by the member himself or herself, or entered by the cell's keepers. */
export const mayDeclareBasis = (actor: Actor | null, member: DuesSubject) =>
  mayKeep(actor, member) || (actor !== null && actor.memberId === member.id);

/** 403 unless the check holds (the member was found visible before). */
export function assertMay(allowed: boolean) {
  if (!allowed) throw forbidden();
}
