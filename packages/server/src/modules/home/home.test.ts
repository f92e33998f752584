import type { HomeDto } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { attendance, meetings, tasks } from '../../db/schema/index.ts';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { commune as communeOrgs, membersOf, seedTree } from '../../test/tree.ts';
import { findOrg } from '../orgs/queries.ts';
import { RAISES_PER_DAY } from '../recommendations/raise.ts';

/**
 * The home page of each role: the secretary's next meeting with its readiness and what is due at it, the
 * member's meeting, tasks and recommendations (and raising one at any time), the commune's cells not met,
 * weak meetings, overdue recommendations — each computed on the server from the clock's day.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let secretary: Client;
let member: Client;
let commune: Client;
let visitor: Client;
let nextId: number;

/** A meeting of the past, held as recorded (status, roll call) without going through the clock. */
async function pastMeeting(
  cell: string,
  date: string,
  status: 'held' | 'adopted',
  roll: Record<number, string>,
  level: string | null = null,
) {
  const org = await findOrg(ctx.db, cell);
  if (!org) throw new Error(cell);
  const [row] = await ctx.db
    .insert(meetings)
    .values({
      orgId: org.id,
      orgPath: org.path,
      kind: 'regular',
      status,
      scheduledDate: date,
      startTime: '19:30',
      agenda: [],
      level,
      total: level ? 40 : null,
    })
    .returning({ id: meetings.id });
  if (!row) throw new Error('meeting');
  for (const [memberId, state] of Object.entries(roll))
    await ctx.db
      .insert(attendance)
      .values({ meetingId: row.id, memberId: Number(memberId), status: state, memberStatus: 'official' });
  return row.id;
}

const home = async (client: Client): Promise<HomeDto> => {
  const res = await client.get('/api/home');
  expect(res.statusCode).toBe(200);
  return res.json();
};

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => new Date('2026-12-05T09:00:00+07:00') });
  const { db } = ctx;
  const tree = await seedTree(db, {
    orgs: [
      ...communeOrgs(),
      { code: 'C', name: 'Chi bộ thôn Trung', kind: 'cell', category: 'village', parent: 'X' },
      { code: 'D', name: 'Chi bộ thôn Đoài', kind: 'cell', category: 'village', parent: 'X' },
    ],
    members: [
      ...membersOf('C', 'M', ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường']),
      { code: 'M4', name: 'Phạm Thị Dung', org: 'C', status: 'probationary', admissionDate: '2025-12-20' },
      { code: 'D1', name: 'Hoàng Văn Em', org: 'D' },
    ],
    accounts: [
      ['bithu', 'cell_secretary', 'C'],
      ['dangvien', 'member', 'C', 'M1'],
      ['xa', 'admin', 'X'],
      ['khach', 'visitor', 'X'],
    ],
  });
  const [m1, m2, m3, d1] = ['M1', 'M2', 'M3', 'D1'].map((code) => tree.member(code));
  secretary = await login(ctx.app, 'bithu');
  member = await login(ctx.app, 'dangvien');
  commune = await login(ctx.app, 'xa');
  visitor = await login(ctx.app, 'khach');
  // M3 missed the last two meetings of C; the first gave M1 a task now overdue.
  const october = await pastMeeting('C', '2026-10-04', 'adopted', {
    [m1.id]: 'present',
    [m2.id]: 'present',
    [m3.id]: 'absent_unexcused',
  });
  await pastMeeting('C', '2026-11-04', 'adopted', {
    [m1.id]: 'present',
    [m2.id]: 'absent_excused',
    [m3.id]: 'absent_excused',
  });
  await db.insert(tasks).values({
    meetingId: october,
    orgPath: '',
    memberId: m1.id,
    text: 'Vận động làm đường bê tông',
    deadline: '2026-11-30',
  });
  // D's November meeting was weak.
  await pastMeeting('D', '2026-11-04', 'adopted', { [d1.id]: 'present' }, 'poor');
  const created = await secretary.post('/api/meetings', {
    orgCode: 'C',
    kind: 'regular',
    date: '2026-12-10',
    startTime: '19:30',
    place: 'Nhà văn hóa thôn Trung',
  });
  expect(created.statusCode).toBe(201);
  nextId = created.json().id;
});
afterAll(() => ctx.close());

describe('a member raises a recommendation at any time', () => {
  it('reaches the cell, dated today, and shows under "mine" and on the home page', async () => {
    const raised = await member.post('/api/recommendations/raise', {
      text: 'Đề nghị sửa đèn chiếu sáng đường thôn',
      category: 'infrastructure',
    });
    expect(raised.statusCode).toBe(201);
    const rec = (await member.get(`/api/recommendations/${raised.json().id}`)).json();
    expect(rec).toMatchObject({
      source: 'member',
      raisedBy: 'Nguyễn Văn An',
      raisedOn: '2026-12-05',
      status: 'received',
    });
    const mine = (await member.get('/api/recommendations?mine=true')).json().items;
    expect(mine.map((r: { id: number }) => r.id)).toContain(raised.json().id);
    const inbox = (await secretary.get('/api/recommendations?inbox=true')).json().items;
    expect(inbox.map((r: { id: number }) => r.id)).toContain(raised.json().id);
    const page = await home(member);
    expect(page.member?.recommendations[0]).toMatchObject({ text: 'Đề nghị sửa đèn chiếu sáng đường thôn' });
    expect(page.member?.recommendationCount).toBe(1);
  });

  it('names the field of bad input, refuses accounts without a member record, and stops a flood', async () => {
    const empty = await member.post('/api/recommendations/raise', { text: '  ', category: 'other' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].field).toBe('text');
    const unknown = await member.post('/api/recommendations/raise', { text: 'Nội dung', category: 'nope' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].field).toBe('category');
    expect(
      (await secretary.post('/api/recommendations/raise', { text: 'Nội dung', category: 'other' }))
        .statusCode,
    ).toBe(403);
    for (let i = 1; i < RAISES_PER_DAY; i += 1)
      expect(
        (await member.post('/api/recommendations/raise', { text: `Kiến nghị ${i}`, category: 'other' }))
          .statusCode,
      ).toBe(201);
    const flood = await member.post('/api/recommendations/raise', { text: 'Thêm nữa', category: 'other' });
    expect(flood.statusCode).toBe(409);
    expect(flood.json().error.message).toContain('ngày mai');
  });
});

describe("the secretary's home", () => {
  it('shows the next meeting, what it still lacks, and what is due at it', async () => {
    // The cell answers one of its recommendations: the answer is to be given back at the meeting.
    const [rec] = (await secretary.get('/api/recommendations?inbox=true')).json().items;
    expect(
      (await secretary.post(`/api/recommendations/${rec.id}/answer`, { answer: 'Đã sửa xong' })).statusCode,
    ).toBe(200);
    const [cell] = (await home(secretary)).secretary;
    expect(cell?.orgName).toBe('Chi bộ thôn Trung');
    expect(cell?.next).toMatchObject({ id: nextId, date: '2026-12-10', phase: 'prepare' });
    expect(cell?.next?.readiness).toEqual({
      agenda: true,
      materials: false,
      preparation: false,
      preparedBy: 'secretaries',
      preparationMeetingId: null,
      electCommittee: false,
      invitations: false,
    });
    expect(cell?.due.recognitions).toEqual([{ name: 'Phạm Thị Dung', probationEnds: '2026-12-20' }]);
    expect(cell?.due.answers.map((a) => a.id)).toEqual([rec.id]);
    expect(cell?.due.overdueTasks.map((t) => t.text)).toEqual(['Vận động làm đường bê tông']);
    expect(cell?.due.absentees).toEqual([{ name: 'Lê Văn Cường', times: 2 }]);
  });

  it('turns the readiness green once the bí thư and phó bí thư’s preparation meeting is held, and invites once', async () => {
    expect(
      (await secretary.post(`/api/meetings/${nextId}/prepared`, { note: 'Bí thư, phó bí thư họp' }))
        .statusCode,
    ).toBe(200);
    expect((await secretary.post(`/api/meetings/${nextId}/prepared`, {})).statusCode).toBe(200);
    expect((await secretary.post(`/api/meetings/${nextId}/notify`)).statusCode).toBe(200);
    // A note that they prepared is not the preparation meeting HD 12-HD/BTCTW asks for: not green yet.
    let readiness = (await home(secretary)).secretary[0]?.next?.readiness;
    expect(readiness).toMatchObject({ preparation: false, invitations: true, preparationMeetingId: null });
    const preparation = await secretary.post('/api/meetings', {
      orgCode: 'C',
      kind: 'cell_committee',
      date: '2026-12-05',
      startTime: '07:30',
    });
    expect(preparation.statusCode).toBe(201);
    const preparationId: number = preparation.json().id;
    readiness = (await home(secretary)).secretary[0]?.next?.readiness;
    expect(readiness).toMatchObject({ preparation: false, preparationMeetingId: preparationId });
    const run = `/api/meetings/${preparationId}`;
    expect((await secretary.post(`${run}/start`, { at: '2026-12-05T07:30:00+07:00' })).statusCode).toBe(200);
    readiness = (await home(secretary)).secretary[0]?.next?.readiness;
    expect(readiness).toMatchObject({ preparation: true, preparationMeetingId: preparationId });
    expect((await secretary.post(`${run}/end`, { at: '2026-12-05T08:15:00+07:00' })).statusCode).toBe(200);
    readiness = (await home(secretary)).secretary[0]?.next?.readiness;
    expect(readiness).toMatchObject({ preparation: true, preparedBy: 'secretaries', invitations: true });
    const [events] = await rows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM meeting_events WHERE meeting_id = ${nextId} AND kind = 'prepared'`,
    );
    expect(events?.n).toBe(1);
    expect((await member.post(`/api/meetings/${nextId}/prepared`, {})).statusCode).toBe(403);
  });
});

describe("a member's home", () => {
  it("shows the cell's next meeting, the member's overdue task and nothing of the committee", async () => {
    const page = await home(member);
    expect(page.secretary).toEqual([]);
    expect(page.committees).toEqual([]);
    expect(page.member?.next).toMatchObject({ id: nextId, date: '2026-12-10', materials: [] });
    expect(page.member?.tasks).toEqual([
      expect.objectContaining({ text: 'Vận động làm đường bê tông', overdue: true }),
    ]);
  });
});

describe("the commune's home", () => {
  it('lists the cells not met this month, the weak meeting and the overdue recommendations', async () => {
    await ctx.db.execute(sql`UPDATE recommendations SET due_date = '2026-12-01' WHERE text = 'Kiến nghị 1'`);
    const [x] = (await home(commune)).committees;
    expect(x).toMatchObject({
      orgCode: 'X',
      month: '2026-12',
      cells: 2,
      notMetCount: 2,
      overdueRecommendations: 1,
    });
    // The cell with nothing planned comes first.
    expect(x?.notMet.map((c) => `${c.code} ${c.nextDate}`)).toEqual(['D null', 'C 2026-12-10']);
    expect(x?.weak).toEqual([
      expect.objectContaining({ code: 'D', date: '2026-11-04', level: 'poor', total: 40 }),
    ]);
    const page = await home(visitor);
    expect(page).toMatchObject({ secretary: [], member: null, committees: [] });
  });
});
