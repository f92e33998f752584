/**
 * Who may do what with "Chi bộ bốn tốt" (domain.md §8, §10): staff read the registrations of their scopes
 * (a secretary his or her cell's); the cell's secretary (or the committee, or an administrator) registers it;
 * the committee above the cell assesses the manual criteria, records the result or withdraws the registration.
 */
import type { Role } from '@nennep/core';
import { type Actor, can } from '../../http/access.ts';
import { forbidden } from '../../http/errors.ts';

/** Staff who read the registrations of a subtree. */
export const FOUR_GOOD_READERS: readonly Role[] = ['admin', 'committee_member', 'cell_secretary'];
const REGISTRARS: readonly Role[] = ['admin', 'committee_member', 'cell_secretary'];

/** Registers the cell: its secretary, a committee member or administrator over it. */
export const mayRegister = (actor: Actor, orgPath: string) => can(actor, REGISTRARS, orgPath);

/**
 * The committee's part (assess, result, withdraw): an administrator over the cell, or a committee member of
 * an organisation above it (the competent committee, as for the cell's rating, QĐ 366-QĐ/TW).
 */
export const mayDecide = (actor: Actor, orgPath: string) =>
  can(actor, ['admin'], orgPath) ||
  actor.grants.some((g) => g.role === 'committee_member' && orgPath.startsWith(g.path) && orgPath !== g.path);

export function assertMay(allowed: boolean) {
  if (!allowed) throw forbidden();
}
