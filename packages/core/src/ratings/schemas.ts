/**
 * Request schemas of the ratings API (issue 15): the steps (self-assessment, proposal, decision, not rated),
 * the list and the summary, and the rule data kept in a rule set (`content.ratings`).
 */
import { z } from 'zod';
import { orgCodeSchema } from '../orgs/schemas.ts';
import {
  NOT_RATED_REASONS,
  RATING_INDICATORS,
  RATING_LEVELS,
  RATING_LIMITS,
  RATING_PERIODS,
  RATING_SUBJECTS,
} from './types.ts';

const bilingual = z.object({ vi: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) });
const source = { source: z.string().trim().min(1).max(RATING_LIMITS.source), verify: z.boolean().optional() };
const points = z.number().int().min(0).max(100);
const id = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

const groupsSchema = z
  .array(z.object({ id, label: bilingual, max: z.number().int().min(1).max(100), ...source }))
  .min(1)
  .max(30)
  .refine((groups) => groups.reduce((sum, g) => sum + g.max, 0) === 100, {
    message: 'rating sheet total 100',
  });
const disqualifiersSchema = z.array(z.object({ id, label: bilingual, ...source })).max(30);
const feedsSchema = z.record(id, z.array(z.enum(RATING_INDICATORS)).max(RATING_INDICATORS.length));

/** The rating rules of a rule set: bounds ordered (100 ≥ excellent > good > completed > 0), sheets of 100. */
export const ratingRulesSchema = z.object({
  levels: z
    .object({ excellent: points, good: points, completed: points, ...source })
    .refine((l) => l.excellent > l.good && l.good > l.completed && l.completed > 0, {
      message: 'rating levels: excellent > good > completed > 0',
    }),
  excellentQuota: z.object({ percent: points, groupBy: z.literal('superior'), ...source }),
  notRated: z.object({
    exempt: z.boolean(),
    suspended: z.boolean(),
    admittedWithinMonths: z.number().int().min(0).max(24),
    ...source,
  }),
  quarters: z.array(z.enum(['Q1', 'Q2', 'Q3'])).max(3),
  deadlines: z.object({
    yearBy: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/),
    quarterDaysAfter: z.number().int().min(1).max(90),
    ...source,
  }),
  sheets: z.object({ org: groupsSchema, member: groupsSchema }),
  disqualifiers: z.object({ org: disqualifiersSchema, member: disqualifiersSchema }),
  feeds: z.object({ org: feedsSchema, member: feedsSchema, ...source }).optional(),
});

export const ratingYearSchema = z.coerce.number().int().min(2000).max(2100);
export const ratingPeriodSchema = z.enum(RATING_PERIODS);
/** 0–100 in steps of half a point. */
export const ratingScoreSchema = z.number().min(0).max(100).multipleOf(0.5);
export const ratingLevelSchema = z.enum(RATING_LEVELS);
const ratingCodeSchema = z.string().trim().min(1).max(RATING_LIMITS.code);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
/**
 * A step's points per group of the rating sheet (`{ groupId: points }`, half points); checked against the rule
 * set's groups by the server (each within 0..max, all there, the total equal to `score`).
 */
export const ratingSheetSchema = z.record(z.string().max(40), ratingScoreSchema).nullish();

/** Which rating: the subject (`org` by its code, `member` by the member's code) in a year's period. */
export const ratingKeySchema = z.object({
  year: ratingYearSchema,
  period: ratingPeriodSchema.default('year'),
  subject: z.enum(RATING_SUBJECTS),
  code: ratingCodeSchema,
});
export type RatingKeyInput = z.input<typeof ratingKeySchema>;

/**
 * The self-assessment (Mẫu 01 for an organisation, 2A–2C for a member): a member rates himself or herself
 * (no subject, no code), an organisation's leaders rate it (`subject: 'org'` and its code).
 */
export const selfAssessSchema = z.object({
  year: ratingYearSchema,
  period: ratingPeriodSchema.default('year'),
  subject: z.enum(RATING_SUBJECTS).default('member'),
  code: ratingCodeSchema.nullish(),
  score: ratingScoreSchema.nullish(),
  sheet: ratingSheetSchema,
  level: ratingLevelSchema,
  text: optionalText(RATING_LIMITS.text),
});
export type SelfAssessInput = z.input<typeof selfAssessSchema>;

/** The cell's (organisation's) proposal, made at its year-end meeting (`meetingId`) or recorded after it. */
export const proposeRatingSchema = ratingKeySchema.extend({
  score: ratingScoreSchema.nullish(),
  sheet: ratingSheetSchema,
  level: ratingLevelSchema,
  text: optionalText(RATING_LIMITS.text),
  meetingId: z.number().int().positive().nullish(),
  disqualified: z.boolean().default(false),
});
export type ProposeRatingInput = z.input<typeof proposeRatingSchema>;

/** The competent committee's decision; a level other than the proposal's needs its reason. */
export const decideRatingSchema = ratingKeySchema.extend({
  score: ratingScoreSchema.nullish(),
  sheet: ratingSheetSchema,
  level: ratingLevelSchema,
  reason: optionalText(RATING_LIMITS.reason),
  disqualified: z.boolean().default(false),
});
export type DecideRatingInput = z.input<typeof decideRatingSchema>;

/** Not rated in this period (suspended, on long leave …), with the reason; `reason: null` rates again. */
export const notRatedSchema = ratingKeySchema.extend({
  reason: z.enum(NOT_RATED_REASONS).nullable(),
  note: optionalText(RATING_LIMITS.reason),
});
export type NotRatedInput = z.input<typeof notRatedSchema>;

export const ratingListQuerySchema = z.object({
  org: orgCodeSchema,
  year: ratingYearSchema,
  period: ratingPeriodSchema.optional(),
  subject: z.enum(RATING_SUBJECTS).optional(),
});

export const ratingSummaryQuerySchema = z.object({
  org: orgCodeSchema,
  year: ratingYearSchema,
  period: ratingPeriodSchema.default('year'),
});

/** `GET /api/ratings/suggested`: `id` is the organisation's code or the member's. */
export const ratingSuggestedQuerySchema = z.object({
  subject: z.enum(RATING_SUBJECTS),
  id: ratingCodeSchema,
  year: ratingYearSchema,
  period: ratingPeriodSchema.default('year'),
});

/** `GET /api/ratings/quota`: the comparison groups of an organisation's subtree. */
export const ratingQuotaQuerySchema = ratingSummaryQuerySchema;
