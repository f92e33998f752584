import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { rows } from '../db/client.ts';
import { buildTestApp, type Client, FULL_MANUAL_SCORES, login } from '../test/factories.ts';
import { membersOf, seedTree } from '../test/tree.ts';
import { requestHash } from './idempotency.ts';

/**
 * Issue 18 item 2: a write sent again with its `Idempotency-Key` answers as the first did and writes nothing
 * more, on the real database (PGlite, or PostgreSQL with TEST_DATABASE_URL).
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let now = new Date('2026-05-04T09:00:00+07:00');
let secretary: Client;
let deputy: Client;
let running: { id: number; base: string };

const DAYS = 30;

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now, config: { idempotencyDays: DAYS } });
  await seedTree(ctx.db, {
    orgs: [
      { code: 'P', kind: 'committee' },
      { code: 'GA', name: 'Đảng bộ xã Tân Hội', kind: 'grassroots_committee', parent: 'P' },
      { code: 'C', name: 'Chi bộ thôn Hạ', kind: 'cell', category: 'village', parent: 'GA' },
    ],
    members: membersOf('C', 'M0', ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung']),
    accounts: [
      ['bithu', 'cell_secretary', 'C'],
      ['phobithu', 'cell_secretary', 'C'],
    ],
  });
  secretary = await login(ctx.app, 'bithu');
  deputy = await login(ctx.app, 'phobithu');
  running = await startedMeeting('2026-05-04');
});
afterAll(() => ctx.close());

/** A meeting of cell C on `date`, started at 19:30 (the clock is left at 19:35). */
async function startedMeeting(date: string) {
  now = new Date(`${date}T09:00:00+07:00`);
  const created = await secretary.post('/api/meetings', {
    orgCode: 'C',
    kind: 'regular',
    date,
    startTime: '19:30',
  });
  expect(created.statusCode, created.body).toBe(201);
  const id: number = created.json().id;
  const base = `/api/meetings/${id}`;
  const roles = await secretary.patch(base, { chairMemberCode: 'M01', minuteTakerMemberCode: 'M02' });
  expect(roles.statusCode, roles.body).toBe(200);
  now = new Date(`${date}T19:35:00+07:00`);
  const started = await secretary.post(`${base}/start`, { at: `${date}T19:30:00+07:00` });
  expect(started.statusCode, started.body).toBe(200);
  return { id, base };
}

const withKey = (client: Client, key: string, url: string, payload: unknown, method = 'POST') =>
  client.request({
    method: method as 'POST',
    url,
    payload: payload as object,
    headers: { 'idempotency-key': key },
  });

const count = async (query: ReturnType<typeof sql>) =>
  Number((await rows<{ n: string | number }>(ctx.db, query))[0]?.n ?? -1);
const opinionsOf = (meetingId: number) =>
  count(sql`SELECT count(*) AS n FROM opinions WHERE meeting_id = ${meetingId}`);
const auditsOf = (meetingId: number) =>
  count(
    sql`SELECT count(*) AS n FROM audit_events WHERE entity_type = 'meeting' AND entity_id = ${String(meetingId)}`,
  );
const keysNamed = (key: string) => count(sql`SELECT count(*) AS n FROM idempotency_keys WHERE key = ${key}`);

const errorFields = (response: LightMyRequestResponse) =>
  (response.json() as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field);

describe('Idempotency-Key', () => {
  it('answers the same opinion sent twice once: one row, one audit event, the same answer replayed', async () => {
    const body = { memberCode: 'M03', agendaIndex: 0, summary: 'Đề nghị tăng cường sinh hoạt' };
    const opinionsBefore = await opinionsOf(running.id);
    const auditsBefore = await auditsOf(running.id);
    const first = await withKey(secretary, 'opinion-key-0001', `${running.base}/opinions`, body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await withKey(secretary, 'opinion-key-0001', `${running.base}/opinions`, body);
    expect(again.statusCode).toBe(201);
    expect(again.body).toBe(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(await opinionsOf(running.id)).toBe(opinionsBefore + 1);
    expect(await auditsOf(running.id)).toBe(auditsBefore + 1);
    expect(await keysNamed('opinion-key-0001')).toBe(1);
  });

  it('keeps the answer as the route sent it, and compresses each copy for its own client', async () => {
    const send = () =>
      secretary.request({
        method: 'PATCH',
        url: running.base,
        payload: { place: 'Nhà văn hóa thôn Hạ' },
        headers: { 'idempotency-key': 'compressed-key-1', 'accept-encoding': 'gzip' },
      });
    const first = await send();
    const again = await send();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['content-encoding']).toBe('gzip');
    expect(again.headers['content-encoding']).toBe('gzip');
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(gunzipSync(again.rawPayload).toString()).toBe(gunzipSync(first.rawPayload).toString());
    const [kept] = await rows<{ response_body: string }>(
      ctx.db,
      sql`SELECT response_body FROM idempotency_keys WHERE key = 'compressed-key-1'`,
    );
    expect(JSON.parse(kept?.response_body ?? 'null')).toMatchObject({ id: running.id });
  });

  it('takes the body with its keys in whatever order as the same request', async () => {
    const url = `${running.base}/opinions`;
    const first = await withKey(secretary, 'opinion-key-0002', url, {
      agendaIndex: 0,
      summary: 'A',
      memberCode: 'M01',
    });
    const again = await withKey(secretary, 'opinion-key-0002', url, {
      memberCode: 'M01',
      summary: 'A',
      agendaIndex: 0,
    });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toBe(first.body);
    expect(requestHash('POST', url, { a: [1, { b: 2, c: 3 }] })).toBe(
      requestHash('POST', url, { a: [1, { c: 3, b: 2 }] }),
    );
    expect(requestHash('POST', url, { a: [1, 2] })).not.toBe(requestHash('POST', url, { a: [2, 1] }));
    expect(requestHash('POST', url, { a: '1' })).not.toBe(requestHash('POST', url, { a: 1 }));
    // Nesting as deep as a 2 MB body allows is hashed without running out of stack.
    const deep = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`) as unknown;
    expect(requestHash('POST', url, deep)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps keys per account: the same key from another account is another request', async () => {
    const body = { memberCode: 'M04', agendaIndex: 0, summary: 'Ý kiến của đồng chí Dung' };
    const before = await opinionsOf(running.id);
    const mine = await withKey(secretary, 'shared-key-0001', `${running.base}/opinions`, body);
    const theirs = await withKey(deputy, 'shared-key-0001', `${running.base}/opinions`, body);
    expect(mine.statusCode).toBe(201);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().id).not.toBe(mine.json().id);
    expect(await opinionsOf(running.id)).toBe(before + 2);
    expect(await keysNamed('shared-key-0001')).toBe(2);
  });

  it('refuses the key used again for another request (422 naming the header), writing nothing', async () => {
    const url = `${running.base}/opinions`;
    const first = await withKey(secretary, 'reused-key-0001', url, {
      memberCode: 'M01',
      agendaIndex: 0,
      summary: 'Một',
    });
    expect(first.statusCode).toBe(201);
    const before = await opinionsOf(running.id);
    const other = await withKey(secretary, 'reused-key-0001', url, {
      memberCode: 'M01',
      agendaIndex: 0,
      summary: 'Hai',
    });
    expect(other.statusCode, other.body).toBe(422);
    expect(errorFields(other)).toEqual(['Idempotency-Key']);
    expect(other.json().error.message).toContain('khóa đã dùng cho một yêu cầu khác');
    // Another route with the same key is another request too.
    const task = await withKey(secretary, 'reused-key-0001', `${running.base}/tasks`, { text: 'Việc' });
    expect(task.statusCode).toBe(422);
    const english = await secretary.request({
      method: 'POST',
      url,
      payload: { memberCode: 'M01', agendaIndex: 0, summary: 'Ba' },
      headers: { 'idempotency-key': 'reused-key-0001', 'accept-language': 'en' },
    });
    expect(english.json().error.message).toContain('already used for another request');
    expect(await opinionsOf(running.id)).toBe(before);
  });

  it('refuses a malformed key with a 400 naming the header, before the route runs', async () => {
    const before = await opinionsOf(running.id);
    const body = { memberCode: 'M01', agendaIndex: 0, summary: 'x' };
    for (const key of ['short', 'có-dấu-tiếng-việt', 'has space 123', 'x'.repeat(101), 'semi;colon-key']) {
      const response = await withKey(secretary, key, `${running.base}/opinions`, body);
      expect(response.statusCode, key).toBe(400);
      expect(errorFields(response)).toEqual(['Idempotency-Key']);
      expect(response.json().error.message).toContain('Idempotency-Key');
    }
    expect((await withKey(secretary, 'x'.repeat(100), `${running.base}/opinions`, body)).statusCode).toBe(
      201,
    );
    expect(await opinionsOf(running.id)).toBe(before + 1);
  });

  it('runs two identical requests in flight one after the other: one row, the same answer twice', async () => {
    const body = { memberCode: 'M02', agendaIndex: 0, summary: 'Gửi hai lần cùng lúc' };
    const before = await opinionsOf(running.id);
    const answers = await Promise.all(
      [1, 2, 3].map(() => withKey(secretary, 'concurrent-key-01', `${running.base}/opinions`, body)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(2);
    expect(await opinionsOf(running.id)).toBe(before + 1);
    expect(await keysNamed('concurrent-key-01')).toBe(1);
  });

  it('serialises the same key across two servers on one database (two processes behind the proxy)', async () => {
    // A second app on the same database has its own lock map: on PostgreSQL only the advisory lock holds the
    // copies apart; on PGlite (one process) the apps share the database's lock map.
    const second = await buildApp(
      { database: ctx.database, config: { secureCookies: false, sessionDays: 3650 }, clock: () => now },
      { webDist: null },
    );
    try {
      await second.ready();
      const other = await login(second, 'bithu');
      const body = { memberCode: 'M03', agendaIndex: 0, summary: 'Hai máy chủ cùng lúc' };
      const before = await opinionsOf(running.id);
      const url = `${running.base}/opinions`;
      const answers = await Promise.all([
        withKey(secretary, 'two-servers-key-1', url, body),
        withKey(other, 'two-servers-key-1', url, body),
        withKey(secretary, 'two-servers-key-1', url, body),
        withKey(other, 'two-servers-key-1', url, body),
      ]);
      expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201]);
      expect(new Set(answers.map((a) => a.body)).size).toBe(1);
      expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(3);
      expect(await opinionsOf(running.id)).toBe(before + 1);
    } finally {
      await second.close();
    }
  });

  it('is documented as an optional header on the writes of the OpenAPI document', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    type Op = { parameters?: { in: string; name: string; required?: boolean }[] };
    const doc = response.json() as { paths: Record<string, Record<string, Op>> };
    const header = (path: string, method: string) =>
      doc.paths[path]?.[method]?.parameters?.find((p) => p.in === 'header' && p.name === 'Idempotency-Key');
    expect(header('/api/meetings/{id}/opinions', 'post')).toMatchObject({ required: false });
    expect(header('/api/meetings/{id}/attendance/{memberCode}', 'put')).toBeDefined();
    expect(header('/api/meetings/{id}', 'get')).toBeUndefined();
    expect(header('/api/auth/login', 'post')).toBeUndefined();
  });

  it('leaves reads, requests without the header and sign-in alone', async () => {
    const read = await secretary.request({
      method: 'GET',
      url: running.base,
      headers: { 'idempotency-key': 'bad' },
    });
    expect(read.statusCode).toBe(200);
    expect(read.headers['idempotent-replayed']).toBeUndefined();
    const before = await opinionsOf(running.id);
    const body = { memberCode: 'M01', agendaIndex: 0, summary: 'Không khóa' };
    await secretary.post(`${running.base}/opinions`, body);
    await secretary.post(`${running.base}/opinions`, body);
    expect(await opinionsOf(running.id)).toBe(before + 2);
    const signIn = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'bithu', password: 'wrong-password' },
      headers: { 'idempotency-key': 'login-key-0001' },
    });
    expect(signIn.statusCode).toBe(401);
    expect(await keysNamed('login-key-0001')).toBe(0);
  });

  it('forgets a key after NENNEP_IDEMPOTENCY_DAYS by the clock, and deletes expired keys', async () => {
    const body = { memberCode: 'M03', agendaIndex: 0, summary: 'Sau khi hết hạn' };
    const meeting = await startedMeeting('2026-06-01');
    const url = `${meeting.base}/opinions`;
    expect((await withKey(secretary, 'expiring-key-01', url, body)).statusCode).toBe(201);
    now = new Date(now.getTime() + (DAYS - 1) * 86_400_000);
    expect((await withKey(secretary, 'expiring-key-01', url, body)).headers['idempotent-replayed']).toBe(
      'true',
    );
    expect(await opinionsOf(meeting.id)).toBe(1);
    now = new Date(now.getTime() + 2 * 86_400_000);
    const later = await withKey(secretary, 'expiring-key-01', url, body);
    expect(later.statusCode, later.body).toBe(201);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(await opinionsOf(meeting.id)).toBe(2);
    // The keys of May expired with it and were deleted when the new answer was stored.
    expect(await keysNamed('opinion-key-0001')).toBe(0);
    expect(await count(sql`SELECT count(*) AS n FROM idempotency_keys WHERE expires_at <= ${now}`)).toBe(0);
    expect(await keysNamed('expiring-key-01')).toBe(1);
    now = new Date('2026-05-04T19:40:00+07:00');
  });

  it('replays a refusal: a write on adopted minutes answers 409 again, from the kept answer', async () => {
    const meeting = await startedMeeting('2026-07-06');
    now = new Date('2026-07-06T21:12:00+07:00');
    expect(
      (await secretary.post(`${meeting.base}/end`, { at: '2026-07-06T21:10:00+07:00' })).statusCode,
    ).toBe(200);
    const scored = await secretary.put(`${meeting.base}/manual-scores`, FULL_MANUAL_SCORES);
    expect(scored.statusCode, scored.body).toBe(200);
    const task = await secretary.post(`${meeting.base}/tasks`, { memberCode: 'M02', text: 'Vận động' });
    expect(task.statusCode, task.body).toBe(201);
    const adopted = await secretary.post(`${meeting.base}/adopt`, { for: 4, against: 0, abstain: 0 });
    expect(adopted.statusCode, adopted.body).toBe(200);

    const writes: [string, string, unknown][] = [
      ['POST', `${meeting.base}/opinions`, { memberCode: 'M01', agendaIndex: 0, summary: 'Muộn' }],
      ['POST', `${meeting.base}/votes`, { subject: 'other', text: 'Muộn', for: 4, against: 0, abstain: 0 }],
      ['POST', `${meeting.base}/tasks`, { memberCode: 'M01', text: 'Muộn' }],
      ['PUT', `${meeting.base}/attendance/M04`, { status: 'absent_unexcused' }],
    ];
    for (const [method, url, payload] of writes) {
      const key = `adopted-${method}-${url.split('/').pop()}`.replace(/[^A-Za-z0-9_-]/g, '_');
      const refused = await withKey(secretary, key, url, payload, method);
      expect(refused.statusCode, `${method} ${url}`).toBe(409);
      const reason = refused.json().error.message as string;
      expect(reason).toContain('Biên bản đã được thông qua');
      const replayed = await withKey(secretary, key, url, payload, method);
      expect(replayed.statusCode).toBe(409);
      expect(replayed.headers['idempotent-replayed']).toBe('true');
      expect(replayed.body).toBe(refused.body);
    }
    expect(await opinionsOf(meeting.id)).toBe(0);
    now = new Date('2026-05-04T19:40:00+07:00');
  });
});
