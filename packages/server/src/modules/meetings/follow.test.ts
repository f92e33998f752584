import type { PlanDto } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { buildSupervisionFixture } from '../supervision/test-fixture.ts';

/**
 * What follows a meeting when it moves or is announced: its planned visit moves with it (or, clashing, is
 * withdrawn and the committee told); the invitation reaches the cell and those who follow it, shown first;
 * an item added late to the agenda goes before the closing ones and the opinions keep their items.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let committee: Client;
let admin: Client;
let ids: Awaited<ReturnType<typeof buildSupervisionFixture>>['ids'];
let meetingIds: Record<string, number>;
let plan: PlanDto;

const notices = (accountId: number, kind: string) =>
  rows<{ title: string }>(
    ctx.db,
    sql`SELECT title FROM notifications WHERE account_id = ${accountId} AND kind = ${kind} ORDER BY id`,
  );

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => new Date('2026-12-20T09:00:00+07:00') });
  ({ ids, meetingIds } = await buildSupervisionFixture(ctx.db));
  committee = await login(ctx.app, 'committee');
  admin = await login(ctx.app, 'admin');
  await committee.post('/api/supervision/assignments', {
    committeeCode: 'P',
    orgCode: 'GA',
    accountId: ids.v2,
  });
  plan = (
    await committee.post('/api/supervision/plans', { committeeCode: 'P', periodKey: '2027-Q1' })
  ).json();
  await committee.post(`/api/supervision/plans/${plan.id}/publish`);
});
afterAll(() => ctx.close());

const visitOf = (cell: string) => plan.visits.find((v) => v.cellCode === cell && v.status === 'planned');

describe('a meeting moved to another day', () => {
  it('takes its planned visit along and tells the visitor', async () => {
    const visit = visitOf('A2');
    if (!visit) throw new Error('no visit to A2');
    const moved = await admin.post(`/api/meetings/${meetingIds.A2}/reschedule`, {
      date: '2027-01-08',
      startTime: '19:00',
      reason: 'Trùng lịch họp dân',
    });
    expect(moved.statusCode).toBe(200);
    const [row] = await rows<{ date: string; startTime: string; status: string }>(
      ctx.db,
      sql`SELECT scheduled_date::text AS date, start_time AS "startTime", status FROM visits WHERE id = ${visit.id}`,
    );
    expect(row).toEqual({ date: '2027-01-08', startTime: '19:00', status: 'planned' });
    expect((await notices(visit.visitorAccountId, 'visit_moved')).at(-1)?.title).toContain('08/01/2027');
  });

  it('withdraws the visit when the visitor is elsewhere that day, and tells the committee', async () => {
    const b1 = visitOf('B1');
    const b2 = visitOf('B2');
    if (!b1 || !b2) throw new Error('no visits to B1 and B2');
    if (b2.visitorAccountId !== b1.visitorAccountId) {
      const edited = await committee.patch(`/api/supervision/visits/${b2.id}`, {
        visitorAccountId: b1.visitorAccountId,
      });
      expect(edited.statusCode).toBe(200);
    }
    const moved = await admin.post(`/api/meetings/${meetingIds.B2}/reschedule`, {
      date: '2027-01-04',
      startTime: '07:30',
      reason: 'Đổi lịch',
    });
    expect(moved.statusCode).toBe(200);
    const [row] = await rows<{ status: string; reason: string }>(
      ctx.db,
      sql`SELECT status, cancel_reason AS reason FROM visits WHERE id = ${b2.id}`,
    );
    expect(row?.status).toBe('cancelled');
    expect(row?.reason).toContain('Trùng lịch');
    expect((await notices(ids.committee, 'visit_conflict')).length).toBe(1);
  });

  it('cancels the visit of a meeting called off', async () => {
    const visit = visitOf('B1');
    if (!visit) throw new Error('no visit to B1');
    await admin.post(`/api/meetings/${meetingIds.B1}/cancel`, { reason: 'Mưa bão' });
    const [row] = await rows<{ status: string }>(
      ctx.db,
      sql`SELECT status FROM visits WHERE id = ${visit.id}`,
    );
    expect(row?.status).toBe('cancelled');
  });
});

describe('the invitation', () => {
  it('lists the cell’s members and those who follow it — not every account above — and reaches them', async () => {
    const list = (await admin.get(`/api/meetings/${meetingIds.A1}/invitations`)).json();
    expect(list.members).toEqual([
      { name: 'Trần Thị Hằng', inApp: false },
      { name: 'Nguyễn Văn Khánh', inApp: true },
    ]);
    const visitor = visitOf('A1');
    const names = list.followers.map((f: { name: string; why: string }) => `${f.name} ${f.why}`);
    // v2 is assigned to the commune; whoever is sent to this meeting follows it too.
    expect(names.some((n: string) => n.startsWith('v2 '))).toBe(true);
    expect(names.some((n: string) => n.endsWith(' visit'))).toBe(visitor !== undefined);
    expect(names.some((n: string) => n.startsWith('committee'))).toBe(false);
    const sent = (await admin.post(`/api/meetings/${meetingIds.A1}/notify`)).json();
    expect(sent.recipients).toBe(list.recipients);
    expect(sent.sent).toBe(list.recipients);
    expect(await notices(ids.committee, 'meeting_invitation')).toEqual([]);
  });
});

describe('an agenda item added late', () => {
  it('goes before the closing items; the opinions stay under their items', async () => {
    const created = await admin.post('/api/meetings', {
      orgCode: 'A1',
      kind: 'regular',
      date: '2027-02-03',
      startTime: '19:30',
    });
    const id = created.json().id as number;
    const agenda = created.json().agenda as { title: string; section: string }[];
    const conclusion = agenda.findIndex((a) => a.title === 'Chủ trì kết luận');
    await admin.post(`/api/meetings/${id}/opinions`, {
      memberCode: 'A1M1',
      agendaIndex: conclusion,
      summary: 'Kết luận',
    });
    await admin.post(`/api/meetings/${id}/opinions`, {
      memberCode: 'A1M2',
      agendaIndex: 3,
      summary: 'Thời sự',
    });
    const added = await admin.post(`/api/meetings/${id}/agenda`, {
      title: 'Góp ý dự thảo nghị quyết',
      section: 'content',
    });
    expect(added.statusCode).toBe(201);
    const titles = added.json().agenda.map((a: { title: string }) => a.title);
    expect(titles.indexOf('Góp ý dự thảo nghị quyết')).toBe(conclusion);
    const opinions = added.json().record.opinions as { summary: string; agendaIndex: number }[];
    const under = (summary: string) => titles[opinions.find((o) => o.summary === summary)?.agendaIndex ?? -1];
    expect(under('Kết luận')).toBe('Chủ trì kết luận');
    expect(under('Thời sự')).toBe(agenda[3]?.title);
  });
});
