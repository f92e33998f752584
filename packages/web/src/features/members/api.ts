import type {
  ChangeStatusInput,
  CreateMemberInput,
  MemberPeriodInput,
  TransferMemberInput,
  UpdateMemberInput,
} from '@nennep/core/members/schemas';
import type { MemberDetailDto, MemberHistoryItemDto } from '@nennep/core/members/types';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, apiPatch, apiPost, seg, toQueryString } from '../../lib/api';
import { fetchMembers, type MemberFilters, memberKeys } from '../../lib/member-list';

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
    queryFn: () => apiGet<MemberDetailDto>(`/api/members/${seg(code)}`),
  });
}

export function useMemberHistory(code: string) {
  return useQuery({
    queryKey: memberKeys.history(code),
    queryFn: () =>
      apiGet<{ items: MemberHistoryItemDto[] }>(`/api/members/${seg(code)}/history`).then((r) => r.items),
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

/** Sensitive fields (Decree 13/2023): only fetched on demand, and the server logs each read. */
export type MemberPersonal = Record<string, string | number | boolean | null>;

export const memberCommands = {
  create: (input: CreateMemberInput) => apiPost<MemberDetailDto>('/api/members', input),
  update: (code: string, patch: UpdateMemberInput) =>
    apiPatch<MemberDetailDto>(`/api/members/${seg(code)}`, patch),
  transfer: (code: string, body: TransferMemberInput) =>
    apiPost<unknown>(`/api/members/${seg(code)}/transfer`, body),
  status: (code: string, body: ChangeStatusInput) =>
    apiPost<unknown>(`/api/members/${seg(code)}/status`, body),
  period: (code: string, body: MemberPeriodInput) =>
    apiPost<unknown>(`/api/members/${seg(code)}/periods`, body),
};
