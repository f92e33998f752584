import type {
  CreateOrgInput,
  DissolveOrgInput,
  MergeOrgInput,
  MoveOrgInput,
  RenameOrgInput,
  SetOrgNamingInput,
  SplitOrgInput,
} from '@nennep/core/orgs/schemas';
import type {
  HistoryItemDto,
  OrgAbilitiesDto,
  OrgDetailDto,
  OrgSearchItemDto,
  OrgStatsDto,
  OrgTreeNodeDto,
} from '@nennep/core/orgs/types';
import { useQueries, useQuery } from '@tanstack/react-query';
import { apiGet, apiPost, apiPut, seg } from '../../lib/api';
import { useCurrentUser } from '../auth/session';

export const orgKeys = {
  all: ['orgs'] as const,
  detail: (code: string) => ['orgs', 'detail', code] as const,
  stats: (code: string) => ['orgs', 'stats', code] as const,
  history: (code: string) => ['orgs', 'history', code] as const,
  tree: (parent: string | null) => ['orgs', 'tree', parent ?? ''] as const,
  search: (q: string) => ['orgs', 'search', q] as const,
};

export const fetchOrg = (code: string) => apiGet<OrgDetailDto>(`/api/orgs/${seg(code)}`);
export const fetchTreeRoots = () =>
  apiGet<{ roots: OrgTreeNodeDto[] }>('/api/orgs/tree').then((r) => r.roots);
export const fetchTreeChildren = (parent: string) =>
  apiGet<{ children: OrgTreeNodeDto[] }>('/api/orgs/tree', { parent }).then((r) => r.children);
export const searchOrgs = (q: string) =>
  apiGet<{ items: OrgSearchItemDto[] }>('/api/orgs/search', { q }).then((r) => r.items);

export function useOrg(code: string | undefined) {
  return useQuery({
    queryKey: orgKeys.detail(code ?? ''),
    queryFn: () => fetchOrg(code ?? ''),
    enabled: !!code,
  });
}

export function useOrgStats(code: string) {
  return useQuery({
    queryKey: orgKeys.stats(code),
    queryFn: () => apiGet<OrgStatsDto>(`/api/orgs/${seg(code)}/stats`),
  });
}

export function useOrgHistory(code: string) {
  return useQuery({
    queryKey: orgKeys.history(code),
    queryFn: () => apiGet<{ items: HistoryItemDto[] }>(`/api/orgs/${seg(code)}/history`).then((r) => r.items),
  });
}

/** The organisations the actor holds grants on, with the actor's abilities on each. */
export function useGrantOrgs() {
  const me = useCurrentUser();
  const codes = [...new Set(me.grants.map((g) => g.orgCode))];
  return useQueries({
    queries: codes.map((code) => ({ queryKey: orgKeys.detail(code), queryFn: () => fetchOrg(code) })),
    combine: (results) => ({
      orgs: results.flatMap((r) => (r.data ? [r.data] : [])),
      pending: results.some((r) => r.isPending),
    }),
  });
}

/** What the actor may do somewhere in their subtrees (for menus only; every page asks its own org). */
export function useAnyAbilities(): OrgAbilitiesDto {
  const { orgs } = useGrantOrgs();
  return {
    update: orgs.some((o) => o.abilities.update),
    manageMembers: orgs.some((o) => o.abilities.manageMembers),
    manageAccounts: orgs.some((o) => o.abilities.manageAccounts),
    readAudit: orgs.some((o) => o.abilities.readAudit),
    spreadDays: orgs.some((o) => o.abilities.spreadDays),
  };
}

export const orgCommands = {
  create: (input: CreateOrgInput) => apiPost<OrgDetailDto>('/api/orgs', input),
  rename: (code: string, body: RenameOrgInput) =>
    apiPost<OrgDetailDto>(`/api/orgs/${seg(code)}/rename`, body),
  move: (code: string, body: MoveOrgInput) => apiPost<OrgDetailDto>(`/api/orgs/${seg(code)}/move`, body),
  merge: (code: string, body: MergeOrgInput) => apiPost<unknown>(`/api/orgs/${seg(code)}/merge`, body),
  split: (code: string, body: SplitOrgInput) => apiPost<unknown>(`/api/orgs/${seg(code)}/split`, body),
  dissolve: (code: string, body: DissolveOrgInput) =>
    apiPost<unknown>(`/api/orgs/${seg(code)}/dissolve`, body),
  setNaming: (code: string, body: SetOrgNamingInput) =>
    apiPut<OrgDetailDto>(`/api/orgs/${seg(code)}/naming`, body),
};
