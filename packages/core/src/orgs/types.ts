/**
 * The organisation tree (domain.md §1): kinds, categories, which kind stands under which, the limits of its
 * fields and the DTOs of the orgs API. Plain data only (no zod, type-only imports), so that the web can
 * import it without the validation library.
 */
import type { OrgNamingDto } from '../org-naming.ts';

/** Organisation kinds (domain.md §1). */
export const ORG_KINDS = [
  'committee',
  'grassroots_committee',
  'sub_committee',
  'grassroots_cell',
  'cell',
  'party_group',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** Kinds whose nodes hold members directly (and hold cell meetings). */
export const CELL_KINDS: readonly OrgKind[] = ['grassroots_cell', 'cell', 'party_group'];
/** Tổ chức cơ sở đảng: grassroots organisations. */
export const GRASSROOTS_KINDS: readonly OrgKind[] = ['grassroots_committee', 'grassroots_cell'];

/** Default category list (configurable in later rule sets). */
export const ORG_CATEGORIES = [
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
] as const;
export type OrgCategory = (typeof ORG_CATEGORIES)[number];
export const RESIDENTIAL_CATEGORIES: readonly OrgCategory[] = [
  'village',
  'street_group',
  'residential_cluster',
];

export const ORG_STATUSES = ['active', 'dissolved', 'merged'] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];

/** Longest text of each field, in characters: the API refuses more, the form stops there. */
export const ORG_LIMITS = {
  code: 40,
  name: 200,
  /** Why a node was renamed, moved, merged, split or dissolved (kept in its history). */
  note: 500,
  /** Members or child nodes moved by one split. */
  splitItems: 5000,
} as const;

export interface OrgAbilitiesDto {
  update: boolean;
  manageMembers: boolean;
  manageAccounts: boolean;
  readAudit: boolean;
  /** Spread the meeting days of the cells under a committee (its admins and committee members). */
  spreadDays: boolean;
}

export interface OrgDto {
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
  /** How documents and screens name it: resolved words, their defaults and the node's overrides. */
  naming: OrgNamingDto;
  abilities: OrgAbilitiesDto;
}

/** A node named by code and name (the path above a node, a search hit). */
export interface OrgRefDto {
  code: string;
  name: string;
}

/** The org page: the node and the path above it that the actor may read. */
export interface OrgDetailDto extends OrgDto {
  ancestors: OrgRefDto[];
}

export interface OrgSearchItemDto extends OrgRefDto {
  kind: OrgKind;
}

export interface OrgTreeNodeDto {
  code: string;
  name: string;
  kind: OrgKind;
  category: OrgCategory | null;
  status: OrgStatus;
  childCount: number;
  memberCount: number;
  cellCount: number;
}

/** An entry of a node's history (created, renamed, moved, merged, …), newest first. */
export interface HistoryItemDto {
  kind: string;
  /** When it was recorded. */
  at: string;
  data: Record<string, unknown> | null;
  actorName: string | null;
}

export interface OrgStatsDto {
  grassrootsOrgs: number;
  byKind: Record<string, number>;
  cellsByCategory: Record<string, number>;
  members: { total: number; official: number; probationary: number; exempt: number };
}

/**
 * Which kinds may stand directly under which (domain.md §1); `null` = a root. Since 01/7/2025 a commune or
 * ward committee (a `committee`) both stands over grassroots organisations and leads its village and street
 * cells directly, so a cell may stand under a committee as well as under a grassroots committee.
 */
export const ALLOWED_PARENT_KINDS: Record<OrgKind, readonly (OrgKind | null)[]> = {
  committee: [null, 'committee'],
  grassroots_committee: ['committee'],
  grassroots_cell: ['committee'],
  sub_committee: ['grassroots_committee'],
  cell: ['committee', 'grassroots_committee', 'sub_committee'],
  party_group: ['cell', 'grassroots_cell'],
};

/** May a node of this kind stand under a parent of that kind? */
export function isAllowedParent(kind: OrgKind, parentKind: OrgKind | null): boolean {
  return ALLOWED_PARENT_KINDS[kind].includes(parentKind);
}

export const ORG_KIND_LABELS: Record<OrgKind, { vi: string; en: string }> = {
  committee: { vi: 'Đảng bộ cấp trên', en: 'Superior committee' },
  grassroots_committee: { vi: 'Đảng bộ cơ sở', en: 'Grassroots committee' },
  sub_committee: { vi: 'Đảng bộ bộ phận', en: 'Sub-committee' },
  grassroots_cell: { vi: 'Chi bộ cơ sở', en: 'Grassroots cell' },
  cell: { vi: 'Chi bộ trực thuộc', en: 'Cell' },
  party_group: { vi: 'Tổ đảng', en: 'Party group' },
};
