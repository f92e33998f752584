import { createInterface } from 'node:readline/promises';
import { usernameSchema } from '@nennep/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { insertOne } from '../db/insert.ts';
import { accounts, grants } from '../db/schema/index.ts';
import { audit } from '../http/audit.ts';
import { hashPassword } from '../modules/auth/service.ts';
import { insertOrg } from '../modules/orgs/commands.ts';
import { findOrg } from '../modules/orgs/queries.ts';

interface Options {
  username?: string;
  org?: string;
  'org-name'?: string;
  name?: string;
  password?: string;
}

async function askPassword(): Promise<string> {
  if (process.env.NENNEP_ADMIN_PASSWORD) return process.env.NENNEP_ADMIN_PASSWORD;
  if (!process.stdin.isTTY)
    throw new Error('Cần --password hoặc NENNEP_ADMIN_PASSWORD. / Give --password or NENNEP_ADMIN_PASSWORD.');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question('Mật khẩu / password: ');
  rl.close();
  return answer;
}

/** Makes an administrator on a node; creates the node as a root committee when it does not exist yet. */
export async function createAdmin(db: Db, options: Options): Promise<number> {
  const username = usernameSchema.safeParse(options.username ?? '');
  if (!username.success || !options.org) {
    console.error('Cần --username (chữ thường, số, . _ -) và --org MÃ. / Need --username and --org CODE.');
    return 2;
  }
  const password = options.password ?? (await askPassword());
  if (password.length < 8) {
    console.error('Mật khẩu cần ít nhất 8 ký tự. / The password needs at least 8 characters.');
    return 2;
  }
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    let org = await findOrg(tx, options.org ?? '');
    if (!org) {
      if (!options['org-name'])
        throw new Error(`Chưa có tổ chức ${options.org}: thêm --org-name để tạo tổ chức gốc.`);
      org = await insertOrg(
        tx,
        null,
        { code: options.org ?? '', name: options['org-name'], kind: 'committee', category: null },
        null,
      );
    }
    const [existing] = await tx.select().from(accounts).where(eq(accounts.username, username.data));
    if (existing) throw new Error(`Tên đăng nhập ${username.data} đã có. / Username taken.`);
    const account = await insertOne(
      tx
        .insert(accounts)
        .values({ username: username.data, displayName: options.name ?? username.data, passwordHash })
        .returning(),
      'account',
    );
    await tx.insert(grants).values({ accountId: account.id, role: 'admin', orgId: org.id });
    await audit(tx, null, {
      action: 'account.created',
      entityType: 'account',
      entityId: account.username,
      orgPath: org.path,
      detail: { role: 'admin', cli: true },
    });
  });
  console.log(`Đã tạo quản trị viên ${username.data} trên ${options.org}.`);
  return 0;
}
