import { z } from 'zod';
import { isoDateSchema, memberCodeSchema } from '../members/schemas.ts';
import { orgCodeSchema } from '../orgs/schemas.ts';
import { inQuarter } from './rules.ts';
import { SESSION_LIMITS } from './session-types.ts';
import { THEMATIC_LIMITS } from './types.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const yearSchema = z.coerce.number().int().min(2000).max(2100);
const quarterSchema = z.coerce.number().int().min(1).max(4);
const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time' });

/** A cell assigned a paper (tham luận) for the session: its title and the members who prepare it. */
export const sessionPaperSchema = z.object({
  orgCode: orgCodeSchema,
  title: text(THEMATIC_LIMITS.title),
  presenterCodes: z.array(memberCodeSchema).min(1).max(THEMATIC_LIMITS.presenters),
});
export type SessionPaperInput = z.output<typeof sessionPaperSchema>;

/**
 * A committee creates its committee-wide session: title, one of its published topics (optional), the day
 * (inside the quarter), the time and place, and the cells' papers (each cell once).
 */
export const createSessionSchema = z
  .object({
    committeeCode: orgCodeSchema,
    title: text(SESSION_LIMITS.title),
    topicId: z.number().int().positive().optional(),
    date: isoDateSchema,
    time: timeSchema,
    place: text(SESSION_LIMITS.place),
    year: yearSchema,
    quarter: quarterSchema,
    papers: z.array(sessionPaperSchema).max(SESSION_LIMITS.papers).default([]),
  })
  .superRefine((v, ctx) => {
    if (!inQuarter(v.date, v.year, v.quarter))
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'sessionInQuarter' });
    v.papers.forEach((p, i) => {
      if (v.papers.findIndex((q) => q.orgCode === p.orgCode) !== i)
        ctx.addIssue({ code: 'custom', path: ['papers', i, 'orgCode'], message: 'cellOncePerSession' });
    });
  });
export type CreateSession = z.output<typeof createSessionSchema>;

/** `?org=CODE&year=`: the sessions of the committee and of the committees above the node. */
export const sessionListQuerySchema = z.object({ org: orgCodeSchema, year: yearSchema });

export const resolutionDraftSchema = z.object({ text: text(SESSION_LIMITS.resolution) });
export const sessionCommentSchema = z.object({ text: text(SESSION_LIMITS.comment) });

/**
 * Ban hành: the resolution's number in the committee's register ("Số 05-NQ/ĐU"), who signs it on the
 * committee's behalf, and the date by which the cells pass it on.
 */
export const issueResolutionSchema = z.object({
  number: text(SESSION_LIMITS.number),
  signerTitle: text(SESSION_LIMITS.signer),
  signerName: text(SESSION_LIMITS.signer),
  passOnBy: isoDateSchema,
});
export type IssueResolution = z.output<typeof issueResolutionSchema>;
