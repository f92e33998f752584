import { z } from 'zod';
import { isoDateSchema, memberCodeSchema } from '../members/schemas.ts';
import { orgCodeSchema } from '../orgs/schemas.ts';
import { CELL_KINDS, ORG_CATEGORIES, type OrgKind } from '../orgs/types.ts';
import { PASS_ON_AUDIENCES, PASS_ON_LIMITS } from './types.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
/** A form field sent as "a,b" (multipart) or as an array (JSON). */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(item).max(20),
  );

/**
 * A committee registers a superior document to pass on (the fields of the multipart form beside the file).
 * Dates are ISO; "pass on by" not before today is checked by the command against the clock.
 */
export const registerPassOnSchema = z
  .object({
    committeeCode: orgCodeSchema,
    documentNumber: text(PASS_ON_LIMITS.number),
    documentTitle: text(PASS_ON_LIMITS.title),
    issuedOn: isoDateSchema,
    passOnBy: isoDateSchema,
    audience: z.enum(PASS_ON_AUDIENCES).default('subtree'),
    cellKinds: list(z.enum(CELL_KINDS as unknown as [OrgKind, ...OrgKind[]])).default([]),
    cellCategories: list(z.enum(ORG_CATEGORIES)).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.passOnBy < v.issuedOn) ctx.addIssue({ code: 'custom', path: ['passOnBy'], message: 'passOnBy' });
    if (v.audience === 'chosen' && v.cellKinds.length === 0 && v.cellCategories.length === 0)
      ctx.addIssue({ code: 'custom', path: ['cellKinds'], message: 'chooseCells' });
  });
export type RegisterPassOn = z.output<typeof registerPassOnSchema>;

/** "Đã phổ biến" at the meeting: by a member of the roll call, or by the chair when nobody is named. */
export const passedOnSchema = z.object({
  presenterCode: memberCodeSchema.optional(),
});

/** `GET /api/documents-to-pass-on?org=CODE`: the committee's documents, or those addressed to a cell. */
export const passOnListQuerySchema = z.object({ org: orgCodeSchema });
