import type { RatingDto } from '@nennep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { buildRatingsFixture } from './test-fixture.ts';

/**
 * Access on every ratings route (issue 15): a secretary sees and proposes only for the cell, a member sees and
 * assesses only himself or herself, the committee above decides; nobody signed out reaches any of them.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let sec: Client;
let sec2: Client;
let member: Client;
let member2: Client;
let ga: Client;
const now = new Date('2026-12-20T03:00:00Z');
const year = 2026;
const c01 = { year, subject: 'member', code: 'C01' } as const;
const codes = (res: { json(): unknown }) =>
  ((res.json() as { items: RatingDto[] }).items ?? []).map((r) => r.code);

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  await buildRatingsFixture(ctx.db);
  [sec, sec2, member, member2, ga] = await Promise.all(
    ['sec', 'sec2', 'member', 'member2', 'ga'].map((u) => login(ctx.app, u)),
  );
  // Each member of C and C2 has assessed; C's secretary and C2's have proposed for their own.
  for (const client of [member, member2]) {
    expect(
      (await client.post('/api/ratings/self-assess', { year, level: 'good', score: 80 })).statusCode,
    ).toBe(200);
  }
  for (const [client, code] of [
    [sec, 'C02'],
    [sec, 'C03'],
    [sec2, 'C21'],
  ] as const) {
    const res = await client.post('/api/ratings/propose', {
      year,
      subject: 'member',
      code,
      level: 'good',
      score: 80,
    });
    expect(res.statusCode, res.body).toBe(200);
  }
});
afterAll(() => ctx.close());

describe('signed out', () => {
  it('answers 401 on every route', async () => {
    const step = { ...c01, level: 'good' };
    const routes = [
      ['GET', '/api/ratings?org=C&year=2026', undefined],
      ['GET', '/api/ratings/summary?org=C&year=2026', undefined],
      ['GET', '/api/ratings/quota?org=C&year=2026', undefined],
      ['GET', '/api/ratings/suggested?subject=member&id=C01&year=2026', undefined],
      ['POST', '/api/ratings/self-assess', { year, level: 'good' }],
      ['POST', '/api/ratings/propose', step],
      ['POST', '/api/ratings/decide', step],
      ['POST', '/api/ratings/not-rated', { ...c01, reason: 'other' }],
    ] as const;
    for (const [method, url, payload] of routes) {
      const res = await ctx.app.inject({ method, url, payload });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });
});

describe('GET /api/ratings', () => {
  it('shows a secretary the cell’s ratings, none of another cell', async () => {
    expect(codes(await sec.get('/api/ratings?org=C&year=2026')).sort()).toEqual(['C01', 'C02', 'C03']);
    expect((await sec2.get('/api/ratings?org=C&year=2026')).statusCode).toBe(404);
    expect(codes(await sec2.get('/api/ratings?org=C2&year=2026'))).toEqual(['C21']);
    expect((await sec.get('/api/ratings?org=GA&year=2026')).statusCode).toBe(404);
  });

  it('shows a member only his or her own', async () => {
    const own = await member.get('/api/ratings?org=C&year=2026');
    expect(codes(own)).toEqual(['C01']);
    expect((own.json() as { items: RatingDto[] }).items[0]?.abilities).toEqual({
      selfAssess: true,
      propose: false,
      decide: false,
    });
    expect((await member.get('/api/ratings?org=C2&year=2026')).statusCode).toBe(404);
  });

  it('shows the committee its subtree, with the right to decide', async () => {
    const all = await ga.get('/api/ratings?org=GA&year=2026&subject=member');
    expect(codes(all).sort()).toEqual(['C01', 'C02', 'C03', 'C21']);
    expect((all.json() as { items: RatingDto[] }).items.every((r) => r.abilities.decide)).toBe(true);
  });

  it('names the field of a bad query', async () => {
    const bad = await sec.get('/api/ratings?org=C&year=20x6');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toContain('year');
  });
});

describe('GET /api/ratings/summary', () => {
  it('is for staff of the subtree: the secretary’s own cell, not another’s; never a member', async () => {
    expect((await sec.get('/api/ratings/summary?org=C&year=2026')).statusCode).toBe(200);
    expect((await sec2.get('/api/ratings/summary?org=C&year=2026')).statusCode).toBe(404);
    expect((await member.get('/api/ratings/summary?org=C&year=2026')).statusCode).toBe(403);
    expect((await ga.get('/api/ratings/summary?org=GA&year=2026')).statusCode).toBe(200);
  });
});

describe('GET /api/ratings/quota', () => {
  it('is for staff of the subtree, as the summary', async () => {
    expect((await sec.get('/api/ratings/quota?org=C&year=2026')).statusCode).toBe(200);
    expect((await sec2.get('/api/ratings/quota?org=C&year=2026')).statusCode).toBe(404);
    expect((await member.get('/api/ratings/quota?org=C&year=2026')).statusCode).toBe(403);
    expect((await ga.get('/api/ratings/quota?org=GA&year=2026')).statusCode).toBe(200);
  });
});

describe('GET /api/ratings/suggested', () => {
  it('is as reading the rating: a member his or her own, the secretary the cell’s, not another cell’s', async () => {
    const url = (subject: string, id: string) =>
      `/api/ratings/suggested?subject=${subject}&id=${id}&year=2026`;
    expect((await member.get(url('member', 'C01'))).statusCode).toBe(200);
    expect((await member.get(url('member', 'C02'))).statusCode).toBe(403);
    expect((await member.get(url('member', 'C21'))).statusCode).toBe(404);
    expect((await member.get(url('org', 'C'))).statusCode).toBe(403);
    expect((await sec.get(url('member', 'C02'))).statusCode).toBe(200);
    expect((await sec.get(url('org', 'C'))).statusCode).toBe(200);
    expect((await sec2.get(url('member', 'C01'))).statusCode).toBe(404);
    expect((await sec2.get(url('org', 'C'))).statusCode).toBe(404);
    expect((await ga.get(url('org', 'C2'))).statusCode).toBe(200);
  });
});

describe('POST /api/ratings/self-assess', () => {
  it('is a member’s own only', async () => {
    const other = await member.post('/api/ratings/self-assess', { ...c01, code: 'C02', level: 'good' });
    expect(other.statusCode).toBe(403);
    const stranger = await member.post('/api/ratings/self-assess', { ...c01, code: 'C21', level: 'good' });
    expect(stranger.statusCode).toBe(404);
    const notMember = await ga.post('/api/ratings/self-assess', { year, level: 'good' });
    expect(notMember.statusCode).toBe(403);
    const cell = await member.post('/api/ratings/self-assess', {
      year,
      subject: 'org',
      code: 'C',
      level: 'good',
    });
    expect(cell.statusCode).toBe(403);
  });

  it('lets a cell’s secretary assess the cell, not another', async () => {
    const own = await sec.post('/api/ratings/self-assess', {
      year,
      subject: 'org',
      code: 'C',
      level: 'good',
      score: 82,
    });
    expect(own.statusCode, own.body).toBe(200);
    const other = await sec2.post('/api/ratings/self-assess', {
      year,
      subject: 'org',
      code: 'C',
      level: 'good',
    });
    expect(other.statusCode).toBe(404);
  });
});

describe('POST /api/ratings/propose', () => {
  it('is the secretary of that cell’s', async () => {
    expect((await sec2.post('/api/ratings/propose', { ...c01, level: 'good' })).statusCode).toBe(404);
    expect((await member.post('/api/ratings/propose', { ...c01, level: 'good' })).statusCode).toBe(403);
    const own = await sec.post('/api/ratings/propose', { ...c01, level: 'good', score: 80 });
    expect(own.statusCode).toBe(200);
    expect((own.json() as RatingDto).self).toMatchObject({ level: 'good', by: 'member' });
  });

  it('refuses a meeting of another cell as the year-end meeting, naming the field', async () => {
    const otherCell = await sec2.post('/api/meetings', {
      orgCode: 'C2',
      kind: 'regular',
      date: '2026-12-21',
      startTime: '19:30',
    });
    expect(otherCell.statusCode, otherCell.body).toBe(201);
    const wrong = await sec.post('/api/ratings/propose', {
      ...c01,
      level: 'good',
      meetingId: otherCell.json().id,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].field).toBe('meetingId');
    const own = await sec.post('/api/meetings', {
      orgCode: 'C',
      kind: 'regular',
      date: '2026-12-21',
      startTime: '19:30',
    });
    const right = await sec.post('/api/ratings/propose', { ...c01, level: 'good', meetingId: own.json().id });
    expect(right.statusCode).toBe(200);
    expect((right.json() as RatingDto).proposal?.meetingId).toBe(own.json().id);
  });
});

describe('POST /api/ratings/decide', () => {
  it('is the committee above’s: never the cell’s secretary, another cell’s, or the member', async () => {
    expect((await sec.post('/api/ratings/decide', { ...c01, level: 'good' })).statusCode).toBe(403);
    expect((await sec2.post('/api/ratings/decide', { ...c01, level: 'good' })).statusCode).toBe(404);
    expect((await member.post('/api/ratings/decide', { ...c01, level: 'good' })).statusCode).toBe(403);
    const decided = await ga.post('/api/ratings/decide', { ...c01, level: 'good', score: 80 });
    expect(decided.statusCode).toBe(200);
    // A cell's own rating is decided above it too: not by its secretary.
    expect(
      (await sec.post('/api/ratings/decide', { year, subject: 'org', code: 'C', level: 'good' })).statusCode,
    ).toBe(403);
  });

  it('refuses to propose once decided', async () => {
    expect((await sec.post('/api/ratings/propose', { ...c01, level: 'good' })).statusCode).toBe(409);
  });
});

describe('POST /api/ratings/not-rated', () => {
  it('is for those who propose or decide for the subject', async () => {
    const body = { year, subject: 'member', code: 'C03', reason: 'long_leave' };
    expect((await sec2.post('/api/ratings/not-rated', body)).statusCode).toBe(404);
    expect((await member.post('/api/ratings/not-rated', body)).statusCode).toBe(403);
    expect((await sec.post('/api/ratings/not-rated', body)).statusCode).toBe(200);
    const list = (await ga.get('/api/ratings?org=C&year=2026')).json().items as RatingDto[];
    expect(list.find((r) => r.code === 'C03')).toMatchObject({
      notRated: { reason: 'long_leave' },
      level: null,
    });
  });
});

describe('every ratings route has its access test', () => {
  it('names them all: the eight above, the import (import.test.ts), the report (report.test.ts), the dashboard (by-commune.test.ts)', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
      .filter((route) => / \/api\/ratings/.test(route))
      .sort();
    expect(routes).toEqual([
      'GET /api/ratings',
      'GET /api/ratings/by-commune',
      'GET /api/ratings/quota',
      'GET /api/ratings/report',
      'GET /api/ratings/suggested',
      'GET /api/ratings/summary',
      'POST /api/ratings/decide',
      'POST /api/ratings/import/commit',
      'POST /api/ratings/import/preview',
      'POST /api/ratings/not-rated',
      'POST /api/ratings/propose',
      'POST /api/ratings/self-assess',
    ]);
  });
});
