import type { ThematicRegistrationDto, ThematicRegistrationListDto, ThematicSessionDto } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { buildThematicFixture } from './test-fixture.ts';

/**
 * Which meeting a registration is held at (issue 17 items 1 and 3; HD 12-HD/BTCTW (06/7/2018), on sinh hoạt
 * chuyên đề): the cell's own topic at a thematic meeting or at the regular meeting held as the combined
 * session; a paper for the committee-wide session at that session only, frozen once its resolution is issued.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let now = new Date('2027-04-10T03:00:00Z');
const c: Record<string, Client> = {};
let own: number;
let paper: number;
let session: number;

const client = (name: string) => c[name] as Client;
const fieldOf = (res: { statusCode: number; body: string; json(): unknown }, status: number) => {
  expect(res.statusCode, res.body).toBe(status);
  return (res.json() as { error: { fields: { field: string }[] } }).error.fields[0]?.field;
};
const audited = async (action: string) =>
  (
    await rows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = ${action}`,
    )
  )[0]?.n;
const plan = async (over: Record<string, unknown>) => {
  const res = await client('sec1').post('/api/meetings', { orgCode: 'C1', startTime: '19:30', ...over });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
};
const link = (reg: number, meetingId: number) =>
  client('sec1').post(`/api/thematic/registrations/${reg}/meeting`, { meetingId });
const abilities = async (name: string, reg: number) =>
  ((await client(name).get(`/api/thematic/registrations/${reg}`)).json() as ThematicRegistrationDto)
    .abilities;

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  await buildThematicFixture(ctx.db);
  for (const name of ['ga', 'sec1', 'mem1', 'pres1']) c[name] = await login(ctx.app, name);
  const topic = (
    await client('ga').post('/api/thematic/topics', {
      committeeCode: 'GA',
      year: 2027,
      title: 'Thực hành tiết kiệm, chống lãng phí',
      purpose: 'Nâng cao ý thức của đảng viên',
    })
  ).json().id as number;
  expect((await client('ga').post(`/api/thematic/topics/${topic}/publish`)).statusCode).toBe(200);
  const registered = await client('sec1').post('/api/thematic/registrations', {
    orgCode: 'C1',
    year: 2027,
    quarter: 2,
    topicId: topic,
    presenterCodes: ['C103'],
    plannedDate: '2027-05-05',
  });
  expect(registered.statusCode, registered.body).toBe(201);
  own = registered.json().id;
  const created = await client('ga').post('/api/thematic/sessions', {
    committeeCode: 'GA',
    title: 'Hội nghị chuyên đề toàn Đảng bộ quý II',
    topicId: topic,
    date: '2027-05-20',
    time: '08:00',
    place: 'Hội trường Đảng ủy',
    year: 2027,
    quarter: 2,
    papers: [{ orgCode: 'C1', title: 'Tiết kiệm ở thôn Thượng Hội', presenterCodes: ['C103'] }],
  });
  expect(created.statusCode, created.body).toBe(201);
  const dto = created.json() as ThematicSessionDto;
  session = dto.id;
  paper = dto.cells[0]?.registrationId ?? 0;
});
afterAll(() => ctx.close());

describe('the cell’s list of the year', () => {
  it('tells the session’s paper from the cell’s own topic of the quarter', async () => {
    const res = await client('sec1').get('/api/thematic/registrations?org=C1&year=2027');
    const list = res.json() as ThematicRegistrationListDto;
    expect(list.items.map((r) => [r.id, r.sessionId])).toEqual([
      [own, null],
      [paper, session],
    ]);
    expect((await client('sec1').get(`/api/thematic/registrations/${paper}`)).json().sessionId).toBe(session);
  });
});

describe('the meeting a topic is held at', () => {
  it('is a thematic meeting or the regular one held as the combined session, of the quarter', async () => {
    const regular = await plan({ kind: 'regular', date: '2027-04-20' });
    expect(fieldOf(await link(own, regular), 400)).toBe('meetingId');
    const otherQuarter = await plan({ kind: 'regular', date: '2027-07-05', combined: true });
    expect(fieldOf(await link(own, otherQuarter), 400)).toBe('meetingId');
    const combined = await plan({ kind: 'regular', date: '2027-05-05', combined: true });
    const res = await link(own, combined);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as ThematicRegistrationDto).meetingId).toBe(combined);
    const [event] = await rows<{ detail: { combined: boolean; meetingId: number } }>(
      ctx.db,
      sql`SELECT detail FROM audit_events WHERE action = 'thematic.meeting_linked' ORDER BY id DESC LIMIT 1`,
    );
    expect(event?.detail).toMatchObject({ meetingId: combined, combined: true });
  });

  it('is never a cell’s meeting for a paper of the committee-wide session', async () => {
    expect((await abilities('sec1', paper)).linkMeeting).toBe(false);
    expect((await abilities('sec1', own)).linkMeeting).toBe(true);
    const thematic = await plan({ kind: 'thematic', date: '2027-05-12' });
    const before = await audited('thematic.meeting_linked');
    expect(fieldOf(await link(paper, thematic), 409)).toBe('meetingId');
    const [row] = await rows<{ meetingId: number | null }>(
      ctx.db,
      sql`SELECT meeting_id::int AS "meetingId" FROM thematic_registrations WHERE id = ${paper}`,
    );
    expect(row?.meetingId).toBeNull();
    expect(await audited('thematic.meeting_linked')).toBe(before);
  });
});

describe('a paper of the session', () => {
  const url = (suffix: string) => `/api/thematic/registrations/${paper}${suffix}`;

  it('is drafted, shared and commented on in its cell until the session’s resolution is issued', async () => {
    expect((await client('pres1').post(url('/paper'), { text: 'Tham luận, bản 1' })).statusCode).toBe(201);
    expect((await client('sec1').post(url('/paper/share'))).statusCode).toBe(200);
    expect((await client('mem1').post(url('/comments'), { text: 'Thêm số liệu.' })).statusCode).toBe(201);
    expect((await client('pres1').post(url('/paper'), { text: 'Tham luận, bản 2' })).statusCode).toBe(201);
    expect(await abilities('sec1', paper)).toMatchObject({ draft: true, share: true, comment: true });
    const base = `/api/thematic/sessions/${session}/resolution`;
    expect((await client('ga').post(base, { text: 'Dự thảo nghị quyết' })).statusCode).toBe(201);
    expect((await client('ga').post(`${base}/share`)).statusCode).toBe(200);
    now = new Date('2027-05-21T02:00:00Z');
    const issued = await client('ga').post(`${base}/issue`, {
      number: '05-NQ/ĐU',
      signerTitle: 'Bí thư',
      signerName: 'Nguyễn Văn Bình',
      passOnBy: '2027-06-30',
    });
    expect(issued.statusCode, issued.body).toBe(200);
  });

  it('no longer changes nor takes comments once the resolution is issued', async () => {
    const drafted = await audited('thematic.paper_drafted');
    const commented = await audited('thematic.paper_commented');
    expect(fieldOf(await client('pres1').post(url('/paper'), { text: 'Bản 3' }), 409)).toBe('status');
    expect(fieldOf(await client('sec1').post(url('/paper/share')), 409)).toBe('status');
    expect(fieldOf(await client('mem1').post(url('/comments'), { text: 'Muộn' }), 409)).toBe('status');
    expect(await audited('thematic.paper_drafted')).toBe(drafted);
    expect(await audited('thematic.paper_commented')).toBe(commented);
    for (const name of ['sec1', 'pres1', 'mem1'])
      expect(await abilities(name, paper), name).toMatchObject({
        draft: false,
        share: false,
        comment: false,
      });
    // The cell's own topic of the quarter stays open.
    expect(await abilities('pres1', own)).toMatchObject({ draft: true });
  });
});
