import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, login, uploadFile } from '../test/factories.ts';
import { seedTree } from '../test/tree.ts';

/**
 * A cell secretary reads, lists and changes nothing outside its cell — on every route of the API.
 * The last test checks that this table names every route the server has.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let secretary: Client;
let otherAccountId: number;

beforeAll(async () => {
  ctx = await buildTestApp();
  const { db } = ctx;
  const tree = await seedTree(db, {
    orgs: [
      { code: 'P', name: 'Đảng bộ huyện', kind: 'committee' },
      { code: 'GA', name: 'Đảng bộ xã An', kind: 'grassroots_committee', parent: 'P' },
      { code: 'GB', name: 'Đảng bộ xã Bình', kind: 'grassroots_committee', parent: 'P' },
      { code: 'CA1', name: 'Chi bộ thôn Một', kind: 'cell', category: 'village', parent: 'GA' },
      { code: 'CA2', name: 'Chi bộ thôn Hai', kind: 'cell', category: 'village', parent: 'GA' },
      { code: 'CB1', name: 'Chi bộ thôn Ba', kind: 'cell', category: 'village', parent: 'GB' },
    ],
    members: [
      { code: 'OWN1', name: 'Nguyễn Văn An', org: 'CA1' },
      { code: 'OWN2', name: 'Trần Thị Bình', org: 'CA1', status: 'probationary' },
      { code: 'OWN3', name: 'Lê Văn Cường', org: 'CA1' },
      { code: 'OTH1', name: 'Phạm Văn Xuyến', org: 'CA2' },
      { code: 'OTH2', name: 'Hoàng Thị Yến', org: 'CB1', exemptFrom: '2020-01-01' },
    ],
    accounts: [
      ['sec', 'cell_secretary', 'CA1'],
      ['sec2', 'cell_secretary', 'CA2'],
    ],
  });
  otherAccountId = tree.account('sec2').id;
  secretary = await login(ctx.app, 'sec');
});
afterAll(() => ctx.close());

const OUTSIDE = [403, 404];
const seen = new Set<string>();
const mark = (method: string, route: string) => seen.add(`${method} ${route}`);

describe('a cell secretary outside its cell', () => {
  it('sees only its cell in the tree, the search and the organisation pages', async () => {
    mark('GET', '/api/orgs/tree');
    expect((await secretary.get('/api/orgs/tree')).json().roots.map((r: { code: string }) => r.code)).toEqual(
      ['CA1'],
    );
    expect((await secretary.get('/api/orgs/tree?parent=GA')).statusCode).toBe(404);
    expect((await secretary.get('/api/orgs/tree?parent=CA1')).statusCode).toBe(200);
    mark('GET', '/api/orgs/search');
    const found = (await secretary.get('/api/orgs/search?q=chi%20bo')).json().items;
    expect(found.map((o: { code: string }) => o.code)).toEqual(['CA1']);
    mark('GET', '/api/orgs/{code}');
    for (const code of ['P', 'GA', 'CA2', 'CB1'])
      expect((await secretary.get(`/api/orgs/${code}`)).statusCode).toBe(404);
    const own = (await secretary.get('/api/orgs/CA1')).json();
    expect(own.ancestors).toEqual([]);
    expect(own.abilities).toMatchObject({ update: false, manageMembers: true, manageAccounts: false });
    mark('GET', '/api/orgs/{code}/stats');
    for (const code of ['P', 'GA', 'CA2'])
      expect((await secretary.get(`/api/orgs/${code}/stats`)).statusCode).toBe(404);
    expect((await secretary.get('/api/orgs/CA1/stats')).json().members).toEqual({
      total: 3,
      official: 2,
      probationary: 1,
      exempt: 0,
    });
    mark('GET', '/api/orgs/{code}/history');
    expect((await secretary.get('/api/orgs/CA2/history')).statusCode).toBe(404);
  });

  it('changes no organisation, its own included', async () => {
    mark('POST', '/api/orgs');
    const inGa = await secretary.post('/api/orgs', { code: 'X1', name: 'X', kind: 'cell', parentCode: 'GA' });
    expect(inGa.statusCode).toBe(404);
    const inOwn = await secretary.post('/api/orgs', {
      code: 'X2',
      name: 'X',
      kind: 'party_group',
      parentCode: 'CA1',
    });
    expect(inOwn.statusCode).toBe(403);
    const bodies: Record<string, unknown> = {
      rename: { name: 'Đổi tên' },
      move: { parentCode: 'GB' },
      merge: { intoCode: 'CA1' },
      split: { newOrg: { code: 'X3', name: 'X' } },
      dissolve: {},
    };
    for (const [action, body] of Object.entries(bodies)) {
      mark('POST', `/api/orgs/{code}/${action}`);
      expect((await secretary.post(`/api/orgs/CA2/${action}`, body)).statusCode).toBe(404);
      expect((await secretary.post(`/api/orgs/CA1/${action}`, body)).statusCode).toBe(403);
    }
    mark('PUT', '/api/orgs/{code}/naming');
    expect((await secretary.put('/api/orgs/CA2/naming', { symbol: 'X' })).statusCode).toBe(404);
    expect((await secretary.put('/api/orgs/CA1/naming', { placeName: 'Khác' })).statusCode).toBe(403);
  });

  it('lists, searches and exports only its own members', async () => {
    mark('GET', '/api/members');
    const all = (await secretary.get('/api/members')).json();
    expect(all.total).toBe(3);
    expect(all.items.map((m: { memberCode: string }) => m.memberCode).sort()).toEqual([
      'OWN1',
      'OWN2',
      'OWN3',
    ]);
    expect((await secretary.get('/api/members?q=xuyen')).json().total).toBe(0);
    expect((await secretary.get('/api/members?q=OTH1')).json().total).toBe(0);
    expect((await secretary.get('/api/members?exempt=true')).json().total).toBe(0);
    for (const org of ['CA2', 'GA', 'P'])
      expect((await secretary.get(`/api/members?org=${org}`)).statusCode).toBe(404);
    mark('GET', '/api/members/export.xlsx');
    expect((await secretary.get('/api/members/export.xlsx?org=CA2')).statusCode).toBe(404);
    const exported = await secretary.get('/api/members/export.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.rowCount).toBe(1 + 3);
  });

  it('reads and changes no member of another cell', async () => {
    for (const [method, route, url] of [
      ['GET', '/api/members/{code}', '/api/members/OTH1'],
      ['GET', '/api/members/{code}/personal', '/api/members/OTH1/personal'],
      ['GET', '/api/members/{code}/history', '/api/members/OTH2/history'],
    ] as const) {
      mark(method, route);
      expect((await secretary.get(url)).statusCode).toBe(404);
    }
    mark('POST', '/api/members');
    const create = await secretary.post('/api/members', {
      memberCode: 'NEWX',
      fullName: 'Ngô Văn Mới',
      sex: 'male',
      orgCode: 'CA2',
      status: 'probationary',
      admissionDate: '2026-05-01',
    });
    expect(OUTSIDE).toContain(create.statusCode);
    mark('PATCH', '/api/members/{code}');
    expect((await secretary.patch('/api/members/OTH1', { fullName: 'Đổi' })).statusCode).toBe(404);
    mark('POST', '/api/members/{code}/transfer');
    expect(
      (await secretary.post('/api/members/OTH1/transfer', { toOrgCode: 'CA1', date: '2026-01-01' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await secretary.post('/api/members/OWN1/transfer', { toOrgCode: 'CA2', date: '2026-01-01' }))
        .statusCode,
    ).toBe(404);
    mark('POST', '/api/members/{code}/status');
    expect(
      (await secretary.post('/api/members/OTH1/status', { status: 'removed', date: '2026-01-01' }))
        .statusCode,
    ).toBe(404);
    mark('POST', '/api/members/{code}/periods');
    expect(
      (await secretary.post('/api/members/OTH1/periods', { kind: 'exempt', from: '2026-01-01' })).statusCode,
    ).toBe(404);
    const attach = await secretary.post('/api/members/OWN1/periods', {
      kind: 'attached',
      from: '2026-01-01',
      orgCode: 'CB1',
    });
    expect(attach.statusCode).toBe(404);
    const other = (await login(ctx.app, 'sec2')).get;
    expect((await other('/api/members/OTH1')).json().fullName).toBe('Phạm Văn Xuyến');
  });

  it('manages no account and reads no audit log', async () => {
    mark('GET', '/api/accounts');
    expect((await secretary.get('/api/accounts')).statusCode).toBe(403);
    mark('POST', '/api/accounts');
    const create = await secretary.post('/api/accounts', {
      username: 'newbie',
      displayName: 'Mới',
      password: 'password-123',
      grants: [{ role: 'member', orgCode: 'CA1' }],
    });
    expect(create.statusCode).toBe(403);
    mark('PATCH', '/api/accounts/{id}');
    expect((await secretary.patch(`/api/accounts/${otherAccountId}`, { disabled: true })).statusCode).toBe(
      403,
    );
    mark('GET', '/api/audit');
    expect((await secretary.get('/api/audit')).statusCode).toBe(403);
  });

  it('may still use its own session routes', async () => {
    for (const route of ['/api/auth/login', '/api/auth/logout', '/api/auth/me', '/api/auth/password']) {
      mark(route === '/api/auth/me' ? 'GET' : 'POST', route);
    }
    mark('PUT', '/api/auth/locale');
    // The inbox and "my tasks" hold only the signed-in account's own rows (see inbox.test.ts).
    for (const route of ['GET /api/inbox', 'POST /api/inbox/{notificationId}/read', 'GET /api/me/tasks']) {
      const [method, path] = route.split(' ') as [string, string];
      mark(method, path);
    }
    expect((await secretary.post('/api/inbox/999999/read')).statusCode).toBe(404);
    expect(
      (await secretary.request({ method: 'PUT', url: '/api/auth/locale', payload: { locale: 'en' } }))
        .statusCode,
    ).toBe(200);
    const me = (await secretary.get('/api/auth/me')).json();
    expect(me.grants).toEqual([{ role: 'cell_secretary', orgCode: 'CA1', orgName: 'Chi bộ thôn Một' }]);
  });
});

describe('a cell secretary importing', () => {
  it('imports no organisations, and no members outside its cell', async () => {
    mark('GET', '/api/imports/templates/{name}');
    expect((await secretary.get('/api/imports/templates/members.csv')).statusCode).toBe(200);
    mark('POST', '/api/imports/{kind}');
    const orgs = Buffer.from('code,name,kind,category,parent_code\nX9,Chi bộ X,cell,village,CA1\n');
    expect((await uploadFile(secretary, '/api/imports/orgs', 'x.csv', orgs)).statusCode).toBe(403);
    const members = Buffer.from(
      'member_code,full_name,sex,birth_date,org_code,status,admission_date,official_date\n' +
        'IMP1,Ngô Văn Nhập,male,01/01/1980,CA2,official,01/01/2005,01/01/2006\n',
    );
    const preview = (await uploadFile(secretary, '/api/imports/members', 'x.csv', members)).json();
    expect(preview.valid).toBe(false);
    expect(preview.errors[0]).toMatchObject({ row: 2, field: 'org_code' });
    mark('POST', '/api/imports/{jobId}/commit');
    expect((await secretary.post(`/api/imports/${preview.jobId}/commit`)).statusCode).toBe(409);
    expect((await secretary.get('/api/members?q=nhap')).json().total).toBe(0);
  });

  it("cannot read or commit another account's import", async () => {
    const other = await login(ctx.app, 'sec2');
    const members = Buffer.from(
      'member_code,full_name,sex,birth_date,org_code,status,admission_date,official_date\n' +
        'IMP2,Ngô Văn Hai,male,01/01/1980,CA2,official,01/01/2005,01/01/2006\n',
    );
    const theirs = (await uploadFile(other, '/api/imports/members', 'y.csv', members)).json();
    expect(theirs.valid).toBe(true);
    mark('GET', '/api/imports/{jobId}');
    expect((await secretary.get(`/api/imports/${theirs.jobId}`)).statusCode).toBe(404);
    expect((await secretary.post(`/api/imports/${theirs.jobId}/commit`)).statusCode).toBe(404);
  });
});

describe('a cell secretary with alerts and calendars', () => {
  it('runs no alerts and subscribes to no calendar of another cell', async () => {
    mark('POST', '/api/alerts/run');
    expect((await secretary.post('/api/alerts/run', {})).statusCode).toBe(403);
    mark('POST', '/api/calendar/feeds');
    expect((await secretary.post('/api/calendar/feeds', { orgCode: 'CA2' })).statusCode).toBe(404);
    const own = await secretary.post('/api/calendar/feeds', { orgCode: 'CA1' });
    expect(own.statusCode).toBe(201);
    mark('GET', '/api/calendar/feeds');
    const other = await login(ctx.app, 'sec2');
    expect((await other.get('/api/calendar/feeds')).json().items ?? []).toEqual([]);
    mark('DELETE', '/api/calendar/feeds/{token}');
    expect(
      (await other.request({ method: 'DELETE', url: `/api/calendar/feeds/${own.json().token}` })).statusCode,
    ).toBe(404);
    mark('GET', '/api/calendar/{token}.ics');
    expect((await ctx.app.inject({ method: 'GET', url: '/api/calendar/not-a-token.ics' })).statusCode).toBe(
      404,
    );
  });
});

describe('the home page and the meeting days of a commune', () => {
  it('shows a secretary only its own cell, and no commune it does not lead', async () => {
    mark('GET', '/api/home');
    const home = (await secretary.get('/api/home')).json();
    expect(home.secretary.map((c: { orgCode: string }) => c.orgCode)).toEqual(['CA1']);
    expect(home.committees).toEqual([]);
    mark('GET', '/api/orgs/{code}/meeting-days');
    mark('POST', '/api/orgs/{code}/meeting-days');
    expect((await secretary.get('/api/orgs/GA/meeting-days?month=2027-01')).statusCode).toBe(404);
    expect((await secretary.post('/api/orgs/GB/meeting-days', { month: '2027-01' })).statusCode).toBe(404);
    // Its own cell is no committee: nothing to spread.
    const own = await secretary.get('/api/orgs/CA1/meeting-days?month=2027-01');
    expect(own.statusCode).toBe(400);
    expect(own.json().error.fields[0].field).toBe('orgCode');
  });
});

describe('the table above', () => {
  it('names every registry route of the API', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.length).toBeGreaterThan(30);
    // Meetings, tasks and rule sets have their own table (access-meetings.test.ts), and so does
    // supervision (access-supervision.test.ts), recommendations (access-recommendations.test.ts) and the
    // committees' reports (access-reports.test.ts), dues (modules/dues/dues-access.test.ts), ratings
    // (modules/ratings/ratings-access.test.ts), documents to pass on (modules/pass-on/pass-on.test.ts), the
    // four-good cell (modules/four-good/four-good-access.test.ts), the thematic programme
    // (modules/thematic/thematic-access.test.ts) and its committee-wide sessions
    // (modules/thematic/session-access.test.ts).
    const registry = routes.filter(
      (route) =>
        !/ \/api\/(meetings|tasks|rule-sets|supervision|recommendations|reports|dues|ratings|four-good|documents-to-pass-on|thematic)/.test(
          route,
        ),
    );
    expect(registry.filter((route) => !seen.has(route))).toEqual([]);
  });
});
