import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, apiPatch, apiPost, seg, toQueryString } from '../../lib/api';
import type {
  HistoryItem,
  MemberDetail,
  MemberListItem,
  MemberPersonal,
  MemberStatus,
  Page,
  Position,
  Sex,
} from '../../lib/types';

export interface MemberFilters {
  org?: string;
  q?: string;
  status?: MemberStatus;
  exempt?: 'true' | 'false';
  sex?: Sex;
  page?: number;
  pageSize?: number;
}

export const memberKeys = {
  all: ['members'] as const,
  list: (filters: MemberFilters) => ['members', 'list', filters] as const,
  detail: (code: string) => ['members', 'detail', code] as const,
  history: (code: string) => ['members', 'history', code] as const,
  personal: (code: string) => ['members', 'personal', code] as const,
};

export const fetchMembers = (filters: MemberFilters) =>
  apiGet<Page<MemberListItem>>('/api/members', { ...filters });

/** One page of members; the server sorts by given name in Vietnamese order, so the client never re-sorts. */
export function useMemberList(filters: MemberFilters) {
  return useQuery({
    queryKey: memberKeys.list(filters),
    queryFn: () => fetchMembers(filters),
    placeholderData: keepPreviousData,
  });
}

/** URL of the Excel export with the same filters as the list (without paging). */
export function exportUrl(filters: MemberFilters): string {
  const { page: _page, pageSize: _pageSize, ...rest } = filters;
  return `/api/members/export.xlsx${toQueryString(rest)}`;
}

export function useMember(code: string) {
  return useQuery({
    queryKey: memberKeys.detail(code),
    queryFn: () => apiGet<MemberDetail>(`/api/members/${seg(code)}`),
  });
}

export function useMemberHistory(code: string) {
  return useQuery({
    queryKey: memberKeys.history(code),
    queryFn: () => apiGet<{ items: HistoryItem[] }>(`/api/members/${seg(code)}/history`).then((r) => r.items),
  });
}

/** Personal data is read only on an explicit click: each read is logged by the server. */
export function useMemberPersonal(code: string, enabled: boolean) {
  return useQuery({
    queryKey: memberKeys.personal(code),
    queryFn: () => apiGet<MemberPersonal>(`/api/members/${seg(code)}/personal`),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}

export interface MemberInput {
  memberCode: string;
  fullName: string;
  sex: Sex;
  birthDate?: string | null;
  orgCode: string;
  status: 'official' | 'probationary';
  admissionDate: string;
  officialDate?: string | null;
  position: Position;
  partyCardNo?: string | null;
  notes?: string | null;
}

export type MemberPatch = Partial<Omit<MemberInput, 'memberCode' | 'orgCode' | 'status'>> & {
  ethnicity?: string | null;
  religion?: string | null;
  hometown?: string | null;
  citizenId?: string | null;
  phone?: string | null;
};

export const memberCommands = {
  create: (input: MemberInput) => apiPost<MemberDetail>('/api/members', input),
  update: (code: string, patch: MemberPatch) => apiPatch<MemberDetail>(`/api/members/${seg(code)}`, patch),
  transfer: (code: string, body: { toOrgCode: string; date: string; note?: string }) =>
    apiPost<unknown>(`/api/members/${seg(code)}/transfer`, body),
  status: (code: string, body: { status: MemberStatus; date: string; reason?: string }) =>
    apiPost<unknown>(`/api/members/${seg(code)}/status`, body),
  period: (
    code: string,
    body: {
      kind: 'exempt' | 'attached';
      from: string;
      to?: string | null;
      orgCode?: string | null;
      reason?: string;
    },
  ) => apiPost<unknown>(`/api/members/${seg(code)}/periods`, body),
};
