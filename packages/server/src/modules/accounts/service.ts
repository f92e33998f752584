import type { AccountDto, Role } from '@nennep/core';
import { eq, inArray, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { insertOne } from '../../db/insert.ts';
import { accounts, grants, members, sessions } from '../../db/schema/index.ts';
import { type Actor, can } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { conflict, forbidden, invalidField } from '../../http/errors.ts';
import { clearLoginWaits } from '../auth/lockout.ts';
import { hashPassword } from '../auth/service.ts';
import { lockOrg, type OrgRow } from '../orgs/queries.ts';

const ADMIN: readonly Role[] = ['admin'];

interface GrantInput {
  role: Role;
  orgCode: string;
}

/**
 * Resolves grants to nodes inside the admin's subtrees, each node locked FOR SHARE until the command's
 * transaction ends (a move or merge of it waits, so the path checked is the path granted); anything else is
 * refused by field.
 */
async function resolveGrants(tx: Db, actor: Actor, list: GrantInput[]) {
  const resolved: { role: Role; org: OrgRow }[] = [];
  for (const [index, grant] of list.entries()) {
    // A grant given twice is a 400 naming it, not a duplicate key in the database (a 500).
    if (list.findIndex((g) => g.role === grant.role && g.orgCode === grant.orgCode) < index) {
      throw invalidField(`grants.${index}`, {
        vi: `Quyền này đã có ở trên (${grant.orgCode}): mỗi quyền tại một tổ chức chỉ cấp một lần.`,
        en: `This grant is already listed (${grant.orgCode}): each role at an organisation is given once.`,
      });
    }
    const org = await lockOrg(tx, grant.orgCode, 'share');
    if (!org || !can(actor, ADMIN, org.path)) {
      throw invalidField(`grants.${index}.orgCode`, {
        vi: `Không có tổ chức ${grant.orgCode} trong phạm vi bạn quản trị.`,
        en: `No organisation ${grant.orgCode} inside your administration.`,
      });
    }
    resolved.push({ role: grant.role, org });
  }
  return resolved;
}

export async function listAccounts(db: Db, scopes: string[]): Promise<AccountDto[]> {
  if (scopes.length === 0) return [];
  const inScope = sql.join(
    scopes.map((s) => sql`o.path LIKE ${`${s}%`}`),
    sql` OR `,
  );
  const list = await rows<{
    id: number;
    username: string;
    display_name: string;
    email: string | null;
    member_code: string | null;
    disabled: boolean;
    locked_until: string | null;
    grants: { role: Role; orgCode: string; orgName: string }[];
  }>(
    db,
    sql`SELECT a.id, a.username, a.display_name, a.email, m.member_code, a.disabled, a.locked_until,
          json_agg(json_build_object('role', g.role, 'orgCode', o.code, 'orgName', o.name) ORDER BY o.path) AS grants
        FROM accounts a JOIN grants g ON g.account_id = a.id JOIN orgs o ON o.id = g.org_id
        LEFT JOIN members m ON m.id = a.member_id
        WHERE ${inScope} GROUP BY a.id, m.member_code ORDER BY a.username`,
  );
  return list.map((a) => ({
    id: a.id,
    username: a.username,
    displayName: a.display_name,
    email: a.email,
    memberCode: a.member_code,
    disabled: a.disabled,
    lockedUntil: a.locked_until,
    grants: a.grants,
  }));
}

/**
 * An admin manages an account only when every grant of it lies inside the admin's subtrees. Inside the
 * command's transaction: the account row is locked FOR UPDATE (two changes of one account run one after the
 * other), its grants and their nodes FOR SHARE (a move of a node waits until the command ends).
 */
async function lockManagedAccount(tx: Db, actor: Actor, accountId: number) {
  await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId)).for('update');
  const list = await rows<{ path: string }>(
    tx,
    sql`SELECT o.path FROM grants g JOIN orgs o ON o.id = g.org_id WHERE g.account_id = ${accountId}
        ORDER BY o.path FOR SHARE`,
  );
  if (list.length === 0 || !list.every((g) => can(actor, ADMIN, g.path))) throw forbidden();
  return list[0]?.path ?? '/';
}

/** Account commands are for admins: refused before the password is hashed (argon2 is costly work). */
function assertAnyAdmin(actor: Actor) {
  if (!actor.grants.some((g) => g.role === 'admin')) throw forbidden();
}

/** The member an account stands for, locked FOR SHARE inside the command's transaction, in the admin's scope. */
async function memberIdOf(tx: Db, actor: Actor, code: string | null | undefined) {
  if (!code) return null;
  const [member] = await tx.select().from(members).where(eq(members.memberCode, code)).for('share');
  if (!member || !can(actor, ADMIN, member.orgPath)) {
    throw invalidField('memberCode', {
      vi: `Không có đảng viên ${code} trong phạm vi.`,
      en: `No member ${code} in scope.`,
    });
  }
  return member.id;
}

export async function createAccount(
  db: Db,
  actor: Actor,
  input: {
    username: string;
    displayName: string;
    password: string;
    memberCode?: string | null;
    email?: string | null;
    grants: GrantInput[];
  },
) {
  assertAnyAdmin(actor);
  // Hashed before the transaction: argon2 depends on no row, and a transaction held open for it would
  // keep the embedded database (one connection) waiting.
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const resolved = await resolveGrants(tx, actor, input.grants);
    const memberId = await memberIdOf(tx, actor, input.memberCode);
    const [exists] = await tx
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.username, input.username));
    if (exists)
      throw conflict(
        { vi: `Tên đăng nhập ${input.username} đã có.`, en: `Username ${input.username} is taken.` },
        'username',
      );
    const account = await insertOne(
      tx
        .insert(accounts)
        .values({
          username: input.username,
          displayName: input.displayName,
          email: input.email ?? null,
          passwordHash,
          memberId,
        })
        .returning(),
      'account',
    );
    await tx
      .insert(grants)
      .values(resolved.map((g) => ({ accountId: account.id, role: g.role, orgId: g.org.id })));
    await audit(tx, actor, {
      action: 'account.created',
      entityType: 'account',
      entityId: account.username,
      orgPath: resolved[0]?.org.path ?? '/',
      detail: { grants: input.grants },
    });
    return account.id;
  });
}

export async function updateAccount(
  db: Db,
  actor: Actor,
  id: number,
  input: {
    displayName?: string;
    disabled?: boolean;
    email?: string | null;
    password?: string;
    grants?: GrantInput[];
  },
) {
  assertAnyAdmin(actor);
  // Hashed before the transaction, like createAccount's.
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  await db.transaction(async (tx) => {
    const orgPath = await lockManagedAccount(tx, actor, id);
    const resolved = input.grants ? await resolveGrants(tx, actor, input.grants) : null;
    const patch = {
      ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(passwordHash ? { passwordHash, failedLogins: 0, lockedUntil: null } : {}),
    };
    if (Object.keys(patch).length > 0) await tx.update(accounts).set(patch).where(eq(accounts.id, id));
    if (resolved) {
      await tx.delete(grants).where(eq(grants.accountId, id));
      await tx.insert(grants).values(resolved.map((g) => ({ accountId: id, role: g.role, orgId: g.org.id })));
    }
    if (input.disabled || passwordHash) await tx.delete(sessions).where(inArray(sessions.accountId, [id]));
    // A new password lifts the sign-in waits of every address on the account (auth/lockout.ts).
    if (passwordHash) await clearLoginWaits(tx, id);
    await audit(tx, actor, {
      action: 'account.updated',
      entityType: 'account',
      entityId: id,
      orgPath,
      detail: {
        fields: Object.keys(input).filter((k) => k !== 'password'),
        passwordReset: Boolean(passwordHash),
      },
    });
  });
}
