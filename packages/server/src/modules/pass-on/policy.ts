/**
 * Who registers superior documents and who sees them (domain.md §10): a committee's administrators and
 * committee members register documents for its subtree and follow every cell of it; a cell's secretary and
 * members see only their own cell's documents and entries. A document the actor may not see is a 404.
 */
import { CELL_KINDS, type Role } from '@nennep/core';
import { type Actor, ANY_ROLE, can, scopesOf } from '../../http/access.ts';

/** The committee's staff: register documents, follow the whole subtree (HD 12-HD/BTCTW point 2.2). */
export const PASS_ON_STAFF: readonly Role[] = ['admin', 'committee_member'];

export const isCellKind = (kind: string) => (CELL_KINDS as readonly string[]).includes(kind);

/** May the actor register a document to pass on at this node (a committee, not a cell)? */
export const canRegisterAt = (actor: Actor, org: { kind: string; path: string }) =>
  !isCellKind(org.kind) && can(actor, PASS_ON_STAFF, org.path);

/**
 * The subtrees of a document's committee in which the actor follows its cells: null for the committee's
 * staff (the whole subtree); otherwise the actor's own readable nodes inside it (a lower committee's
 * subtree, or a cell alone). An empty list: the actor sees none of its cells.
 */
export function cellScopesFor(actor: Actor, doc: { orgPath: string }): string[] | null {
  if (can(actor, PASS_ON_STAFF, doc.orgPath)) return null;
  return scopesOf(actor, ANY_ROLE).filter((s) => s.startsWith(doc.orgPath));
}

/** Staff of a lower committee inside the document's subtree see it even before any of their cells is addressed. */
export const staffInside = (actor: Actor, doc: { orgPath: string }) =>
  scopesOf(actor, PASS_ON_STAFF).some((s) => s.startsWith(doc.orgPath));
