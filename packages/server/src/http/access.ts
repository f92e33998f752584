import type { Locale, Role } from '@nennep/core';
import { AppError, forbidden } from './errors.ts';

export interface ActorGrant {
  role: Role;
  orgId: number;
  orgCode: string;
  orgName: string;
  /** Materialised path of the granted node; the grant covers every path that starts with it. */
  path: string;
}

/** Who is asking: the account behind the session, with its grants. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  memberId: number | null;
  locale: Locale;
  /**
   * Effective grants. A `visitor` grant on a committee is narrowed to the cells the account is assigned
   * to or planned to visit (supervision/visitor-scope.ts): a visitor sees only those cells.
   */
  grants: ActorGrant[];
  /** The visitor grants as given, on committees: whom the account attends meetings for. */
  visitorOf: ActorGrant[];
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** Roles that may read the registry (tree, statistics) of a subtree. */
export const ANY_ROLE: readonly Role[] = ['admin', 'committee_member', 'cell_secretary', 'visitor', 'member'];

/** The actor, or 401. */
export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError(401, 'unauthenticated');
  return actor;
}

/** Does one of the actor's grants with one of these roles cover the node at `path`? */
export function can(actor: Actor, roles: readonly Role[], path: string): boolean {
  return actor.grants.some((g) => roles.includes(g.role) && path.startsWith(g.path));
}

/** Throws 403 unless `can`. */
export function assertCan(actor: Actor, roles: readonly Role[], path: string): void {
  if (!can(actor, roles, path)) throw forbidden();
}

/**
 * The subtrees an actor may read with these roles, without nested duplicates:
 * list queries filter by `path LIKE scope || '%'` over these.
 */
export function scopesOf(actor: Actor, roles: readonly Role[]): string[] {
  const paths = [...new Set(actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.path))].sort();
  return paths.filter((p) => !paths.some((other) => other !== p && p.startsWith(other)));
}

/** The scope for a request: the asked-for subtree, provided the actor may read it; else all its scopes. */
export function narrowScopes(actor: Actor, roles: readonly Role[], orgPath: string | null): string[] {
  const scopes = scopesOf(actor, roles);
  if (orgPath === null) return scopes;
  if (scopes.some((s) => orgPath.startsWith(s))) return [orgPath];
  // Asking for an ancestor of one's scopes narrows to the scopes inside it, never widens.
  return scopes.filter((s) => s.startsWith(orgPath));
}
