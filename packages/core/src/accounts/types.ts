/**
 * Accounts and their grants (a role on a node of the tree): the roles, the limits of the fields and the DTOs
 * of the auth and accounts APIs. Plain data only (no zod), so that the web can import it.
 */

export const ROLES = ['admin', 'committee_member', 'cell_secretary', 'visitor', 'member'] as const;
export type Role = (typeof ROLES)[number];

/** Longest text of each field, in characters: the API refuses more, the form stops there. */
export const ACCOUNT_LIMITS = {
  usernameMin: 3,
  username: 40,
  displayName: 120,
  passwordMin: 8,
  password: 200,
  email: 200,
  grants: 20,
} as const;

export interface GrantDto {
  role: Role;
  orgCode: string;
  orgName: string;
}
export interface MeDto {
  /** The account's id: names the device's offline database for this account (web lib/offline). */
  id: number;
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
