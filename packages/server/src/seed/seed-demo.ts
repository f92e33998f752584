/**
 * Loads the demo organisation (Đảng bộ huyện Đan Phượng, ~7,000 members) through the import path:
 * the same validation and bulk commit as a file import, all in one transaction, then the demo accounts
 * (password `demo1234`). Deterministic: the same tree, members and accounts every time.
 */
import { isoDateInVietnam } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { withTransaction } from '../db/bulk.ts';
import { type Database, type Db, rows } from '../db/client.ts';
import { hashPassword } from '../modules/auth/service.ts';
import { applyRecords, auditImport, recordsOf } from '../modules/imports/service.ts';
import type { ImportError } from '../modules/imports/validate.ts';
import { generateDemoData } from './demo-data.ts';
import { seedRecommendationsDemo } from './recommendations-demo.ts';
import { seedSupervisionDemo } from './supervision-demo.ts';

export const DEMO_PASSWORD = 'demo1234';

/**
 * Whether the database already holds an organisation tree (the demo or a real one): the demo is only
 * ever loaded into an empty database.
 */
export async function isSeeded(db: Db): Promise<boolean> {
  const [row] = await rows<{ seeded: boolean }>(db, sql`SELECT EXISTS (SELECT 1 FROM orgs) AS seeded`);
  return row?.seeded === true;
}

function failure(kind: string, errors: ImportError[]): Error {
  const first = errors
    .slice(0, 5)
    .map((e) => `row ${e.row} ${e.field}: ${e.message.en}`)
    .join('; ');
  return new Error(`demo ${kind} rejected by the import validation: ${first}`);
}

/** Seeds the demo; a database that already has organisations is left as it is (all counts 0). */
export async function seedDemo(
  database: Database,
): Promise<{ orgs: number; members: number; accounts: number }> {
  const data = generateDemoData();
  const hashes = await Promise.all(data.accounts.map(() => hashPassword(DEMO_PASSWORD)));
  const now = new Date();
  const today = isoDateInVietnam(now);
  const summary = await withTransaction(database, async (conn) => {
    const [existing] = await conn.query<{ seeded: boolean }>('SELECT EXISTS (SELECT 1 FROM orgs) AS seeded');
    if (existing?.seeded) return { orgs: 0, members: 0, accounts: 0 };

    const orgRecords = recordsOf('orgs', data.orgs);
    const orgs = await applyRecords(conn, orgRecords, null, today, true);
    if (!orgs.result) throw failure('organisations', orgs.errors);
    await auditImport(conn, null, 'orgs', 'seed-demo', 'seed-demo', orgs);

    const memberRecords = recordsOf('members', data.members);
    const members = await applyRecords(conn, memberRecords, null, today, true);
    if (!members.result) throw failure('members', members.errors);
    await auditImport(conn, null, 'members', 'seed-demo', 'seed-demo', members);

    const orgIds = new Map(
      (await conn.query<{ id: number; code: string }>('SELECT id::int AS id, code FROM orgs')).map((o) => [
        o.code,
        o.id,
      ]),
    );
    const codes = data.accounts.flatMap((a) => (a.memberCode ? [a.memberCode] : []));
    const memberIds = new Map(
      (
        await conn.query<{ id: number; code: string }>(
          'SELECT id::int AS id, member_code AS code FROM members WHERE member_code = ANY($1::text[])',
          [codes],
        )
      ).map((m) => [m.code, m.id]),
    );
    for (const [index, account] of data.accounts.entries()) {
      const [created] = await conn.query<{ id: number }>(
        `INSERT INTO accounts (username, display_name, password_hash, member_id) VALUES ($1, $2, $3, $4)
         RETURNING id::int AS id`,
        [
          account.username,
          account.displayName,
          hashes[index],
          account.memberCode ? (memberIds.get(account.memberCode) ?? null) : null,
        ],
      );
      const orgId = orgIds.get(account.orgCode);
      if (!created || orgId === undefined)
        throw new Error(`demo account ${account.username}: no org ${account.orgCode}`);
      await conn.query('INSERT INTO grants (account_id, role, org_id) VALUES ($1, $2, $3)', [
        created.id,
        account.role,
        orgId,
      ]);
    }
    await conn.query(
      `INSERT INTO audit_events (actor_id, actor_name, action, entity_type, entity_id, org_path, detail)
       VALUES (NULL, 'system', 'account.seeded', 'account', 'seed-demo', '/', $1::jsonb)`,
      [JSON.stringify({ usernames: data.accounts.map((a) => a.username) })],
    );
    return { orgs: orgs.result.created, members: members.result.created, accounts: data.accounts.length };
  });
  if (summary.orgs === 0) return summary;
  // Working groups, the coming window's meetings, its published rotation plan (same password), and a few
  // recommendations on their way.
  const supervision = await database.db.transaction(async (tx) => {
    const seeded = await seedSupervisionDemo(tx, hashes[0] ?? '', now, today);
    await seedRecommendationsDemo(tx, now, today);
    return seeded;
  });
  return { ...summary, accounts: summary.accounts + supervision.visitorsCreated };
}
