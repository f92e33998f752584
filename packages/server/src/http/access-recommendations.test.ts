import type { RecommendationDto } from '@nennep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRecommendationFixture } from '../modules/recommendations/test-fixture.ts';
import { buildTestApp, login, uploadFile } from '../test/factories.ts';

/**
 * A cell sees its own recommendations and their answers, never another cell's; a committee sees those of
 * its subtree and those routed to it; only the level answering acts. The last test checks that this table
 * names every recommendation route.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let ours: number;
let theirs: number;
const seen = new Set<string>();
const mark = (method: string, route: string) => seen.add(`${method} ${route}`);
const ids = (items: RecommendationDto[]) => items.map((r) => r.id).sort((a, b) => a - b);
const as = (username: string) => login(ctx.app, username);

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => new Date('2027-03-05T03:00:00Z') });
  await buildRecommendationFixture(ctx.db);
  const ga = await as('ga');
  const gb = await as('gb');
  const body = { category: 'social', raisedBy: 'Đảng viên', raisedOn: '2027-03-01' };
  ours = (
    await ga.post('/api/recommendations', { ...body, orgCode: 'C', text: 'Kiến nghị của thôn Thượng Hội' })
  ).json().id;
  theirs = (
    await gb.post('/api/recommendations', { ...body, orgCode: 'D', text: 'Kiến nghị của thôn Đoài' })
  ).json().id;
  // One level at a time: a jump from the cell straight to the district is refused.
  expect((await ga.post(`/api/recommendations/${ours}/forward`, { forwardTo: 'P' })).statusCode).toBe(400);
  await ga.post(`/api/recommendations/${ours}/forward`, { forwardTo: 'GA' });
  await ga.post(`/api/recommendations/${ours}/forward`, { forwardTo: 'P' });
});
afterAll(() => ctx.close());

describe('who sees which recommendations', () => {
  it('a cell sees its own and their answers, never another cell’s', async () => {
    mark('GET', '/api/recommendations');
    mark('GET', '/api/recommendations/{id}');
    const member = await as('member');
    expect(ids((await member.get('/api/recommendations')).json().items)).toEqual([ours]);
    expect((await member.get(`/api/recommendations/${ours}`)).statusCode).toBe(200);
    expect((await member.get(`/api/recommendations/${theirs}`)).statusCode).toBe(404);
    const sec2 = await as('sec2');
    expect((await sec2.get('/api/recommendations')).json().items).toEqual([]);
    expect((await sec2.get('/api/recommendations?org=C')).statusCode).toBe(404);
    expect((await sec2.get(`/api/recommendations/${ours}`)).statusCode).toBe(404);
  });

  it('a committee sees its subtree, including what it passed up, and not a neighbour’s', async () => {
    const ga = await as('ga');
    expect(ids((await ga.get('/api/recommendations')).json().items)).toEqual([ours]);
    expect((await ga.get(`/api/recommendations/${theirs}`)).statusCode).toBe(404);
    const p = await as('p');
    expect(ids((await p.get('/api/recommendations')).json().items)).toEqual(
      [ours, theirs].sort((a, b) => a - b),
    );
    expect(ids((await p.get('/api/recommendations?inbox=true')).json().items)).toEqual([ours]);
    expect(ids((await ga.get('/api/recommendations?inbox=true')).json().items)).toEqual([]);
  });
});

describe('who acts on a recommendation', () => {
  it('nobody outside its cell’s tree reaches it, and only the level answering acts', async () => {
    const calls: [string, string, string, unknown?][] = [
      ['POST', '/api/recommendations/{id}/forward', 'forward', { forwardTo: 'GA' }],
      ['POST', '/api/recommendations/{id}/start', 'start', {}],
      ['POST', '/api/recommendations/{id}/answer', 'answer', { answer: 'x' }],
      ['POST', '/api/recommendations/{id}/decline', 'decline', { reason: 'x' }],
      ['POST', '/api/recommendations/{id}/merge', 'merge', { intoId: theirs }],
      ['GET', '/api/recommendations/{id}/attachments/{fileId}', 'attachments/1'],
    ];
    const sec2 = await as('sec2');
    const ga = await as('ga');
    for (const [method, route, path, payload] of calls) {
      mark(method, route);
      const request = {
        method: method as 'GET',
        url: `/api/recommendations/${ours}/${path}`,
        ...(payload ? { payload: payload as object } : {}),
      };
      expect((await sec2.request(request)).statusCode, `${method} ${path} as sec2`).toBe(404);
      if (method === 'POST')
        expect((await ga.request(request)).statusCode, `${method} ${path} as ga`).toBe(403);
    }
    mark('POST', '/api/recommendations/{id}/attachments');
    const file = Buffer.from('%PDF-1.4');
    expect(
      (await uploadFile(sec2, `/api/recommendations/${ours}/attachments`, 'don.pdf', file)).statusCode,
    ).toBe(404);
    const sec = await as('sec');
    const attached = await uploadFile(sec, `/api/recommendations/${ours}/attachments`, 'don.pdf', file);
    expect(attached.statusCode).toBe(201);
    expect(attached.json().attachments[0].fileName).toBe('don.pdf');
  });

  it('staff record recommendations only for cells of their subtree', async () => {
    mark('POST', '/api/recommendations');
    const body = { text: 'x', category: 'other', raisedBy: 'X', raisedOn: '2027-03-01' };
    expect((await (await as('ga')).post('/api/recommendations', { ...body, orgCode: 'D' })).statusCode).toBe(
      404,
    );
    expect((await (await as('sec')).post('/api/recommendations', { ...body, orgCode: 'C' })).statusCode).toBe(
      403,
    );
    const committee = await (await as('ga')).post('/api/recommendations', { ...body, orgCode: 'GA' });
    expect(committee.statusCode).toBe(400);
    expect(committee.json().error.fields[0].field).toBe('orgCode');
  });

  it('dashboards and exports stay inside one’s subtree', async () => {
    for (const route of ['/api/recommendations-dashboard', '/api/recommendations-export']) {
      mark('GET', route);
      const query = 'from=2027-01-01&to=2027-12-31';
      expect((await (await as('sec2')).get(`${route}?org=GA&${query}`)).statusCode).toBe(404);
      expect((await (await as('member')).get(`${route}?org=C&${query}`)).statusCode).toBe(403);
      expect((await (await as('ga')).get(`${route}?org=GA&${query}`)).statusCode).toBe(200);
    }
    const own = (
      await (await as('sec2')).get('/api/recommendations-dashboard?org=C2&from=2027-01-01&to=2027-12-31')
    ).json();
    expect(own.totals.raised).toBe(0);
  });
});

describe('the table above', () => {
  it('names every recommendation route', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
      .filter((route) => / \/api\/recommendations/.test(route));
    expect(routes.length).toBeGreaterThan(9);
    expect(routes.filter((route) => !seen.has(route))).toEqual([]);
  });
});
