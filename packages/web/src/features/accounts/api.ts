import type { CreateAccountInput, UpdateAccountInput } from '@nennep/core/accounts/schemas';
import type { AccountDto } from '@nennep/core/accounts/types';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, apiPatch, apiPost } from '../../lib/api';

export const accountKeys = {
  all: ['accounts'] as const,
  list: (org: string | undefined) => ['accounts', 'list', org ?? ''] as const,
};

/** Accepts `{ items }` (paged style) or a bare array. */
function itemsOf(answer: { items: AccountDto[] } | AccountDto[]): AccountDto[] {
  return Array.isArray(answer) ? answer : answer.items;
}

export function useAccounts(org: string | undefined) {
  return useQuery({
    queryKey: accountKeys.list(org),
    queryFn: () => apiGet<{ items: AccountDto[] } | AccountDto[]>('/api/accounts', { org }).then(itemsOf),
    placeholderData: keepPreviousData,
  });
}

export const accountCommands = {
  create: (input: CreateAccountInput) => apiPost<AccountDto>('/api/accounts', input),
  update: (id: number, input: UpdateAccountInput) => apiPatch<AccountDto>(`/api/accounts/${id}`, input),
};
