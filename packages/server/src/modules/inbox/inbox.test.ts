import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visitAssignments } from '../../db/schema/index.ts';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { membersOf, seedTree } from '../../test/tree.ts';

let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let secretary: Client;
let member: Client;
let outsider: Client;
let meetingId: number;

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => new Date('2026-08-01T09:00:00+07:00') });
  const { db } = ctx;
  const tree = await seedTree(db, {
    orgs: [
      { code: 'P', kind: 'committee' },
      { code: 'GA', kind: 'grassroots_committee', parent: 'P' },
      { code: 'C', name: 'Chi bộ thôn Hạ', kind: 'cell', parent: 'GA' },
      { code: 'D', kind: 'cell', parent: 'GA' },
    ],
    members: [
      ...membersOf('C', 'M', ['Nguyễn Văn Một', 'Trần Văn Hai', 'Lê Văn Ba']),
      { code: 'D1', name: 'Phạm Văn Khác', org: 'D' },
    ],
    accounts: [
      ['bithu', 'cell_secretary', 'C'],
      ['dangvien', 'member', 'C', 'M1'],
      ['khac', 'member', 'D', 'D1'],
      ['capuy', 'committee_member', 'GA'],
      ['nhaxa', 'committee_member', 'GA'],
    ],
  });
  // capuy follows the cell (a personal assignment of the commune); nhaxa, another member above, does not.
  const [ga, c, follower] = [tree.org('GA'), tree.org('C'), tree.account('capuy')];
  await db.insert(visitAssignments).values({
    committeeOrgId: ga.id,
    committeePath: ga.path,
    orgId: c.id,
    accountId: follower.id,
  });
  secretary = await login(ctx.app, 'bithu');
  member = await login(ctx.app, 'dangvien');
  outsider = await login(ctx.app, 'khac');
  const created = await secretary.post('/api/meetings', {
    orgCode: 'C',
    kind: 'regular',
    date: '2026-08-04',
    startTime: '19:30',
    place: 'Nhà văn hóa',
  });
  meetingId = created.json().id;
});
afterAll(() => ctx.close());

describe('invitations and replies', () => {
  it('invites the cell’s members and the committee member who follows the cell, once', async () => {
    const sent = await secretary.post(`/api/meetings/${meetingId}/notify`);
    expect(sent.json()).toEqual({ sent: 2, recipients: 2 });
    expect((await secretary.post(`/api/meetings/${meetingId}/notify`)).json()).toEqual({
      sent: 0,
      recipients: 2,
    });
    const inbox = (await member.get('/api/inbox')).json();
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0].title).toContain('Chi bộ thôn Hạ');
    expect((await outsider.get('/api/inbox')).json().items).toEqual([]);
    const committee = await login(ctx.app, 'capuy');
    expect((await committee.get('/api/inbox')).json().unread).toBe(1);
    expect((await (await login(ctx.app, 'nhaxa')).get('/api/inbox')).json().unread).toBe(0);
    expect((await outsider.post(`/api/inbox/${inbox.items[0].id}/read`)).statusCode).toBe(404);
    expect((await member.post(`/api/inbox/${inbox.items[0].id}/read`)).statusCode).toBe(200);
    expect((await member.get('/api/inbox')).json().unread).toBe(0);
  });

  it('lets a member send an excuse, which the roll call then shows', async () => {
    const noReason = await member.post(`/api/meetings/${meetingId}/reply`, { reply: 'excuse' });
    expect(noReason.statusCode).toBe(400);
    expect(
      (await member.post(`/api/meetings/${meetingId}/reply`, { reply: 'excuse', reason: 'Đi viện' }))
        .statusCode,
    ).toBe(200);
    const page = (await secretary.get(`/api/meetings/${meetingId}`)).json();
    expect(page.record.rollCall.find((l: { memberCode: string }) => l.memberCode === 'M1')).toMatchObject({
      status: 'absent_excused',
      reason: 'Đi viện',
      reply: 'excuse',
    });
    const own = (await member.get(`/api/meetings/${meetingId}`)).json();
    expect(own.record).toBeNull();
    expect((await outsider.post(`/api/meetings/${meetingId}/reply`, { reply: 'confirm' })).statusCode).toBe(
      404,
    );
  });

  it('shows a member its own tasks, and lets it mark them done', async () => {
    const task = await secretary.post(`/api/meetings/${meetingId}/tasks`, {
      memberCode: 'M1',
      text: 'Thu đảng phí',
      deadline: '2026-08-20',
    });
    await secretary.post(`/api/meetings/${meetingId}/tasks`, { memberCode: 'M2', text: 'Việc người khác' });
    const mine = (await member.get('/api/me/tasks')).json().items;
    expect(mine.map((t: { text: string }) => t.text)).toEqual(['Thu đảng phí']);
    expect((await member.patch(`/api/tasks/${task.json().id}`, { status: 'done' })).statusCode).toBe(200);
    expect((await member.get('/api/me/tasks')).json().items[0].status).toBe('done');
  });
});
