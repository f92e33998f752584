import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, apiPatch, apiPost } from '../../lib/api';
import type { Account, Role } from '../../lib/types';

export const accountKeys = {
  all: ['accounts'] as const,
  list: (org: string | undefined) => ['accounts', 'list', org ?? ''] as const,
};

export interface GrantInput {
  role: Role;
  orgCode: string;
}

export interface CreateAccountInput {
  username: string;
  displayName: string;
  password: string;
  memberCode?: string | null;
  email?: string | null;
  grants: GrantInput[];
}

export interface UpdateAccountInput {
  displayName?: string;
  disabled?: boolean;
  password?: string;
  grants?: GrantInput[];
}

/** Accepts `{ items }` (paged style) or a bare array. */
function itemsOf(answer: { items: Account[] } | Account[]): Account[] {
  return Array.isArray(answer) ? answer : answer.items;
}

export function useAccounts(org: string | undefined) {
  return useQuery({
    queryKey: accountKeys.list(org),
    queryFn: () => apiGet<{ items: Account[] } | Account[]>('/api/accounts', { org }).then(itemsOf),
    placeholderData: keepPreviousData,
  });
}

export const accountCommands = {
  create: (input: CreateAccountInput) => apiPost<Account>('/api/accounts', input),
  update: (id: number, input: UpdateAccountInput) => apiPatch<Account>(`/api/accounts/${id}`, input),
};
