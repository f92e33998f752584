import { z } from 'zod';

export const MEMBER_STATUSES = ['official', 'probationary', 'removed', 'expelled', 'deceased'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
/** Statuses of members who belong to the cell today. */
export const ACTIVE_STATUSES: readonly MemberStatus[] = ['official', 'probationary'];
export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

export const POSITIONS = ['secretary', 'deputy_secretary', 'committee_member', 'member'] as const;
export type Position = (typeof POSITIONS)[number];

export const memberCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'code' });
export const isoDateSchema = z.iso.date();

export const memberListQuerySchema = z.object({
  org: z.string().trim().min(1).max(40).optional(),
  q: z.string().trim().max(100).optional(),
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
  fullName: z.string().trim().min(2).max(120),
  sex: z.enum(SEXES),
  birthDate: isoDateSchema.nullish(),
  orgCode: z.string().trim().min(1).max(40),
  status: z.enum(['official', 'probationary']),
  admissionDate: isoDateSchema,
  officialDate: isoDateSchema.nullish(),
  position: z.enum(POSITIONS).default('member'),
  partyCardNo: z.string().trim().max(40).nullish(),
  notes: z.string().trim().max(2000).nullish(),
});
export type CreateMember = z.infer<typeof createMemberSchema>;

export const updateMemberSchema = createMemberSchema
  .omit({ memberCode: true, orgCode: true, status: true })
  .partial()
  .extend({
    ethnicity: z.string().trim().max(60).nullish(),
    religion: z.string().trim().max(60).nullish(),
    hometown: z.string().trim().max(200).nullish(),
    citizenId: z
      .string()
      .trim()
      .regex(/^\d{12}$/)
      .nullish(),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+ ]{8,15}$/)
      .nullish(),
  });

export const transferMemberSchema = z.object({
  toOrgCode: z.string().trim().min(1).max(40),
  date: isoDateSchema,
  note: z.string().max(500).optional(),
});
export const changeStatusSchema = z.object({
  status: z.enum(MEMBER_STATUSES),
  date: isoDateSchema,
  reason: z.string().max(500).optional(),
});
export const periodSchema = z.object({
  kind: z.enum(['exempt', 'attached']),
  from: isoDateSchema,
  to: isoDateSchema.nullish(),
  /** For `attached`: the cell the member attends meanwhile. */
  orgCode: z.string().trim().max(40).nullish(),
  reason: z.string().max(500).optional(),
});

export interface MemberListItemDto {
  memberCode: string;
  fullName: string;
  sex: Sex;
  orgCode: string;
  orgName: string;
  status: MemberStatus;
  position: Position;
  admissionDate: string;
  officialDate: string | null;
  exempt: boolean;
}

export interface MemberListDto {
  total: number;
  page: number;
  pageSize: number;
  items: MemberListItemDto[];
}
