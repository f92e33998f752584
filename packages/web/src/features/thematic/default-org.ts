import type { MeDto } from '@nennep/core/accounts/types';
import { CELL_KINDS, type OrgKind } from '@nennep/core/orgs/types';

/**
 * Which view of the thematic programme a node opens on: a cell's year, or a committee's topics, sessions and
 * coverage. What the actor may do there comes with each DTO (`abilities`, server modules/thematic/policy.ts
 * and session-policy.ts); the web never re-derives it.
 */
export const isCellKind = (kind: OrgKind | undefined) =>
  kind !== undefined && (CELL_KINDS as readonly string[]).includes(kind);

/** The node the page opens on: the actor's committee first, else the cell it answers for or belongs to. */
export function defaultOrg(me: MeDto): string | undefined {
  for (const roles of [['admin', 'committee_member'], ['cell_secretary'], ['member'], ['visitor']]) {
    const grant = me.grants.find((g) => roles.includes(g.role));
    if (grant) return grant.orgCode;
  }
  return undefined;
}
