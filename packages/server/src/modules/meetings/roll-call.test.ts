/**
 * The roll call beyond the cell's own members: temporary attendance (sinh hoạt tạm thời) in and out, and
 * excused absences whose reason the cell does not accept — through the API, against the real database.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { commune, membersOf, seedTree } from '../../test/tree.ts';
import { docxText, expectPhrases, libreOfficePdfs, pdfText } from '../documents/testing.ts';
import { buildMinutes } from './minutes.ts';
import { findMeeting } from './queries.ts';

let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let now = new Date('2026-04-20T09:00:00+07:00');
let admin: Client;
let secretary: Client;
let base: string;
let otherBase: string;

interface Line {
  memberCode: string;
  status: string;
  position: string;
  reason: string | null;
  reasonAccepted: boolean;
  attachedHere: boolean;
}

/** Cell C (host): C01–C06 official, C07 probationary; C06 attends cell D meanwhile, D01 of D attends C. */
beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  const { db } = ctx;
  const names = [
    'Nguyễn Văn An',
    'Trần Thị Bình',
    'Lê Văn Cường',
    'Phạm Thị Dung',
    'Hoàng Văn Em',
    'Vũ Thị Giang',
    'Đặng Văn Hải',
  ];
  await seedTree(db, {
    orgs: [
      ...commune('GA'),
      { code: 'C', name: 'Chi bộ thôn Thượng Hội', kind: 'cell', parent: 'GA' },
      { code: 'D', name: 'Chi bộ thôn Hạ Hội', kind: 'cell', parent: 'GA' },
    ],
    members: [
      ...membersOf('C', 'C0', names, (i) => ({
        status: i === 6 ? 'probationary' : 'official',
        position: i === 0 ? 'secretary' : 'member',
      })),
      { code: 'D01', name: 'Bùi Thị Lan', org: 'D', position: 'secretary' },
      { code: 'D02', name: 'Đỗ Văn Khánh', org: 'D' },
    ],
    accounts: [
      ['admin', 'admin', 'P'],
      ['bithu', 'cell_secretary', 'C'],
    ],
  });
  admin = await login(ctx.app, 'admin');
  secretary = await login(ctx.app, 'bithu');
  for (const [code, cell] of [
    ['C06', 'D'],
    ['D01', 'C'],
  ] as const) {
    const period = await admin.post(`/api/members/${code}/periods`, {
      kind: 'attached',
      from: '2026-03-01',
      to: '2026-08-31',
      orgCode: cell,
      reason: 'Công tác tại địa phương',
    });
    expect(period.statusCode).toBe(200);
  }
});
afterAll(() => ctx.close());

const rollOf = async (url: string): Promise<Line[]> => (await admin.get(url)).json().record.rollCall;
const mark = (code: string, payload: Record<string, unknown>) =>
  secretary.request({ method: 'PUT', url: `${base}/attendance/${code}`, payload });
const attendanceCriterion = async () =>
  (
    (await secretary.get(`${base}/score`)).json().criteria as {
      criterionId: string;
      points: number;
      explanation: { vi: string };
    }[]
  ).find((c) => c.criterionId === 'attendance_rate');

describe('temporary attendance (sinh hoạt tạm thời), in and out', () => {
  it('puts members of other cells attending here on the roll call, tagged, with no position here', async () => {
    const created = await secretary.post('/api/meetings', {
      orgCode: 'C',
      kind: 'regular',
      date: '2026-05-04',
      startTime: '19:30',
    });
    expect(created.statusCode).toBe(201);
    base = `/api/meetings/${created.json().id}`;
    // Before the roll call is written, the one it will start from.
    const planned = await rollOf(base);
    expect(planned.map((l) => l.memberCode)).toEqual([
      'C01',
      'C02',
      'C03',
      'C04',
      'C05',
      'C06',
      'C07',
      'D01',
    ]);
    expect(planned.find((l) => l.memberCode === 'D01')).toMatchObject({
      status: 'present',
      attachedHere: true,
      position: 'member',
    });
    expect(planned.find((l) => l.memberCode === 'C06')).toMatchObject({
      status: 'attached_elsewhere',
      attachedHere: false,
    });
    expect(
      (await secretary.patch(base, { chairMemberCode: 'C01', minuteTakerMemberCode: 'C02' })).statusCode,
    ).toBe(200);
    now = new Date('2026-05-04T19:35:00+07:00');
    expect((await secretary.post(`${base}/start`, { at: '2026-05-04T19:30:00+07:00' })).statusCode).toBe(200);
    const started = await rollOf(base);
    expect(started.map((l) => [l.memberCode, l.status, l.attachedHere])).toEqual([
      ['C01', 'present', false],
      ['C02', 'present', false],
      ['C03', 'present', false],
      ['C04', 'present', false],
      ['C05', 'present', false],
      ['C06', 'attached_elsewhere', false],
      ['C07', 'present', false],
      ['D01', 'present', true],
    ]);
  });

  it("lets the host cell's secretary mark a member attending temporarily, not as attending elsewhere", async () => {
    const elsewhere = await mark('D01', { status: 'attached_elsewhere' });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.fields[0].field).toBe('status');
    expect((await mark('D01', { status: 'absent_excused', reason: 'Ốm' })).statusCode).toBe(200);
    expect((await mark('D01', { status: 'present' })).statusCode).toBe(200);
    expect((await rollOf(base)).find((l) => l.memberCode === 'D01')?.status).toBe('present');
    // A member of neither cell is refused by name.
    const stranger = await mark('D02', { status: 'present' });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.fields[0].field).toBe('memberCode');
  });

  it('the home cell shows its member as attending elsewhere and the guest member not at all', async () => {
    const created = await admin.post('/api/meetings', {
      orgCode: 'D',
      kind: 'regular',
      date: '2026-05-05',
      startTime: '19:30',
    });
    otherBase = `/api/meetings/${created.json().id}`;
    const roll = await rollOf(otherBase);
    expect(roll.map((l) => [l.memberCode, l.status, l.attachedHere])).toEqual([
      ['D02', 'present', false],
      ['D01', 'attached_elsewhere', false],
      ['C06', 'present', true],
    ]);
  });
});

describe('an excused absence whose reason the cell does not accept', () => {
  it('stays in the eligible base, so a vote that passed no longer does', async () => {
    // Base while C04's reason stands: C01–C05 official, minus C06 (elsewhere), C05 and C04 (excused) = 3.
    expect((await mark('C05', { status: 'absent_excused', reason: 'Đi công tác' })).statusCode).toBe(200);
    expect((await mark('C04', { status: 'absent_excused', reason: 'Bận việc riêng' })).statusCode).toBe(200);
    const vote = { subject: 'other', text: 'Phân công trực tết', for: 2, against: 1, abstain: 0 };
    const accepted = await secretary.post(`${base}/votes`, vote);
    expect(accepted.json().outcome).toMatchObject({ eligible: 3, needed: 2, passed: true });
    // Not accepted: C04 is back in the base (QĐ 24-QĐ/TW 9.3.2), and 2 of 4 is not more than half.
    const refusedMark = await mark('C04', {
      status: 'absent_excused',
      reason: 'Bận việc riêng',
      reasonAccepted: false,
    });
    expect(refusedMark.statusCode).toBe(200);
    expect(refusedMark.json().record.rollCall.find((l: Line) => l.memberCode === 'C04')).toMatchObject({
      status: 'absent_excused',
      reason: 'Bận việc riêng',
      reasonAccepted: false,
    });
    const refused = await secretary.post(`${base}/votes`, vote);
    expect(refused.json().outcome).toMatchObject({ eligible: 4, needed: 3, passed: false });
    // D01, present, votes in the home cell: three eligible members present here, not four.
    const tooMany = await secretary.post(`${base}/votes`, { ...vote, for: 4, against: 0 });
    expect(tooMany.statusCode).toBe(400);
    // The audit trail says so.
    const [event] = await rows<{ data: Record<string, unknown> }>(
      ctx.db,
      sql`SELECT data FROM meeting_events WHERE kind = 'attendance' ORDER BY id DESC LIMIT 1`,
    );
    expect(event?.data).toMatchObject({ member: 'C04', status: 'absent_excused', reasonAccepted: false });
  });

  it('counts as unexcused in the score, while temporary members count in the attendance rate', async () => {
    // Expected: C01–C05, C07 and D01 (7); present: C01–C03, C07, D01 (5).
    const refused = await attendanceCriterion();
    expect(refused?.explanation.vi).toMatch(/^Tỷ lệ dự họp 5\/7 .*có 1 đảng viên vắng không lý do/);
    expect(refused?.points).toBe(1);
    // Accepted again (marking with a reason and no flag accepts it): the rate alone decides.
    expect((await mark('C04', { status: 'absent_excused', reason: 'Bận việc riêng' })).statusCode).toBe(200);
    const accepted = await attendanceCriterion();
    expect(accepted?.points).toBe(2);
    expect(accepted?.explanation.vi).not.toMatch(/vắng không lý do/);
    // Back to "not accepted" for the minutes below.
    await mark('C04', { status: 'absent_excused', reason: 'Bận việc riêng', reasonAccepted: false });
  });
});

describe('the minutes state the roll call as Party minutes do', () => {
  const phrases = [
    'Tổng số đảng viên của chi bộ: 7 đồng chí (chính thức: 6; dự bị: 1)',
    'Đảng viên đi sinh hoạt tạm thời nơi khác: 1 đồng chí: đồng chí Vũ Thị Giang',
    'Đảng viên sinh hoạt tạm thời tại chi bộ: 1 đồng chí: đồng chí Bùi Thị Lan',
    'Đảng viên miễn công tác và sinh hoạt đảng: 0 đồng chí',
    'Có mặt: 5 đồng chí (chính thức: 3; dự bị: 1; sinh hoạt tạm thời: 1)',
    'Vắng mặt có lý do: 1 đồng chí',
    'Đồng chí Hoàng Văn Em: Đi công tác',
    'Vắng mặt không có lý do: 1 đồng chí: đồng chí Phạm Thị Dung (Bận việc riêng; lý do không được chấp nhận)',
  ];

  it('counts all own members, names temporary attendance out and in, and a refused reason as none', async () => {
    const meeting = await findMeeting(ctx.db, Number(base.split('/').pop()));
    if (!meeting) throw new Error('meeting missing');
    const { minutes } = await buildMinutes(ctx.db, meeting, { minutes: null, resolution: null });
    expect(minutes.rollCall).toEqual({
      total: 7,
      official: 6,
      probationary: 1,
      attachedElsewhere: ['Vũ Thị Giang'],
      attachedHere: ['Bùi Thị Lan'],
      exempt: 0,
      present: 5,
      presentOfficial: 3,
      presentProbationary: 1,
      presentAttachedHere: 1,
      absentExcused: [{ name: 'Hoàng Văn Em', reason: 'Đi công tác' }],
      absentUnexcused: [],
      absentReasonNotAccepted: [{ name: 'Phạm Thị Dung', reason: 'Bận việc riêng' }],
    });
  });

  it('prints them in the DOCX, as LibreOffice reads it too', async () => {
    now = new Date('2026-05-04T21:15:00+07:00');
    const docx = await secretary.get(`${base}/documents/minutes.docx`);
    expect(docx.statusCode).toBe(200);
    expectPhrases(await docxText(docx.rawPayload), phrases);
    const [pdf] = await libreOfficePdfs({ minutes: docx.rawPayload });
    expectPhrases(await pdfText(pdf ?? Buffer.alloc(0)), phrases);
  }, 180_000);
});
