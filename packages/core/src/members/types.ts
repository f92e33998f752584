/**
 * Party members (domain.md §2): statuses, positions, the limits of their fields and the DTOs of the members
 * API. Plain data only (no zod, type-only imports), so that the web can import it.
 */
import type { HistoryItemDto } from '../orgs/types.ts';

export const MEMBER_STATUSES = ['official', 'probationary', 'removed', 'expelled', 'deceased'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
/** Statuses of members who belong to the cell today. */
export const ACTIVE_STATUSES: readonly MemberStatus[] = ['official', 'probationary'];
export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

export const POSITIONS = ['secretary', 'deputy_secretary', 'committee_member', 'member'] as const;
export type Position = (typeof POSITIONS)[number];

/** Exempt from meetings (miễn sinh hoạt), or attending another cell for a while (sinh hoạt tạm thời). */
export const MEMBER_PERIOD_KINDS = ['exempt', 'attached'] as const;
export type MemberPeriodKind = (typeof MEMBER_PERIOD_KINDS)[number];

/** Longest text of each field, in characters: the API refuses more, the form stops there. */
export const MEMBER_LIMITS = {
  code: 40,
  fullNameMin: 2,
  fullName: 120,
  partyCardNo: 40,
  notes: 2000,
  ethnicity: 60,
  religion: 60,
  hometown: 200,
  /** Căn cước: twelve digits. */
  citizenId: 12,
  /** Digits, "+" and spaces. */
  phone: 15,
  /** Why a member was transferred, changed status or is exempt (kept in the history). */
  note: 500,
  search: 100,
} as const;

export interface MemberListItemDto {
  memberCode: string;
  fullName: string;
  sex: Sex;
  orgCode: string;
  orgName: string;
  status: MemberStatus;
  position: Position;
  admissionDate: string;
  officialDate: string | null;
  exempt: boolean;
}

export interface MemberListDto {
  total: number;
  page: number;
  pageSize: number;
  items: MemberListItemDto[];
}

export interface MemberPeriodDto {
  kind: MemberPeriodKind;
  from: string;
  to: string | null;
  /** For `attached`: the cell the member attends meanwhile. */
  orgCode: string | null;
  orgName: string | null;
  reason: string | null;
}

/** The member page. Personal data (Decree 13/2023) is not here: it is read on demand, and each read logged. */
export interface MemberDetailDto extends MemberListItemDto {
  statusDate: string | null;
  partyCardNo: string | null;
  notes: string | null;
  exemptFrom: string | null;
  periods: MemberPeriodDto[];
  abilities: { update: boolean; readPersonal: boolean };
}

/** An entry of a member's history: admitted, transferred (from and to which cell), status changes, edits. */
export interface MemberHistoryItemDto extends HistoryItemDto {
  /** The effective day, when it differs from `at`. */
  date: string | null;
  fromOrg: string | null;
  toOrg: string | null;
}
