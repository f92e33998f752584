import type { RatingByCommuneDto, RatingByCommuneRowDto } from '@nennep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, login, uploadFile } from '../../test/factories.ts';
import { seedTree } from '../../test/tree.ts';

/**
 * The dashboard per unit (issue 15 point 5) on the real database: two years of decisions under two communes of
 * a province (and a third commune with none), imported as results rated on paper; the figures of each commune,
 * their change from last year in percentage points, the drill-down into a commune's cells, and access.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let admin: Client;
let ga: Client;
let sec: Client;
let member: Client;
const now = new Date('2026-12-20T03:00:00Z');

const HEADER = 'year,period,subject,code,score,level,notes';
const csv = (lines: string[]) => Buffer.from([HEADER, ...lines].join('\n'), 'utf8');
const lines = (year: number, subject: 'org' | 'member', levels: Record<string, string>) =>
  Object.entries(levels).map(([code, level]) => `${year},,${subject},${code},,${level},`);

const member6 = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ code: `${prefix}${i + 1}`, name: `Đảng viên ${prefix}${i + 1}` }));

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  await seedTree(ctx.db, {
    orgs: [
      { code: 'P', name: 'Đảng bộ tỉnh Thử', kind: 'committee' },
      { code: 'GA', name: 'Đảng bộ xã Tân Hội', kind: 'grassroots_committee', parent: 'P' },
      { code: 'GB', name: 'Đảng bộ xã Tân Lập', kind: 'grassroots_committee', parent: 'P' },
      { code: 'GC', name: 'Đảng bộ xã Tân Tiến', kind: 'grassroots_committee', parent: 'P' },
      { code: 'A1', name: 'Chi bộ thôn Một', kind: 'cell', category: 'village', parent: 'GA' },
      { code: 'A2', name: 'Chi bộ thôn Hai', kind: 'cell', category: 'village', parent: 'GA' },
      { code: 'B1', name: 'Chi bộ thôn Ba', kind: 'cell', category: 'village', parent: 'GB' },
    ],
    members: [
      ...member6('A1', 6).map((m) => ({ ...m, org: 'A1' })),
      ...member6('A2', 2).map((m) => ({ ...m, org: 'A2' })),
      ...member6('B1', 4).map((m) => ({ ...m, org: 'B1' })),
    ],
    accounts: [
      ['admin', 'admin', 'P'],
      ['ga', 'committee_member', 'GA'],
      ['sec', 'cell_secretary', 'A1'],
      ['member', 'member', 'A1', 'A11'],
    ],
  });
  [admin, ga, sec, member] = await Promise.all(
    ['admin', 'ga', 'sec', 'member'].map((u) => login(ctx.app, u)),
  );
  const file = csv([
    // 2025: GA and its cells all "completed"; GB and its cell "good".
    ...lines(2025, 'org', { GA: 'completed', A1: 'completed', A2: 'completed', GB: 'good', B1: 'good' }),
    ...lines(2025, 'member', { A11: 'good', A12: 'good', A13: 'good', A14: 'good', A15: 'completed' }),
    ...lines(2025, 'member', { A16: 'failed', A21: 'good', A22: 'good' }),
    ...lines(2025, 'member', { B11: 'good', B12: 'good', B13: 'good', B14: 'good' }),
    // 2026: one member of A1 excellent (1 of 6 rated good or better: within 20 %).
    ...lines(2026, 'org', { GA: 'good', A1: 'good', A2: 'completed', GB: 'completed', B1: 'failed' }),
    ...lines(2026, 'member', { A11: 'excellent', A12: 'good', A13: 'good', A14: 'good', A15: 'good' }),
    ...lines(2026, 'member', { A16: 'good', A21: 'completed', A22: 'good' }),
    ...lines(2026, 'member', { B11: 'good', B12: 'good', B13: 'completed', B14: 'failed' }),
  ]);
  const res = await uploadFile(admin, '/api/ratings/import/commit', 'xep-loai.csv', file);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json().written).toBe(34);
});
afterAll(() => ctx.close());

const dashboard = async (client: Client, query: string) => {
  const res = await client.get(`/api/ratings/by-commune?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as RatingByCommuneDto;
};
const row = (d: RatingByCommuneDto, code: string): RatingByCommuneRowDto => {
  const found = d.items.find((r) => r.code === code);
  if (!found) throw new Error(`no row ${code}`);
  return found;
};
const levels = (excellent: number, good: number, completed: number, failed: number) => ({
  excellent,
  good,
  completed,
  failed,
});

describe('GET /api/ratings/by-commune over a province', () => {
  it('lists every commune in the tree’s order, with the figures of its subtree in both years', async () => {
    const d = await dashboard(admin, 'org=P&year=2026');
    expect(d).toMatchObject({ orgCode: 'P', year: 2026, previousYear: 2025, period: 'year' });
    expect(d.items.map((r) => r.code)).toEqual(['GA', 'GB', 'GC']);
    const a = row(d, 'GA');
    expect(a.hasChildren).toBe(true);
    // Organisations: the commune itself and its two cells.
    expect(a.organisations.current).toEqual({
      rated: 3,
      byLevel: levels(0, 2, 1, 0),
      percent: levels(0, 66.7, 33.3, 0),
    });
    expect(a.organisations.previous.percent).toEqual(levels(0, 0, 100, 0));
    expect(a.organisations.change).toEqual(levels(0, 66.7, -66.7, 0));
    expect(a.members.current).toEqual({
      rated: 8,
      byLevel: levels(1, 6, 1, 0),
      percent: levels(12.5, 75, 12.5, 0),
    });
    expect(a.members.previous.byLevel).toEqual(levels(0, 6, 1, 1));
    expect(a.members.change).toEqual(levels(12.5, 0, 0, -12.5));
  });

  it('gives the change of a commune that fell back, and none where last year had nobody rated', async () => {
    const d = await dashboard(admin, 'org=P&year=2026');
    const b = row(d, 'GB');
    expect(b.organisations.current.percent).toEqual(levels(0, 0, 50, 50));
    expect(b.organisations.change).toEqual(levels(0, -100, 50, 50));
    expect(b.members.current.percent).toEqual(levels(0, 50, 25, 25));
    expect(b.members.change).toEqual(levels(0, -50, 25, 25));
    const c = row(d, 'GC');
    expect(c.organisations.current.rated).toBe(0);
    expect(c.members.change).toBeNull();
    expect(c.hasChildren).toBe(false);
  });

  it('reads last year against the year before: 2025 has no 2024 to compare with', async () => {
    const d = await dashboard(admin, 'org=P&year=2025');
    expect(row(d, 'GA').members.current.byLevel).toEqual(levels(0, 6, 1, 1));
    expect(row(d, 'GA').members.change).toBeNull();
    const q1 = await dashboard(admin, 'org=P&year=2026&period=Q1');
    expect(q1.items.every((r) => r.members.current.rated === 0)).toBe(true);
  });
});

describe('drilling down into a commune', () => {
  it('lists its cells, the change rounded from the one-decimal shares the table shows', async () => {
    const d = await dashboard(ga, 'org=GA&year=2026');
    // The tree's order (by name): "Chi bộ thôn Hai" before "Chi bộ thôn Một".
    expect(d.items.map((r) => r.code)).toEqual(['A2', 'A1']);
    const a1 = row(d, 'A1');
    expect(a1.organisations.change).toEqual(levels(0, 100, -100, 0));
    expect(a1.members.current.percent).toEqual(levels(16.7, 83.3, 0, 0));
    expect(a1.members.previous.percent).toEqual(levels(0, 66.7, 16.7, 16.7));
    expect(a1.members.change).toEqual(levels(16.7, 16.6, -16.7, -16.7));
    expect(row(d, 'A2').members.current.byLevel).toEqual(levels(0, 1, 1, 0));
  });
});

describe('access, as the summary', () => {
  it('is refused signed out, to a member, and to a cell’s secretary for the commune above', async () => {
    expect((await ctx.app.inject({ url: '/api/ratings/by-commune?org=P&year=2026' })).statusCode).toBe(401);
    // The commune lies outside the secretary's subtree: unseen, so 404 like /ratings/summary.
    expect((await sec.get('/api/ratings/by-commune?org=GA&year=2026')).statusCode).toBe(404);
    expect((await ga.get('/api/ratings/by-commune?org=P&year=2026')).statusCode).toBe(404);
    // A member sees the cell (it is his) but reads no figures.
    expect((await member.get('/api/ratings/by-commune?org=A1&year=2026')).statusCode).toBe(403);
    expect((await sec.get('/api/ratings/by-commune?org=A1&year=2026')).statusCode).toBe(200);
  });

  it('names the field of a bad query', async () => {
    const bad = await admin.get('/api/ratings/by-commune?org=P&year=20x6');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toContain('year');
    const period = await admin.get('/api/ratings/by-commune?org=P&year=2026&period=Q4');
    expect(period.statusCode).toBe(400);
    expect((await admin.get('/api/ratings/by-commune?org=NOPE&year=2026')).statusCode).toBe(404);
  });
});
