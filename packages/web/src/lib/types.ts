/**
 * Shapes of the API answers the web reads. They mirror the DTOs of `@nennep/core`; the web keeps its
 * own copy so that the bundle never pulls server-side code (zod schemas) into the browser.
 */
import type { OrgNamingDto } from '@nennep/core/org-naming';

export type OrgKind =
  | 'committee'
  | 'grassroots_committee'
  | 'sub_committee'
  | 'grassroots_cell'
  | 'cell'
  | 'party_group';
export const ORG_KINDS: readonly OrgKind[] = [
  'committee',
  'grassroots_committee',
  'sub_committee',
  'grassroots_cell',
  'cell',
  'party_group',
];
export type OrgCategory =
  | 'village'
  | 'street_group'
  | 'residential_cluster'
  | 'agency'
  | 'public_service'
  | 'school'
  | 'health'
  | 'enterprise'
  | 'cooperative'
  | 'credit_fund'
  | 'armed_forces'
  | 'other';
export const ORG_CATEGORIES: readonly OrgCategory[] = [
  'village',
  'street_group',
  'residential_cluster',
  'agency',
  'public_service',
  'school',
  'health',
  'enterprise',
  'cooperative',
  'credit_fund',
  'armed_forces',
  'other',
];
export type OrgStatus = 'active' | 'dissolved' | 'merged';

export type MemberStatus = 'official' | 'probationary' | 'removed' | 'expelled' | 'deceased';
export const MEMBER_STATUSES: readonly MemberStatus[] = [
  'official',
  'probationary',
  'removed',
  'expelled',
  'deceased',
];
export type Sex = 'male' | 'female';
export const SEXES: readonly Sex[] = ['male', 'female'];
export type Position = 'secretary' | 'deputy_secretary' | 'committee_member' | 'member';
export const POSITIONS: readonly Position[] = ['secretary', 'deputy_secretary', 'committee_member', 'member'];
export type Role = 'admin' | 'committee_member' | 'cell_secretary' | 'visitor' | 'member';
export const ROLES: readonly Role[] = ['admin', 'committee_member', 'cell_secretary', 'visitor', 'member'];

export interface Grant {
  role: Role;
  orgCode: string;
  orgName: string;
}

export interface Me {
  username: string;
  displayName: string;
  memberCode: string | null;
  locale: 'vi' | 'en';
  grants: Grant[];
  /** Committees the account attends cells' meetings for (a `visitor` grant): supervision visits. */
  visitorOf: { orgCode: string; orgName: string }[];
  csrfToken: string;
}

export interface OrgTreeNode {
  code: string;
  name: string;
  kind: OrgKind;
  category: OrgCategory | null;
  status: OrgStatus;
  childCount: number;
  memberCount: number;
  cellCount: number;
}

export interface OrgAbilities {
  update: boolean;
  manageMembers: boolean;
  manageAccounts: boolean;
  readAudit: boolean;
  /** Spread the meeting days of the cells under a committee. */
  spreadDays: boolean;
}

export interface OrgDetail {
  id: number;
  code: string;
  name: string;
  kind: OrgKind;
  category: OrgCategory | null;
  parentCode: string | null;
  path: string;
  depth: number;
  status: OrgStatus;
  childCount: number;
  ancestors: { code: string; name: string }[];
  /** How documents and screens name it: resolved words, their defaults and the node's overrides. */
  naming: OrgNamingDto;
  abilities: OrgAbilities;
}

export interface OrgStats {
  grassrootsOrgs: number;
  byKind: Record<string, number>;
  cellsByCategory: Record<string, number>;
  members: { total: number; official: number; probationary: number; exempt: number };
}

export interface HistoryItem {
  kind: string;
  /** When it was recorded. */
  at: string;
  /** Effective day (member events), if different from `at`. */
  date?: string | null;
  /** Cell names for member transfers. */
  fromOrg?: string | null;
  toOrg?: string | null;
  data: Record<string, unknown> | null;
  actorName: string | null;
}

export interface OrgSearchItem {
  code: string;
  name: string;
  kind: OrgKind;
}

export interface MemberListItem {
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

export interface Page<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}

export interface MemberPeriod {
  kind: 'exempt' | 'attached';
  from: string;
  to: string | null;
  orgCode: string | null;
  orgName: string | null;
  reason: string | null;
}

export interface MemberDetail extends MemberListItem {
  birthDate?: string | null;
  partyCardNo?: string | null;
  notes?: string | null;
  abilities: { update: boolean; readPersonal: boolean };
  periods: MemberPeriod[];
}

/** Sensitive fields (Decree 13/2023): only fetched on demand, and the server logs each read. */
export type MemberPersonal = Record<string, string | number | boolean | null>;

export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

export interface ImportPreview {
  jobId: string;
  fileName: string;
  total: number;
  valid: boolean;
  errors: ImportRowError[];
  summary: { create: number; update: number; unchanged: number };
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportJob {
  status: string;
  total: number;
  processed: number;
  result?: ImportResult | null;
  error?: string | null;
}

export interface Account {
  id: number;
  username: string;
  displayName: string;
  memberCode: string | null;
  disabled: boolean;
  lockedUntil: string | null;
  grants: Grant[];
}

export interface AuditItem {
  id?: number;
  at: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | number | null;
  detail: unknown;
}

/* Meetings (sinh hoạt chi bộ), mirroring `@nennep/core` meetings/types.ts and the meetings presenters. */

export * from './types-meetings';
