import {
  DEFAULT_RULE_SET,
  DEFAULT_SUPERVISION_RULES,
  type PlanDto,
  type RecommendationDto,
} from '@nennep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSupervisionFixture } from '../modules/supervision/test-fixture.ts';
import { buildMember, buildTestApp, type Client, login } from '../test/factories.ts';
import { meetingCalls } from '../test/meeting-calls.ts';

/**
 * A visitor sees only the cells assigned to him or her (a standing assignment, or a visit in a published
 * plan) — on every route; an assignment to a commune covers only its cells that the coverage target names
 * (not its school cell); and only committee managers reach the supervision routes of a committee.
 * The last test checks that this table names every supervision route.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let committee: Client;
let v2: Client;
let ids: Awaited<ReturnType<typeof buildSupervisionFixture>>['ids'];
let meetingIds: Record<string, number>;
let p: PlanDto;
/** Recommendations of the school cell A3 (outside the target) and of the village cell A1. */
let schoolRec: number;
let villageRec: number;
const SCHOOL = 'Chi bộ trường Tiểu học';
const TEACHER = 'Đỗ Thị Giáo';
const SCHOOL_REC = 'Đề nghị sửa phòng học';
const seen = new Set<string>();
const mark = (method: string, route: string) => seen.add(`${method} ${route}`);
const codes = (items: { code: string }[]) => items.map((o) => o.code).sort();

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => new Date('2027-01-03T13:00:00Z') });
  ({ ids, meetingIds } = await buildSupervisionFixture(ctx.db));
  committee = await login(ctx.app, 'committee');
  // v2 answers for A2 alone; the plan gives v3 (assigned nothing) a visit somewhere in GB.
  await committee.post('/api/supervision/assignments', {
    committeeCode: 'P',
    orgCode: 'A2',
    accountId: ids.v2,
  });
  await committee.post('/api/supervision/assignments', {
    committeeCode: 'P',
    orgCode: 'GA',
    accountId: ids.v1,
  });
  p = (await committee.post('/api/supervision/plans', { committeeCode: 'P', periodKey: '2027-Q1' })).json();
  v2 = await login(ctx.app, 'v2');
  await buildMember(ctx.db, { code: 'A3M1', name: TEACHER, org: 'A3' });
  const raised = { category: 'other', raisedBy: TEACHER, raisedOn: '2027-01-03' };
  schoolRec = (
    await committee.post('/api/recommendations', { ...raised, orgCode: 'A3', text: SCHOOL_REC })
  ).json().id;
  villageRec = (
    await committee.post('/api/recommendations', { ...raised, orgCode: 'A1', text: 'Đề nghị làm đường' })
  ).json().id;
});
afterAll(() => ctx.close());

describe('a visitor assigned to one cell', () => {
  it('sees that cell alone in the tree, the search and the organisation pages', async () => {
    expect(codes((await v2.get('/api/orgs/tree')).json().roots)).toEqual(['A2']);
    expect(codes((await v2.get('/api/orgs/search?q=chi%20bo')).json().items)).toEqual(['A2']);
    for (const code of ['P', 'GA', 'A1', 'A3', 'B1'])
      expect((await v2.get(`/api/orgs/${code}`)).statusCode).toBe(404);
    expect((await v2.get('/api/orgs/A2')).statusCode).toBe(200);
    expect((await v2.get('/api/orgs/A1/stats')).statusCode).toBe(404);
    expect((await v2.get('/api/members?org=A1')).statusCode).toBe(404);
    expect((await v2.get('/api/members?org=A2')).statusCode).toBe(403);
  });

  it("reads the meetings of that cell and nothing of another cell's, on every meeting route", async () => {
    const list = (await v2.get('/api/meetings?from=2027-01-01&to=2027-01-31')).json().items;
    expect(list.map((m: { orgCode: string }) => m.orgCode)).toEqual(['A2']);
    expect((await v2.get('/api/meetings?org=A1')).statusCode).toBe(404);
    expect((await v2.get(`/api/meetings/${meetingIds.A2}`)).statusCode).toBe(200);
    expect((await v2.post(`/api/meetings/${meetingIds.A2}/start`)).statusCode).toBe(403);
    for (const [method, , url, payload] of meetingCalls(meetingIds.A1 ?? 0, 999_999, 'A1M1')) {
      const response = await v2.request({
        method: method as 'GET',
        url,
        ...(payload ? { payload: payload as object } : {}),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    expect([403, 404]).toContain((await v2.get('/api/meetings-overview?org=P')).statusCode);
  });

  it("reaches none of the committee's supervision routes", async () => {
    const calls: [string, string, string, unknown?][] = [
      ['GET', '/api/supervision/visitors', '/api/supervision/visitors?committee=P'],
      ['GET', '/api/supervision/groups', '/api/supervision/groups?committee=P'],
      ['POST', '/api/supervision/groups', '/api/supervision/groups', { committeeCode: 'P', name: 'X' }],
      ['PATCH', '/api/supervision/groups/{id}', '/api/supervision/groups/1', { name: 'X' }],
      ['GET', '/api/supervision/assignments', '/api/supervision/assignments?committee=P'],
      [
        'POST',
        '/api/supervision/assignments',
        '/api/supervision/assignments',
        { committeeCode: 'P', orgCode: 'A1', accountId: ids.v2 },
      ],
      ['DELETE', '/api/supervision/assignments/{id}', '/api/supervision/assignments/1?committee=P'],
      ['GET', '/api/supervision/plans', '/api/supervision/plans?committee=P&period=2027-Q1'],
      [
        'POST',
        '/api/supervision/plans',
        '/api/supervision/plans',
        { committeeCode: 'P', periodKey: '2027-Q1' },
      ],
      ['POST', '/api/supervision/plans/{id}/publish', `/api/supervision/plans/${p.id}/publish`, {}],
      [
        'POST',
        '/api/supervision/visits',
        '/api/supervision/visits',
        { committeeCode: 'P', periodKey: '2027-Q1', meetingId: meetingIds.A2, visitorAccountId: ids.v2 },
      ],
      ['GET', '/api/supervision/coverage', '/api/supervision/coverage?org=P&period=2027-Q1'],
      ['GET', '/api/supervision/report', '/api/supervision/report?committee=P&period=2027-Q1&format=docx'],
      [
        'POST',
        '/api/supervision/report/issue',
        '/api/supervision/report/issue',
        { committeeCode: 'P', periodKey: '2027-Q1' },
      ],
    ];
    for (const [method, route, url, payload] of calls) {
      mark(method, route);
      const response = await v2.request({
        method: method as 'GET',
        url,
        ...(payload ? { payload: payload as object } : {}),
      });
      expect([403, 404], `${method} ${url}`).toContain(response.statusCode);
    }
    expect((await v2.get('/api/supervision/visits?committee=P&period=2027-Q1')).statusCode).toBe(404);
  });

  it("sees, checks in and reports no visit of a draft plan or of someone else's", async () => {
    const others = p.visits.filter((v) => v.visitorAccountId !== ids.v2);
    expect(others.length).toBeGreaterThan(0);
    mark('GET', '/api/supervision/visits');
    // The plan is a draft: nobody's visits show yet.
    expect((await v2.get('/api/supervision/visits?mine=true')).json().items).toEqual([]);
    const own = p.visits.find((v) => v.visitorAccountId === ids.v2);
    for (const visit of [...others, ...(own ? [own] : [])]) {
      const base = `/api/supervision/visits/${visit.id}`;
      const calls: [string, string, string, unknown?][] = [
        ['GET', '/api/supervision/visits/{id}', base],
        ['PATCH', '/api/supervision/visits/{id}', base, { locked: true }],
        ['POST', '/api/supervision/visits/{id}/check-in', `${base}/check-in`, {}],
        [
          'PUT',
          '/api/supervision/visits/{id}/report',
          `${base}/report`,
          { attended: false, absenceReason: 'x' },
        ],
        ['POST', '/api/supervision/visits/{id}/addenda', `${base}/addenda`, { text: 'x' }],
      ];
      for (const [method, route, url, payload] of calls) {
        mark(method, route);
        const response = await v2.request({
          method: method as 'GET',
          url,
          ...(payload ? { payload: payload as object } : {}),
        });
        expect(response.statusCode, `${method} ${url}`).toBe(404);
      }
    }
  });

  it('keeps its own availability, which nobody else reads', async () => {
    mark('PUT', '/api/supervision/availability');
    mark('GET', '/api/supervision/availability');
    expect(
      (await v2.put('/api/supervision/availability', { unavailableDates: ['2027-01-04'] })).statusCode,
    ).toBe(200);
    const v3 = await login(ctx.app, 'v3');
    expect((await v3.get('/api/supervision/availability')).json().unavailableDates).toEqual([]);
    const bad = await v2.put('/api/supervision/availability', { unavailableDates: ['04/01/2027'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toContain('unavailableDates');
  });
});

describe('every read route of the API', () => {
  it('tells the visitor nothing of a cell it is not assigned to', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const fill: Record<string, string> = {
      code: 'A1',
      orgCode: 'A1',
      memberCode: 'A1M1',
      id: String(meetingIds.A1),
      name: 'minutes.docx',
    };
    const query = 'org=A1&committee=P&period=2027-Q1&from=2027-01-01&to=2027-12-31&q=Thuong';
    const gets = Object.entries(doc.paths).filter(
      ([path, methods]) => path.startsWith('/api/') && 'get' in methods,
    );
    expect(gets.length).toBeGreaterThan(30);
    for (const [path] of gets) {
      const url = `${path.replace(/\{(\w+)\}/g, (_, key: string) => fill[key] ?? '1')}?${query}`;
      const response = await v2.get(url);
      expect(response.statusCode, url).not.toBe(500);
      // Neither the cell's name nor its members' appear, whatever the route answers.
      expect(response.body, url).not.toContain('Thượng Hội');
      expect(response.body, url).not.toContain('Nguyễn Văn Khánh');
    }
  });
});

describe('a visitor assigned to a commune', () => {
  it('sees the commune’s target cells, not the commune itself nor its school cell', async () => {
    const v1 = await login(ctx.app, 'v1');
    expect(codes((await v1.get('/api/orgs/tree')).json().roots)).toEqual(['A1', 'A2']);
    expect(codes((await v1.get('/api/orgs/search?q=chi%20bo')).json().items)).toEqual(['A1', 'A2']);
    for (const code of ['A1', 'A2']) expect((await v1.get(`/api/orgs/${code}`)).statusCode).toBe(200);
    for (const code of ['GA', 'A3', 'B1']) expect((await v1.get(`/api/orgs/${code}`)).statusCode).toBe(404);
    expect((await v1.get(`/api/meetings/${meetingIds.A1}`)).statusCode).toBe(200);
    expect((await v1.get(`/api/recommendations/${villageRec}`)).statusCode).toBe(200);
  });

  it('gets 404 for the school cell on every organisation, member, meeting and recommendation route', async () => {
    const v1 = await login(ctx.app, 'v1');
    const reads = [
      '/api/orgs/A3',
      '/api/orgs/A3/stats',
      '/api/members?org=A3',
      '/api/members/A3M1',
      '/api/members/A3M1/personal',
      '/api/meetings?org=A3',
      '/api/recommendations?org=A3',
      `/api/recommendations/${schoolRec}`,
      `/api/recommendations/${schoolRec}/attachments/1`,
      '/api/recommendations-dashboard?org=A3&from=2027-01-01&to=2027-12-31',
      '/api/recommendations-export?org=A3&from=2027-01-01&to=2027-12-31',
    ];
    for (const url of reads) expect((await v1.get(url)).statusCode, url).toBe(404);
    for (const [method, , url, payload] of meetingCalls(meetingIds.A3 ?? 0, 999_999, 'A3M1')) {
      const response = await v1.request({
        method: method as 'GET',
        url,
        ...(payload ? { payload: payload as object } : {}),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    for (const [path, payload] of [
      ['forward', { forwardTo: 'GA' }],
      ['start', {}],
      ['answer', { answer: 'x' }],
      ['decline', { reason: 'x' }],
      ['merge', { intoId: villageRec }],
    ] as const) {
      const response = await v1.post(`/api/recommendations/${schoolRec}/${path}`, payload);
      expect(response.statusCode, path).toBe(404);
    }
    const listed = (await v1.get('/api/recommendations')).json().items as RecommendationDto[];
    expect(listed.map((r) => r.id)).toEqual([villageRec]);
    const meetings = (await v1.get('/api/meetings?from=2027-01-01&to=2027-01-31')).json().items;
    expect(meetings.map((m: { orgCode: string }) => m.orgCode).sort()).toEqual(['A1', 'A2']);
  });

  it('reads nothing of the school cell on any read route of the API', async () => {
    const v1 = await login(ctx.app, 'v1');
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const fill: Record<string, string> = {
      code: 'A3',
      orgCode: 'A3',
      memberCode: 'A3M1',
      id: String(meetingIds.A3),
      name: 'minutes.docx',
    };
    const query = 'org=A3&committee=P&period=2027-Q1&from=2027-01-01&to=2027-12-31';
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/') || !('get' in methods)) continue;
      const url = `${path.replace(/\{(\w+)\}/g, (_, key: string) => fill[key] ?? '1')}?${query}`;
      const response = await v1.get(url);
      expect(response.statusCode, url).not.toBe(500);
      expect(response.body, url).not.toContain(SCHOOL);
      expect(response.body, url).not.toContain(TEACHER);
      expect(response.body, url).not.toContain(SCHOOL_REC);
    }
  });
});

describe('a visitor with a visit in a published plan', () => {
  it('sees the visited cell from publication on, and a visitor with nothing sees nothing', async () => {
    const v3 = await login(ctx.app, 'v3');
    const v3Cells = p.visits.filter((v) => v.visitorAccountId === ids.v3).map((v) => v.cellCode);
    expect(v3Cells.length).toBeGreaterThan(0);
    expect((await v3.get('/api/orgs/tree')).json().roots).toEqual([]);
    await committee.post(`/api/supervision/plans/${p.id}/publish`);
    const again = await login(ctx.app, 'v3');
    expect(codes((await again.get('/api/orgs/tree')).json().roots)).toEqual([...v3Cells].sort());
    const mine = (await again.get('/api/supervision/visits?mine=true')).json().items;
    expect(mine.map((v: { cellCode: string }) => v.cellCode).sort()).toEqual([...v3Cells].sort());
    const far = await login(ctx.app, 'far');
    expect((await far.get('/api/orgs/tree')).json().roots).toEqual([]);
    expect((await far.get('/api/orgs/GB')).statusCode).toBe(404);
  });
});

describe('the coverage target in force', () => {
  it('decides what an assignment covers: a target naming schools opens the school cell', async () => {
    const admin = await login(ctx.app, 'admin');
    const content = structuredClone(DEFAULT_RULE_SET);
    content.supervision = {
      ...DEFAULT_SUPERVISION_RULES,
      targetCategories: ['village', 'residential_cluster', 'street_group', 'school'],
    };
    const created = await admin.post('/api/rule-sets', {
      orgCode: 'P',
      name: 'Dự cả chi bộ trường học',
      effectiveFrom: '2027-01-01',
      content,
    });
    expect(created.statusCode, created.body).toBe(201);
    const v1 = await login(ctx.app, 'v1');
    expect(codes((await v1.get('/api/orgs/tree')).json().roots)).toEqual(['A1', 'A2', 'A3']);
    expect((await v1.get(`/api/recommendations/${schoolRec}`)).statusCode).toBe(200);
    expect((await v1.get('/api/orgs/GA')).statusCode).toBe(404);
  });
});

describe('the table above', () => {
  it('names every supervision route', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
      .filter((route) => / \/api\/supervision/.test(route));
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.filter((route) => !seen.has(route))).toEqual([]);
  });
});
