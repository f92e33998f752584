import type { FourGoodCellDto, FourGoodListDto } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { buildRatingsFixture } from '../ratings/test-fixture.ts';

/**
 * "Chi bộ bốn tốt" on the real database (issue 15 point 6): registration once per cell and year and not for a
 * year over; the criteria computed from seeded meetings, ratings and members; the committee's assessments
 * and final result with the reason when it differs.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
const orgs = new Map<string, { id: number; path: string }>();
const members = new Map<string, { id: number; orgId: number }>();
const orgOf = (code: string) => {
  const o = orgs.get(code);
  if (!o) throw new Error(`no org ${code}`);
  return o;
};
const memberOf = (code: string) => {
  const m = members.get(code);
  if (!m) throw new Error(`no member ${code}`);
  return m;
};
let sec: Client;
let sec2: Client;
let ga: Client;
let now = new Date('2026-03-10T03:00:00Z');

const status = (cell: FourGoodCellDto, id: string) => cell.criteria.find((c) => c.id === id)?.status;
const fieldOf = (res: { json(): unknown }) =>
  (res.json() as { error: { fields: { field: string }[] } }).error.fields[0]?.field;
const list = async (client: Client, org: string, year = 2026) => {
  const res = await client.get(`/api/four-good?org=${org}&year=${year}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as FourGoodListDto;
};
const cellOf = async (client: Client, code: string) => {
  const found = (await list(client, 'GA')).items.find((i) => i.org.code === code);
  if (!found) throw new Error(`no registration of ${code}`);
  return found;
};

/** Twelve regular meetings of the cell in 2026 with the levels given (held), as the meetings module leaves them. */
async function seedMeetings(code: string, levels: readonly string[]) {
  const org = orgOf(code);
  for (const [i, level] of levels.entries()) {
    const date = `2026-${String(i + 1).padStart(2, '0')}-05`;
    await ctx.db.execute(
      sql`INSERT INTO meetings (org_id, org_path, kind, status, scheduled_date, start_time, level)
          VALUES (${org.id}, ${org.path}, 'regular', 'adopted', ${date}, '08:00', ${level})`,
    );
  }
  // A cancelled meeting and a thematic one do not count.
  await ctx.db.execute(
    sql`INSERT INTO meetings (org_id, org_path, kind, status, scheduled_date, start_time, level)
        VALUES (${org.id}, ${org.path}, 'regular', 'cancelled', '2026-12-20', '08:00', 'poor'),
               (${org.id}, ${org.path}, 'thematic', 'held', '2026-06-20', '08:00', 'poor')`,
  );
}

/** The committee's decision on a rating of 2026, as the ratings module leaves it. */
async function seedDecision(subject: 'org' | 'member', code: string, level: string) {
  const id = subject === 'org' ? orgOf(code).id : memberOf(code).id;
  const org = subject === 'org' ? orgOf(code) : [...orgs.values()].find((o) => o.id === memberOf(code).orgId);
  if (!org) throw new Error(`no cell of ${code}`);
  await ctx.db.execute(
    sql`INSERT INTO ratings (year, period, subject, subject_id, org_id, org_path, decision_level, decision_source)
        VALUES (2026, 'year', ${subject}, ${id}, ${org.id}, ${org.path}, ${level}, 'app')`,
  );
}

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  await buildRatingsFixture(ctx.db);
  for (const o of await rows<{ id: number; path: string; code: string }>(
    ctx.db,
    sql`SELECT id::int AS id, path, code FROM orgs`,
  ))
    orgs.set(o.code, o);
  for (const m of await rows<{ id: number; code: string; orgId: number }>(
    ctx.db,
    sql`SELECT id::int AS id, member_code AS code, org_id::int AS "orgId" FROM members`,
  ))
    members.set(m.code, m);
  [sec, sec2, ga] = await Promise.all(['sec', 'sec2', 'ga'].map((u) => login(ctx.app, u)));
});
afterAll(() => ctx.close());

describe('registering', () => {
  it('registers the cell once for the year, tracking four criteria from the rule set', async () => {
    const res = await sec.post('/api/four-good/register', { org: 'C', year: 2026, note: 'Phấn đấu đạt' });
    expect(res.statusCode, res.body).toBe(200);
    const cell = res.json() as FourGoodCellDto;
    expect(cell.status).toBe('registered');
    expect(cell.criteria.map((c) => c.id)).toEqual([
      'political_tasks',
      'meeting_quality',
      'unity_discipline',
      'good_members',
    ]);
    expect(cell.criteria.every((c) => c.verify && c.source.length > 0)).toBe(true);
    expect(cell.result).toBe('tracking');
    expect(cell.final).toBeNull();

    const again = await ga.post('/api/four-good/register', { org: 'C', year: 2026 });
    expect(again.statusCode).toBe(409);
    expect(fieldOf(again)).toBe('year');
    expect((await list(sec, 'C')).canRegister).toBe(false);
  });

  it('refuses a year already over, and a node that is not a cell, naming the field', async () => {
    const past = await sec2.post('/api/four-good/register', { org: 'C2', year: 2025 });
    expect(past.statusCode).toBe(400);
    expect(fieldOf(past)).toBe('year');
    const far = await sec2.post('/api/four-good/register', { org: 'C2', year: 2030 });
    expect(far.statusCode).toBe(400);
    expect(fieldOf(far)).toBe('year');
    const committee = await ga.post('/api/four-good/register', { org: 'GA', year: 2026 });
    expect(committee.statusCode).toBe(400);
    expect(fieldOf(committee)).toBe('org');
    const bad = await sec2.post('/api/four-good/register', { org: 'C2', year: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(fieldOf(bad)).toContain('year');
    expect((await list(sec2, 'C2')).canRegister).toBe(true);
    expect((await sec2.post('/api/four-good/register', { org: 'C2', year: 2026 })).statusCode).toBe(200);
  });
});

describe('tracking through the year', () => {
  it('computes the criteria from the meetings, the ratings and the members', async () => {
    await seedMeetings('C', [
      'good',
      'good',
      'good',
      'good',
      'fair',
      'good',
      'good',
      'good',
      'good',
      'fair',
      'good',
      'good',
    ]);
    let cell = await cellOf(ga, 'C');
    // Twelve held, 83.3 % of them "tốt": the measure is met; the ratings and manual criteria still wait.
    expect(status(cell, 'meeting_quality')).toBe('met');
    expect(cell.criteria.find((c) => c.id === 'meeting_quality')?.measure?.values).toMatchObject({
      held: 12,
      goodPercent: 83.3,
    });
    expect(status(cell, 'unity_discipline')).toBe('pending');
    expect(status(cell, 'good_members')).toBe('pending');
    expect(cell.result).toBe('tracking');

    now = new Date('2027-01-20T03:00:00Z');
    await seedDecision('org', 'C', 'good');
    for (const [code, level] of [
      ['C01', 'excellent'],
      ['C02', 'good'],
      ['C03', 'good'],
    ] as const)
      await seedDecision('member', code, level);
    cell = await cellOf(ga, 'C');
    expect(cell.rating).toBe('good');
    expect(status(cell, 'good_members')).toBe('met');
    // Manual criteria wait for the committee.
    expect(status(cell, 'political_tasks')).toBe('pending');
    expect(status(cell, 'unity_discipline')).toBe('pending');
    expect(cell.computed).toBe('tracking');
    expect(cell.abilities).toEqual({ assess: true, decide: true, withdraw: true });
  });

  it('lets the committee assess a manual criterion, not a measured one', async () => {
    const measured = await ga.post('/api/four-good/assess', {
      org: 'C',
      year: 2026,
      criterion: 'meeting_quality',
      met: true,
    });
    expect(measured.statusCode).toBe(400);
    expect(fieldOf(measured)).toBe('criterion');
    for (const criterion of ['political_tasks', 'unity_discipline']) {
      const res = await ga.post('/api/four-good/assess', {
        org: 'C',
        year: 2026,
        criterion,
        met: true,
        note: 'Tốt',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const cell = await cellOf(ga, 'C');
    expect(cell.criteria.map((c) => c.status)).toEqual(['met', 'met', 'met', 'met']);
    expect(cell.computed).toBe('achieved');
    expect(cell.criteria[0]?.assessment).toMatchObject({ met: true, note: 'Tốt', byName: 'ga' });
  });

  it('finds a member expelled in the year, and misses the meetings not held', async () => {
    await ctx.db.execute(
      sql`INSERT INTO member_events (member_id, kind, date, data)
          VALUES (${memberOf('C21').id}, 'status_changed', '2026-08-01', '{"from":"official","to":"expelled"}')`,
    );
    const cell = await cellOf(ga, 'C2');
    expect(status(cell, 'unity_discipline')).toBe('not_met');
    expect(status(cell, 'meeting_quality')).toBe('not_met');
    expect(cell.computed).toBe('not_achieved');
  });
});

describe('the final result', () => {
  it('needs the reason when it differs from the computed one, and keeps both', async () => {
    const bare = await ga.post('/api/four-good/result', { org: 'C', year: 2026, result: 'not_achieved' });
    expect(bare.statusCode).toBe(400);
    expect(fieldOf(bare)).toBe('reason');
    const res = await ga.post('/api/four-good/result', {
      org: 'C',
      year: 2026,
      result: 'not_achieved',
      reason: 'Có đơn thư phản ánh chưa được giải quyết',
    });
    expect(res.statusCode, res.body).toBe(200);
    const cell = res.json() as FourGoodCellDto;
    expect(cell.result).toBe('not_achieved');
    expect(cell.computed).toBe('achieved');
    expect(cell.final).toMatchObject({ result: 'not_achieved', computed: 'achieved', byName: 'ga' });
    expect(cell.abilities.assess).toBe(false);
    const [event] = await rows<{ detail: Record<string, unknown> }>(
      ctx.db,
      sql`SELECT detail FROM audit_events WHERE action = 'four_good.result' AND entity_type = 'four_good'`,
    );
    expect(event?.detail).toMatchObject({
      org: 'C',
      year: 2026,
      result: 'not_achieved',
      computed: 'achieved',
    });
    const late = await ga.post('/api/four-good/assess', {
      org: 'C',
      year: 2026,
      criterion: 'political_tasks',
      met: false,
    });
    expect(late.statusCode).toBe(409);
  });

  it('takes the computed result without a reason', async () => {
    const res = await ga.post('/api/four-good/result', { org: 'C2', year: 2026, result: 'not_achieved' });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as FourGoodCellDto).final?.reason).toBeNull();
  });

  it('is recorded only once the year is over, for a registered cell', async () => {
    now = new Date('2027-02-01T03:00:00Z');
    expect((await sec.post('/api/four-good/register', { org: 'C', year: 2027 })).statusCode).toBe(200);
    const early = await ga.post('/api/four-good/result', {
      org: 'C',
      year: 2027,
      result: 'achieved',
      reason: 'x',
    });
    expect(early.statusCode).toBe(400);
    expect(fieldOf(early)).toBe('year');
    const none = await ga.post('/api/four-good/result', { org: 'C2', year: 2027, result: 'achieved' });
    expect(none.statusCode).toBe(409);
    expect(fieldOf(none)).toBe('org');
  });

  it('lets the committee withdraw a registration with the reason, then nothing more is recorded', async () => {
    const res = await ga.post('/api/four-good/withdraw', { org: 'C', year: 2027, reason: 'Chi bộ xin rút' });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as FourGoodCellDto).status).toBe('withdrawn');
    const after = await ga.post('/api/four-good/assess', {
      org: 'C',
      year: 2027,
      criterion: 'political_tasks',
      met: true,
    });
    expect(after.statusCode).toBe(409);
    expect((await sec.post('/api/four-good/register', { org: 'C', year: 2027 })).statusCode).toBe(409);
  });
});
