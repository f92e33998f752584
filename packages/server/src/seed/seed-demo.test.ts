import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { Database } from '../db/client.ts';
import { demoDatabase } from '../test/demo.ts';
import { login } from '../test/factories.ts';
import {
  DEMO_ROOT_CODE,
  DEMO_SECRETARY_CELL_CODE,
  DEMO_SECRETARY_CELL_SIZE,
  generateDemoData,
} from './demo-data.ts';
import { DEMO_PASSWORD, demoDay, isSeeded, seedDemo } from './seed-demo.ts';

let app: FastifyInstance;
let database: Database;
let data: ReturnType<typeof generateDemoData>;

const counts = async () =>
  (
    await database.raw.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM orgs) AS orgs, (SELECT count(*)::int FROM members) AS members,
         (SELECT count(*)::int FROM accounts) AS accounts, (SELECT count(*)::int FROM grants) AS grants,
         (SELECT count(*)::int FROM member_events) AS member_events, (SELECT count(*)::int FROM org_events) AS org_events,
         (SELECT count(*)::int FROM meetings) AS meetings, (SELECT count(*)::int FROM audit_events) AS audit`,
    )
  )[0];

beforeAll(async () => {
  database = await demoDatabase();
  // The demo as it was generated on the day it was seeded.
  data = generateDemoData({ today: (await demoDay(database.db)) ?? '' });
  app = await buildApp({ database, config: { secureCookies: false, sessionDays: 1 } }, { webDist: null });
  await app.ready();
}, 300_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('seedDemo', () => {
  it('loads the tree and the members through the import path, with their history, once', async () => {
    expect(await isSeeded(database.db)).toBe(true);
    const now = await counts();
    expect(now).toMatchObject({
      orgs: data.orgs.length,
      members: data.members.length,
      member_events: data.members.length,
      org_events: data.orgs.length,
    });
    // The six named accounts and the communes' working group members, each with one grant.
    expect(now?.accounts).toBeGreaterThan(data.accounts.length + 8);
    expect(now?.grants).toBe(now?.accounts);
    expect(await seedDemo(database, { now: new Date() })).toMatchObject({ orgs: 0, members: 0, accounts: 0 });
    expect(await counts()).toEqual(now);
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
