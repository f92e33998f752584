import type { MeetingPassOnItemDto, PassOnDocumentDto, PassOnStatusDto } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildTestApp, type Client, FULL_MANUAL_SCORES, login } from '../../test/factories.ts';
import { buildPassOnFixture, registerForm } from './test-fixture.ts';

let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let now = new Date('2027-03-01T03:00:00Z');
const c: Record<string, Client> = {};
let doc1: number;
let doc2: number;
let doc3: number;
let m1: number;

const fields = (over: Record<string, string> = {}) => ({
  committeeCode: 'GA',
  documentNumber: '05-NQ/ĐU',
  documentTitle: 'Nghị quyết về phát triển kinh tế nông thôn năm 2027',
  issuedOn: '2027-02-25',
  passOnBy: '2027-03-20',
  ...over,
});
const items = async (client: Client, meetingId: number) =>
  (await client.get(`/api/meetings/${meetingId}/documents-to-pass-on`)).json()
    .items as MeetingPassOnItemDto[];
const plan = async (client: Client, orgCode: string, date: string) => {
  const res = await client.post('/api/meetings', { orgCode, kind: 'regular', date, startTime: '19:30' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
};

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  await buildPassOnFixture(ctx.db);
  for (const name of ['ga', 'p', 'admin', 'gb', 'sec1', 'sec2', 'sec3', 'secd', 'mem1'])
    c[name] = await login(ctx.app, name);
});
afterAll(() => ctx.close());

describe('registering a superior document to pass on', () => {
  it('is one write with its audit event, by the committee, for its whole subtree', async () => {
    const res = await registerForm(c.ga as Client, fields());
    expect(res.statusCode, res.body).toBe(201);
    const dto = res.json() as PassOnDocumentDto;
    doc1 = dto.id;
    expect(dto).toMatchObject({ orgCode: 'GA', number: '05-NQ/ĐU', audience: 'subtree', size: 23 });
    const logged = await rows<{ action: string }>(
      ctx.db,
      sql`SELECT action FROM audit_events WHERE entity_type = 'pass_on_document' AND entity_id = ${String(doc1)}`,
    );
    expect(logged.map((l) => l.action)).toEqual(['pass_on.registered']);
    // From the province, to its schools only; and a second one of the commune's.
    const schools = await registerForm(
      c.p as Client,
      fields({
        committeeCode: 'P',
        documentNumber: '12-CT/TU',
        audience: 'chosen',
        cellCategories: 'school',
      }),
    );
    expect(schools.statusCode, schools.body).toBe(201);
    doc2 = schools.json().id;
    doc3 = (
      await registerForm(c.ga as Client, fields({ documentNumber: '06-KL/ĐU', passOnBy: '2027-04-30' }))
    ).json().id;
  });

  it('answers 400 naming the field for bad input, 413 for a file too large', async () => {
    const ga = c.ga as Client;
    const field = async (res: Awaited<ReturnType<typeof registerForm>>) => {
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error.fields[0].field as string;
    };
    const { documentTitle: _t, ...untitled } = fields();
    expect(await field(await registerForm(ga, untitled))).toBe('documentTitle');
    expect(await field(await registerForm(ga, fields({ passOnBy: '2027-02-28' })))).toBe('passOnBy');
    expect(await field(await registerForm(ga, fields({ issuedOn: '25/02/2027' })))).toBe('issuedOn');
    expect(await field(await registerForm(ga, fields({ audience: 'chosen' })))).toBe('cellKinds');
    expect(await field(await registerForm(ga, fields({ committeeCode: 'C1' })))).toBe('committeeCode');
    expect(await field(await registerForm(ga, fields(), null))).toBe('file');
    expect(await field(await registerForm(ga, fields({ documentTitle: 'Nghị\u0000quyết' })))).toBe(
      'documentTitle',
    );
    const big = await registerForm(ga, fields(), Buffer.alloc(20 * 1024 * 1024 + 1));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.fields[0].field).toBe('file');
  });

  it('is refused to those who may not register at the committee', async () => {
    expect((await registerForm(c.sec1 as Client, fields())).statusCode).toBe(404);
    expect((await registerForm(c.gb as Client, fields())).statusCode).toBe(404);
    const anonymous = await ctx.app.inject({ method: 'POST', url: '/api/documents-to-pass-on', payload: {} });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('passing it on at the next meeting', () => {
  it('shows it on each addressed cell’s next meeting, under the superior-documents item, with the reason', async () => {
    m1 = await plan(c.sec1 as Client, 'C1', '2027-03-05');
    await plan(c.sec2 as Client, 'C2', '2027-03-10');
    const shown = await items(c.sec1 as Client, m1);
    expect(shown.map((i) => i.documentId)).toEqual([doc1, doc3]);
    const meeting = (await (c.sec1 as Client).get(`/api/meetings/${m1}`)).json();
    const index = shown[0]?.agendaIndex ?? -1;
    expect(meeting.agenda[index].title).toBe('Phổ biến, quán triệt văn bản của cấp trên');
    expect(shown[0]?.reason).toBe(
      'Văn bản số 05-NQ/ĐU của Đảng bộ xã Tân Hội (ban hành ngày 25/02/2027) cần được phổ biến đến chi bộ trước ngày 20/03/2027.',
    );
    expect((await (c.sec2 as Client).get(`/api/meetings/${m1}/documents-to-pass-on`)).statusCode).toBe(404);
    expect((await items(c.mem1 as Client, m1)).length).toBe(2);
  });

  it('is recorded at the meeting while it is held, by whom, once; refused once the minutes are adopted', async () => {
    const url = (doc: number) => `/api/meetings/${m1}/documents-to-pass-on/${doc}/passed-on`;
    const sec1 = c.sec1 as Client;
    expect((await sec1.post(url(doc1), {})).statusCode).toBe(409);
    now = new Date('2027-03-05T15:00:00Z');
    expect(
      (await sec1.post(`/api/meetings/${m1}/start`, { at: '2027-03-05T19:30:00+07:00' })).statusCode,
    ).toBe(200);
    expect((await (c.sec2 as Client).post(url(doc1), {})).statusCode).toBe(404);
    expect((await (c.mem1 as Client).post(url(doc1), {})).statusCode).toBe(403);
    expect((await sec1.post(url(doc2), {})).statusCode).toBe(404);
    const stranger = await sec1.post(url(doc1), { presenterCode: 'C201' });
    expect(stranger.json().error.fields[0].field).toBe('presenterCode');
    const done = await sec1.post(url(doc1), { presenterCode: 'C102' });
    expect(done.statusCode, done.body).toBe(201);
    const [item] = done.json().items as MeetingPassOnItemDto[];
    expect(item?.passed).toMatchObject({ meetingId: m1, passedOn: '2027-03-05', presenter: 'Trần Thị Hằng' });
    expect((await sec1.post(url(doc1), {})).statusCode).toBe(409);
    const logged = await rows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM audit_events
          WHERE action = 'meeting.document_passed_on' AND entity_id = ${String(m1)}`,
    );
    expect(logged[0]?.n).toBe(1);
    const meeting = (await sec1.get(`/api/meetings/${m1}`)).json();
    expect(meeting.agenda[item?.agendaIndex ?? -1].conclusion).toBe(
      'Đã phổ biến văn bản số 05-NQ/ĐU của Đảng bộ xã Tân Hội "Nghị quyết về phát triển kinh tế nông thôn năm 2027" (người phổ biến: Trần Thị Hằng).',
    );
    expect((await sec1.post(`/api/meetings/${m1}/end`, { at: '2027-03-05T21:15:00+07:00' })).statusCode).toBe(
      200,
    );
    expect((await sec1.put(`/api/meetings/${m1}/manual-scores`, FULL_MANUAL_SCORES)).statusCode).toBe(200);
    const adopted = await sec1.post(`/api/meetings/${m1}/adopt`, { for: 3, against: 0, abstain: 0 });
    expect(adopted.statusCode, adopted.body).toBe(200);
    const late = await sec1.post(url(doc3), {});
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('thông qua');
    // The adopted meeting keeps only what it passed on.
    expect((await items(sec1, m1)).map((i) => i.documentId)).toEqual([doc1]);
  });
});

describe('the committee follows the document', () => {
  const status = async (client: Client, doc: number) => {
    const res = await client.get(`/api/documents-to-pass-on/${doc}/status`);
    return { code: res.statusCode, body: res.json() as PassOnStatusDto };
  };

  it('sees every addressed cell of its subtree: passed on with the day, pending with the next meeting', async () => {
    const { body } = await status(c.ga as Client, doc1);
    expect(body).toMatchObject({
      cells: 3,
      passedOn: 1,
      passed: [{ orgCode: 'C1', passedOn: '2027-03-05', meetingId: m1, presenter: 'Trần Thị Hằng' }],
      pending: [
        { orgCode: 'C2', orgName: 'Chi bộ thôn Thúy Hội', nextMeeting: '2027-03-10' },
        { orgCode: 'C3', orgName: 'Chi bộ Trường Tiểu học', nextMeeting: null },
      ],
    });
    expect((await status(c.p as Client, doc1)).body).toEqual(body);
    // Addressed to schools only: the school cell, none of the villages.
    expect((await status(c.p as Client, doc2)).body).toMatchObject({
      cells: 1,
      pending: [{ orgCode: 'C3' }],
    });
    // A lower committee follows a superior document over its own subtree only.
    expect((await status(c.ga as Client, doc2)).body).toMatchObject({
      cells: 1,
      pending: [{ orgCode: 'C3' }],
    });
    expect((await status(c.gb as Client, doc2)).body).toEqual({
      cells: 0,
      passedOn: 0,
      passed: [],
      pending: [],
    });
  });

  it('shows a cell only its own entry, and nothing of a document not addressed to it', async () => {
    expect((await status(c.sec1 as Client, doc1)).body).toMatchObject({ cells: 1, passedOn: 1, pending: [] });
    expect((await status(c.mem1 as Client, doc1)).body).toMatchObject({ cells: 1, passedOn: 1 });
    const two = (await status(c.sec2 as Client, doc1)).body;
    expect(two).toEqual({
      cells: 1,
      passedOn: 0,
      passed: [],
      pending: [{ orgCode: 'C2', orgName: 'Chi bộ thôn Thúy Hội', nextMeeting: '2027-03-10' }],
    });
    expect((await status(c.sec1 as Client, doc2)).code).toBe(404);
    expect((await status(c.sec3 as Client, doc2)).body).toMatchObject({ cells: 1 });
    expect((await status(c.secd as Client, doc1)).code).toBe(404);
    expect((await status(c.gb as Client, doc1)).code).toBe(404);
    expect((await status(c.ga as Client, 999999)).code).toBe(404);
    expect((await ctx.app.inject({ url: `/api/documents-to-pass-on/${doc1}/status` })).statusCode).toBe(401);
    for (const route of ['', '/file']) {
      expect((await (c.secd as Client).get(`/api/documents-to-pass-on/${doc1}${route}`)).statusCode).toBe(
        404,
      );
      expect((await (c.sec1 as Client).get(`/api/documents-to-pass-on/${doc2}${route}`)).statusCode).toBe(
        404,
      );
    }
    const file = await (c.sec1 as Client).get(`/api/documents-to-pass-on/${doc1}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe('%PDF-1.4 nghị quyết');
  });

  it('lists a committee’s documents and a cell’s own, with whether the cell passed each on', async () => {
    const list = async (client: Client, org: string) => {
      const res = await client.get(`/api/documents-to-pass-on?org=${org}`);
      return { code: res.statusCode, items: (res.json().items ?? []) as PassOnDocumentDto[] };
    };
    expect((await list(c.ga as Client, 'GA')).items.map((d) => d.id).sort()).toEqual(
      [doc1, doc2, doc3].sort(),
    );
    const own = (await list(c.sec1 as Client, 'C1')).items;
    expect(own.map((d) => [d.id, d.passed?.passedOn ?? null])).toEqual([
      [doc1, '2027-03-05'],
      [doc3, null],
    ]);
    expect((await list(c.sec3 as Client, 'C3')).items.map((d) => d.id)).toEqual([doc1, doc2, doc3]);
    expect((await list(c.sec1 as Client, 'C2')).code).toBe(404);
    expect((await list(c.sec1 as Client, 'GA')).code).toBe(404);
    expect((await list(c.gb as Client, 'GA')).code).toBe(404);
    const bad = await (c.ga as Client).get('/api/documents-to-pass-on');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toContain('org');
  });
});

describe('the daily alerts run', () => {
  it('reminds each cell past the day without a record, once', async () => {
    const run = async (date: string) => (await (c.admin as Client).post('/api/alerts/run', { date })).json();
    expect((await run('2027-03-20')).byKind.pass_on).toBe(0);
    // Overdue on the 21st: C2 and C3 for the commune's resolution and C3 for the province's; not C1.
    expect((await run('2027-03-21')).byKind.pass_on).toBe(3);
    expect((await run('2027-03-22')).byKind.pass_on).toBe(0);
    const inbox = async (name: string) =>
      JSON.stringify((await (c[name] as Client).get('/api/inbox')).json());
    expect(await inbox('sec2')).toContain('Chưa phổ biến văn bản số 05-NQ/ĐU: Chi bộ thôn Thúy Hội');
    expect(await inbox('sec1')).not.toContain('Chưa phổ biến văn bản');
  });
});

describe('every route of documents to pass on', () => {
  it('tells a cell outside the document nothing, and the table names every route', async () => {
    const secd = c.secd as Client;
    const calls: [method: string, route: string, url: string, payload?: object][] = [
      ['GET', '/api/documents-to-pass-on', '/api/documents-to-pass-on?org=GA'],
      ['GET', '/api/documents-to-pass-on/{id}', `/api/documents-to-pass-on/${doc1}`],
      ['GET', '/api/documents-to-pass-on/{id}/status', `/api/documents-to-pass-on/${doc1}/status`],
      ['GET', '/api/documents-to-pass-on/{id}/file', `/api/documents-to-pass-on/${doc1}/file`],
      ['GET', '/api/meetings/{id}/documents-to-pass-on', `/api/meetings/${m1}/documents-to-pass-on`],
      [
        'POST',
        '/api/meetings/{id}/documents-to-pass-on/{documentId}/passed-on',
        `/api/meetings/${m1}/documents-to-pass-on/${doc3}/passed-on`,
        {},
      ],
    ];
    for (const [method, , url, payload] of calls) {
      const res = await secd.request({ method: method as 'GET', url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await registerForm(secd, fields())).statusCode).toBe(404);
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
      .filter((route) => route.includes('documents-to-pass-on'));
    const named = new Set([
      ...calls.map(([method, route]) => `${method} ${route}`),
      'POST /api/documents-to-pass-on',
    ]);
    expect(routes.filter((route) => !named.has(route))).toEqual([]);
  });
});
