import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { buildTestApp, login } from '../test/factories.ts';
import {
  DEMO_ROOT_CODE,
  DEMO_SECRETARY_CELL_CODE,
  DEMO_SECRETARY_CELL_SIZE,
  generateDemoData,
} from './demo-data.ts';
import { DEMO_PASSWORD, isSeeded, seedDemo } from './seed-demo.ts';

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
const data = generateDemoData();

const counts = async () =>
  (
    await database.raw.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM orgs) AS orgs, (SELECT count(*)::int FROM members) AS members,
         (SELECT count(*)::int FROM accounts) AS accounts, (SELECT count(*)::int FROM grants) AS grants,
         (SELECT count(*)::int FROM member_events) AS member_events, (SELECT count(*)::int FROM org_events) AS org_events,
         (SELECT count(*)::int FROM member_periods) AS periods`,
    )
  )[0];

beforeAll(async () => {
  ({ app, database, close } = await buildTestApp());
});
afterAll(() => close());

describe('seedDemo', () => {
  it('loads the generated demo through the import path, quickly, once', async () => {
    expect(await isSeeded(database.db)).toBe(false);
    const started = performance.now();
    const summary = await seedDemo(database);
    const elapsed = performance.now() - started;
    // The five named accounts, and the members of the district's eight working groups (supervision).
    expect(summary).toMatchObject({ orgs: data.orgs.length, members: data.members.length });
    expect(summary.accounts).toBeGreaterThan(data.accounts.length + 40);
    expect(elapsed).toBeLessThan(20_000);
    expect(await isSeeded(database.db)).toBe(true);
    const exempt = data.members.filter((m) => m.exempt_from !== null).length;
    expect(await counts()).toEqual({
      orgs: data.orgs.length,
      members: data.members.length,
      accounts: summary.accounts,
      grants: summary.accounts,
      member_events: data.members.length,
      org_events: data.orgs.length,
      periods: exempt,
    });
    const before = await counts();
    expect(await seedDemo(database)).toEqual({ orgs: 0, members: 0, accounts: 0 });
    expect(await counts()).toEqual(before);
  });

  it('keeps the tree and the members consistent (paths, sort keys)', async () => {
    const [bad] = await database.raw.query<{ orphans: number; misplaced: number }>(
      `SELECT (SELECT count(*)::int FROM orgs c JOIN orgs p ON p.id = c.parent_id WHERE c.path <> p.path || c.id || '/') AS orphans,
         (SELECT count(*)::int FROM members m JOIN orgs o ON o.id = m.org_id WHERE m.org_path <> o.path) AS misplaced`,
    );
    expect(bad).toEqual({ orphans: 0, misplaced: 0 });
  });

  it('creates demo accounts that sign in with the demo password and see their scope', async () => {
    const admin = await login(app, 'admin', DEMO_PASSWORD);
    const stats = (await admin.get(`/api/orgs/${DEMO_ROOT_CODE}/stats`)).json();
    expect(stats.members.total).toBe(data.members.length);
    const secretary = await login(app, 'secretary', DEMO_PASSWORD);
    const cell = (await secretary.get(`/api/members?org=${DEMO_SECRETARY_CELL_CODE}&pageSize=50`)).json();
    expect(cell.total).toBe(DEMO_SECRETARY_CELL_SIZE);
    const me = (await secretary.get('/api/auth/me')).json();
    expect(me.memberCode).toBe(data.accounts.find((a) => a.username === 'secretary')?.memberCode);
    for (const account of data.accounts) await login(app, account.username, DEMO_PASSWORD);
  });
});
