import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildTestApp, type Client, FULL_MANUAL_SCORES, login, uploadFile } from '../../test/factories.ts';
import { meetingCalls } from '../../test/meeting-calls.ts';
import { membersOf, seedTree } from '../../test/tree.ts';

/**
 * Adopted minutes never change (domain.md §3 "Minutes"; lock.ts): every write route under a meeting —
 * taken from the OpenAPI document, so that a new route cannot escape — answers 409 once the minutes are
 * adopted, and a write racing the adoption either comes before it (and is in the minutes) or is refused.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
/** The app's clock: fixed while the meetings are run, then the wall clock (opinions' `created_at` is). */
let now = new Date('2026-05-01T09:00:00+07:00');
let wallClock = false;
let secretary: Client;
let member: Client;

/**
 * Write routes under a meeting that act after adoption by design: the dated addendum is how adopted
 * minutes are corrected (domain.md §3 "Minutes"), and it answers 409 *before* adoption instead.
 */
const AFTER_ADOPTION = new Set(['POST /api/meetings/{id}/addenda']);
/** Uploads (multipart): sent as a file, not as JSON. */
const UPLOADS = new Set(['POST /api/meetings/{id}/materials']);

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => (wallClock ? new Date() : now) });
  const { db } = ctx;
  const names = [
    'Nguyễn Văn An',
    'Trần Thị Bình',
    'Lê Văn Cường',
    'Phạm Thị Dung',
    'Hoàng Văn Em',
    'Vũ Thị Giang',
  ];
  await seedTree(db, {
    orgs: [
      { code: 'P', kind: 'committee' },
      { code: 'GA', name: 'Đảng bộ xã Tân Hội', kind: 'grassroots_committee', parent: 'P' },
      { code: 'C', name: 'Chi bộ thôn Hạ', kind: 'cell', category: 'village', parent: 'GA' },
    ],
    members: membersOf('C', 'M0', names),
    accounts: [
      ['bithu', 'cell_secretary', 'C'],
      ['dangvien', 'member', 'C', 'M04'],
    ],
  });
  secretary = await login(ctx.app, 'bithu');
  member = await login(ctx.app, 'dangvien');
});
afterAll(() => ctx.close());

/** Creates, runs and closes a meeting of cell C on `date` (19:30–21:10), scored, ready to adopt. */
async function heldMeeting(date: string) {
  now = new Date(`${date}T09:00:00+07:00`);
  const created = await secretary.post('/api/meetings', {
    orgCode: 'C',
    kind: 'regular',
    date,
    startTime: '19:30',
  });
  expect(created.statusCode).toBe(201);
  const id: number = created.json().id;
  const base = `/api/meetings/${id}`;
  expect(
    (await secretary.patch(base, { chairMemberCode: 'M01', minuteTakerMemberCode: 'M02' })).statusCode,
  ).toBe(200);
  now = new Date(`${date}T19:35:00+07:00`);
  expect((await secretary.post(`${base}/start`, { at: `${date}T19:30:00+07:00` })).statusCode).toBe(200);
  const opinion = await secretary.post(`${base}/opinions`, {
    memberCode: 'M03',
    agendaIndex: 0,
    summary: 'Mở đầu',
  });
  expect(opinion.statusCode).toBe(201);
  now = new Date(`${date}T21:12:00+07:00`);
  expect((await secretary.post(`${base}/end`, { at: `${date}T21:10:00+07:00` })).statusCode).toBe(200);
  const scored = await secretary.request({
    method: 'PUT',
    url: `${base}/manual-scores`,
    payload: FULL_MANUAL_SCORES,
  });
  expect(scored.statusCode).toBe(200);
  return { id, base };
}

/** Everything the minutes are made of, and what a write would add to a meeting's history. */
const snapshot = async (meetingId: number) =>
  JSON.stringify(
    await rows(
      ctx.db,
      sql`SELECT m.*,
          (SELECT json_agg(a ORDER BY member_id) FROM attendance a WHERE a.meeting_id = m.id) AS attendance,
          (SELECT json_agg(o ORDER BY id) FROM opinions o WHERE o.meeting_id = m.id) AS opinions,
          (SELECT json_agg(v ORDER BY id) FROM votes v WHERE v.meeting_id = m.id) AS votes,
          (SELECT json_agg(t ORDER BY id) FROM tasks t WHERE t.meeting_id = m.id) AS tasks,
          (SELECT json_agg(g ORDER BY id) FROM meeting_guests g WHERE g.meeting_id = m.id) AS guests,
          (SELECT count(*) FROM materials WHERE meeting_id = m.id) AS materials,
          (SELECT count(*) FROM recommendations WHERE meeting_id = m.id OR answer_meeting_id = m.id) AS recs,
          (SELECT count(*) FROM meeting_events WHERE meeting_id = m.id) AS events,
          (SELECT json_agg(d.sha256 ORDER BY id) FROM issued_documents d WHERE d.meeting_id = m.id) AS issued
        FROM meetings m WHERE m.id = ${meetingId}`,
    ),
  );

describe('adopted minutes', () => {
  it('refuse every write route under a meeting, as the OpenAPI document lists them', async () => {
    const { id, base } = await heldMeeting('2026-05-04');
    const task = await secretary.post(`${base}/tasks`, { memberCode: 'M05', text: 'Vận động hội viên' });
    const taskId: number = task.json().id;
    const adopted = await secretary.post(`${base}/adopt`, { for: 6, against: 0, abstain: 0 });
    expect(adopted.statusCode, adopted.body).toBe(200);

    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const writes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/meetings/{id}'))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
      .filter((route) => !route.startsWith('GET ') && !route.startsWith('HEAD '));
    // The member's own answer rewrites the roll call: it is a write like the others.
    expect(writes).toContain('POST /api/meetings/{id}/reply');
    expect(writes.length).toBeGreaterThan(25);

    const calls = new Map(
      meetingCalls(id, taskId, 'M04').map(([m, route, url, payload]) => [`${m} ${route}`, { url, payload }]),
    );
    const before = await snapshot(id);
    const unknown: string[] = [];
    for (const route of writes) {
      if (AFTER_ADOPTION.has(route)) continue;
      const call = calls.get(route);
      let response: Awaited<ReturnType<Client['request']>>;
      if (UPLOADS.has(route)) {
        response = await uploadFile(
          secretary,
          route.split(' ')[1]?.replace('/api/meetings/{id}', base) ?? '',
          'x.pdf',
          Buffer.from('%PDF-1.4'),
        );
      } else if (!call) {
        // A new write route: give it a call in test/meeting-calls.ts (the access test needs it too).
        unknown.push(route);
        continue;
      } else {
        const caller = route === 'POST /api/meetings/{id}/reply' ? member : secretary;
        const method = route.split(' ')[0] as 'POST';
        response = await caller.request({
          method,
          url: call.url,
          ...(call.payload ? { payload: call.payload as object } : {}),
        });
      }
      expect(response.statusCode, `${route}: ${response.body}`).toBe(409);
      expect(response.json().error.message, route).toContain('đã được thông qua');
    }
    expect(unknown).toEqual([]);
    expect(await snapshot(id)).toBe(before);
    // The allow-list is real: a dated addendum is taken after adoption.
    expect(
      (await secretary.post(`${base}/addenda`, { date: '2026-05-04', text: 'Đính chính.' })).statusCode,
    ).toBe(201);
  });

  it('keep out the opinions posted while the meeting adopts them: each is in the minutes or refused', async () => {
    const { id, base } = await heldMeeting('2026-06-06');
    wallClock = true;
    // 20 clients post opinions a few milliseconds apart, from just before the adoption to well into it
    // (it renders the documents inside its transaction): some check the meeting while it is adopted.
    const post = async (i: number) => {
      await new Promise((resolve) => setTimeout(resolve, i * 8));
      return secretary.post(`${base}/opinions`, {
        memberCode: `M0${(i % 6) + 1}`,
        agendaIndex: 0,
        summary: `Ý kiến trong lúc thông qua, số ${i + 1}`,
      });
    };
    const posts = Array.from({ length: 20 }, (_, i) => post(i));
    await new Promise((resolve) => setTimeout(resolve, 12));
    const adoption = secretary.post(`${base}/adopt`, { for: 6, against: 0, abstain: 0 });
    const responses = await Promise.all(posts);
    const adopted = await adoption;
    wallClock = false;
    expect(adopted.statusCode, adopted.body).toBe(200);
    for (const response of responses) expect([201, 409], response.body).toContain(response.statusCode);

    const [times] = await rows<{ after: number; stored: number }>(
      ctx.db,
      sql`SELECT count(*) FILTER (WHERE date_trunc('milliseconds', o.created_at) > m.adopted_at)::int AS after,
            count(*)::int AS stored
          FROM opinions o JOIN meetings m ON m.id = o.meeting_id WHERE m.id = ${id}`,
    );
    expect(times?.after).toBe(0);
    // Every acknowledged opinion is stored (and the one said before), and every stored one is in the minutes.
    expect(times?.stored).toBe(1 + responses.filter((r) => r.statusCode === 201).length);
    const [issued] = await rows<{ model: unknown }>(
      ctx.db,
      sql`SELECT model FROM issued_documents WHERE meeting_id = ${id} AND doc_type = 'BB'`,
    );
    const model = JSON.stringify(issued?.model);
    const stored = await rows<{ summary: string }>(
      ctx.db,
      sql`SELECT summary FROM opinions WHERE meeting_id = ${id}`,
    );
    for (const { summary } of stored) expect(model, summary).toContain(summary);
  });
});
