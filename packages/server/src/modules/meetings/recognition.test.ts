import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { commune, membersOf, seedTree } from '../../test/tree.ts';

/**
 * The recognition vote (công nhận đảng viên chính thức): only for a probationary member of the cell (Điều lệ
 * Đảng art. 5); before the twelve months of probation end the server asks for a confirmation, and the meeting
 * page shows each probationary member's dates beside the vote.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let now = new Date('2026-05-01T09:00:00+07:00');
let secretary: Client;
let base: string;

const vote = (memberCode: string | null, extra: Record<string, unknown> = {}) =>
  secretary.post(`${base}/votes`, {
    subject: 'recognition',
    text: 'Đề nghị công nhận đảng viên chính thức',
    memberCode,
    for: 4,
    against: 0,
    abstain: 0,
    ...extra,
  });

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  const { db } = ctx;
  await seedTree(db, {
    orgs: [
      ...commune(),
      { code: 'C', name: 'Chi bộ thôn Trung', kind: 'cell', parent: 'X' },
      { code: 'D', name: 'Chi bộ thôn Đoài', kind: 'cell', parent: 'X' },
    ],
    members: [
      ...membersOf('C', 'O', ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Văn Dũng'], (i) =>
        i === 0 ? { position: 'secretary' } : {},
      ),
      // Admitted 10/6/2025: twelve months end on 10/6/2026, after the meeting of 04/5/2026.
      { code: 'EARLY', name: 'Hoàng Thị Em', org: 'C', status: 'probationary', admissionDate: '2025-06-10' },
      // Admitted 01/4/2025: twelve months ended on 01/4/2026.
      { code: 'DUE', name: 'Vũ Văn Giang', org: 'C', status: 'probationary', admissionDate: '2025-04-01' },
      { code: 'OTHER', name: 'Đặng Văn Hải', org: 'D', status: 'probationary' },
    ],
    accounts: [['bithu', 'cell_secretary', 'C']],
  });
  secretary = await login(ctx.app, 'bithu');
  const created = await secretary.post('/api/meetings', {
    orgCode: 'C',
    kind: 'regular',
    date: '2026-05-04',
    startTime: '19:30',
  });
  expect(created.statusCode).toBe(201);
  base = `/api/meetings/${created.json().id}`;
  now = new Date('2026-05-04T19:40:00+07:00');
  expect((await secretary.post(`${base}/start`, { at: '2026-05-04T19:30:00+07:00' })).statusCode).toBe(200);
});
afterAll(() => ctx.close());

describe('a recognition vote', () => {
  it('shows each probationary member’s admission date and end of probation beside the vote', async () => {
    const record = (await secretary.get(base)).json().record;
    expect(record.probation).toEqual([
      {
        memberCode: 'EARLY',
        fullName: 'Hoàng Thị Em',
        admissionDate: '2025-06-10',
        probationEnds: '2026-06-10',
        early: true,
      },
      {
        memberCode: 'DUE',
        fullName: 'Vũ Văn Giang',
        admissionDate: '2025-04-01',
        probationEnds: '2026-04-01',
        early: false,
      },
    ]);
  });

  it('refuses an official member, a member of another cell and a vote naming nobody, on memberCode', async () => {
    const official = await vote('O2');
    expect(official.statusCode).toBe(400);
    expect(official.json().error.fields[0]).toMatchObject({ field: 'memberCode' });
    expect(official.json().error.fields[0].message).toContain('đã là đảng viên chính thức');
    const elsewhere = await vote('OTHER');
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.fields[0].field).toBe('memberCode');
    const nobody = await vote(null);
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().error.fields[0].field).toBe('memberCode');
    const [count] = await rows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM votes`);
    expect(count?.n).toBe(0);
  });

  it('asks to confirm a vote before the twelve months end, with the dates, then records it', async () => {
    const early = await vote('EARLY');
    expect(early.statusCode).toBe(400);
    const field = early.json().error.fields[0];
    expect(field.field).toBe('confirmEarly');
    expect(field.message).toContain('10/06/2025');
    expect(field.message).toContain('10/06/2026');
    const english = await secretary.request({
      method: 'POST',
      url: `${base}/votes`,
      headers: { 'accept-language': 'en' },
      payload: { subject: 'recognition', text: 'x', memberCode: 'EARLY', for: 4, against: 0, abstain: 0 },
    });
    expect(english.json().error.fields[0].message).toContain('twelve months of probation end on 10/06/2026');
    const confirmed = await vote('EARLY', { confirmEarly: true });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json().outcome).toMatchObject({ rule: 'two_thirds', eligible: 4, passed: true });
    const events = await rows<{ kind: string; data: { member: string; probationEnds: string } }>(
      ctx.db,
      sql`SELECT kind, data FROM meeting_events WHERE kind = 'recognition_early'`,
    );
    expect(events).toEqual([
      { kind: 'recognition_early', data: { member: 'EARLY', probationEnds: '2026-06-10' } },
    ]);
    const [audit] = await rows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'meeting.recognition_early'`,
    );
    expect(audit?.n).toBe(1);
  });

  it('records a vote after the twelve months without asking', async () => {
    const due = await vote('DUE');
    expect(due.statusCode).toBe(201);
    const votes = (await secretary.get(base)).json().record.votes;
    expect(votes.map((v: { subject: string; member: string }) => [v.subject, v.member])).toEqual([
      ['recognition', 'Hoàng Thị Em'],
      ['recognition', 'Vũ Văn Giang'],
    ]);
  });

  it('leaves the other subjects as they were', async () => {
    const resolution = await secretary.post(`${base}/votes`, {
      subject: 'resolution',
      text: 'Nghị quyết tháng 5',
      memberCode: null,
      for: 4,
      against: 0,
      abstain: 0,
    });
    expect(resolution.statusCode).toBe(201);
  });
});
