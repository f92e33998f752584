import type { FourGoodListDto } from '@nennep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { buildRatingsFixture } from '../ratings/test-fixture.ts';

/**
 * Access on every four-good route (issue 15 point 6): a secretary sees and registers only his or her cell,
 * a member reads none of it, the committee above the cells assesses, decides and withdraws; nobody signed out
 * reaches any of them.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let sec: Client;
let sec2: Client;
let member: Client;
let member2: Client;
let ga: Client;
let admin: Client;
const now = new Date('2027-01-10T03:00:00Z');
const year = 2027;
const codes = (res: { json(): unknown }) => (res.json() as FourGoodListDto).items.map((i) => i.org.code);

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  await buildRatingsFixture(ctx.db);
  [sec, sec2, member, member2, ga, admin] = await Promise.all(
    ['sec', 'sec2', 'member', 'member2', 'ga', 'admin'].map((u) => login(ctx.app, u)),
  );
  for (const [client, org] of [
    [sec, 'C'],
    [sec2, 'C2'],
  ] as const) {
    const res = await client.post('/api/four-good/register', { org, year });
    expect(res.statusCode, res.body).toBe(200);
  }
});
afterAll(() => ctx.close());

describe('signed out', () => {
  it('answers 401 on every route', async () => {
    const routes = [
      ['GET', `/api/four-good?org=C&year=${year}`, undefined],
      ['POST', '/api/four-good/register', { org: 'C', year }],
      ['POST', '/api/four-good/withdraw', { org: 'C', year, reason: 'x' }],
      ['POST', '/api/four-good/assess', { org: 'C', year, criterion: 'political_tasks', met: true }],
      ['POST', '/api/four-good/result', { org: 'C', year, result: 'achieved' }],
    ] as const;
    for (const [method, url, payload] of routes) {
      const res = await ctx.app.inject({ method, url, payload });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });
});

describe('GET /api/four-good', () => {
  it('shows a secretary the cell’s registration only', async () => {
    expect(codes(await sec.get(`/api/four-good?org=C&year=${year}`))).toEqual(['C']);
    expect((await sec.get(`/api/four-good?org=C2&year=${year}`)).statusCode).toBe(404);
    expect((await sec.get(`/api/four-good?org=GA&year=${year}`)).statusCode).toBe(404);
    expect(codes(await sec2.get(`/api/four-good?org=C2&year=${year}`))).toEqual(['C2']);
  });

  it('is not for members: 403 in the own cell, 404 in another', async () => {
    expect((await member.get(`/api/four-good?org=C&year=${year}`)).statusCode).toBe(403);
    expect((await member.get(`/api/four-good?org=C2&year=${year}`)).statusCode).toBe(404);
    expect((await member2.get(`/api/four-good?org=C&year=${year}`)).statusCode).toBe(404);
  });

  it('shows the committee its whole subtree, nobody outside it', async () => {
    expect(codes(await ga.get(`/api/four-good?org=GA&year=${year}`))).toEqual(['C', 'C2']);
    // The administrator of another province does not see them.
    expect((await admin.get(`/api/four-good?org=GA&year=${year}`)).statusCode).toBe(404);
    const mine = (await sec.get(`/api/four-good?org=C&year=${year}`)).json() as FourGoodListDto;
    expect(mine.items[0]?.abilities).toEqual({ assess: false, decide: false, withdraw: false });
  });
});

describe('POST /api/four-good/register', () => {
  it('is refused to a member (403) and to another cell’s secretary (404)', async () => {
    expect((await member.post('/api/four-good/register', { org: 'C', year: 2028 })).statusCode).toBe(403);
    expect((await sec2.post('/api/four-good/register', { org: 'C', year: 2028 })).statusCode).toBe(404);
    expect((await member2.post('/api/four-good/register', { org: 'C', year: 2028 })).statusCode).toBe(404);
  });
});

describe('the committee’s commands', () => {
  const bodies = {
    assess: { org: 'C', year, criterion: 'political_tasks', met: true },
    result: { org: 'C', year, result: 'achieved', reason: 'x' },
    withdraw: { org: 'C', year, reason: 'x' },
  } as const;

  it('are refused to the cell’s own secretary and members (403), and unseen elsewhere (404)', async () => {
    for (const [name, body] of Object.entries(bodies)) {
      const url = `/api/four-good/${name}`;
      expect((await sec.post(url, body)).statusCode, `sec ${name}`).toBe(403);
      expect((await member.post(url, body)).statusCode, `member ${name}`).toBe(403);
      expect((await sec2.post(url, body)).statusCode, `sec2 ${name}`).toBe(404);
      expect((await member2.post(url, body)).statusCode, `member2 ${name}`).toBe(404);
    }
  });

  it('are the committee’s above the cell', async () => {
    expect((await ga.post('/api/four-good/assess', bodies.assess)).statusCode).toBe(200);
    expect((await ga.post('/api/four-good/withdraw', { ...bodies.withdraw, org: 'C2' })).statusCode).toBe(
      200,
    );
  });
});
