import { z } from 'zod';
import { isoDateSchema } from '../members/schemas.ts';
import { orgCodeSchema } from '../orgs/schemas.ts';
import { ORG_CATEGORIES } from '../orgs/types.ts';
import { SUPERVISION_LIMITS } from './limits.ts';
import { SUPERVISION_PERIODS } from './types.ts';

/** Request schemas of the supervision API: shared by server validation, OpenAPI and the web's forms. */
const id = z.coerce.number().int().positive();
const note = (max: number) => z.string().trim().max(max).nullish();

/** The coverage target inside a rule set (`content.supervision`). */
export const supervisionRulesSchema = z.object({
  targetCategories: z.array(z.enum(ORG_CATEGORIES)).min(1).max(ORG_CATEGORIES.length),
  period: z.enum(SUPERVISION_PERIODS),
  windowMonths: z.number().int().min(1).max(12),
  visitsPerCell: z.number().int().min(1).max(1),
  committeeMemberVisitsPerYear: z.number().int().min(0).max(366),
  excludeHomeCell: z.boolean(),
  maxVisitsPerDay: z.number().int().min(1).max(4),
  avoidRepeat: z.boolean(),
  reportDueDays: z.number().int().min(0).max(90),
});

export const periodKeySchema = z.string().regex(/^\d{4}(-(M(0[1-9]|1[0-2])|Q[1-4]|H[12]))?$/, {
  message: 'period',
});

export const createGroupSchema = z.object({
  committeeCode: orgCodeSchema,
  name: z.string().trim().min(1).max(SUPERVISION_LIMITS.groupName),
  leaderAccountId: id.nullish(),
  memberAccountIds: z.array(id).max(SUPERVISION_LIMITS.groupMembers).default([]),
});
export type CreateGroupInput = z.input<typeof createGroupSchema>;

export const updateGroupSchema = z.object({
  name: z.string().trim().min(1).max(SUPERVISION_LIMITS.groupName).optional(),
  leaderAccountId: id.nullish(),
  memberAccountIds: z.array(id).max(SUPERVISION_LIMITS.groupMembers).optional(),
  active: z.boolean().optional(),
});
export type UpdateGroupInput = z.input<typeof updateGroupSchema>;

/** A person or a group answering for an organisation's cells: standing (no dates) or for a period. */
export const createAssignmentSchema = z
  .object({
    committeeCode: orgCodeSchema,
    orgCode: orgCodeSchema,
    accountId: id.nullish(),
    groupId: id.nullish(),
    from: isoDateSchema.nullish(),
    to: isoDateSchema.nullish(),
  })
  .refine((v) => Boolean(v.accountId) !== Boolean(v.groupId), {
    message: 'personOrGroup',
    path: ['accountId'],
  })
  .refine((v) => Boolean(v.from) === Boolean(v.to), { message: 'bothDates', path: ['to'] })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'to', path: ['to'] });
export type CreateAssignmentInput = z.input<typeof createAssignmentSchema>;

export const committeeQuerySchema = z.object({ committee: orgCodeSchema });

export const planQuerySchema = z.object({ committee: orgCodeSchema, period: periodKeySchema });

/** Plans (or re-plans, keeping locked visits) a period's rotation as a draft. */
export const makePlanSchema = z.object({ committeeCode: orgCodeSchema, periodKey: periodKeySchema });

/**
 * Issues the period's report, with who signs it for the committee (HD 36-HD/VPTW, "thể thức đề ký": the
 * signer's own title, e.g. "PHÓ BÍ THƯ", and name). Left out, the name is the issuing account's and the
 * title is left for the signer to write.
 */
export const issueSupervisionReportSchema = makePlanSchema.extend({
  signerTitle: z.string().trim().max(SUPERVISION_LIMITS.signerTitle).nullish(),
  signerName: z.string().trim().max(SUPERVISION_LIMITS.signerName).nullish(),
});
export type IssueSupervisionReportInput = z.input<typeof issueSupervisionReportSchema>;

export const addVisitSchema = z.object({
  committeeCode: orgCodeSchema,
  periodKey: periodKeySchema,
  meetingId: id,
  visitorAccountId: id,
});
export type AddVisitInput = z.input<typeof addVisitSchema>;

/** Editing a planned visit by hand: another visitor or another of the cell's meetings; lock or unlock. */
export const updateVisitSchema = z.object({
  visitorAccountId: id.optional(),
  meetingId: id.optional(),
  locked: z.boolean().optional(),
  cancelReason: note(SUPERVISION_LIMITS.reason),
});
export type UpdateVisitInput = z.input<typeof updateVisitSchema>;

export const visitsQuerySchema = z.object({
  committee: orgCodeSchema.optional(),
  period: periodKeySchema.optional(),
  /** Only the asking account's own visits. */
  mine: z.enum(['true', 'false']).optional(),
});

export const checkInSchema = z.object({ at: z.iso.datetime({ offset: true }).optional() });

export const visitReportSchema = z
  .object({
    attended: z.boolean(),
    absenceReason: note(SUPERVISION_LIMITS.reason),
    /** Points per criterion of the score sheet (every criterion when attended). */
    points: z.record(z.string(), z.number().int().min(0).max(100)).default({}),
    contentNotes: note(SUPERVISION_LIMITS.notes),
    opinionNotes: note(SUPERVISION_LIMITS.notes),
    recommendations: z
      .array(z.string().trim().min(1).max(SUPERVISION_LIMITS.recommendation))
      .max(SUPERVISION_LIMITS.recommendations)
      .default([]),
    issuesForDirection: note(SUPERVISION_LIMITS.notes),
  })
  .refine((v) => v.attended || Boolean(v.absenceReason), {
    message: 'absenceReason',
    path: ['absenceReason'],
  });
export type VisitReportInput = z.input<typeof visitReportSchema>;

export const visitAddendumSchema = z.object({
  text: z.string().trim().min(1).max(SUPERVISION_LIMITS.addendum),
});

export const availabilitySchema = z.object({
  unavailableDates: z.array(isoDateSchema).max(366),
});

export const coverageQuerySchema = z.object({ org: orgCodeSchema, period: periodKeySchema });

export const quarterlyReportQuerySchema = z.object({
  committee: orgCodeSchema,
  period: periodKeySchema,
  format: z.enum(['docx', 'xlsx']),
});
