import { DEFAULT_RULE_SET } from '@nennep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import { attendance, meetings, opinions, ruleSets } from '../../db/schema/index.ts';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { seedTree } from '../../test/tree.ts';
import type { OrgRow } from '../orgs/queries.ts';
import { meetingsOverview, stateOf } from './service.ts';

let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let admin: Client;
let committee: Client;
let secretary: Client;
let otherAdmin: Client;
let ga: OrgRow;
const cells: Record<string, OrgRow> = {};

async function meeting(
  db: Db,
  cell: OrgRow,
  date: string,
  status: string,
  extra: { level?: string; total?: number } = {},
) {
  const [row] = await db
    .insert(meetings)
    .values({
      orgId: cell.id,
      orgPath: cell.path,
      kind: 'regular',
      status,
      scheduledDate: date,
      startTime: '19:30',
      ...extra,
    })
    .returning();
  if (!row) throw new Error('no meeting');
  return row;
}

beforeAll(async () => {
  ctx = await buildTestApp();
  const { db } = ctx;
  const statuses = ['present', 'present', 'present', 'absent_excused', 'exempt'];
  const tree = await seedTree(db, {
    orgs: [
      { code: 'P', name: 'Đảng bộ huyện', kind: 'committee' },
      { code: 'GA', name: 'Đảng bộ xã Tân Hội', kind: 'grassroots_committee', parent: 'P' },
      { code: 'GB', name: 'Đảng bộ xã Khác', kind: 'grassroots_committee', parent: 'P' },
      // Names chosen so Vietnamese order (An < Bình < Đông < Ông) differs from code order.
      { code: 'A', name: 'Chi bộ Đông', kind: 'cell', parent: 'GA' },
      { code: 'B', name: 'Chi bộ An', kind: 'cell', parent: 'GA' },
      { code: 'C', name: 'Chi bộ Bình', kind: 'cell', parent: 'GA' },
      { code: 'D', name: 'Chi bộ Ông', kind: 'grassroots_cell', parent: 'GA' },
      { code: 'E', name: 'Chi bộ ngoài', kind: 'cell', parent: 'GB' },
    ],
    members: statuses.map((_, i) => ({ code: `A${i}`, name: `Nguyễn Văn ${i}`, org: 'A' })),
    accounts: [
      ['admin', 'admin', 'P'],
      ['uyvien', 'committee_member', 'GA'],
      ['bithu', 'cell_secretary', 'A'],
      ['adminb', 'admin', 'GB'],
    ],
  });
  ga = tree.org('GA');
  for (const code of ['A', 'B', 'C', 'D']) cells[code] = tree.org(code);
  const { A, B, C } = cells as Record<'A' | 'B' | 'C', OrgRow>;

  // A: adopted on time (4 February, window 3–5), rated good. Roll call: 3 present, 1 excused, 1 exempt.
  const onTime = await meeting(db, A, '2026-02-04', 'adopted', { level: 'good', total: 95 });
  const ids = statuses.map((_, i) => tree.member(`A${i}`).id);
  for (const [i, status] of statuses.entries()) {
    await db
      .insert(attendance)
      .values({ meetingId: onTime.id, memberId: ids[i], status, memberStatus: 'official' });
  }
  await db.insert(opinions).values([
    { meetingId: onTime.id, memberId: ids[0], agendaIndex: 1, summary: 'Ý kiến 1' },
    { meetingId: onTime.id, memberId: ids[0], agendaIndex: 2, summary: 'Ý kiến 2' },
    { meetingId: onTime.id, memberId: ids[1], agendaIndex: 2, summary: 'Ý kiến 3' },
    {
      meetingId: onTime.id,
      memberId: null,
      guestName: 'Đồng chí cấp trên',
      agendaIndex: 3,
      summary: 'Chỉ đạo',
    },
  ]);
  // B: held after the window, not yet adopted. C: planned for the window and never held. D: nothing.
  await meeting(db, B, '2026-02-12', 'held');
  await meeting(db, C, '2026-02-04', 'planned');
  await meeting(db, C, '2026-01-05', 'adopted', { level: 'fair', total: 80 });

  admin = await login(ctx.app, 'admin');
  committee = await login(ctx.app, 'uyvien');
  secretary = await login(ctx.app, 'bithu');
  otherAdmin = await login(ctx.app, 'adminb');
});
afterAll(() => ctx.close());

describe('GET /api/meetings-overview', () => {
  it('gives a row per cell in Vietnamese order, with state, level and shares', async () => {
    const response = await committee.get('/api/meetings-overview?org=GA&month=2026-02');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.org).toEqual({ code: 'GA', name: 'Đảng bộ xã Tân Hội' });
    expect(body.items.map((r: { orgCode: string }) => r.orgCode)).toEqual(['B', 'C', 'A', 'D']);
    const row = (code: string) => body.items.find((r: { orgCode: string }) => r.orgCode === code);
    expect(row('A')).toMatchObject({
      orgName: 'Chi bộ Đông',
      parentName: 'Đảng bộ xã Tân Hội',
      date: '2026-02-04',
      state: 'on_time',
      level: 'good',
      total: 95,
      // 3 present of 4 expected (the exempt member is out of the base); 2 of the 3 present spoke.
      attendancePercent: 75,
      speakingPercent: 66.7,
    });
    expect(row('B')).toMatchObject({ date: '2026-02-12', state: 'late', level: null, total: null });
    expect(row('C')).toMatchObject({
      state: 'not_held',
      date: '2026-02-04',
      level: null,
      attendancePercent: null,
    });
    expect(row('D')).toMatchObject({ state: 'not_held', meetingId: null, date: null });
    expect(body.summary).toEqual({
      cells: 4,
      onTime: 1,
      late: 1,
      notHeld: 2,
      byLevel: { good: 1, fair: 0, average: 0, poor: 0 },
    });
  });

  it('takes the whole subtree for an admin above, and opens on the actor’s own subtree by default', async () => {
    const whole = (await admin.get('/api/meetings-overview?org=P&month=2026-02')).json();
    expect(whole.summary.cells).toBe(5);
    const own = await committee.get('/api/meetings-overview?month=2026-01');
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ org: { code: 'GA' }, month: '2026-01' });
    expect(own.json().summary).toMatchObject({ onTime: 1, byLevel: { fair: 1 } });
  });

  it('lists one page of the cells, with the count of all', async () => {
    const page = (await committee.get('/api/meetings-overview?org=GA&month=2026-02&offset=1&limit=2')).json();
    expect(page.items.map((r: { orgCode: string }) => r.orgCode)).toEqual(['C', 'A']);
    expect(page).toMatchObject({ total: 4, offset: 1, summary: { cells: 4, onTime: 1 } });
    const tooMany = await committee.get('/api/meetings-overview?org=GA&month=2026-02&limit=501');
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.fields[0].field).toBe('limit');
  });

  it('gives the quality figures per child node, each drilling down', async () => {
    const response = await admin.get('/api/meetings-overview/figures?org=P&month=2026-02');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.org).toEqual({ code: 'P', name: 'Đảng bộ huyện' });
    expect(body.lines).toEqual([
      {
        orgCode: 'GB',
        orgName: 'Đảng bộ xã Khác',
        drill: true,
        cells: 1,
        onTime: 0,
        late: 0,
        notHeld: 1,
        byLevel: { good: 0, fair: 0, average: 0, poor: 0 },
        meanScore: null,
        attendancePercent: null,
      },
      {
        orgCode: 'GA',
        orgName: 'Đảng bộ xã Tân Hội',
        drill: true,
        cells: 4,
        onTime: 1,
        late: 1,
        notHeld: 2,
        byLevel: { good: 1, fair: 0, average: 0, poor: 0 },
        meanScore: 95,
        // A: 3 present of 4 in the base; B held without a roll call adds nothing.
        attendancePercent: 75,
      },
    ]);
    expect(body.summary).toMatchObject({ cells: 5, onTime: 1, late: 1, notHeld: 3, meanScore: 95 });
    const commune = (await committee.get('/api/meetings-overview/figures?org=GA&month=2026-02')).json();
    expect(commune.lines.map((l: { orgCode: string; drill: boolean }) => `${l.orgCode} ${l.drill}`)).toEqual([
      'B false',
      'C false',
      'A false',
      'D false',
    ]);
    expect((await secretary.get('/api/meetings-overview/figures?org=GA&month=2026-02')).statusCode).toBe(404);
    expect((await secretary.get('/api/meetings-overview/figures?org=A&month=2026-02')).statusCode).toBe(403);
    expect((await otherAdmin.get('/api/meetings-overview/figures?org=GA&month=2026-02')).statusCode).toBe(
      404,
    );
  });

  it('refuses others: 401 without a session, 403 inside, 404 outside', async () => {
    expect((await ctx.app.inject({ url: '/api/meetings-overview?org=GA' })).statusCode).toBe(401);
    expect((await secretary.get('/api/meetings-overview?org=A&month=2026-02')).statusCode).toBe(403);
    expect((await secretary.get('/api/meetings-overview?month=2026-02')).statusCode).toBe(403);
    expect((await secretary.get('/api/meetings-overview?org=GA&month=2026-02')).statusCode).toBe(404);
    expect((await otherAdmin.get('/api/meetings-overview?org=GA&month=2026-02')).statusCode).toBe(404);
    expect((await committee.get('/api/meetings-overview?org=P&month=2026-02')).statusCode).toBe(404);
    expect((await admin.get('/api/meetings-overview?org=NOPE&month=2026-02')).statusCode).toBe(404);
    const bad = await admin.get('/api/meetings-overview?org=GA&month=2026-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('month');
  });
});

describe('states before the window has passed', () => {
  it('tells planned from upcoming while the window is open', async () => {
    const view = await meetingsOverview(ctx.db, ga, '2026-02', '2026-02-04');
    const state = (code: string) => view.items.find((r) => r.orgCode === code)?.state;
    expect([state('A'), state('C'), state('D')]).toEqual(['on_time', 'planned', 'upcoming']);
    expect(view.summary.notHeld).toBe(0);
  });

  it('reads the window from the rule set in force for the cell', async () => {
    const { B } = cells as Record<'B', OrgRow>;
    await ctx.db.insert(ruleSets).values({
      orgId: B.id,
      orgPath: B.path,
      name: 'Họp giữa tháng',
      effectiveFrom: '2026-01-01',
      content: { ...DEFAULT_RULE_SET, meetingWindow: { fromDay: 10, toDay: 15 } },
    });
    const view = await meetingsOverview(ctx.db, ga, '2026-02', '2026-03-01');
    expect(view.items.find((r) => r.orgCode === 'B')?.state).toBe('on_time');
    expect(view.items.find((r) => r.orgCode === 'D')?.state).toBe('not_held');
  });

  it('decides a state from the meetings and the window alone', () => {
    const window = { from: '2026-02-03', to: '2026-02-05' };
    expect(stateOf([], window, '2026-02-05').state).toBe('upcoming');
    expect(stateOf([], window, '2026-02-06').state).toBe('not_held');
    expect(stateOf([{ status: 'in_progress', date: '2026-02-05' }], window, '2026-02-05').state).toBe(
      'planned',
    );
    expect(stateOf([{ status: 'held', date: '2026-02-03' }], window, '2026-02-28').state).toBe('on_time');
  });
});
