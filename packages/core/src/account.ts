import { z } from 'zod';

export const ROLES = ['admin', 'committee_member', 'cell_secretary', 'visitor', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[a-z0-9._-]+$/);
export const passwordSchema = z.string().min(8).max(200);

export const loginSchema = z.object({
  username: z.string().trim().min(1).max(40),
  password: z.string().min(1).max(200),
});
export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});
export const grantSchema = z.object({ role: z.enum(ROLES), orgCode: z.string().trim().min(1).max(40) });
export const createAccountSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(120),
  password: passwordSchema,
  memberCode: z.string().trim().max(40).nullish(),
  email: z.email().max(200).nullish(),
  grants: z.array(grantSchema).min(1).max(20),
});
export const updateAccountSchema = z.object({
  displayName: z.string().trim().min(1).max(120).optional(),
  disabled: z.boolean().optional(),
  email: z.email().max(200).nullish(),
  password: passwordSchema.optional(),
  grants: z.array(grantSchema).min(1).max(20).optional(),
});

export interface GrantDto {
  role: Role;
  orgCode: string;
  orgName: string;
}
export interface MeDto {
  username: string;
  displayName: string;
  memberCode: string | null;
  locale: 'vi' | 'en';
  grants: GrantDto[];
  /** Committees the account attends cells' meetings for (its visitor grants, before narrowing to cells). */
  visitorOf: { orgCode: string; orgName: string }[];
  csrfToken: string;
}
export interface AccountDto {
  id: number;
  username: string;
  displayName: string;
  memberCode: string | null;
  email: string | null;
  disabled: boolean;
  lockedUntil: string | null;
  grants: GrantDto[];
}
