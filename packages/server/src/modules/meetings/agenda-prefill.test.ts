import type { AgendaItem } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { commune, membersOf, seedTree, type Tree } from '../../test/tree.ts';
import { registerForm } from '../pass-on/test-fixture.ts';

/**
 * The agenda prepared for the secretary (issue 17 item 3): planning pre-fills the next meeting's agenda
 * from what is due — each source with its reason — and the secretary drops or reorders items before the
 * meeting; a dropped item stays dropped when the agenda is prepared again.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let now = new Date('2026-05-01T09:00:00+07:00');
let tree: Tree;
let secretary: Client;
let meetingId: number;
let docId: number;
let recId: number;
let taskId: number;

const agendaOf = async (): Promise<AgendaItem[]> =>
  (await secretary.get(`/api/meetings/${meetingId}`)).json().agenda;
const find = (agenda: AgendaItem[], kind: string) => agenda.findIndex((i) => i.source?.kind === kind);
const fieldOf = (res: { json: () => { error: { fields: { field: string }[] } } }) =>
  res.json().error.fields[0]?.field;

/** A meeting of the cell held on `date` (status held), with each member's roll-call status. */
async function heldMeeting(date: string, statuses: Record<string, string>) {
  const cell = tree.orgs.C;
  if (!cell) throw new Error('no cell');
  const [row] = await rows<{ id: number }>(
    ctx.db,
    sql`INSERT INTO meetings (org_id, org_path, kind, status, scheduled_date, start_time, agenda)
        VALUES (${cell.id}, ${cell.path}, 'regular', 'held', ${date}, '19:30', '[]'::jsonb) RETURNING id::int AS id`,
  );
  if (!row) throw new Error('no meeting');
  for (const [code, status] of Object.entries(statuses)) {
    await ctx.db.execute(
      sql`INSERT INTO attendance (meeting_id, member_id, status, member_status)
          VALUES (${row.id}, ${tree.members[code]?.id}, ${status}, 'official')`,
    );
  }
  return row.id;
}

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  const { db } = ctx;
  tree = await seedTree(db, {
    orgs: [
      ...commune('GA'),
      { code: 'C', name: 'Chi bộ thôn Thượng Hội', kind: 'cell', category: 'village', parent: 'GA' },
    ],
    members: [
      ...membersOf('C', 'O', ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'], (i) =>
        i === 0 ? { position: 'secretary' } : {},
      ),
      // Admitted 01/4/2025: twelve months of probation ended on 01/4/2026, before the meeting.
      { code: 'DUE', name: 'Vũ Văn Giang', org: 'C', status: 'probationary', admissionDate: '2025-04-01' },
      // Admitted 10/9/2025: not yet due.
      { code: 'LATE', name: 'Hoàng Thị Em', org: 'C', status: 'probationary', admissionDate: '2025-09-10' },
    ],
    accounts: [
      ['ga', 'committee_member', 'GA'],
      ['bithu', 'cell_secretary', 'C'],
    ],
  });
  secretary = await login(ctx.app, 'bithu');
  const ga = await login(ctx.app, 'ga');
  // A superior document to pass on.
  const doc = await registerForm(ga, {
    committeeCode: 'GA',
    documentNumber: '05-NQ/ĐU',
    documentTitle: 'Nghị quyết về phát triển kinh tế nông thôn năm 2026',
    issuedOn: '2026-04-20',
    passOnBy: '2026-05-20',
  });
  expect(doc.statusCode, doc.body).toBe(201);
  docId = doc.json().id;
  // Three sessions this year: O3 absent from all three (twice without reason); the first assigned a task.
  const first = await heldMeeting('2026-02-05', { O1: 'present', O2: 'present', O3: 'absent_unexcused' });
  await heldMeeting('2026-03-05', { O1: 'present', O2: 'present', O3: 'absent_excused' });
  await heldMeeting('2026-04-05', { O1: 'present', O2: 'present', O3: 'absent_unexcused' });
  const [task] = await rows<{ id: number }>(
    db,
    sql`INSERT INTO tasks (meeting_id, org_path, member_id, text, deadline)
        VALUES (${first}, ${tree.orgs.C?.path}, ${tree.members.O2?.id}, 'Vận động thu gom rác thải ở xóm Đông', '2026-04-20')
        RETURNING id::int AS id`,
  );
  taskId = task?.id ?? 0;
  // An answer to one of the cell's recommendations, waiting for a meeting.
  const [rec] = await rows<{ id: number }>(
    db,
    sql`INSERT INTO recommendations (org_id, org_path, source, raised_by, raised_on, text, search_text, category,
          status, handler_org_id, handler_path, answer, answered_on, answered_by)
        VALUES (${tree.orgs.C?.id}, ${tree.orgs.C?.path}, 'meeting', 'Trần Thị Bình', '2026-03-05',
          'Đề nghị sửa đường liên thôn', 'de nghi sua duong lien thon', 'other', 'answered', ${tree.orgs.GA?.id},
          ${tree.orgs.GA?.path}, 'Đã đưa vào kế hoạch quý III', '2026-04-25', 'Đảng ủy xã')
        RETURNING id::int AS id`,
  );
  recId = rec?.id ?? 0;
  // O2's dues: a basis from January 2026 and nothing paid (January to April are closed on 01/5/2026).
  await db.execute(
    sql`INSERT INTO dues_bases (member_id, from_month, category, amount_vnd, declared_by_name)
        VALUES (${tree.members.O2?.id}, '2026-01', 'bhxh_salary', 5000000, 'Kiểm thử')`,
  );
  const planned = await secretary.post('/api/meetings/plan', {
    orgCode: 'C',
    from: '2026-05-01',
    to: '2026-06-30',
  });
  expect(planned.statusCode, planned.body).toBe(200);
  const [next] = await rows<{ id: number }>(
    db,
    sql`SELECT id::int AS id FROM meetings WHERE org_id = ${tree.orgs.C?.id} AND kind = 'regular' AND status = 'planned'
        ORDER BY scheduled_date LIMIT 1`,
  );
  meetingId = next?.id ?? 0;
});
afterAll(() => ctx.close());

describe('the agenda pre-filled at planning', () => {
  it('passes on the superior document under "Phổ biến … văn bản của cấp trên", saying why', async () => {
    const agenda = await agendaOf();
    const at = find(agenda, 'pass_on');
    expect(agenda[at]).toMatchObject({
      title: 'Phổ biến văn bản số 05-NQ/ĐU: Nghị quyết về phát triển kinh tế nông thôn năm 2026',
      section: 'content',
      source: { kind: 'pass_on', ref: String(docId) },
    });
    expect(agenda[at]?.reason).toContain('Văn bản số 05-NQ/ĐU của Đảng bộ xã Tân Hội');
    expect(agenda[at]?.reason).toContain('20/05/2026');
    expect(agenda[at - 1]?.title).toBe('Phổ biến, quán triệt văn bản của cấp trên');
  });

  it('puts the answers to recommendations on it, naming them', async () => {
    const agenda = await agendaOf();
    const item = agenda[find(agenda, 'answers')];
    expect(item?.title).toBe('Thông báo trả lời kiến nghị của đảng viên');
    expect(item?.reason).toContain(`số ${recId} (“Đề nghị sửa đường liên thôn”)`);
    // Once only: the item added when the answer was attached took the reason.
    expect(agenda.filter((i) => i.title === item?.title)).toHaveLength(1);
  });

  it('puts the recognition falling due on it, not the one still in probation', async () => {
    const agenda = await agendaOf();
    const items = agenda.filter((i) => i.source?.kind === 'recognition');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      title: 'Xét công nhận đảng viên chính thức: đồng chí Vũ Văn Giang',
      section: 'closing',
      source: { ref: 'DUE' },
    });
    expect(items[0]?.reason).toContain('kết nạp ngày 01/04/2025, hết 12 tháng dự bị ngày 01/04/2026');
    expect(items[0]?.reason).toContain('Điều lệ Đảng, Điều 5');
    const personnel = agenda.findIndex((i) => i.title.startsWith('Công tác nhân sự'));
    expect(agenda.indexOf(items[0] as AgendaItem)).toBe(personnel + 1);
  });

  it('puts the overdue task to review on it', async () => {
    const agenda = await agendaOf();
    const item = agenda[find(agenda, 'overdue_tasks')];
    expect(item?.section).toBe('content');
    expect(item?.reason).toContain(
      `nhiệm vụ số ${taskId} “Vận động thu gom rác thải ở xóm Đông” (đồng chí Trần Thị Bình), hạn 20/04/2026`,
    );
  });

  it('puts the member absent three sessions in a row on it, citing the rules', async () => {
    const agenda = await agendaOf();
    const item = agenda[find(agenda, 'absences')];
    expect(item?.reason).toContain(
      'đồng chí Lê Văn Cường (O3) vắng 3 buổi liên tiếp, 2 buổi không lý do trong năm',
    );
    expect(item?.reason).toContain('HD 12-HD/BTCTW');
    expect(item?.reason).toContain('Điều lệ Đảng, Điều 8');
    expect(item?.reason).not.toContain('Trần Thị Bình');
  });

  it('puts the dues arrears on it after the dues collection', async () => {
    const agenda = await agendaOf();
    const at = find(agenda, 'dues_arrears');
    expect(agenda[at]?.reason).toContain(
      'đồng chí Trần Thị Bình (O2): tháng 01/2026, 02/2026, 03/2026, 04/2026',
    );
    expect(agenda[at - 1]?.title).toBe('Thu đảng phí');
  });

  it('prepares the next meeting only: the later ones keep the template until prepared again', async () => {
    const later = await rows<{ agenda: AgendaItem[] }>(
      ctx.db,
      sql`SELECT agenda FROM meetings WHERE org_id = ${tree.orgs.C?.id} AND status = 'planned' AND id <> ${meetingId}`,
    );
    expect(later.length).toBeGreaterThan(0);
    for (const m of later) expect(m.agenda.some((i) => i.source?.kind === 'pass_on')).toBe(false);
    const events = await rows<{ kind: string }>(
      ctx.db,
      sql`SELECT kind FROM meeting_events WHERE meeting_id = ${meetingId} AND kind = 'agenda_prepared'`,
    );
    expect(events).toHaveLength(1);
  });
});

describe('the secretary trims and orders the prepared agenda', () => {
  it('drops a pre-filled item, audited, and it stays dropped when the agenda is prepared again', async () => {
    const at = find(await agendaOf(), 'pass_on');
    const dropped = await secretary.delete(`/api/meetings/${meetingId}/agenda/${at}`);
    expect(dropped.statusCode, dropped.body).toBe(200);
    expect(find(dropped.json().agenda, 'pass_on')).toBe(-1);
    const audit = await rows<{ detail: { source: string } }>(
      ctx.db,
      sql`SELECT detail FROM audit_events WHERE action = 'meeting.agenda_item_dropped' AND entity_id = ${String(meetingId)}`,
    );
    expect(audit.map((a) => a.detail.source)).toEqual([`pass_on:${docId}`]);
    const again = await secretary.post(`/api/meetings/${meetingId}/agenda/prepare`, {});
    expect(again.statusCode, again.body).toBe(200);
    const agenda: AgendaItem[] = again.json().agenda;
    expect(find(agenda, 'pass_on')).toBe(-1);
    expect(find(agenda, 'overdue_tasks')).toBeGreaterThan(0);
  });

  it('remembers an item removed in the agenda editor (the whole agenda saved) as dropped', async () => {
    const agenda = (await agendaOf()).filter((i) => i.source?.kind !== 'absences');
    const saved = await secretary.patch(`/api/meetings/${meetingId}`, { agenda });
    expect(saved.statusCode, saved.body).toBe(200);
    // The reasons of the items kept stay with them.
    expect(saved.json().agenda[find(saved.json().agenda, 'overdue_tasks')].reason).toContain('quá hạn');
    const again = await secretary.post(`/api/meetings/${meetingId}/agenda/prepare`, {});
    expect(find(again.json().agenda, 'absences')).toBe(-1);
    expect(find(again.json().agenda, 'dues_arrears')).toBeGreaterThan(0);
  });

  it('moves an item within its part, keeps the order when prepared again, refuses leaving the part', async () => {
    const at = find(await agendaOf(), 'overdue_tasks');
    const moved = await secretary.post(`/api/meetings/${meetingId}/agenda/${at}/move`, { to: at - 1 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(find(moved.json().agenda, 'overdue_tasks')).toBe(at - 1);
    const again = await secretary.post(`/api/meetings/${meetingId}/agenda/prepare`, {});
    expect(find(again.json().agenda, 'overdue_tasks')).toBe(at - 1);
    const opening = (again.json().agenda as AgendaItem[]).findIndex((i) => i.section === 'opening');
    const out = await secretary.post(`/api/meetings/${meetingId}/agenda/${at - 1}/move`, { to: opening });
    expect(out.statusCode).toBe(400);
    expect(fieldOf(out)).toBe('to');
    const none = await secretary.delete(`/api/meetings/${meetingId}/agenda/39`);
    expect(none.statusCode).toBe(400);
    expect(fieldOf(none)).toBe('agendaIndex');
  });

  it('refuses dropping, moving or preparing again once the meeting has started (400 naming the field)', async () => {
    now = new Date('2026-05-05T19:40:00+07:00');
    const [row] = await rows<{ date: string }>(
      ctx.db,
      sql`SELECT scheduled_date::text AS date FROM meetings WHERE id = ${meetingId}`,
    );
    await ctx.db.execute(
      sql`UPDATE meetings SET started_at = ${`${row?.date}T19:30:00+07:00`}::timestamptz WHERE id = ${meetingId}`,
    );
    const before = await agendaOf();
    const drop = await secretary.delete(`/api/meetings/${meetingId}/agenda/1`);
    expect(drop.statusCode).toBe(400);
    expect(fieldOf(drop)).toBe('agendaIndex');
    const move = await secretary.post(`/api/meetings/${meetingId}/agenda/2/move`, { to: 1 });
    expect(fieldOf(move)).toBe('agendaIndex');
    const prepare = await secretary.post(`/api/meetings/${meetingId}/agenda/prepare`, {});
    expect(prepare.statusCode).toBe(400);
    expect(fieldOf(prepare)).toBe('agenda');
    expect(await agendaOf()).toEqual(before);
  });
});
