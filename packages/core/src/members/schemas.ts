import { z } from 'zod';
import { ORG_LIMITS } from '../orgs/types.ts';
import { MEMBER_LIMITS, MEMBER_PERIOD_KINDS, MEMBER_STATUSES, POSITIONS, SEXES } from './types.ts';

/**
 * Request schemas of the members API: one per operation, shared by server validation, OpenAPI and (as types
 * only, `…Input`) the web's forms.
 */
export const memberCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(MEMBER_LIMITS.code)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'code' });
export const isoDateSchema = z.iso.date();
const orgCode = z.string().trim().min(1).max(ORG_LIMITS.code);

export const memberListQuerySchema = z.object({
  org: orgCode.optional(),
  q: z.string().trim().max(MEMBER_LIMITS.search).optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
  exempt: z.enum(['true', 'false']).optional(),
  sex: z.enum(SEXES).optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type MemberListQuery = z.infer<typeof memberListQuerySchema>;

export const createMemberSchema = z.object({
  memberCode: memberCodeSchema,
  fullName: z.string().trim().min(MEMBER_LIMITS.fullNameMin).max(MEMBER_LIMITS.fullName),
  sex: z.enum(SEXES),
  birthDate: isoDateSchema.nullish(),
  orgCode,
  status: z.enum(['official', 'probationary']),
  admissionDate: isoDateSchema,
  officialDate: isoDateSchema.nullish(),
  position: z.enum(POSITIONS).default('member'),
  partyCardNo: z.string().trim().max(MEMBER_LIMITS.partyCardNo).nullish(),
  notes: z.string().trim().max(MEMBER_LIMITS.notes).nullish(),
});
export type CreateMember = z.infer<typeof createMemberSchema>;
export type CreateMemberInput = z.input<typeof createMemberSchema>;

export const updateMemberSchema = createMemberSchema
  .omit({ memberCode: true, orgCode: true, status: true })
  .partial()
  .extend({
    ethnicity: z.string().trim().max(MEMBER_LIMITS.ethnicity).nullish(),
    religion: z.string().trim().max(MEMBER_LIMITS.religion).nullish(),
    hometown: z.string().trim().max(MEMBER_LIMITS.hometown).nullish(),
    citizenId: z
      .string()
      .trim()
      .regex(new RegExp(`^\\d{${MEMBER_LIMITS.citizenId}}$`))
      .nullish(),
    phone: z
      .string()
      .trim()
      .regex(new RegExp(`^[0-9+ ]{8,${MEMBER_LIMITS.phone}}$`))
      .nullish(),
  });
export type UpdateMemberInput = z.input<typeof updateMemberSchema>;

export const transferMemberSchema = z.object({
  toOrgCode: orgCode,
  date: isoDateSchema,
  note: z.string().max(MEMBER_LIMITS.note).optional(),
});
export type TransferMemberInput = z.input<typeof transferMemberSchema>;
export const changeStatusSchema = z.object({
  status: z.enum(MEMBER_STATUSES),
  date: isoDateSchema,
  reason: z.string().max(MEMBER_LIMITS.note).optional(),
});
export type ChangeStatusInput = z.input<typeof changeStatusSchema>;
export const periodSchema = z.object({
  kind: z.enum(MEMBER_PERIOD_KINDS),
  from: isoDateSchema,
  to: isoDateSchema.nullish(),
  /** For `attached`: the cell the member attends meanwhile. */
  orgCode: z.string().trim().max(ORG_LIMITS.code).nullish(),
  reason: z.string().max(MEMBER_LIMITS.note).optional(),
});
export type MemberPeriodInput = z.input<typeof periodSchema>;
