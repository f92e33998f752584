import type { RecommendationDetailDto, RecommendationDto } from '@nennep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRecommendationFixture } from '../modules/recommendations/test-fixture.ts';
import { buildTestApp, login, uploadFile } from '../test/factories.ts';

/**
 * A cell sees its own recommendations and their answers, never another cell's; a committee sees those of
 * its subtree and those routed to it; only the level holding one acts on it (a grant on that very
 * organisation, not on one above). The last test checks that this table names every recommendation route.
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
  const sec = await as('sec');
  // One level at a time: a jump from the cell straight to the district is refused.
  expect((await sec.post(`/api/recommendations/${ours}/forward`, { forwardTo: 'P' })).statusCode).toBe(400);
  expect((await sec.post(`/api/recommendations/${ours}/forward`, { forwardTo: 'GA' })).statusCode).toBe(200);
  expect((await ga.post(`/api/recommendations/${ours}/forward`, { forwardTo: 'P' })).statusCode).toBe(200);
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
      if (method === 'POST') {
        const refused = await ga.request(request);
        expect(refused.statusCode, `${method} ${path} as ga`).toBe(403);
        expect(refused.json().error.message).toContain('Kiến nghị đang do Đảng bộ huyện Đan Phượng xử lý');
      }
    }
    mark('POST', '/api/recommendations/{id}/attachments');
    const file = Buffer.from('%PDF-1.4');
    expect(
      (await uploadFile(sec2, `/api/recommendations/${ours}/attachments`, 'don.pdf', file)).statusCode,
    ).toBe(404);
    // The commune passed it on: the district and the raising cell add files, the commune no longer does.
    expect(
      (await uploadFile(await as('ga'), `/api/recommendations/${ours}/attachments`, 'don.pdf', file))
        .statusCode,
    ).toBe(403);
    expect((await (await as('ga')).get(`/api/recommendations/${ours}`)).json().abilities).toEqual({
      act: false,
      attach: false,
    });
    const sec = await as('sec');
    const attached = await uploadFile(sec, `/api/recommendations/${ours}/attachments`, 'don.pdf', file);
    expect(attached.statusCode).toBe(201);
    expect(attached.json().attachments[0].fileName).toBe('don.pdf');
    expect(attached.json().abilities).toEqual({ act: false, attach: true });
  });

  it('a level acts only on what it holds: the commune takes its cell’s item once the cell passes it up', async () => {
    const body = { category: 'social', raisedBy: 'Đảng viên', raisedOn: '2027-03-02' };
    const ga = await as('ga');
    const id = (
      await ga.post('/api/recommendations', {
        ...body,
        orgCode: 'C',
        text: 'Kiến nghị thứ hai của thôn Thượng Hội',
      })
    ).json().id as number;
    const url = (path: string) => `/api/recommendations/${id}/${path}`;
    const calls: [string, unknown][] = [
      ['forward', { forwardTo: 'GA' }],
      ['start', {}],
      ['answer', { answer: 'x' }],
      ['decline', { reason: 'x' }],
      ['merge', { intoId: ours }],
    ];
    const act = async (username: string) =>
      ((await (await as(username)).get(`/api/recommendations/${id}`)).json() as RecommendationDto).abilities
        .act;
    // Everyone above reads it; only the cell acts while the cell holds it.
    expect(await act('sec')).toBe(true);
    for (const username of ['ga', 'p', 'admin']) {
      expect(await act(username), username).toBe(false);
      const client = await as(username);
      for (const [path, payload] of calls) {
        const refused = await client.post(url(path), payload);
        expect(refused.statusCode, `${path} as ${username}`).toBe(403);
        expect(refused.json().error.message).toContain('Kiến nghị đang do Chi bộ thôn Thượng Hội xử lý');
      }
    }
    const english = await ga.request({
      method: 'POST',
      url: url('start'),
      payload: {},
      headers: { 'accept-language': 'en' },
    });
    expect(english.json().error.message).toContain('held by Chi bộ thôn Thượng Hội');
    const untouched = (await ga.get(`/api/recommendations/${id}`)).json() as RecommendationDetailDto;
    expect(untouched.status).toBe('received');
    expect(untouched.events.map((e) => e.kind)).toEqual(['received']);
    // Passed up: now the commune acts, and neither the cell nor the district does.
    const sec = await as('sec');
    expect((await sec.post(url('forward'), { forwardTo: 'GA' })).statusCode).toBe(200);
    expect(await act('ga')).toBe(true);
    expect(await act('sec')).toBe(false);
    expect(await act('p')).toBe(false);
    const back = await sec.post(url('start'), {});
    expect(back.statusCode).toBe(403);
    expect(back.json().error.message).toContain('Kiến nghị đang do Đảng bộ xã Tân Hội xử lý');
    expect((await ga.post(url('start'), {})).statusCode).toBe(200);
    expect(ids((await ga.get('/api/recommendations?inbox=true')).json().items)).toEqual([id]);
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

  it('a member raises only to its own cell, whatever the body names; staff without a member record cannot', async () => {
    mark('POST', '/api/recommendations/raise');
    const raised = await (await as('member')).post('/api/recommendations/raise', {
      text: 'Kiến nghị của đảng viên',
      category: 'other',
      orgCode: 'D',
    });
    expect(raised.statusCode).toBe(201);
    const rec = (await (await as('member')).get(`/api/recommendations/${raised.json().id}`)).json();
    expect(rec.cellCode).toBe('C');
    expect(
      (await (await as('sec')).post('/api/recommendations/raise', { text: 'x', category: 'other' }))
        .statusCode,
    ).toBe(403);
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
