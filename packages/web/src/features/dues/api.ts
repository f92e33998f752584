import type { MeDto } from '@nennep/core/accounts/types';
import type { DuesRecordedDto, DuesStatementDto } from '@nennep/core/dues/api-types';
import type { DuesReliefKind } from '@nennep/core/dues/relief';
import type { DuesArrearsDto, DuesLedgerDto } from '@nennep/core/dues/types';
import type { MemberListItemDto } from '@nennep/core/members/types';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../lib/api';
import { fetchMembers, memberKeys } from '../../lib/member-list';

// Plain data from core (files without zod, so the bundle stays small).
export { DEFAULT_DUES_RULES, isDuesItem } from '@nennep/core/dues/types';
export type { DuesArrearsDto, DuesLedgerDto, DuesReliefKind, DuesStatementDto };

/** The cell's relief decisions (core relief.ts `DUES_RELIEF_KINDS`, QĐ 01-QĐ/TW), in the order offered. */
export const RELIEF_KINDS: readonly DuesReliefKind[] = ['reduction', 'hardship', 'social_pension', 'none'];

export const duesKeys = {
  all: ['dues'] as const,
  ledger: (org: string, month: string) => ['dues', 'ledger', org, month] as const,
  arrears: (org: string, year: number) => ['dues', 'arrears', org, year] as const,
  mine: (year: number) => ['dues', 'mine', year] as const,
};

/** Who reads and keeps a subtree's dues (the server's DUES_READERS, domain.md §10). */
export const isDuesReader = (me: MeDto) =>
  me.grants.some((g) => g.role === 'admin' || g.role === 'committee_member' || g.role === 'cell_secretary');

/** The organisations the account keeps dues for, the cell's secretary first. */
export const duesOrgs = (me: MeDto) =>
  [
    ...me.grants.filter((g) => g.role === 'cell_secretary'),
    ...me.grants.filter((g) => g.role !== 'cell_secretary'),
  ].map((g) => g.orgCode);

/** This month in Vietnam (UTC+7) from the browser's clock: only the default of a picker. */
export const thisMonth = (): string => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);

/** `2026-03` → `03/2026`, as months are written in Vietnam. */
export const monthText = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

export function useDuesLedger(org: string | undefined, month: string) {
  return useQuery({
    queryKey: duesKeys.ledger(org ?? '', month),
    queryFn: () => apiGet<DuesLedgerDto>('/api/dues/ledger', { org, month }),
    enabled: !!org,
    placeholderData: keepPreviousData,
  });
}

export function useDuesArrears(org: string | undefined, year: number) {
  return useQuery({
    queryKey: duesKeys.arrears(org ?? '', year),
    queryFn: () => apiGet<DuesArrearsDto>('/api/dues/arrears', { org, year }),
    enabled: !!org,
    placeholderData: keepPreviousData,
  });
}

export function useMyDues(year: number, enabled: boolean) {
  return useQuery({
    queryKey: duesKeys.mine(year),
    queryFn: () => apiGet<DuesStatementDto>('/api/dues/mine', { year }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** The subtree's active members, in the registry's Vietnamese name order (its `sort_key`). */
export function useDuesMembers(org: string | undefined) {
  const filters = { org, pageSize: 200 };
  return useQuery({
    queryKey: memberKeys.list(filters),
    queryFn: () => fetchMembers(filters),
    enabled: !!org,
    staleTime: 60_000,
  });
}

/** A ledger row with the member's name, in the members list's order (rows of members not listed last). */
export interface NamedLedgerRow {
  memberCode: string;
  fullName: string;
  dueVnd: number;
  paidVnd: number;
  exempt: boolean;
  reductionPercent: number;
}

export function namedRows(ledger: DuesLedgerDto, members: MemberListItemDto[]): NamedLedgerRow[] {
  const byCode = new Map(ledger.rows.map((r) => [r.memberCode, r]));
  const listed = members.flatMap((m) => {
    const row = byCode.get(m.memberCode);
    return row ? [{ ...row, fullName: m.fullName }] : [];
  });
  const seen = new Set(listed.map((r) => r.memberCode));
  return [
    ...listed,
    ...ledger.rows.filter((r) => !seen.has(r.memberCode)).map((r) => ({ ...r, fullName: r.memberCode })),
  ];
}

export interface PaymentEntry {
  memberCode: string;
  month: string;
  paidVnd: number;
  channel?: 'cash' | 'portal';
  note?: string;
}

export const duesCommands = {
  /** Cash payments; `paidOn` left out is today by the server's clock. */
  payments: (body: { meetingId?: number; paidOn?: string; entries: PaymentEntry[] }) =>
    apiPost<DuesRecordedDto>('/api/dues/payments', body),
  basis: (body: {
    memberCode: string;
    fromMonth: string;
    category: string;
    amountVnd?: number;
    note?: string;
  }) => apiPost<DuesRecordedDto>('/api/dues/basis', body),
  relief: (body: {
    memberCode: string;
    reliefKind: DuesReliefKind;
    percent?: number;
    fromMonth: string;
    untilMonth?: string;
    reason: string;
  }) => apiPost<DuesRecordedDto>('/api/dues/relief', body),
  reason: (body: { memberCode: string; month: string; reason: string }) =>
    apiPost<DuesRecordedDto>('/api/dues/reasons', body),
};
