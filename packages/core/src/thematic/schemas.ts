import { z } from 'zod';
import { isoDateSchema, memberCodeSchema } from '../members/schemas.ts';
import { orgCodeSchema } from '../orgs/schemas.ts';
import { ORG_CATEGORIES } from '../orgs/types.ts';
import { inQuarter } from './rules.ts';
import { REGISTRATION_STATUSES, THEMATIC_LIMITS } from './types.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const yearSchema = z.coerce.number().int().min(2000).max(2100);
const quarterSchema = z.coerce.number().int().min(1).max(4);

/** A committee drafts a topic for a year (title, purpose, suggested materials, target cell categories). */
export const createTopicSchema = z.object({
  committeeCode: orgCodeSchema,
  year: yearSchema,
  title: text(THEMATIC_LIMITS.title),
  purpose: text(THEMATIC_LIMITS.purpose),
  materials: z.string().trim().max(THEMATIC_LIMITS.materials).default(''),
  cellCategories: z.array(z.enum(ORG_CATEGORIES)).max(20).default([]),
});
export type CreateTopic = z.output<typeof createTopicSchema>;

export const topicListQuerySchema = z.object({ org: orgCodeSchema, year: yearSchema });

/**
 * A cell registers its topic for a quarter: one of the committee's published topics (`topicId`) or its own
 * (`ownTitle`, `ownPurpose`, approved by the committee), the presenters (members of the cell) and the date.
 */
export const registerTopicSchema = z
  .object({
    orgCode: orgCodeSchema,
    year: yearSchema,
    quarter: quarterSchema,
    topicId: z.number().int().positive().optional(),
    ownTitle: text(THEMATIC_LIMITS.title).optional(),
    ownPurpose: z.string().trim().max(THEMATIC_LIMITS.purpose).optional(),
    presenterCodes: z.array(memberCodeSchema).min(1).max(THEMATIC_LIMITS.presenters),
    plannedDate: isoDateSchema,
  })
  .superRefine((v, ctx) => {
    if ((v.topicId === undefined) === (v.ownTitle === undefined))
      ctx.addIssue({ code: 'custom', path: ['topicId'], message: 'topicOrOwn' });
    if (!inQuarter(v.plannedDate, v.year, v.quarter))
      ctx.addIssue({ code: 'custom', path: ['plannedDate'], message: 'plannedDate' });
  });
export type RegisterTopic = z.output<typeof registerTopicSchema>;

/** The committee's answer on a cell's own topic: approved, or refused with its reason. */
export const decideTopicSchema = z
  .object({
    decision: z.enum(['approved', 'refused']),
    reason: z.string().trim().max(THEMATIC_LIMITS.reason).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'refused' && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'reason' });
  });

/** The presenters and the planned date changed after registering (the date stays in the quarter: checked by the command). */
export const replanTopicSchema = z.object({
  presenterCodes: z.array(memberCodeSchema).min(1).max(THEMATIC_LIMITS.presenters),
  plannedDate: isoDateSchema,
});

export const linkMeetingSchema = z.object({ meetingId: z.number().int().positive() });
export const paperSchema = z.object({ text: text(THEMATIC_LIMITS.paper) });
export const thematicCommentSchema = z.object({ text: text(THEMATIC_LIMITS.comment) });

export const thematicCoverageQuerySchema = z.object({
  org: orgCodeSchema,
  year: yearSchema,
  quarter: quarterSchema,
});

/** `?org=CODE&year=` (and a status, e.g. `pending` for the committee's approvals): the registrations of the subtree. */
export const registrationListQuerySchema = z.object({
  org: orgCodeSchema,
  year: yearSchema,
  status: z.enum(REGISTRATION_STATUSES).optional(),
});
