import type { Role } from '@nennep/core';
import type { Db } from '../db/client.ts';
import type { OrgRow } from '../modules/orgs/queries.ts';
import { buildAccount, buildMember, buildOrg } from './factories.ts';

/** An organisation, a member as `buildOrg` / `buildMember` take them. */
export type OrgSpec = Parameters<typeof buildOrg>[1];
export type MemberSpec = Parameters<typeof buildMember>[1];
type MemberRow = Awaited<ReturnType<typeof buildMember>>;
type AccountRow = Awaited<ReturnType<typeof buildAccount>>;

/** An account as `buildAccount` takes it: user name, role, the organisation granted, the member it is (code). */
export type AccountSpec = readonly [username: string, role: Role, org: string, member?: string];

/** The organisations (parents first), their members and the accounts of one test's world. */
export interface TreeSpec {
  orgs: readonly OrgSpec[];
  members?: readonly MemberSpec[];
  accounts?: readonly AccountSpec[];
}

/**
 * The province committee and the commune under it that most test files hang their cells on: P "Đảng bộ tỉnh
 * Thử" and a commune "Đảng bộ xã Tân Hội", coded X as a plain committee or GA as a grassroots committee.
 */
export function commune(code: 'X' | 'GA' = 'X'): OrgSpec[] {
  return [
    { code: 'P', name: 'Đảng bộ tỉnh Thử', kind: 'committee' },
    {
      code,
      name: 'Đảng bộ xã Tân Hội',
      kind: code === 'X' ? 'committee' : 'grassroots_committee',
      parent: 'P',
    },
  ];
}

/**
 * Two communes: P > GA (Tân Hội) > cells C1, C2 (villages) and C3 (a school); P > GB (Liên Hà) > D (a village).
 * Enough to tell a committee's subtree, a cell category, and a cell outside (pass-on, thematic).
 */
export function twoCommunes(): OrgSpec[] {
  return [
    ...commune('GA'),
    { code: 'GB', name: 'Đảng bộ xã Liên Hà', kind: 'grassroots_committee', parent: 'P' },
    { code: 'C1', name: 'Chi bộ thôn Thượng Hội', kind: 'cell', category: 'village', parent: 'GA' },
    { code: 'C2', name: 'Chi bộ thôn Thúy Hội', kind: 'cell', category: 'village', parent: 'GA' },
    { code: 'C3', name: 'Chi bộ Trường Tiểu học', kind: 'cell', category: 'school', parent: 'GA' },
    { code: 'D', name: 'Chi bộ thôn Đoài', kind: 'cell', category: 'village', parent: 'GB' },
  ];
}

/** What was made, by code (organisations, members) and by user name (accounts). */
export interface Tree {
  orgs: Record<string, OrgRow>;
  members: Record<string, MemberRow>;
  accounts: Record<string, AccountRow>;
  /** The organisation, member or account made under that code or name; throws when there is none. */
  org(code: string): OrgRow;
  member(code: string): MemberRow;
  account(username: string): AccountRow;
}

/** A row looked up by code: a missing one fails the setup, not a later assertion. */
function pick<T>(rows: Record<string, T>, key: string, what: string): T {
  const row = rows[key];
  if (!row) throw new Error(`seedTree: no ${what} ${key}`);
  return row;
}

/**
 * Seeds an organisation tree with its members and accounts, in that order, through the same factories a
 * test would call one by one — the setup many test files wrote out line by line.
 */
export async function seedTree(db: Db, spec: TreeSpec): Promise<Tree> {
  const orgs: Tree['orgs'] = {};
  const members: Tree['members'] = {};
  const accounts: Tree['accounts'] = {};
  for (const org of spec.orgs) orgs[org.code] = await buildOrg(db, org);
  for (const member of spec.members ?? []) members[member.code] = await buildMember(db, member);
  for (const [username, role, org, member] of spec.accounts ?? []) {
    const memberId = member ? pick(members, member, 'member').id : null;
    accounts[username] = await buildAccount(db, username, role, org, memberId);
  }
  return {
    orgs,
    members,
    accounts,
    org: (code) => pick(orgs, code, 'organisation'),
    member: (code) => pick(members, code, 'member'),
    account: (username) => pick(accounts, username, 'account'),
  };
}

/** Members `<prefix>1`, `<prefix>2`, … of one organisation, one per name, with the same extra fields. */
export const membersOf = (
  org: string,
  prefix: string,
  names: readonly string[],
  extra: (index: number) => Partial<MemberSpec> = () => ({}),
): MemberSpec[] => names.map((name, i) => ({ code: `${prefix}${i + 1}`, name, org, ...extra(i) }));
