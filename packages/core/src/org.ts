import { z } from 'zod';
import { NAMING_LIMITS, type OrgNamingDto } from './org-naming.ts';

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

/** Kinds whose nodes hold members directly. */
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

export const orgCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'code' });
export const orgNameSchema = z.string().trim().min(1).max(200);

export const createOrgSchema = z.object({
  code: orgCodeSchema,
  name: orgNameSchema,
  kind: z.enum(ORG_KINDS),
  category: z.enum(ORG_CATEGORIES).nullish(),
  parentCode: orgCodeSchema,
});
export type CreateOrg = z.infer<typeof createOrgSchema>;

export const renameOrgSchema = z.object({ name: orgNameSchema, note: z.string().max(500).optional() });
export const moveOrgSchema = z.object({ parentCode: orgCodeSchema, note: z.string().max(500).optional() });
export const mergeOrgSchema = z.object({
  /** The node that receives the children and members of the merged one. */
  intoCode: orgCodeSchema,
  note: z.string().max(500).optional(),
});
export const splitOrgSchema = z.object({
  /** New sibling created from part of the node. */
  newOrg: z.object({ code: orgCodeSchema, name: orgNameSchema, category: z.enum(ORG_CATEGORIES).nullish() }),
  memberCodes: z.array(z.string().trim().min(1)).max(5000).default([]),
  childCodes: z.array(orgCodeSchema).max(5000).default([]),
  note: z.string().max(500).optional(),
});
const namingText = (max: number) => z.string().trim().max(max).optional();
/** The words of a node (org-naming.ts); a blank field returns to the default. */
export const setOrgNamingSchema = z.object({
  bodyName: namingText(NAMING_LIMITS.bodyName),
  symbol: z
    .string()
    .trim()
    .max(NAMING_LIMITS.symbol)
    .regex(/^[\p{Lu}\p{N}-]*$/u, { message: 'symbol' })
    .optional(),
  placeName: namingText(NAMING_LIMITS.placeName),
  onBehalf: namingText(NAMING_LIMITS.onBehalf),
  note: z.string().max(500).optional(),
});
export type SetOrgNaming = z.infer<typeof setOrgNamingSchema>;
export const dissolveOrgSchema = z.object({ note: z.string().max(500).optional() });

export interface OrgDto {
  id: number;
  code: string;
  name: string;
  kind: OrgKind;
  category: OrgCategory | null;
  parentCode: string | null;
  path: string;
  depth: number;
  status: 'active' | 'dissolved' | 'merged';
  childCount: number;
  naming: OrgNamingDto;
  abilities: {
    update: boolean;
    manageMembers: boolean;
    manageAccounts: boolean;
    readAudit: boolean;
    /** Spread the meeting days of the cells under a committee (its admins and committee members). */
    spreadDays: boolean;
  };
}

export interface OrgTreeNodeDto {
  code: string;
  name: string;
  kind: OrgKind;
  category: OrgCategory | null;
  status: 'active' | 'dissolved' | 'merged';
  childCount: number;
  memberCount: number;
  cellCount: number;
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
