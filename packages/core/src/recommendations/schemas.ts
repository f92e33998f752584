import { z } from 'zod';
import { isoDateSchema, memberCodeSchema } from '../members/schemas.ts';
import { orgCodeSchema } from '../orgs/schemas.ts';
import { RECOMMENDATION_LIMITS } from './limits.ts';
import { RECOMMENDATION_STATUSES } from './types.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const categoryId = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'category' });

export const recommendationRulesSchema = z
  .object({
    categories: z
      .array(
        z.object({
          id: categoryId,
          label: z.object({
            vi: text(RECOMMENDATION_LIMITS.categoryLabel),
            en: text(RECOMMENDATION_LIMITS.categoryLabel),
          }),
          answerDays: z.number().int().min(1).max(365),
        }),
      )
      .min(1)
      .max(40),
  })
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.categories.forEach((c, i) => {
      if (seen.has(c.id))
        ctx.addIssue({
          code: 'custom',
          path: ['categories', i, 'id'],
          message: `category ${c.id} appears twice`,
        });
      seen.add(c.id);
    });
  });

/** Raised in a meeting: by a member of the roll call, or by the chair when nobody is named. */
export const meetingRecommendationSchema = z.object({
  text: text(RECOMMENDATION_LIMITS.text),
  category: categoryId,
  memberCode: memberCodeSchema.nullish(),
});
export type MeetingRecommendationInput = z.input<typeof meetingRecommendationSchema>;

/** Raised by a member from the app, at any time: it reaches the member's own cell, dated today. */
export const raiseRecommendationSchema = z.object({
  text: text(RECOMMENDATION_LIMITS.text),
  category: categoryId,
});
export type RaiseRecommendationInput = z.input<typeof raiseRecommendationSchema>;

/** Entered by committee staff (from a letter, a visit, a meeting held on paper). */
export const createRecommendationSchema = z.object({
  orgCode: orgCodeSchema,
  text: text(RECOMMENDATION_LIMITS.text),
  category: categoryId,
  raisedBy: text(RECOMMENDATION_LIMITS.raisedBy),
  raisedOn: isoDateSchema,
});
export type CreateRecommendationInput = z.input<typeof createRecommendationSchema>;

/** Forward up or down the tree (or to an outside body, tracked by the current level), with a note. */
export const forwardRecommendationSchema = z
  .object({
    forwardTo: orgCodeSchema.nullish(),
    outsideBody: z.string().trim().min(1).max(RECOMMENDATION_LIMITS.outsideBody).nullish(),
    note: z.string().trim().max(RECOMMENDATION_LIMITS.note).nullish(),
  })
  .refine((v) => Boolean(v.forwardTo) !== Boolean(v.outsideBody), {
    message: 'forwardTo',
    path: ['forwardTo'],
  });
export type ForwardRecommendationInput = z.input<typeof forwardRecommendationSchema>;

export const answerRecommendationSchema = z.object({ answer: text(RECOMMENDATION_LIMITS.answer) });
export const declineRecommendationSchema = z.object({ reason: text(RECOMMENDATION_LIMITS.note) });
export const mergeRecommendationSchema = z.object({ intoId: z.coerce.number().int().positive() });
export const noteSchema = z.object({ note: z.string().trim().max(RECOMMENDATION_LIMITS.note).nullish() });

export const recommendationListQuerySchema = z.object({
  org: orgCodeSchema.optional(),
  status: z.enum(RECOMMENDATION_STATUSES).optional(),
  /** Only those the actor's member account raised. */
  mine: z.enum(['true', 'false']).optional(),
  /** Only those waiting at a level the actor answers for. */
  inbox: z.enum(['true', 'false']).optional(),
  /**
   * Only those a level the actor answers for held and passed on, now answered by another level and on their
   * way back to the cell's meeting (answered, not yet reported back): read-only for the actor.
   */
  passed: z.enum(['true', 'false']).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Only those still waiting for an answer. */
  open: z.enum(['true', 'false']).optional(),
  meeting: z.coerce.number().int().positive().optional(),
  visit: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(RECOMMENDATION_LIMITS.search).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});

export const recommendationDashboardQuerySchema = z
  .object({ org: orgCodeSchema, from: isoDateSchema, to: isoDateSchema })
  .refine((v) => v.from <= v.to, { message: 'to', path: ['to'] });

export const answerGivenSchema = z.object({ given: z.boolean() });
