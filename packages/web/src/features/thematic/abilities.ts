import type { MeDto } from '@nennep/core/accounts/types';
import { CELL_KINDS, type OrgKind } from '@nennep/core/orgs/types';
import { useOrg } from '../orgs/api';

/**
 * What the actor may do in the thematic programme at a node, for showing buttons only: the thematic DTOs
 * carry no abilities yet, so this mirrors server modules/thematic/policy.ts from the actor's grants and the
 * node's ancestors (the server still decides every call). HD 12-HD/BTCTW (06/7/2018), on sinh hoạt chuyên đề:
 * the committee above sets the topics and agrees a cell's own topic; the cell's secretary registers it.
 */
export interface ThematicAbilities {
  /** A cell (chi bộ) rather than a committee. */
  isCell: boolean;
  /** Draft, publish and withdraw the node's own topics (a committee's staff). */
  publish: boolean;
  /** Register the cell's topic, change its presenters and date, link its meeting, share its paper. */
  manage: boolean;
  /** Approve or refuse the cell's own topic (the staff of a committee above it). */
  decide: boolean;
}

const STAFF = ['admin', 'committee_member'];
const MANAGERS = ['admin', 'committee_member', 'cell_secretary'];

export const isCellKind = (kind: OrgKind | undefined) =>
  kind !== undefined && (CELL_KINDS as readonly string[]).includes(kind);

/** The actor's abilities at the node: undefined until the node is loaded. */
export function useThematicAbilities(me: MeDto, code: string | undefined) {
  const org = useOrg(code);
  const data = org.data;
  if (!data) return { org, abilities: undefined };
  const above = new Set(data.ancestors.map((a) => a.code));
  const onOrAbove = (roles: string[]) =>
    me.grants.some((g) => roles.includes(g.role) && (g.orgCode === data.code || above.has(g.orgCode)));
  const isCell = isCellKind(data.kind);
  const abilities: ThematicAbilities = {
    isCell,
    publish: !isCell && onOrAbove(STAFF),
    manage: isCell && onOrAbove(MANAGERS),
    decide: isCell && me.grants.some((g) => STAFF.includes(g.role) && above.has(g.orgCode)),
  };
  return { org, abilities };
}

/** The node the page opens on: the actor's committee first, else the cell it answers for or belongs to. */
export function defaultOrg(me: MeDto): string | undefined {
  for (const roles of [STAFF, ['cell_secretary'], ['member'], ['visitor']]) {
    const grant = me.grants.find((g) => roles.includes(g.role));
    if (grant) return grant.orgCode;
  }
  return undefined;
}
