/**
 * Loads the 2026 demo (`province.ts`) in one transaction, relative to the day it is seeded: the tree and
 * ~5,600 members through the import path, the demo accounts (password `demo1234`), the province's rule set,
 * a year of meetings held and adopted, the communes' supervision plans and visit reports,
 * recommendations in every state, and the communes' reports on the last quarter. Meetings still to come, plans, visits and recommendations go through the
 * same commands as the screens; the year's past meetings go in bulk by the same rules (`history/`).
 */
import {
  addDays,
  DEFAULT_RULE_SET,
  DEFAULT_SUPERVISION_RULES,
  isoDateInVietnam,
  type RuleSetContent,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Conn, withBulkTransaction } from '../db/bulk.ts';
import { type Database, type Db, rows } from '../db/client.ts';
import { insertOne } from '../db/insert.ts';
import { ruleSets } from '../db/schema/index.ts';
import { hashPassword } from '../modules/auth/service.ts';
import { applyRecords, auditImport, recordsOf } from '../modules/imports/service.ts';
import type { ImportError } from '../modules/imports/validate.ts';
import { findOrg } from '../modules/orgs/queries.ts';
import { demoActor } from './demo-actor.ts';
import {
  DEMO_COMMUNE_CODE,
  DEMO_DEFAULT_SEED,
  DEMO_ROOT_CODE,
  DEMO_SECRETARY_CELL_CODE,
  type DemoData,
  generateDemoData,
} from './demo-data.ts';
import { calendarMonths } from './history/calendar.ts';
import { holdYear, planYear } from './history/index.ts';
import { loadWorld } from './history/world.ts';
import { seedPassOnDemo } from './pass-on-demo.ts';
import { answersBeforeTheYear, recommendationsAfterTheYear } from './recommendations-demo.ts';
import { seedReportsDemo } from './reports-demo.ts';
import { reportVisits, seedSupervisionDemo } from './supervision-demo.ts';
import { seedThematicDemo } from './thematic-demo.ts';

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

export interface DemoSummary {
  orgs: number;
  members: number;
  accounts: number;
  meetings: { held: number; adopted: number; cancelled: number };
}

/** The tree, the members and the named accounts, through the import path. */
async function loadPeople(conn: Conn, data: DemoData, hashes: string[], today: string) {
  const orgs = await applyRecords(conn, recordsOf('orgs', data.orgs), null, today, true);
  if (!orgs.result) throw failure('organisations', orgs.errors);
  await auditImport(conn, null, 'orgs', 'seed-demo', 'seed-demo', orgs);
  const members = await applyRecords(conn, recordsOf('members', data.members), null, today, true);
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
  return { orgs: orgs.result.created, members: members.result.created };
}

/**
 * The province's rule set, in force from the reform of 01/7/2025 (or a year before the history starts):
 * the default sheet and agendas, meetings in the first ten days of the month, and communes visiting every
 * residential cell once a quarter (any month of it).
 */
async function provinceRules(db: Db, rootId: number, rootPath: string, from: string) {
  const content: RuleSetContent = {
    ...DEFAULT_RULE_SET,
    meetingWindow: { fromDay: 1, toDay: 10 },
    // The thematic meeting on an evening of its own, in the middle of the quarter's second month.
    thematicMode: 'separate',
    thematicDaysAfter: 12,
    supervision: { ...DEFAULT_SUPERVISION_RULES, windowMonths: 3 },
  };
  const effectiveFrom = from < '2025-07-01' ? from : '2025-07-01';
  const row = await insertOne(
    db
      .insert(ruleSets)
      .values({
        orgId: rootId,
        orgPath: rootPath,
        name: 'Quy định về sinh hoạt chi bộ của Ban Thường vụ Tỉnh ủy (sau sắp xếp đơn vị hành chính)',
        effectiveFrom,
        content,
      })
      .returning({ id: ruleSets.id }),
    'demo rule set',
  );
  return { id: row.id, content };
}

/**
 * Seeds the demo as it stands on the day of `now` (the caller's clock); a database that already has
 * organisations is left as it is (all counts 0).
 */
export async function seedDemo(
  database: Database,
  options: { now: Date; seed?: number },
): Promise<DemoSummary> {
  const { now } = options;
  const seed = options.seed ?? DEMO_DEFAULT_SEED;
  const today = isoDateInVietnam(now);
  const data = generateDemoData({ today, seed });
  const hashes = await Promise.all(data.accounts.map(() => hashPassword(DEMO_PASSWORD)));
  const empty = { orgs: 0, members: 0, accounts: 0, meetings: { held: 0, adopted: 0, cancelled: 0 } };
  return withBulkTransaction(database, async (conn, db) => {
    const [existing] = await conn.query<{ seeded: boolean }>('SELECT EXISTS (SELECT 1 FROM orgs) AS seeded');
    if (existing?.seeded) return empty;
    const people = await loadPeople(conn, data, hashes, today);
    const root = await findOrg(db, DEMO_ROOT_CODE);
    if (!root) throw new Error('demo root missing');
    const [first] = calendarMonths(today);
    const from = `${first?.[0]}-${String(first?.[1]).padStart(2, '0')}-01`;
    const ruleSet = await provinceRules(db, root.id, root.path, addDays(from, -365));
    const world = await loadWorld(db, root.path, ruleSet, { seed, diligent: DEMO_SECRETARY_CELL_CODE });
    const admin = await demoActor(db, 'admin');
    const year = await planYear(conn, db, world, {
      today,
      seed,
      secretaryCellCode: DEMO_SECRETARY_CELL_CODE,
      actor: admin,
    });
    const supervision = await seedSupervisionDemo(db, {
      root,
      passwordHash: hashes[0] ?? '',
      today,
      from,
      secretaryCellCode: DEMO_SECRETARY_CELL_CODE,
      communeCode: DEMO_COMMUNE_CODE,
      seed,
    });
    const recs = {
      db,
      today,
      rootCode: DEMO_ROOT_CODE,
      communeCode: DEMO_COMMUNE_CODE,
      secretaryCellCode: DEMO_SECRETARY_CELL_CODE,
    };
    await answersBeforeTheYear(recs);
    const meetings = await holdYear(conn, db, world, year, {
      today,
      rootPath: root.path,
      seed,
      actor: admin,
    });
    const manual = new Set(
      ruleSet.content.scoreSheet.criteria.filter((c) => c.kind === 'manual').map((c) => c.id),
    );
    await reportVisits(db, { rootPath: root.path, today, seed, manual });
    await recommendationsAfterTheYear(recs);
    await seedReportsDemo(db, { root, today, manager: 'admin' });
    // The thematic programme and the documents to pass on (issue 17 items 1 and 2).
    await seedThematicDemo(db, {
      root,
      today,
      communeCode: DEMO_COMMUNE_CODE,
      secretaryCellCode: DEMO_SECRETARY_CELL_CODE,
    });
    await seedPassOnDemo(db, { root, today });
    // The day the demo counts from, for those who read it later (tests, operators).
    await conn.query(
      `INSERT INTO audit_events (actor_name, action, entity_type, entity_id, org_path, detail)
       VALUES ('system', 'demo.seeded', 'org', $1, $2, $3::jsonb)`,
      [root.code, root.path, JSON.stringify({ today, seed })],
    );
    return { ...people, accounts: data.accounts.length + supervision.visitorsCreated, meetings };
  });
}

/** The day the demo in this database was seeded (its "today"), or null when it holds no demo. */
export async function demoDay(db: Db): Promise<string | null> {
  const [row] = await rows<{ today: string }>(
    db,
    sql`SELECT detail->>'today' AS today FROM audit_events WHERE action = 'demo.seeded' ORDER BY id DESC LIMIT 1`,
  );
  return row?.today ?? null;
}
