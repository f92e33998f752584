import type { ThematicCoverageDto, ThematicSessionDto } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildAccount, buildMember, buildTestApp, type Client, login } from '../../test/factories.ts';
import { buildThematicFixture } from './test-fixture.ts';

/**
 * The committee-wide thematic session on the real database (seed 004; domain.md §6; HD 12-HD/BTCTW, on sinh
 * hoạt chuyên đề): each cell's paper drafted, shared and commented on in its cell through the registration's
 * routes; the committee's draft resolution sent to every member of the subtree, commented on, issued after
 * the session, frozen and passed on as a superior document with its PDF.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let now = new Date('2027-04-10T03:00:00Z');
const c: Record<string, Client> = {};
let topic: number;
let session: ThematicSessionDto;

const client = (name: string) => c[name] as Client;
const field = (res: { statusCode: number; body: string; json(): unknown }, status = 400) => {
  expect(res.statusCode, res.body).toBe(status);
  return (res.json() as { error: { fields: { field: string }[] } }).error.fields[0]?.field;
};
const body = (over: Record<string, unknown> = {}) => ({
  committeeCode: 'GA',
  title: 'Hội nghị sinh hoạt chuyên đề toàn Đảng bộ quý II năm 2027',
  topicId: topic,
  date: '2027-05-20',
  time: '08:00',
  place: 'Hội trường Đảng ủy xã Tân Hội',
  year: 2027,
  quarter: 2,
  papers: [
    { orgCode: 'C1', title: 'Thực hành tiết kiệm ở thôn Thượng Hội', presenterCodes: ['C103'] },
    { orgCode: 'C2', title: 'Tiết kiệm trong xây dựng nông thôn mới', presenterCodes: ['C201', 'C202'] },
  ],
  ...over,
});
const count = async (query: ReturnType<typeof sql>) => (await rows<{ n: number }>(ctx.db, query))[0]?.n ?? -1;
const audited = (action: string) =>
  count(sql`SELECT count(*)::int AS n FROM audit_events WHERE action = ${action}`);
const url = (suffix = '') => `/api/thematic/sessions/${session.id}${suffix}`;
const read = async (name: string) => {
  const res = await client(name).get(url());
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ThematicSessionDto;
};
const paperOf = (view: ThematicSessionDto, code: string) => view.cells.find((x) => x.orgCode === code);

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  await buildThematicFixture(ctx.db);
  await buildMember(ctx.db, { code: 'C301', name: 'Vũ Thị Mai', org: 'C3' });
  const outside = await buildMember(ctx.db, { code: 'D01', name: 'Hoàng Văn Nam', org: 'D' });
  await buildAccount(ctx.db, 'memd', 'member', 'D', outside.id);
  for (const name of ['ga', 'p', 'gb', 'sec1', 'sec2', 'mem1', 'pres1', 'mem2', 'memd'])
    c[name] = await login(ctx.app, name);
  const created = await client('ga').post('/api/thematic/topics', {
    committeeCode: 'GA',
    year: 2027,
    title: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về thực hành tiết kiệm',
    purpose: 'Nâng cao ý thức thực hành tiết kiệm của cán bộ, đảng viên',
  });
  topic = created.json().id;
  expect((await client('ga').post(`/api/thematic/topics/${topic}/publish`)).statusCode).toBe(200);
});
afterAll(() => ctx.close());

describe('the committee creates its session', () => {
  it('refuses bad input naming the field, and keeps nothing of a refused session', async () => {
    const ga = client('ga');
    const post = (over: Record<string, unknown>) => ga.post('/api/thematic/sessions', body(over));
    expect(field(await post({ date: '2027-07-02' }))).toBe('date');
    expect(field(await post({ date: '2027-04-09' }))).toBe('date');
    expect(field(await post({ time: '25:00' }))).toBe('time');
    expect(field(await post({ committeeCode: 'C1' }))).toBe('committeeCode');
    expect(field(await post({ year: 2028, date: '2028-05-20' }))).toBe('topicId');
    const [first, second] = body().papers;
    expect(field(await post({ papers: [{ ...first, orgCode: 'D' }] }))).toBe('papers.0.orgCode');
    expect(field(await post({ papers: [first, { ...second, presenterCodes: ['C102'] }] }))).toBe(
      'papers.1.presenterCodes',
    );
    expect(field(await post({ papers: [first, { ...first, title: 'Lần nữa' }] }))).toBe('papers.1.orgCode');
    expect(await count(sql`SELECT count(*)::int AS n FROM thematic_sessions`)).toBe(0);
    expect(await count(sql`SELECT count(*)::int AS n FROM thematic_registrations`)).toBe(0);
  });

  it('assigns each cell a paper with its presenters, as a registration of the cell for the quarter', async () => {
    const res = await client('ga').post('/api/thematic/sessions', body());
    expect(res.statusCode, res.body).toBe(201);
    session = res.json() as ThematicSessionDto;
    expect(session).toMatchObject({
      orgCode: 'GA',
      status: 'preparing',
      topicId: topic,
      papers: 2,
      abilities: { manage: true, share: false, issue: false, issueBlocked: 'not_held', comment: false },
      resolution: { draft: null, versions: 0, comments: [], number: null, passOnDocumentId: null },
    });
    expect(paperOf(session, 'C2')).toMatchObject({
      status: 'assigned',
      versions: 0,
      comments: 0,
      presenters: [
        { memberCode: 'C201', fullName: 'Phạm Văn Vinh' },
        { memberCode: 'C202', fullName: 'Đỗ Thị Lan' },
      ],
    });
    // One more cell later; once per cell.
    const paper = {
      orgCode: 'C3',
      title: 'Giáo dục đức tính tiết kiệm cho học sinh',
      presenterCodes: ['C301'],
    };
    const added = await client('ga').post(url('/papers'), paper);
    expect(added.statusCode, added.body).toBe(201);
    expect((added.json() as ThematicSessionDto).cells.map((x) => x.orgCode)).toEqual(['C2', 'C1', 'C3']);
    expect(field(await client('ga').post(url('/papers'), paper))).toBe('orgCode');
    expect(await audited('thematic.session_created')).toBe(1);
    expect(await audited('thematic.session_paper_assigned')).toBe(3);
  });

  it('leaves the cell’s own topic of the quarter free, and out of the quarter’s coverage', async () => {
    const reg = await client('sec1').post('/api/thematic/registrations', {
      orgCode: 'C1',
      year: 2027,
      quarter: 2,
      topicId: topic,
      presenterCodes: ['C102'],
      plannedDate: '2027-06-10',
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const view = (
      await client('ga').get('/api/thematic/coverage?org=GA&year=2027&quarter=2')
    ).json() as ThematicCoverageDto;
    const status = (code: string) => view.cells.find((x) => x.orgCode === code)?.status;
    expect([status('C1'), status('C2'), status('C3')]).toEqual(['registered', 'none', 'none']);
  });

  it('is listed for the committee, its cells and the committee above, not for another commune', async () => {
    const list = async (name: string, org: string) =>
      (await client(name).get(`/api/thematic/sessions?org=${org}&year=2027`))
        .json()
        .items.map((s: { id: number }) => s.id);
    expect(await list('ga', 'GA')).toEqual([session.id]);
    expect(await list('mem1', 'C1')).toEqual([session.id]);
    expect(await list('p', 'P')).toEqual([session.id]);
    expect(await list('gb', 'GB')).toEqual([]);
  });
});

describe('each cell’s paper', () => {
  it('is drafted, shared and commented on in the cell through the registration, and counted here', async () => {
    const reg = paperOf(session, 'C1')?.registrationId;
    const r = (suffix: string) => `/api/thematic/registrations/${reg}${suffix}`;
    expect((await client('pres1').post(r('/paper'), { text: 'Tham luận, bản 1' })).statusCode).toBe(201);
    expect(paperOf(await read('ga'), 'C1')).toMatchObject({ status: 'drafted', versions: 1 });
    expect((await client('sec1').post(r('/paper/share'))).statusCode).toBe(200);
    expect((await client('mem1').post(r('/comments'), { text: 'Nên nêu số liệu cụ thể.' })).statusCode).toBe(
      201,
    );
    // Only the cell's own members comment on its paper; another cell's member does not see it.
    expect((await client('mem2').post(r('/comments'), { text: 'Góp ý' })).statusCode).toBe(404);
    expect(paperOf(await read('mem2'), 'C1')).toMatchObject({ status: 'shared', versions: 1, comments: 1 });
  });
});

describe('the draft thematic resolution', () => {
  it('is written by the committee, seen by the members once sent for comments', async () => {
    const draft = await client('ga').post(url('/resolution'), { text: 'Dự thảo nghị quyết, bản 1' });
    expect(draft.statusCode, draft.body).toBe(201);
    expect((await read('mem1')).resolution).toMatchObject({ draft: null, versions: 0 });
    expect(field(await client('mem1').post(url('/resolution/comments'), { text: 'Góp ý' }), 409)).toBe(
      'text',
    );
    const shared = await client('ga').post(url('/resolution/share'));
    expect(shared.statusCode, shared.body).toBe(200);
    expect((shared.json() as ThematicSessionDto).status).toBe('consulting');
    expect(field(await client('ga').post(url('/resolution/share')), 409)).toBe('version');
    const seen = await read('mem1');
    expect(seen.abilities).toEqual({
      manage: false,
      share: false,
      issue: false,
      issueBlocked: null,
      comment: true,
    });
    expect(seen.resolution.draft).toMatchObject({ version: 1, text: 'Dự thảo nghị quyết, bản 1' });
  });

  it('is commented on by every member of the subtree, and by nobody else', async () => {
    const comment = (name: string, text: string) => client(name).post(url('/resolution/comments'), { text });
    expect((await comment('mem1', 'Bổ sung chỉ tiêu tiết kiệm điện.')).statusCode).toBe(201);
    expect((await comment('mem2', 'Đề nghị giao việc cụ thể cho từng chi bộ.')).statusCode).toBe(201);
    expect((await comment('ga', 'Không phải đảng viên')).statusCode).toBe(403);
    expect((await comment('memd', 'Ngoài đảng bộ')).statusCode).toBe(404);
    expect(field(await comment('mem1', ' '))).toBe('text');
    const view = await read('ga');
    expect(view.resolution.comments.map((x) => [x.memberCode, x.orgName, x.version])).toEqual([
      ['C102', 'Chi bộ thôn Thượng Hội', 1],
      ['C201', 'Chi bộ thôn Thúy Hội', 1],
    ]);
    expect(await audited('thematic.session_resolution_commented')).toBe(2);
  });

  it('is revised version by version; the members keep seeing the version sent', async () => {
    await client('ga').post(url('/resolution'), { text: 'Dự thảo nghị quyết, bản 2' });
    expect((await read('mem1')).resolution.draft?.version).toBe(1);
    expect((await read('ga')).resolution).toMatchObject({
      versions: 2,
      draft: { version: 2, sharedAt: null },
    });
  });
});

describe('ban hành', () => {
  const issue = (over: Record<string, unknown> = {}) =>
    client('ga').post(url('/resolution/issue'), {
      number: '05-NQ/ĐU',
      signerTitle: 'Bí thư',
      signerName: 'Nguyễn Văn Bình',
      passOnBy: '2027-06-30',
      ...over,
    });

  it('waits for the session, and for the latest version to have been sent for comments', async () => {
    expect(field(await issue(), 409)).toBe('date');
    now = new Date('2027-05-21T02:00:00Z');
    expect(field(await issue(), 409)).toBe('version');
    expect((await client('ga').post(url('/resolution/share'))).statusCode).toBe(200);
    expect(field(await issue({ passOnBy: '2027-05-20' }))).toBe('passOnBy');
    expect(field(await issue({ number: '' }))).toBe('number');
    // Refused issues left nothing behind: no document to pass on, the session still open.
    expect(await count(sql`SELECT count(*)::int AS n FROM pass_on_documents`)).toBe(0);
    expect((await read('ga')).status).toBe('consulting');
  });

  it('lets the cell replan its paper until then', async () => {
    const reg = paperOf(await read('ga'), 'C1')?.registrationId;
    const plan = { presenterCodes: ['C103', 'C102'], plannedDate: '2027-06-10' };
    const res = await client('sec1').post(`/api/thematic/registrations/${reg}/plan`, plan);
    expect(res.statusCode, res.body).toBe(200);
    expect(paperOf(await read('ga'), 'C1')?.presenters.map((p) => p.memberCode)).toEqual(['C103', 'C102']);
  });

  it('freezes the resolution and passes it on to the subtree as a PDF, in one transaction', async () => {
    const res = await issue();
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as ThematicSessionDto;
    expect(view).toMatchObject({
      status: 'issued',
      abilities: { manage: false, share: false, issue: false, issueBlocked: null, comment: false },
    });
    expect(view.resolution).toMatchObject({
      number: '05-NQ/ĐU',
      issuedOn: '2027-05-21',
      draft: { version: 2, text: 'Dự thảo nghị quyết, bản 2' },
    });
    const id = view.resolution.passOnDocumentId;
    const [doc] = await rows<{ orgId: number; audience: string; contentType: string; bytes: Buffer }>(
      ctx.db,
      sql`SELECT org_id::int AS "orgId", audience, content_type AS "contentType", bytes
          FROM pass_on_documents WHERE id = ${id}`,
    );
    expect(doc).toMatchObject({ audience: 'subtree', contentType: 'application/pdf' });
    const pdf = Buffer.from(doc?.bytes ?? []);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('LiberationSerif');
    // Every cell of the commune has it to pass on; a cell finds it among its documents.
    const status = (await client('ga').get(`/api/documents-to-pass-on/${id}/status`)).json();
    expect(status).toMatchObject({ cells: 3, passedOn: 0 });
    const ofC1 = (await client('sec1').get('/api/documents-to-pass-on?org=C1')).json().items;
    expect(ofC1.map((d: { id: number; number: string }) => [d.id, d.number])).toEqual([[id, '05-NQ/ĐU']]);
    expect(await audited('thematic.session_resolution_issued')).toBe(1);
    expect(await audited('pass_on.registered')).toBe(1);
  });

  it('never changes again', async () => {
    const paper = { orgCode: 'C1', title: 'Muộn', presenterCodes: ['C101'] };
    expect(field(await issue({ number: '06-NQ/ĐU' }), 409)).toBe('status');
    expect((await client('ga').post(url('/resolution'), { text: 'Sửa lại' })).statusCode).toBe(409);
    expect((await client('ga').post(url('/resolution/share'))).statusCode).toBe(409);
    expect((await client('mem1').post(url('/resolution/comments'), { text: 'Muộn' })).statusCode).toBe(409);
    expect((await client('ga').post(url('/papers'), paper)).statusCode).toBe(409);
    // The paper froze with the resolution: its presenters and date no longer change (409, in the transaction).
    const reg = paperOf(await read('ga'), 'C1')?.registrationId;
    const replan = { presenterCodes: ['C101'], plannedDate: '2027-06-20' };
    const refused = await client('sec1').post(`/api/thematic/registrations/${reg}/plan`, replan);
    expect(field(refused, 409)).toBe('status');
    expect(refused.json().error.message).toContain('đã ban hành');
    expect(paperOf(await read('ga'), 'C1')?.presenters.map((p) => p.memberCode)).toEqual(['C103', 'C102']);
    expect(await audited('thematic.replanned')).toBe(1);
    const [frozen] = await rows<{ versions: number; documents: number }>(
      ctx.db,
      sql`SELECT (SELECT count(*)::int FROM thematic_session_drafts) AS versions,
            (SELECT count(*)::int FROM pass_on_documents) AS documents`,
    );
    expect(frozen).toEqual({ versions: 2, documents: 1 });
  });
});
