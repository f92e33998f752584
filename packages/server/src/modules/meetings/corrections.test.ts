import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildTestApp, type Client, FULL_MANUAL_SCORES, login, uploadFile } from '../../test/factories.ts';
import { membersOf, seedTree } from '../../test/tree.ts';

let ctx: Awaited<ReturnType<typeof buildTestApp>>;
/** The app's clock: spring 2026, while the meetings of May to July are still to come. */
let now = new Date('2026-04-01T09:00:00+07:00');
let secretary: Client;

const KINDS = ['opinions', 'tasks', 'guests', 'votes', 'materials'] as const;
type Kind = (typeof KINDS)[number];

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  const { db } = ctx;
  await seedTree(db, {
    orgs: [
      { code: 'P', kind: 'committee' },
      { code: 'GA', kind: 'grassroots_committee', parent: 'P' },
      { code: 'C', kind: 'cell', category: 'village', parent: 'GA' },
    ],
    members: membersOf(
      'C',
      'M',
      [1, 2, 3, 4].map((i) => `Nguyễn Văn ${i}`),
    ),
    accounts: [['bithu', 'cell_secretary', 'C']],
  });
  secretary = await login(ctx.app, 'bithu');
});
afterAll(() => ctx.close());

const remove = (base: string, kind: Kind, id: number) =>
  secretary.request({ method: 'DELETE', url: `${base}/${kind}/${id}` });

async function newMeeting(date: string) {
  const created = await secretary.post('/api/meetings', {
    orgCode: 'C',
    kind: 'regular',
    date,
    startTime: '19:30',
  });
  expect(created.statusCode).toBe(201);
  return created.json().id as number;
}

/** One of each correctable row in a meeting; answers their ids. */
async function fill(base: string): Promise<Record<Kind, number>> {
  await secretary.post(`${base}/guests`, { name: 'Đồng chí Trần Văn Khách', role: 'Đảng ủy viên' });
  const page = (await secretary.get(base)).json();
  const guest = page.record.guests.at(-1).id as number;
  const opinion = await secretary.post(`${base}/opinions`, {
    memberCode: 'M1',
    agendaIndex: 1,
    summary: 'Ý kiến gõ nhầm',
  });
  const task = await secretary.post(`${base}/tasks`, { memberCode: 'M2', text: 'Nhiệm vụ gõ nhầm' });
  const vote = await secretary.post(`${base}/votes`, {
    subject: 'other',
    text: 'Biểu quyết gõ nhầm',
    for: 1,
    against: 0,
    abstain: 0,
  });
  const material = await uploadFile(secretary, `${base}/materials`, 'nham.pdf', Buffer.from('%PDF-1.4'));
  for (const r of [opinion, task, vote, material]) expect(r.statusCode).toBe(201);
  return {
    guests: guest,
    opinions: opinion.json().id,
    tasks: task.json().id,
    votes: vote.json().id,
    materials: material.json().id,
  };
}

const events = (meetingId: number) =>
  rows<{ kind: string; data: Record<string, unknown> }>(
    ctx.db,
    sql`SELECT kind, data FROM meeting_events WHERE meeting_id = ${meetingId} ORDER BY id`,
  );

describe('correcting a meeting before adoption', () => {
  let meetingId: number;
  let other: number;
  let ids: Record<Kind, number>;
  let otherIds: Record<Kind, number>;

  beforeAll(async () => {
    meetingId = await newMeeting('2026-05-04');
    other = await newMeeting('2026-06-04');
    ids = await fill(`/api/meetings/${meetingId}`);
    otherIds = await fill(`/api/meetings/${other}`);
  });

  it('edits an opinion and keeps the former text in the history', async () => {
    const base = `/api/meetings/${meetingId}`;
    const edited = await secretary.patch(`${base}/opinions/${ids.opinions}`, {
      summary: 'Ý kiến đã sửa',
      agendaIndex: 2,
    });
    expect(edited.statusCode).toBe(200);
    const opinion = (await secretary.get(base))
      .json()
      .record.opinions.find((o: { id: number }) => o.id === ids.opinions);
    expect(opinion).toMatchObject({ summary: 'Ý kiến đã sửa', agendaIndex: 2 });
    const event = (await events(meetingId)).find((e) => e.kind === 'opinion_edited');
    expect(event?.data).toMatchObject({
      id: ids.opinions,
      from: { summary: 'Ý kiến gõ nhầm', agendaIndex: 1 },
      to: { summary: 'Ý kiến đã sửa', agendaIndex: 2 },
    });
    const badItem = await secretary.patch(`${base}/opinions/${ids.opinions}`, {
      summary: 'x',
      agendaIndex: 39,
    });
    expect(badItem.statusCode).toBe(400);
  });

  it('answers 404 for an item of another meeting, and changes nothing', async () => {
    const base = `/api/meetings/${meetingId}`;
    for (const kind of KINDS) {
      const response = await remove(base, kind, otherIds[kind]);
      expect(response.statusCode, kind).toBe(404);
    }
    const patch = await secretary.patch(`${base}/opinions/${otherIds.opinions}`, { summary: 'x' });
    expect(patch.statusCode).toBe(404);
    expect(patch.json().error.message).toContain('ý kiến');
    const page = (await secretary.get(`/api/meetings/${other}`)).json();
    expect(page.record.opinions[0].summary).toBe('Ý kiến gõ nhầm');
    expect(page.record.guests).toHaveLength(1);
    expect(page.record.tasks).toHaveLength(1);
    expect(page.record.votes).toHaveLength(1);
    expect(page.materials).toHaveLength(1);
  });

  it('removes each kind of row and keeps what was removed in the history', async () => {
    const base = `/api/meetings/${meetingId}`;
    for (const kind of KINDS) {
      const response = await remove(base, kind, ids[kind]);
      expect(response.statusCode, kind).toBe(200);
      expect((await remove(base, kind, ids[kind])).statusCode, `${kind} again`).toBe(404);
    }
    const page = (await secretary.get(base)).json();
    expect(page.record.opinions).toHaveLength(0);
    expect(page.record.guests).toHaveLength(0);
    expect(page.record.tasks).toHaveLength(0);
    expect(page.record.votes).toHaveLength(0);
    expect(page.materials).toHaveLength(0);
    const history = await events(meetingId);
    const removed = (kind: string) => history.find((e) => e.kind === kind)?.data;
    expect(removed('opinion_removed')).toMatchObject({ id: ids.opinions, summary: 'Ý kiến đã sửa' });
    expect(removed('task_removed')).toMatchObject({ id: ids.tasks, text: 'Nhiệm vụ gõ nhầm' });
    expect(removed('guest_removed')).toMatchObject({ id: ids.guests, name: 'Đồng chí Trần Văn Khách' });
    expect(removed('vote_removed')).toMatchObject({ id: ids.votes, text: 'Biểu quyết gõ nhầm', for: 1 });
    expect(removed('material_removed')).toMatchObject({ id: ids.materials, fileName: 'nham.pdf' });
  });
});

describe('correcting adopted minutes', () => {
  it('refuses with 409 and keeps every row', async () => {
    const meetingId = await newMeeting('2026-07-04');
    const base = `/api/meetings/${meetingId}`;
    const ids = await fill(base);
    now = new Date('2026-07-04T21:15:00+07:00');
    expect((await secretary.post(`${base}/start`, { at: '2026-07-04T19:30:00+07:00' })).statusCode).toBe(200);
    expect((await secretary.post(`${base}/end`, { at: '2026-07-04T21:10:00+07:00' })).statusCode).toBe(200);
    await secretary.post(`${base}/conclusion`, { text: 'Chi bộ thống nhất.' });
    await secretary.request({ method: 'PUT', url: `${base}/manual-scores`, payload: FULL_MANUAL_SCORES });
    const adopted = await secretary.post(`${base}/adopt`, { for: 4, against: 0, abstain: 0 });
    expect(adopted.statusCode).toBe(200);
    for (const kind of KINDS) {
      const response = await remove(base, kind, ids[kind]);
      expect(response.statusCode, kind).toBe(409);
      expect(response.json().error.message).toContain('đã được thông qua');
    }
    const patch = await secretary.patch(`${base}/opinions/${ids.opinions}`, { summary: 'Sửa sau' });
    expect(patch.statusCode).toBe(409);
    const page = (await secretary.get(base)).json();
    expect(page.record.opinions[0].summary).toBe('Ý kiến gõ nhầm');
    expect(page.record.guests).toHaveLength(1);
    expect(page.record.tasks).toHaveLength(1);
    expect(page.record.votes).toHaveLength(1);
    expect(page.materials).toHaveLength(1);
  });
});
