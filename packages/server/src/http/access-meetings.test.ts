import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, login, uploadFile } from '../test/factories.ts';
import { meetingCalls } from '../test/meeting-calls.ts';
import { seedTree } from '../test/tree.ts';

/** A cell secretary sees and changes no meeting, task or rule set of another cell — on every such route. */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let secretary: Client;
let theirs: number;
let taskId: number;
const seen = new Set<string>();
const mark = (method: string, route: string) => seen.add(`${method} ${route}`);

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => new Date('2026-05-01T09:00:00+07:00') });
  const { db } = ctx;
  await seedTree(db, {
    orgs: [
      { code: 'P', kind: 'committee' },
      { code: 'GA', kind: 'grassroots_committee', parent: 'P' },
      { code: 'CA1', kind: 'cell', category: 'village', parent: 'GA' },
      { code: 'CA2', kind: 'cell', category: 'village', parent: 'GA' },
    ],
    members: ['CA1', 'CA2'].flatMap((cell) =>
      [1, 2, 3, 4].map((i) => ({ code: `${cell}M${i}`, name: `Nguyễn Văn ${cell} ${i}`, org: cell })),
    ),
    accounts: [
      ['admin', 'admin', 'P'],
      ['sec', 'cell_secretary', 'CA1'],
    ],
  });
  const admin = await login(ctx.app, 'admin');
  await admin.post('/api/meetings/plan', { orgCode: 'GA', from: '2026-06-01', to: '2026-06-30' });
  const created = await admin.post('/api/meetings', {
    orgCode: 'CA2',
    kind: 'regular',
    date: '2026-07-04',
    startTime: '19:30',
  });
  theirs = created.json().id;
  taskId = (
    await admin.post(`/api/meetings/${theirs}/tasks`, { memberCode: 'CA2M1', text: 'Việc của chi bộ khác' })
  ).json().id;
  secretary = await login(ctx.app, 'sec');
});
afterAll(() => ctx.close());

describe('a cell secretary and the meetings of another cell', () => {
  it('lists and plans only its own cell', async () => {
    mark('GET', '/api/meetings');
    const list = (await secretary.get('/api/meetings?from=2026-01-01&to=2026-12-31')).json().items;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((m: { orgCode: string }) => m.orgCode === 'CA1')).toBe(true);
    expect((await secretary.get('/api/meetings?org=CA2')).statusCode).toBe(404);
    mark('POST', '/api/meetings/plan');
    expect(
      (await secretary.post('/api/meetings/plan', { orgCode: 'GA', from: '2026-07-01', to: '2026-07-31' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await secretary.post('/api/meetings/plan', { orgCode: 'CA1', from: '2026-07-01', to: '2026-07-31' }))
        .statusCode,
    ).toBe(200);
    mark('POST', '/api/meetings');
    const create = await secretary.post('/api/meetings', {
      orgCode: 'CA2',
      kind: 'extraordinary',
      date: '2026-07-10',
      startTime: '08:00',
    });
    expect(create.statusCode).toBe(404);
  });

  it('reads nothing of it and changes nothing, on every meeting route', async () => {
    const base = `/api/meetings/${theirs}`;
    const calls = meetingCalls(theirs, taskId, 'CA2M1');
    for (const [method, route, url, payload] of calls) {
      mark(method, route);
      const response = await secretary.request({
        method: method as 'GET',
        url,
        ...(payload ? { payload: payload as object } : {}),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    mark('POST', '/api/meetings/{id}/materials');
    const upload = await uploadFile(secretary, `${base}/materials`, 'tai-lieu.pdf', Buffer.from('%PDF-1.4'));
    expect(upload.statusCode).toBe(404);
  });

  it('sees no committee overview', async () => {
    mark('GET', '/api/meetings-overview');
    expect((await secretary.get('/api/meetings-overview?org=CA2&month=2026-06')).statusCode).toBe(404);
    expect((await secretary.get('/api/meetings-overview?org=CA1&month=2026-06')).statusCode).toBe(403);
    mark('GET', '/api/meetings-overview/figures');
    expect((await secretary.get('/api/meetings-overview/figures?org=CA2&month=2026-06')).statusCode).toBe(
      404,
    );
    expect((await secretary.get('/api/meetings-overview/figures?org=CA1&month=2026-06')).statusCode).toBe(
      403,
    );
  });

  it('reads and changes no rule set outside its cell, and adds none in it', async () => {
    mark('GET', '/api/rule-sets');
    expect((await secretary.get('/api/rule-sets?org=CA2')).statusCode).toBe(404);
    expect((await secretary.get('/api/rule-sets?org=CA1')).statusCode).toBe(200);
    mark('POST', '/api/rule-sets');
    const post = (org: string) =>
      secretary.post('/api/rule-sets', { orgCode: org, name: 'X', effectiveFrom: '2026-01-01', content: {} });
    expect((await post('CA2')).statusCode).toBe(404);
    expect((await post('CA1')).statusCode).toBe(403);
    mark('POST', '/api/rule-sets/preview');
    expect(
      (await secretary.post('/api/rule-sets/preview', { meetingId: theirs, content: {} })).statusCode,
    ).toBe(404);
  });

  it('this table names every meeting, task and rule-set route', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
      .filter((route) => / \/api\/(meetings|tasks|rule-sets)/.test(route));
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((route) => !seen.has(route))).toEqual([]);
  });
});
