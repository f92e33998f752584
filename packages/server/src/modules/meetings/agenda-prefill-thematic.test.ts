import type { AgendaItem } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { buildThematicFixture } from '../thematic/test-fixture.ts';

/**
 * The thematic topic of the quarter on the prepared agenda (issue 17 items 1 and 3; HD 12-HD/BTCTW, on sinh
 * hoạt chuyên đề): a thematic meeting or a combined session takes the cell's registration for the quarter,
 * with its reason; the registration is linked to the meeting in the same transaction; a pending or refused
 * own topic says it awaits the committee; a dropped item stays dropped.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
const now = new Date('2027-04-10T03:00:00Z');
const c: Record<string, Client> = {};
let topic: number;

const client = (name: string) => c[name] as Client;
const themed = (agenda: AgendaItem[]) => agenda.findIndex((i) => i.source?.kind === 'thematic');
async function meeting(sec: string, orgCode: string, kind: string, date: string, combined = false) {
  const res = await client(sec).post('/api/meetings', { orgCode, kind, date, startTime: '19:30', combined });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}
async function prepare(sec: string, id: number): Promise<AgendaItem[]> {
  const res = await client(sec).post(`/api/meetings/${id}/agenda/prepare`, {});
  expect(res.statusCode, res.body).toBe(200);
  return res.json().agenda;
}
async function register(sec: string, body: Record<string, unknown>) {
  const res = await client(sec).post('/api/thematic/registrations', {
    year: 2027,
    quarter: 2,
    plannedDate: '2027-05-10',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}
const linkOf = async (id: number) =>
  (
    await rows<{ meetingId: number | null }>(
      ctx.db,
      sql`SELECT meeting_id::int AS "meetingId" FROM thematic_registrations WHERE id = ${id}`,
    )
  )[0]?.meetingId;
const linkEvents = async (id: number) =>
  rows<{ actorName: string; detail: { meetingId: number } }>(
    ctx.db,
    sql`SELECT actor_name AS "actorName", detail FROM audit_events
        WHERE action = 'thematic.meeting_linked' AND entity_id = ${String(id)} ORDER BY id`,
  );

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  await buildThematicFixture(ctx.db);
  for (const name of ['ga', 'sec1', 'sec2', 'pres1']) c[name] = await login(ctx.app, name);
  const created = await client('ga').post('/api/thematic/topics', {
    committeeCode: 'GA',
    year: 2027,
    title: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về tiết kiệm',
    purpose: 'Nâng cao ý thức thực hành tiết kiệm trong mỗi đảng viên',
  });
  expect(created.statusCode, created.body).toBe(201);
  topic = created.json().id;
  expect((await client('ga').post(`/api/thematic/topics/${topic}/publish`)).statusCode).toBe(200);
});
afterAll(() => ctx.close());

describe('a registered topic on the thematic meeting’s agenda', () => {
  let reg: number;
  let thematic: number;

  it('opens the thematic part with its presenters and the paper not yet shared, and links the meeting', async () => {
    reg = await register('sec1', { orgCode: 'C1', topicId: topic, presenterCodes: ['C103', 'C102'] });
    thematic = await meeting('sec1', 'C1', 'thematic', '2027-05-10');
    // A regular meeting that is not the combined session takes no topic.
    const regular = await prepare('sec1', await meeting('sec1', 'C1', 'regular', '2027-05-05'));
    expect(themed(regular)).toBe(-1);
    expect(await linkOf(reg)).toBeNull();
    const agenda = await prepare('sec1', thematic);
    const at = themed(agenda);
    expect(agenda[at]).toMatchObject({
      title: 'Chuyên đề: Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về tiết kiệm',
      section: 'content',
      source: { kind: 'thematic', ref: String(reg) },
    });
    expect(agenda[at]?.reason).toBe(
      'Chuyên đề quý 2/2027 đã đăng ký; người trình bày: Lê Văn Cường, Trần Thị Hằng; bài chưa chia sẻ cho đảng viên góp ý (HD 12-HD/BTCTW ngày 06/7/2018, phần sinh hoạt chuyên đề).',
    );
    expect(agenda[at + 1]?.title).toBe('Trình bày chuyên đề (tham luận)');
    expect(await linkOf(reg)).toBe(thematic);
    const events = await linkEvents(reg);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorName: 'sec1', detail: { meetingId: thematic } });
    const registration = (await client('sec1').get(`/api/thematic/registrations/${reg}`)).json();
    expect(registration.meetingId).toBe(thematic);
  });

  it('says when the paper was shared once it is, linking nothing twice', async () => {
    expect(
      (await client('pres1').post(`/api/thematic/registrations/${reg}/paper`, { text: 'Bản 1' })).statusCode,
    ).toBe(201);
    expect((await client('sec1').post(`/api/thematic/registrations/${reg}/paper/share`)).statusCode).toBe(
      200,
    );
    const agenda = await prepare('sec1', thematic);
    expect(agenda[themed(agenda)]?.reason).toContain('bài đã chia sẻ cho đảng viên góp ý ngày 10/04/2027');
    expect(agenda.filter((i) => i.source?.kind === 'thematic')).toHaveLength(1);
    expect(await linkEvents(reg)).toHaveLength(1);
    // Another thematic meeting of the quarter does not take a topic linked to the first.
    const second = await prepare('sec1', await meeting('sec1', 'C1', 'thematic', '2027-06-10'));
    expect(themed(second)).toBe(-1);
  });

  it('stays dropped when the agenda is prepared again', async () => {
    const at = themed(await prepare('sec1', thematic));
    const dropped = await client('sec1').delete(`/api/meetings/${thematic}/agenda/${at}`);
    expect(dropped.statusCode, dropped.body).toBe(200);
    expect(themed(await prepare('sec1', thematic))).toBe(-1);
    expect(await linkOf(reg)).toBe(thematic);
  });
});

describe('a combined session, and a cell’s own topic', () => {
  it('puts the topic on the regular meeting held as the combined session and links it', async () => {
    const reg = await register('sec1', {
      orgCode: 'C1',
      quarter: 3,
      plannedDate: '2027-08-05',
      topicId: topic,
      presenterCodes: ['C101'],
    });
    const combined = await meeting('sec1', 'C1', 'regular', '2027-08-05', true);
    const agenda = await prepare('sec1', combined);
    const item = agenda[themed(agenda)];
    expect(item?.title).toContain('Chuyên đề: Học tập');
    expect(item?.reason).toContain('Chuyên đề quý 3/2027 đã đăng ký; người trình bày: Nguyễn Văn Khánh;');
    expect(agenda[themed(agenda) + 1]?.title).toBe('Trình bày chuyên đề (tham luận)');
    expect(await linkOf(reg)).toBe(combined);
  });

  it('says a pending own topic awaits approval, then the refusal, without linking; approved, it links', async () => {
    const own = await register('sec2', {
      orgCode: 'C2',
      ownTitle: 'Xây dựng nông thôn mới kiểu mẫu ở thôn Thúy Hội',
      ownPurpose: 'Thống nhất cách làm',
      presenterCodes: ['C201'],
    });
    const thematic = await meeting('sec2', 'C2', 'thematic', '2027-05-20');
    let agenda = await prepare('sec2', thematic);
    expect(agenda[themed(agenda)]).toMatchObject({
      title: 'Chuyên đề: Xây dựng nông thôn mới kiểu mẫu ở thôn Thúy Hội (chờ cấp ủy duyệt)',
      source: { kind: 'thematic', ref: String(own) },
    });
    expect(agenda[themed(agenda)]?.reason).toContain('đang chờ cấp ủy cấp trên duyệt');
    expect(await linkOf(own)).toBeNull();
    const refused = await client('ga').post(`/api/thematic/registrations/${own}/decision`, {
      decision: 'refused',
      reason: 'Đề nghị chọn chuyên đề của Đảng ủy xã',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    agenda = await prepare('sec2', thematic);
    expect(agenda[themed(agenda)]?.title).toBe('Chuyên đề quý 2/2027: chờ cấp ủy duyệt chuyên đề khác');
    expect(agenda[themed(agenda)]?.reason).toContain('lý do: Đề nghị chọn chuyên đề của Đảng ủy xã');
    expect(await linkOf(own)).toBeNull();
    // The cell registers the committee's topic instead: it replaces the refused one on the agenda.
    const next = await register('sec2', { orgCode: 'C2', topicId: topic, presenterCodes: ['C202'] });
    agenda = await prepare('sec2', thematic);
    expect(agenda.filter((i) => i.source?.kind === 'thematic')).toEqual([
      expect.objectContaining({ source: { kind: 'thematic', ref: String(next) } }),
    ]);
    expect(agenda[themed(agenda)]?.reason).toContain('người trình bày: Đỗ Thị Lan');
    expect(await linkOf(next)).toBe(thematic);
  });
});
