import { z } from 'zod';
import { MEMBER_LIMITS } from '../members/types.ts';
import { ORG_LIMITS } from '../orgs/types.ts';
import { ACCOUNT_LIMITS, ROLES } from './types.ts';

/**
 * Request schemas of the auth and accounts APIs, shared by server validation, OpenAPI and (as types only,
 * `…Input`) the web's forms.
 */
export const usernameSchema = z
  .string()
  .trim()
  .min(ACCOUNT_LIMITS.usernameMin)
  .max(ACCOUNT_LIMITS.username)
  .regex(/^[a-z0-9._-]+$/);
export const passwordSchema = z.string().min(ACCOUNT_LIMITS.passwordMin).max(ACCOUNT_LIMITS.password);

export const loginSchema = z.object({
  username: z.string().trim().min(1).max(ACCOUNT_LIMITS.username),
  password: z.string().min(1).max(ACCOUNT_LIMITS.password),
});
export type LoginInput = z.input<typeof loginSchema>;
export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(ACCOUNT_LIMITS.password),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
export const grantSchema = z.object({
  role: z.enum(ROLES),
  orgCode: z.string().trim().min(1).max(ORG_LIMITS.code),
});
export type GrantInput = z.input<typeof grantSchema>;
export const createAccountSchema = z.object({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(ACCOUNT_LIMITS.displayName),
  password: passwordSchema,
  memberCode: z.string().trim().max(MEMBER_LIMITS.code).nullish(),
  email: z.email().max(ACCOUNT_LIMITS.email).nullish(),
  grants: z.array(grantSchema).min(1).max(ACCOUNT_LIMITS.grants),
});
export type CreateAccountInput = z.input<typeof createAccountSchema>;
export const updateAccountSchema = z.object({
  displayName: z.string().trim().min(1).max(ACCOUNT_LIMITS.displayName).optional(),
  disabled: z.boolean().optional(),
  email: z.email().max(ACCOUNT_LIMITS.email).nullish(),
  password: passwordSchema.optional(),
  grants: z.array(grantSchema).min(1).max(ACCOUNT_LIMITS.grants).optional(),
});
export type UpdateAccountInput = z.input<typeof updateAccountSchema>;
