/**
 * Request schemas of the four-good API (issue 15 point 6) and the rule data kept in a rule set
 * (`content.fourGood`).
 */
import { z } from 'zod';
import { orgCodeSchema } from '../orgs/schemas.ts';
import { RATING_LEVELS } from '../ratings/types.ts';
import { FOUR_GOOD_FINAL_RESULTS, FOUR_GOOD_LIMITS } from './types.ts';

const bilingual = z.object({ vi: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) });
const source = { source: z.string().trim().min(1).max(300), verify: z.boolean().optional() };
const id = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);
const percent = z.number().min(0).max(100);

const measureSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('meetings'),
    minHeld: z.number().int().min(0).max(12),
    minGoodPercent: percent,
    allowPoor: z.boolean(),
  }),
  z.object({ kind: z.literal('cell_rating'), minLevel: z.enum(RATING_LEVELS) }),
  z.object({
    kind: z.literal('members_rating'),
    minGoodPercent: percent,
    maxFailed: z.number().int().min(0),
  }),
  z.object({ kind: z.literal('no_expelled') }),
]);

/** The four-good rules of a rule set: criteria with distinct ids, each measured or manual (or both). */
export const fourGoodRulesSchema = z.object({
  criteria: z
    .array(
      z
        .object({ id, label: bilingual, measure: measureSchema.optional(), manual: z.boolean(), ...source })
        .refine((c) => c.manual || c.measure !== undefined, {
          message: 'four-good criterion: measure or manual',
        }),
    )
    .min(1)
    .max(12)
    .refine((cs) => new Set(cs.map((c) => c.id)).size === cs.length, {
      message: 'four-good criteria ids unique',
    }),
  ...source,
});

const yearSchema = z.coerce.number().int().min(2000).max(2100);
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const fourGoodQuerySchema = z.object({ org: orgCodeSchema, year: yearSchema });
export const fourGoodRegisterSchema = z.object({
  org: orgCodeSchema,
  year: yearSchema,
  note: optionalText(FOUR_GOOD_LIMITS.note),
});
export const fourGoodWithdrawSchema = z.object({
  org: orgCodeSchema,
  year: yearSchema,
  reason: z.string().trim().min(1).max(FOUR_GOOD_LIMITS.reason),
});
export const fourGoodAssessSchema = z.object({
  org: orgCodeSchema,
  year: yearSchema,
  criterion: id,
  met: z.boolean(),
  note: optionalText(FOUR_GOOD_LIMITS.note),
});
export const fourGoodResultSchema = z.object({
  org: orgCodeSchema,
  year: yearSchema,
  result: z.enum(FOUR_GOOD_FINAL_RESULTS),
  reason: optionalText(FOUR_GOOD_LIMITS.reason),
});
