import type { MemberListQuery } from '@nennep/core/members/schemas';
import type { MemberListDto } from '@nennep/core/members/types';
import { apiGet } from './api';

/**
 * The member list read (`GET /api/members`): its cache keys and its fetch. Shared by the members pages and
 * by the features that pick members (an org's split, a meeting's roll call) or refresh them (imports), so
 * that none of them imports another feature.
 */

/** The list's filters, as the URL and the query key hold them (the API's query, every field optional). */
export type MemberFilters = Partial<MemberListQuery>;

export const memberKeys = {
  all: ['members'] as const,
  list: (filters: MemberFilters) => ['members', 'list', filters] as const,
  detail: (code: string) => ['members', 'detail', code] as const,
  history: (code: string) => ['members', 'history', code] as const,
  personal: (code: string) => ['members', 'personal', code] as const,
};

export const fetchMembers = (filters: MemberFilters) => apiGet<MemberListDto>('/api/members', { ...filters });
