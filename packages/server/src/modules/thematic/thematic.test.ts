import type { ThematicCoverageDto, ThematicRegistrationDto, ThematicTopicDto } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildTestApp, type Client, FULL_MANUAL_SCORES, login } from '../../test/factories.ts';
import { buildThematicFixture } from './test-fixture.ts';

/** The thematic programme's rules on the real database (issue 17 item 1; HD 12-HD/BTCTW, on sinh hoạt chuyên đề). */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let now = new Date('2027-04-10T03:00:00Z');
const c: Record<string, Client> = {};
let topic: number;
let reg1: number;
let reg2: number;

const client = (name: string) => c[name] as Client;
const field = (res: { statusCode: number; body: string; json(): unknown }) => {
  expect(res.statusCode, res.body).toBe(400);
  return (res.json() as { error: { fields: { field: string }[] } }).error.fields[0]?.field;
};
const topicBody = (over: Record<string, unknown> = {}) => ({
  committeeCode: 'GA',
  year: 2027,
  title: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về tiết kiệm',
  purpose: 'Nâng cao ý thức thực hành tiết kiệm trong mỗi đảng viên',
  materials: 'Chỉ thị 05-CT/TW; tài liệu chuyên đề năm 2027',
  ...over,
});
const registration = (over: Record<string, unknown> = {}) => ({
  orgCode: 'C1',
  year: 2027,
  quarter: 2,
  topicId: topic,
  presenterCodes: ['C103'],
  plannedDate: '2027-05-10',
  ...over,
});
const cellOf = (view: ThematicCoverageDto, code: string) => view.cells.find((x) => x.orgCode === code);
const audited = async (action: string) =>
  (
    await rows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = ${action}`,
    )
  )[0]?.n;

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  await buildThematicFixture(ctx.db);
  for (const name of ['ga', 'p', 'gb', 'sec1', 'sec2', 'secd', 'mem1', 'pres1', 'mem2'])
    c[name] = await login(ctx.app, name);
});
afterAll(() => ctx.close());

describe('a committee’s topics for the year', () => {
  it('are drafted, then published to the cells; a published topic is withdrawn, never deleted', async () => {
    const ga = client('ga');
    const created = await ga.post('/api/thematic/topics', topicBody());
    expect(created.statusCode, created.body).toBe(201);
    const dto = created.json() as ThematicTopicDto;
    topic = dto.id;
    expect(dto).toMatchObject({ status: 'draft', orgCode: 'GA', year: 2027, cellCategories: [] });
    const seen = async (name: string, org: string) =>
      (
        (await client(name).get(`/api/thematic/topics?org=${org}&year=2027`)).json()
          .items as ThematicTopicDto[]
      ).map((t) => t.id);
    expect(await seen('sec1', 'C1')).toEqual([]);
    expect(await seen('ga', 'GA')).toEqual([topic]);
    expect((await ga.post(`/api/thematic/topics/${topic}/publish`)).statusCode).toBe(200);
    expect((await ga.post(`/api/thematic/topics/${topic}/publish`)).statusCode).toBe(409);
    expect(await seen('sec1', 'C1')).toEqual([topic]);
    // One for schools only: the village cell does not see it.
    const schools = (
      await ga.post(
        '/api/thematic/topics',
        topicBody({ title: 'Giáo dục đạo đức', cellCategories: ['school'] }),
      )
    ).json().id;
    await ga.post(`/api/thematic/topics/${schools}/publish`);
    expect(await seen('sec1', 'C1')).toEqual([topic]);
    expect(
      field(await client('sec1').post('/api/thematic/registrations', registration({ topicId: schools }))),
    ).toBe('topicId');
    expect((await ga.delete(`/api/thematic/topics/${schools}`)).statusCode).toBe(409);
    expect((await ga.post(`/api/thematic/topics/${schools}/withdraw`)).statusCode).toBe(200);
    expect((await ga.post(`/api/thematic/topics/${schools}/withdraw`)).statusCode).toBe(409);
    expect(await seen('ga', 'GA')).toEqual([topic, schools]);
    const draft = (await ga.post('/api/thematic/topics', topicBody({ title: 'Dự thảo' }))).json().id;
    expect((await ga.delete(`/api/thematic/topics/${draft}`)).statusCode).toBe(204);
    expect(await audited('thematic.topic_published')).toBe(2);
    expect(await audited('thematic.topic_withdrawn')).toBe(1);
    expect(await audited('thematic.topic_deleted')).toBe(1);
  });

  it('answers 400 naming the field for bad input', async () => {
    const ga = client('ga');
    const { title: _t, ...untitled } = topicBody();
    expect(field(await ga.post('/api/thematic/topics', untitled))).toBe('title');
    expect(field(await ga.post('/api/thematic/topics', topicBody({ year: 'năm nay' })))).toBe('year');
    expect(field(await ga.post('/api/thematic/topics', topicBody({ committeeCode: 'C1' })))).toBe(
      'committeeCode',
    );
    expect(field(await ga.post('/api/thematic/topics', topicBody({ cellCategories: ['farm'] })))).toBe(
      'cellCategories.0',
    );
  });
});

describe('a cell registers its topic for the quarter', () => {
  it('registers one of the committee’s topics with its presenters and date, once per quarter', async () => {
    const sec1 = client('sec1');
    const res = await sec1.post('/api/thematic/registrations', registration());
    expect(res.statusCode, res.body).toBe(201);
    const dto = res.json() as ThematicRegistrationDto;
    reg1 = dto.id;
    expect(dto).toMatchObject({
      status: 'registered',
      own: false,
      quarter: 2,
      title: topicBody().title,
      presenters: [{ memberCode: 'C103', fullName: 'Lê Văn Cường' }],
    });
    expect(field(await sec1.post('/api/thematic/registrations', registration()))).toBe('quarter');
    expect(await audited('thematic.registered')).toBe(1);
    // The presenters and the date are reassigned within the quarter, among the cell's members.
    const replan = (body: unknown) => sec1.post(`/api/thematic/registrations/${reg1}/plan`, body);
    expect(field(await replan({ presenterCodes: ['C103'], plannedDate: '2027-07-01' }))).toBe('plannedDate');
    expect(field(await replan({ presenterCodes: ['C201'], plannedDate: '2027-05-10' }))).toBe(
      'presenterCodes',
    );
    const moved = await replan({ presenterCodes: ['C101', 'C103'], plannedDate: '2027-05-10' });
    expect(moved.json().presenters.map((p: { memberCode: string }) => p.memberCode)).toEqual([
      'C101',
      'C103',
    ]);
    expect(await audited('thematic.replanned')).toBe(1);
  });

  it('is refused for a past quarter, a date outside the quarter, a presenter of another cell', async () => {
    const sec2 = client('sec2');
    const base = { orgCode: 'C2' };
    expect(
      field(
        await sec2.post(
          '/api/thematic/registrations',
          registration({ ...base, quarter: 1, plannedDate: '2027-03-20' }),
        ),
      ),
    ).toBe('quarter');
    expect(
      field(
        await sec2.post('/api/thematic/registrations', registration({ ...base, plannedDate: '2027-07-02' })),
      ),
    ).toBe('plannedDate');
    expect(
      field(
        await sec2.post('/api/thematic/registrations', registration({ ...base, plannedDate: '2027-04-09' })),
      ),
    ).toBe('plannedDate');
    expect(field(await sec2.post('/api/thematic/registrations', registration(base)))).toBe('presenterCodes');
    expect(
      field(await sec2.post('/api/thematic/registrations', { ...registration(base), topicId: undefined })),
    ).toBe('topicId');
  });

  it('needs the committee’s approval for the cell’s own topic: refused with a reason, then approved', async () => {
    const sec2 = client('sec2');
    const own = registration({
      orgCode: 'C2',
      topicId: undefined,
      ownTitle: 'Phát triển kinh tế hộ gia đình gắn với xây dựng nông thôn mới',
      presenterCodes: ['C201', 'C202'],
    });
    const first = (await sec2.post('/api/thematic/registrations', own)).json() as ThematicRegistrationDto;
    expect(first).toMatchObject({ status: 'pending', own: true });
    const decide = (name: string, id: number, body: unknown) =>
      client(name).post(`/api/thematic/registrations/${id}/decision`, body);
    expect(field(await decide('ga', first.id, { decision: 'refused' }))).toBe('reason');
    expect((await decide('sec2', first.id, { decision: 'approved' })).statusCode).toBe(403);
    expect((await decide('gb', first.id, { decision: 'approved' })).statusCode).toBe(404);
    const refusal = await decide('ga', first.id, {
      decision: 'refused',
      reason: 'Trùng chuyên đề quý trước.',
    });
    expect(refusal.json()).toMatchObject({ status: 'refused', refusalReason: 'Trùng chuyên đề quý trước.' });
    // Refused: the cell registers again; the second own topic is approved.
    const second = await sec2.post('/api/thematic/registrations', {
      ...own,
      ownTitle: 'Chuyển đổi số ở thôn',
    });
    expect(second.statusCode, second.body).toBe(201);
    reg2 = second.json().id;
    // The committee finds what awaits its approval; the cell its own registrations of the year.
    const pending = await client('ga').get('/api/thematic/registrations?org=GA&year=2027&status=pending');
    expect(pending.json().items).toMatchObject([{ id: reg2, orgCode: 'C2', own: true, status: 'pending' }]);
    const ofC2 = (await sec2.get('/api/thematic/registrations?org=C2&year=2027')).json().items;
    expect(ofC2.map((r: { status: string }) => r.status)).toEqual(['refused', 'pending']);
    expect((await client('pres1').get(`/api/thematic/registrations/${reg2}`)).statusCode).toBe(404);
    expect(
      (await sec2.post(`/api/thematic/registrations/${reg2}/paper`, { text: 'Dự thảo' })).statusCode,
    ).toBe(409);
    expect((await decide('ga', reg2, { decision: 'approved' })).json().status).toBe('approved');
    expect((await decide('ga', reg2, { decision: 'approved' })).statusCode).toBe(409);
    expect(await audited('thematic.refused')).toBe(1);
    expect(await audited('thematic.approved')).toBe(1);
  });
});

describe('the topic paper', () => {
  const url = (suffix = '') => `/api/thematic/registrations/${reg1}${suffix}`;
  const read = async (name: string) => (await client(name).get(url())).json() as ThematicRegistrationDto;

  it('keeps every version; the members see only what was shared, and comment on it', async () => {
    const v1 = await client('pres1').post(url('/paper'), { text: 'Tham luận, bản 1' });
    expect(v1.statusCode, v1.body).toBe(201);
    expect(
      (await client('mem1').post(url('/paper'), { text: 'Không phải người trình bày' })).statusCode,
    ).toBe(403);
    expect((await read('mem1')).paper).toBeNull();
    expect((await client('mem1').post(url('/comments'), { text: 'Góp ý' })).statusCode).toBe(409);
    await client('sec1').post(url('/paper'), { text: 'Tham luận, bản 2' });
    expect((await client('mem1').post(url('/paper/share'))).statusCode).toBe(403);
    const shared = await client('sec1').post(url('/paper/share'));
    expect(shared.statusCode, shared.body).toBe(200);
    expect((await client('sec1').post(url('/paper/share'))).statusCode).toBe(409);
    await client('pres1').post(url('/paper'), { text: 'Tham luận, bản 3' });
    expect((await read('mem1')).paper).toMatchObject({ version: 2, text: 'Tham luận, bản 2' });
    expect(await read('pres1')).toMatchObject({ versions: 3, paper: { version: 3, sharedAt: null } });
    const papers = await rows<{ version: number; text: string }>(
      ctx.db,
      sql`SELECT version, text FROM thematic_papers WHERE registration_id = ${reg1} ORDER BY version`,
    );
    expect(papers.map((p) => p.text)).toEqual(['Tham luận, bản 1', 'Tham luận, bản 2', 'Tham luận, bản 3']);
  });

  it('takes comments from the cell’s members only, one transaction with its audit event', async () => {
    const posted = await client('mem1').post(url('/comments'), { text: 'Đề nghị bổ sung ví dụ ở thôn.' });
    expect(posted.statusCode, posted.body).toBe(201);
    expect(posted.json().comments).toMatchObject([
      { version: 2, memberCode: 'C102', fullName: 'Trần Thị Hằng', text: 'Đề nghị bổ sung ví dụ ở thôn.' },
    ]);
    expect((await client('mem2').post(url('/comments'), { text: 'Góp ý' })).statusCode).toBe(404);
    expect((await client('ga').post(url('/comments'), { text: 'Góp ý' })).statusCode).toBe(403);
    expect(field(await client('mem1').post(url('/comments'), { text: '   ' }))).toBe('text');
    expect(await audited('thematic.paper_commented')).toBe(1);
  });
});

describe('the committee’s view of the quarter', () => {
  it('links the thematic meeting, follows it to the adopted resolution, counts the cells', async () => {
    const sec1 = client('sec1');
    const plan = async (kind: string, date: string) => {
      const res = await sec1.post('/api/meetings', {
        orgCode: 'C1',
        kind,
        date,
        startTime: '19:30',
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as number;
    };
    const regular = await plan('regular', '2027-05-05');
    expect(
      field(await sec1.post(`/api/thematic/registrations/${reg1}/meeting`, { meetingId: regular })),
    ).toBe('meetingId');
    const meeting = await plan('thematic', '2027-05-10');
    const linked = await sec1.post(`/api/thematic/registrations/${reg1}/meeting`, { meetingId: meeting });
    expect(linked.json().meetingId).toBe(meeting);
    const view = async (name = 'ga', org = 'GA') => {
      const res = await client(name).get(`/api/thematic/coverage?org=${org}&year=2027&quarter=2`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as ThematicCoverageDto;
    };
    expect((await view()).cells.map((x) => [x.orgCode, x.status])).toEqual([
      // In the tree's (Vietnamese) order: Thúy Hội before Thượng Hội.
      ['C2', 'approved'],
      ['C1', 'paper_shared'],
      ['C3', 'none'],
    ]);
    now = new Date('2027-05-10T15:00:00Z');
    expect(
      (await sec1.post(`/api/meetings/${meeting}/start`, { at: '2027-05-10T19:30:00+07:00' })).statusCode,
    ).toBe(200);
    expect(
      (await sec1.post(`/api/meetings/${meeting}/end`, { at: '2027-05-10T21:15:00+07:00' })).statusCode,
    ).toBe(200);
    expect(cellOf(await view(), 'C1')).toMatchObject({ status: 'held', meetingId: meeting });
    expect((await sec1.put(`/api/meetings/${meeting}/manual-scores`, FULL_MANUAL_SCORES)).statusCode).toBe(
      200,
    );
    const adopted = await sec1.post(`/api/meetings/${meeting}/adopt`, { for: 3, against: 0, abstain: 0 });
    expect(adopted.statusCode, adopted.body).toBe(200);
    const after = await view();
    expect(cellOf(after, 'C1')).toMatchObject({ orgCode: 'C1', status: 'resolution_adopted' });
    expect(cellOf(after, 'C1')?.level).toBeTruthy();
    expect(after.counts).toEqual({
      cells: 3,
      registered: 2,
      pending: 0,
      paperShared: 1,
      held: 1,
      resolutionAdopted: 1,
      none: 1,
    });
    // Adopted: the paper no longer changes.
    expect(
      (await client('pres1').post(`/api/thematic/registrations/${reg1}/paper`, { text: 'bản 4' })).statusCode,
    ).toBe(409);
    // The province sees the same cells; the other commune none of them; a past quarter is empty.
    expect((await view('p', 'GA')).counts).toEqual(after.counts);
    expect((await view('gb', 'GB')).cells.map((x) => [x.orgCode, x.status])).toEqual([['D', 'none']]);
    const q1 = (await client('ga').get('/api/thematic/coverage?org=GA&year=2027&quarter=1')).json();
    expect(q1.counts).toMatchObject({ cells: 3, registered: 0, none: 3 });
    expect(field(await client('ga').get('/api/thematic/coverage?org=GA&year=2027&quarter=5'))).toBe(
      'quarter',
    );
  });
});
