import { z } from 'zod';
import { isoDateSchema, memberCodeSchema } from '../member.ts';
import { orgCodeSchema } from '../org.ts';
import { RECOMMENDATION_STATUSES } from './types.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const categoryId = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'category' });

export const recommendationRulesSchema = z
  .object({
    categories: z
      .array(
        z.object({
          id: categoryId,
          label: z.object({ vi: text(200), en: text(200) }),
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
  text: text(2000),
  category: categoryId,
  memberCode: memberCodeSchema.nullish(),
});

/** Raised by a member from the app, at any time: it reaches the member's own cell, dated today. */
export const raiseRecommendationSchema = z.object({
  text: text(2000),
  category: categoryId,
});

/** Entered by committee staff (from a letter, a visit, a meeting held on paper). */
export const createRecommendationSchema = z.object({
  orgCode: orgCodeSchema,
  text: text(2000),
  category: categoryId,
  raisedBy: text(200),
  raisedOn: isoDateSchema,
});

/** Forward up or down the tree (or to an outside body, tracked by the current level), with a note. */
export const forwardRecommendationSchema = z
  .object({
    forwardTo: orgCodeSchema.nullish(),
    outsideBody: z.string().trim().min(1).max(300).nullish(),
    note: z.string().trim().max(1000).nullish(),
  })
  .refine((v) => Boolean(v.forwardTo) !== Boolean(v.outsideBody), {
    message: 'forwardTo',
    path: ['forwardTo'],
  });

export const answerRecommendationSchema = z.object({ answer: text(4000) });
export const declineRecommendationSchema = z.object({ reason: text(1000) });
export const mergeRecommendationSchema = z.object({ intoId: z.coerce.number().int().positive() });
export const noteSchema = z.object({ note: z.string().trim().max(1000).nullish() });

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
  q: z.string().trim().max(200).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});

export const recommendationDashboardQuerySchema = z
  .object({ org: orgCodeSchema, from: isoDateSchema, to: isoDateSchema })
  .refine((v) => v.from <= v.to, { message: 'to', path: ['to'] });

export const answerGivenSchema = z.object({ given: z.boolean() });
