import type { MinutesModel } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildTestApp, type Client, FULL_MANUAL_SCORES, login } from '../../test/factories.ts';
import { membersOf, seedTree } from '../../test/tree.ts';
import { buildMinutes } from './minutes.ts';
import { findMeeting } from './queries.ts';

/**
 * The chair's conclusion on each agenda item, recorded on the run screen, reaches the minutes; the minutes
 * are dated where the cell is (a school's committee is no place), every item is minuted, the end is stated
 * once, and the minutes close with their own adoption. Once adopted, the conclusions never change.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let now = new Date('2023-11-01T09:00:00+07:00');
let secretary: Client;
let meetingId: number;
const base = () => `/api/meetings/${meetingId}`;

const minutesModel = async (): Promise<MinutesModel> => {
  const meeting = await findMeeting(ctx.db, meetingId);
  if (!meeting) throw new Error('no meeting');
  return (await buildMinutes(ctx.db, meeting, { minutes: null, resolution: null })).minutes;
};

const agendaOf = async () =>
  (await secretary.get(base())).json().agenda as { title: string; conclusion?: string }[];

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  const { db } = ctx;
  const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em'];
  await seedTree(db, {
    orgs: [
      { code: 'CT', name: 'Thành ủy Cần Thơ', kind: 'committee' },
      { code: 'DH', name: 'Đảng bộ Trường Đại học Cần Thơ', kind: 'grassroots_committee', parent: 'CT' },
      { code: 'SP', name: 'Chi bộ Khoa Sư phạm', kind: 'cell', category: 'school', parent: 'DH' },
    ],
    members: membersOf('SP', 'SP', names, (i) => ({
      status: i === 4 ? 'probationary' : 'official',
      position: i === 0 ? 'secretary' : 'member',
    })),
    accounts: [['bithu', 'cell_secretary', 'SP']],
  });
  secretary = await login(ctx.app, 'bithu');
  const created = await secretary.post('/api/meetings', {
    orgCode: 'SP',
    kind: 'regular',
    date: '2023-11-04',
    startTime: '14:00',
    place: 'Phòng họp Khoa Sư phạm',
  });
  expect(created.statusCode).toBe(201);
  meetingId = created.json().id;
  await secretary.patch(base(), { chairMemberCode: 'SP1', minuteTakerMemberCode: 'SP2' });
});
afterAll(() => ctx.close());

describe('the chair’s conclusion on each agenda item', () => {
  it('is recorded, replaced and cleared through the API, with an audit event each time', async () => {
    now = new Date('2023-11-04T14:05:00+07:00');
    expect((await secretary.post(`${base()}/start`, { at: '2023-11-04T14:00:00+07:00' })).statusCode).toBe(
      200,
    );
    const url = `${base()}/agenda/1/conclusion`;
    const first = await secretary.put(url, { text: '  Chi bộ thống nhất nội dung thông tin thời sự.  ' });
    expect(first.statusCode).toBe(200);
    expect(first.json().agenda[1].conclusion).toBe('Chi bộ thống nhất nội dung thông tin thời sự.');
    await secretary.put(`${base()}/agenda/2/conclusion`, { text: 'Tạm ghi' });
    expect((await agendaOf())[2]?.conclusion).toBe('Tạm ghi');
    const cleared = await secretary.put(`${base()}/agenda/2/conclusion`, { text: '' });
    expect(cleared.statusCode).toBe(200);
    expect((await agendaOf())[2]).not.toHaveProperty('conclusion');
    const [audit] = await rows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'meeting.item_conclusion' AND entity_id = ${meetingId}`,
    );
    expect(audit?.n).toBe(3);
  });

  it('refuses an item not on the agenda and a text too long, naming the field', async () => {
    const length = (await agendaOf()).length;
    const missing = await secretary.put(`${base()}/agenda/${length}/conclusion`, { text: 'x' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0].field).toBe('agendaIndex');
    const long = await secretary.put(`${base()}/agenda/0/conclusion`, { text: 'x'.repeat(2001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields[0].field).toBe('text');
    const notNumber = await secretary.put(`${base()}/agenda/abc/conclusion`, { text: 'x' });
    expect(notNumber.statusCode).toBe(400);
  });

  it('is kept when the agenda is edited with it', async () => {
    const agenda = await agendaOf();
    const renamed = agenda.map((item, i) =>
      i === 1 ? { ...item, title: `${item.title} (cập nhật)` } : item,
    );
    expect((await secretary.patch(base(), { agenda: renamed })).statusCode).toBe(200);
    expect((await agendaOf())[1]?.conclusion).toBe('Chi bộ thống nhất nội dung thông tin thời sự.');
  });
});

describe('the minutes built from the record', () => {
  it('print the place, every item with its conclusion, times, dd/mm/yyyy and one closing line', async () => {
    await secretary.post(`${base()}/opinions`, { memberCode: 'SP3', agendaIndex: 1, summary: 'Nhất trí.' });
    await secretary.post(`${base()}/tasks`, {
      memberCode: 'SP4',
      text: 'Nộp báo cáo',
      deadline: '2023-11-14',
    });
    now = new Date('2023-11-04T16:35:00+07:00');
    expect((await secretary.post(`${base()}/end`, { at: '2023-11-04T16:30:00+07:00' })).statusCode).toBe(200);
    const model = await minutesModel();
    expect(model.header.placeDate).toBe('Cần Thơ, ngày 04 tháng 11 năm 2023');
    expect(model.startedAt).toBe('14 giờ 00 phút, ngày 04/11/2023');
    expect(model.closing).toBe('Buổi sinh hoạt kết thúc lúc 16 giờ 30 phút cùng ngày.');
    expect(model.tasks[0]?.deadline).toBe('14/11/2023');
    const agenda = await agendaOf();
    expect(model.discussion.map((d) => d.item)).toEqual(agenda.map((a) => a.title));
    expect(model.discussion[1]).toMatchObject({
      opinions: [{ speaker: 'Lê Văn Cường', text: 'Nhất trí.' }],
      conclusion: 'Chi bộ thống nhất nội dung thông tin thời sự.',
    });
    expect(model.discussion[2]?.conclusion).toBeNull();
    expect(model.adoption).toContain('được …/… đồng chí');
  });

  it('state their adoption from the minutes vote: in favour over the official members present', async () => {
    const vote = await secretary.post(`${base()}/votes`, {
      subject: 'minutes',
      text: 'Thông qua biên bản',
      for: 3,
      against: 0,
      abstain: 1,
    });
    expect(vote.statusCode).toBe(201);
    expect(vote.json().outcome).toMatchObject({ rule: 'majority', passed: true });
    // 4 official members present; the probationary member does not vote.
    expect((await minutesModel()).adoption).toBe(
      'Biên bản đã được đọc lại trước chi bộ và được 3/4 đồng chí đảng viên chính thức dự họp tán thành thông qua.',
    );
    // The minutes vote is not a personnel matter.
    expect((await minutesModel()).personnel).toEqual([]);
  });
});

describe('after adoption', () => {
  it('the conclusions are frozen in the minutes and every change is refused', async () => {
    await secretary.post(`${base()}/votes`, {
      subject: 'resolution',
      text: 'Nghị quyết tháng 11',
      for: 4,
      against: 0,
      abstain: 0,
    });
    await secretary.put(`${base()}/manual-scores`, FULL_MANUAL_SCORES);
    const adopted = await secretary.post(`${base()}/adopt`, { for: 4, against: 0, abstain: 0 });
    expect(adopted.statusCode).toBe(200);
    const [frozen] = await rows<{ model: MinutesModel }>(
      ctx.db,
      sql`SELECT model FROM issued_documents WHERE meeting_id = ${meetingId} AND doc_type = 'BB'`,
    );
    expect(frozen?.model.discussion[1]?.conclusion).toBe('Chi bộ thống nhất nội dung thông tin thời sự.');
    const before = await agendaOf();
    for (const text of ['Sửa sau khi thông qua', '']) {
      const refused = await secretary.put(`${base()}/agenda/1/conclusion`, { text });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.message).toContain('đã được thông qua');
    }
    expect(await agendaOf()).toEqual(before);
  });
});
