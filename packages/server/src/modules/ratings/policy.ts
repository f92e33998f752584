/**
 * Who may do what in the year's review (domain.md §8, §10; QĐ 366-QĐ/TW): a member assesses himself or
 * herself; a cell's secretary proposes for the cell's members (and the cell); the leaders of an organisation
 * assess and propose for it; the committee above decides, and the immediate superior may overrule.
 */
import type { Role } from '@nennep/core';
import type { Actor } from '../../http/access.ts';
import { can } from '../../http/access.ts';
import { forbidden } from '../../http/errors.ts';

/** Staff who read ratings and figures of a subtree. */
export const RATING_READERS: readonly Role[] = ['admin', 'committee_member', 'cell_secretary'];
const DECIDERS: readonly Role[] = ['admin', 'committee_member'];
const LEADERS: readonly Role[] = ['cell_secretary', 'committee_member'];

/** What a rating is about, as the policy reads it. */
export interface RatedSubject {
  subject: 'org' | 'member';
  subjectId: number;
  /** The organisation rated, or the member's cell. */
  orgId: number;
  orgPath: string;
}

/** An administrator of a subtree holding the node, or a leader granted on the node itself. */
const leads = (actor: Actor, orgId: number, orgPath: string) =>
  can(actor, ['admin'], orgPath) || actor.grants.some((g) => LEADERS.includes(g.role) && g.orgId === orgId);

/** The member's own rating; an organisation's, by its leaders (Mẫu 01, HD 43-HD/BTCTW). */
export function maySelfAssess(actor: Actor, s: RatedSubject): boolean {
  if (s.subject === 'member') return actor.memberId === s.subjectId;
  return leads(actor, s.orgId, s.orgPath);
}

/**
 * The cell's proposal for a member (its secretary, granted on the cell or above it in a grassroots cell's
 * case; an administrator), the organisation's own for itself.
 */
export function mayPropose(actor: Actor, s: RatedSubject): boolean {
  if (s.subject === 'org') return leads(actor, s.orgId, s.orgPath);
  return can(actor, ['admin', 'cell_secretary'], s.orgPath);
}

/**
 * The decision: a committee member or administrator of an organisation above the one rated (for a member, above
 * the member's cell) — the competent committee, or its superior overruling (domain.md §8).
 */
export function mayDecide(actor: Actor, s: RatedSubject): boolean {
  return actor.grants.some(
    (g) => DECIDERS.includes(g.role) && s.orgPath.startsWith(g.path) && s.orgPath !== g.path,
  );
}

export function abilitiesOf(actor: Actor, s: RatedSubject) {
  return { selfAssess: maySelfAssess(actor, s), propose: mayPropose(actor, s), decide: mayDecide(actor, s) };
}

/** 403 unless the check holds (the subject was found readable before, so never 404 here). */
export function assertMay(check: (actor: Actor, s: RatedSubject) => boolean, actor: Actor, s: RatedSubject) {
  if (!check(actor, s)) throw forbidden();
}
