import { z } from 'zod';
import { NAMING_LIMITS } from '../org-naming.ts';
import { ORG_CATEGORIES, ORG_KINDS, ORG_LIMITS } from './types.ts';

/**
 * Request schemas of the orgs API: one per operation, shared by server validation, OpenAPI and (as types
 * only, `…Input`) the web's forms.
 */
export const orgCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(ORG_LIMITS.code)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'code' });
export const orgNameSchema = z.string().trim().min(1).max(ORG_LIMITS.name);
const note = z.string().max(ORG_LIMITS.note).optional();

export const createOrgSchema = z.object({
  code: orgCodeSchema,
  name: orgNameSchema,
  kind: z.enum(ORG_KINDS),
  category: z.enum(ORG_CATEGORIES).nullish(),
  parentCode: orgCodeSchema,
});
export type CreateOrg = z.infer<typeof createOrgSchema>;
export type CreateOrgInput = z.input<typeof createOrgSchema>;

export const renameOrgSchema = z.object({ name: orgNameSchema, note });
export type RenameOrgInput = z.input<typeof renameOrgSchema>;
export const moveOrgSchema = z.object({ parentCode: orgCodeSchema, note });
export type MoveOrgInput = z.input<typeof moveOrgSchema>;
export const mergeOrgSchema = z.object({
  /** The node that receives the children and members of the merged one. */
  intoCode: orgCodeSchema,
  note,
});
export type MergeOrgInput = z.input<typeof mergeOrgSchema>;
export const splitOrgSchema = z.object({
  /** New sibling created from part of the node. */
  newOrg: z.object({ code: orgCodeSchema, name: orgNameSchema, category: z.enum(ORG_CATEGORIES).nullish() }),
  memberCodes: z.array(z.string().trim().min(1)).max(ORG_LIMITS.splitItems).default([]),
  childCodes: z.array(orgCodeSchema).max(ORG_LIMITS.splitItems).default([]),
  note,
});
export type SplitOrgInput = z.input<typeof splitOrgSchema>;
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
  note,
});
export type SetOrgNaming = z.infer<typeof setOrgNamingSchema>;
export type SetOrgNamingInput = z.input<typeof setOrgNamingSchema>;
export const dissolveOrgSchema = z.object({ note });
export type DissolveOrgInput = z.input<typeof dissolveOrgSchema>;
