import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildMember, buildOrg, buildTestApp, type Client, login } from '../../test/factories.ts';
import { commune, membersOf, seedTree } from '../../test/tree.ts';
import { docxText, squash } from '../documents/testing.ts';

let ctx: Awaited<ReturnType<typeof buildTestApp>>;
/** The app's clock: before the year planned here, then on the evening of the meeting held. */
let now = new Date('2025-12-20T09:00:00+07:00');
let admin: Client;
let secretary: Client;
let meetingId: number;

const NAMES = [
  'Nguyễn Văn An',
  'Trần Thị Bình',
  'Lê Văn Cường',
  'Phạm Thị Dung',
  'Hoàng Văn Em',
  'Vũ Thị Giang',
  'Đặng Văn Hải',
  'Bùi Thị Hoa',
  'Đỗ Văn Khánh',
  'Ngô Thị Lan',
  'Dương Văn Minh',
  'Lý Thị Nga',
];

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  const { db } = ctx;
  await seedTree(db, {
    orgs: [
      ...commune('GA'),
      { code: 'C', name: 'Chi bộ thôn Thượng Hội', kind: 'cell', category: 'village', parent: 'GA' },
      { code: 'SMALL', name: 'Chi bộ trường', kind: 'cell', category: 'school', parent: 'GA' },
    ],
    members: [
      ...NAMES.map((name, i) => ({
        code: `M${String(i + 1).padStart(2, '0')}`,
        name,
        org: 'C',
        status: i >= 10 ? ('probationary' as const) : ('official' as const),
        exemptFrom: i === 9 ? '2024-01-01' : null,
      })),
      ...membersOf(
        'SMALL',
        'S',
        [1, 2, 3].map((i) => `Phan Văn Số ${i}`),
      ),
    ],
    accounts: [
      ['admin', 'admin', 'P'],
      ['bithu', 'cell_secretary', 'C'],
    ],
  });
  admin = await login(ctx.app, 'admin');
  secretary = await login(ctx.app, 'bithu');
});
afterAll(() => ctx.close());

describe('planning', () => {
  it('plans regular, thematic and cell-committee meetings for every cell, once', async () => {
    const first = await admin.post('/api/meetings/plan', {
      orgCode: 'GA',
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(first.statusCode).toBe(200);
    const again = await admin.post('/api/meetings/plan', {
      orgCode: 'GA',
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(again.json().created).toBe(0);
    const list = (await admin.get('/api/meetings?org=GA&from=2026-01-01&to=2026-03-31')).json().items as {
      orgCode: string;
      kind: string;
      date: string;
      combined: boolean;
    }[];
    const of = (org: string, kind: string) => list.filter((m) => m.orgCode === org && m.kind === kind);
    expect(of('C', 'regular')).toHaveLength(3);
    expect(of('SMALL', 'regular')).toHaveLength(3);
    // The default rule set holds the quarter's thematic meeting as one session with January's regular one.
    expect(
      of('C', 'regular')
        .filter((m) => m.combined)
        .map((m) => m.date),
    ).toEqual(['2026-01-03']);
    expect(of('C', 'thematic')).toHaveLength(0);
    // Neither cell elected a chi ủy: their bí thư and phó bí thư meet before each meeting (HD 12-HD/BTCTW),
    // whatever their size (preparation.test.ts covers a cell with a chi ủy).
    expect(of('C', 'cell_committee').length).toBeGreaterThanOrEqual(3);
    expect(of('SMALL', 'cell_committee').length).toBeGreaterThanOrEqual(3);
    for (const m of of('C', 'regular')) expect(Number(m.date.slice(8))).toBeGreaterThanOrEqual(3);
  });

  it('refuses planning outside the secretary’s cell', async () => {
    expect(
      (await secretary.post('/api/meetings/plan', { orgCode: 'GA', from: '2026-04-01', to: '2026-04-30' }))
        .statusCode,
    ).toBe(404);
  });
});

describe('a cell-committee meeting', () => {
  it('calls the roll of the cell committee only', async () => {
    const cell = await buildOrg(ctx.db, { code: 'CC', kind: 'cell', parent: 'GA' });
    await buildMember(ctx.db, {
      code: 'CC1',
      name: 'Nguyễn Văn Bí Thư',
      org: cell.code,
      position: 'secretary',
    });
    await buildMember(ctx.db, {
      code: 'CC2',
      name: 'Trần Văn Phó',
      org: cell.code,
      position: 'deputy_secretary',
    });
    await buildMember(ctx.db, {
      code: 'CC3',
      name: 'Lê Văn Ủy Viên',
      org: cell.code,
      position: 'committee_member',
    });
    await buildMember(ctx.db, { code: 'CC4', name: 'Phạm Văn Thường', org: cell.code });
    const created = await admin.post('/api/meetings', {
      orgCode: 'CC',
      kind: 'cell_committee',
      date: '2026-05-02',
      startTime: '19:30',
    });
    const roll = created
      .json()
      .record.rollCall.map((l: { memberCode: string }) => l.memberCode)
      .sort();
    expect(roll).toEqual(['CC1', 'CC2', 'CC3']);
    const regular = await admin.post('/api/meetings', {
      orgCode: 'CC',
      kind: 'regular',
      date: '2026-05-04',
      startTime: '19:30',
    });
    expect(regular.json().record.rollCall).toHaveLength(4);
  });
});

describe('running and adopting a meeting', () => {
  it('records the meeting as the secretary runs it', async () => {
    const created = await secretary.post('/api/meetings', {
      orgCode: 'C',
      kind: 'regular',
      date: '2026-05-04',
      startTime: '19:30',
      place: 'Nhà văn hóa thôn Thượng Hội',
    });
    expect(created.statusCode).toBe(201);
    meetingId = created.json().id;
    const base = `/api/meetings/${meetingId}`;
    expect(
      (await secretary.patch(base, { chairMemberCode: 'M01', minuteTakerMemberCode: 'M02' })).statusCode,
    ).toBe(200);
    expect((await secretary.post(`${base}/start`, { at: '2026-05-04T19:30:00+07:00' })).statusCode).toBe(400);
    now = new Date('2026-05-04T19:35:00+07:00');
    expect((await secretary.post(`${base}/start`, { at: '2026-05-04T19:30:00+07:00' })).statusCode).toBe(200);
    const excused = await secretary.request({
      method: 'PUT',
      url: `${base}/attendance/M03`,
      payload: { status: 'absent_excused', reason: 'Đi công tác' },
    });
    expect(excused.statusCode).toBe(200);
    const noReason = await secretary.request({
      method: 'PUT',
      url: `${base}/attendance/M04`,
      payload: { status: 'absent_excused' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].field).toBe('reason');
    expect(noReason.json().error.fields[0].message).toBe('Lý do: cần nêu lý do vắng mặt');
    await secretary.post(`${base}/guests`, { name: 'Đồng chí Trần Văn Thắng', role: 'Đảng ủy viên xã' });
    for (const [code, index] of [
      ['M01', 1],
      ['M05', 2],
      ['M06', 4],
      ['M11', 4],
      ['M07', 4],
      ['M08', 5],
    ] as const) {
      const opinion = await secretary.post(`${base}/opinions`, {
        memberCode: code,
        agendaIndex: index,
        summary: `Ý kiến của ${code}`,
      });
      expect(opinion.statusCode).toBe(201);
    }
    await secretary.post(`${base}/tasks`, {
      memberCode: 'M05',
      text: 'Vận động hội viên nộp quỹ',
      deadline: '2026-05-30',
    });
    // Not in the future: the end is recorded once it has come.
    expect((await secretary.post(`${base}/end`, { at: '2026-05-04T21:10:00+07:00' })).statusCode).toBe(400);
    now = new Date('2026-05-04T21:12:00+07:00');
    expect((await secretary.post(`${base}/end`, { at: '2026-05-04T21:10:00+07:00' })).statusCode).toBe(200);
  });

  it('counts only eligible official members in a vote; recognition needs two thirds', async () => {
    const base = `/api/meetings/${meetingId}`;
    // 12 members: 10 official (1 exempt, 1 absent with reason) → 8 eligible.
    const tooMany = await secretary.post(`${base}/votes`, {
      subject: 'resolution',
      text: 'X',
      for: 9,
      against: 0,
      abstain: 0,
    });
    expect(tooMany.statusCode).toBe(400);
    const recognition = await secretary.post(`${base}/votes`, {
      subject: 'recognition',
      text: 'Công nhận đảng viên chính thức',
      memberCode: 'M11',
      for: 5,
      against: 3,
      abstain: 0,
    });
    expect(recognition.json().outcome).toMatchObject({ eligible: 8, passed: false, rule: 'two_thirds' });
    const resolution = await secretary.post(`${base}/votes`, {
      subject: 'resolution',
      text: 'Nghị quyết lãnh đạo thực hiện nhiệm vụ tháng 5 năm 2026',
      for: 8,
      against: 0,
      abstain: 0,
    });
    expect(resolution.json().outcome).toMatchObject({ eligible: 8, passed: true, rule: 'majority' });
  });

  it('scores from the recorded facts plus the cell’s manual points', async () => {
    const base = `/api/meetings/${meetingId}`;
    const bad = await secretary.request({
      method: 'PUT',
      url: `${base}/manual-scores`,
      payload: { chairing: 99 },
    });
    expect(bad.statusCode).toBe(400);
    const score = await secretary.request({
      method: 'PUT',
      url: `${base}/manual-scores`,
      payload: { chairing: 10 },
    });
    expect(score.statusCode).toBe(200);
    const body = score.json();
    expect(body.total).toBe(body.criteria.reduce((sum: number, c: { points: number }) => sum + c.points, 0));
    const duration = body.criteria.find((c: { criterionId: string }) => c.criterionId === 'duration');
    expect(duration.points).toBe(5);
  });

  it('refuses to adopt while manual criteria are unscored, naming them', async () => {
    const base = `/api/meetings/${meetingId}`;
    const refused = await secretary.post(`${base}/adopt`, { for: 8, against: 0, abstain: 0 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0].field).toBe('manualScores');
    expect(refused.json().error.fields[0].message).toContain('Chuẩn bị dự thảo nghị quyết');
    expect(refused.json().error.fields[0].message).not.toContain('Điều hành của chủ trì');
    expect((await secretary.get(base)).json().status).toBe('held');
  });

  it('adopts the minutes: numbered, hashed, locked', async () => {
    const base = `/api/meetings/${meetingId}`;
    await secretary.post(`${base}/conclusion`, { text: 'Chi bộ thống nhất các nhiệm vụ tháng 5.' });
    const manual = {
      draft_resolution: 3,
      secretary_prepared: 2,
      order_followed: 10,
      content_quality: 8,
      minutes_complete: 5,
      principles: 5,
      closing: 5,
    };
    expect(
      (await secretary.request({ method: 'PUT', url: `${base}/manual-scores`, payload: manual })).statusCode,
    ).toBe(200);
    const adopted = await secretary.post(`${base}/adopt`, { for: 8, against: 0, abstain: 0 });
    expect(adopted.statusCode).toBe(200);
    expect(adopted.json()).toMatchObject({ minutes: 'Số 01-BB/CB', resolution: 'Số 01-NQ/CB' });
    const page = (await secretary.get(base)).json();
    expect(page.status).toBe('adopted');
    expect(page.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(page.abilities).toMatchObject({ run: false, addendum: true });
  });

  // Every write route refusing adopted minutes, and the race with adoption: adopted-lock.test.ts.

  it('renders the adopted documents to the same bytes every time; corrections are dated addenda', async () => {
    const base = `/api/meetings/${meetingId}`;
    for (const name of ['minutes.docx', 'resolution.docx', 'minutes.pdf']) {
      const a = await secretary.get(`${base}/documents/${name}`);
      const b = await secretary.get(`${base}/documents/${name}`);
      expect(a.statusCode).toBe(200);
      expect(Buffer.compare(a.rawPayload, b.rawPayload), name).toBe(0);
    }
    // The resolution: its grounds, "QUYẾT NGHỊ:", sent to the commune's committee by its body's name.
    const resolution = await secretary.get(`${base}/documents/resolution.docx`);
    const text = squash(await docxText(resolution.rawPayload));
    for (const phrase of [
      '- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;',
      'CHI BỘ THÔN THƯỢNG HỘI QUYẾT NGHỊ:',
      '1. Chi bộ thống nhất các nhiệm vụ tháng 5.',
      '- Đảng ủy xã Tân Hội (để báo cáo),',
      'T/M CHI BỘ',
    ]) {
      expect(text).toContain(phrase);
    }
    const [hash] = await rows<{ sha256: string }>(
      ctx.db,
      sql`SELECT sha256 FROM issued_documents WHERE meeting_id = ${meetingId} AND doc_type = 'BB'`,
    );
    const docx = await secretary.get(`${base}/documents/minutes.docx`);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(docx.rawPayload).digest('hex')).toBe(hash?.sha256);
    const addendum = await secretary.post(`${base}/addenda`, {
      date: '2026-05-10',
      text: 'Đính chính tên khách mời.',
    });
    expect(addendum.statusCode).toBe(201);
    const again = await secretary.get(`${base}/documents/minutes.docx`);
    expect(Buffer.compare(again.rawPayload, docx.rawPayload)).toBe(0);
    // What was issued is served, not a new rendering: a model (or a layout) that would now print
    // otherwise changes neither the DOCX nor the PDF of adopted minutes.
    const pdf = await secretary.get(`${base}/documents/minutes.pdf`);
    await ctx.db.execute(
      sql`UPDATE issued_documents SET model = jsonb_set(model, '{title}', '"KHÁC"') WHERE meeting_id = ${meetingId}`,
    );
    const later = await secretary.get(`${base}/documents/minutes.docx`);
    expect(Buffer.compare(later.rawPayload, docx.rawPayload)).toBe(0);
    const laterPdf = await secretary.get(`${base}/documents/minutes.pdf`);
    expect(Buffer.compare(laterPdf.rawPayload, pdf.rawPayload)).toBe(0);
  });

  it('keeps an adopted meeting’s score when a newer rule set is added', async () => {
    const before = (await secretary.get(`/api/meetings/${meetingId}/score`)).json();
    const rules = (await admin.get('/api/rule-sets?org=GA')).json();
    const current = rules.items.find((r: { id: number }) => r.id === rules.effectiveId);
    const stricter = structuredClone(current.content);
    stricter.levels.good = 99;
    const created = await admin.post('/api/rule-sets', {
      orgCode: 'GA',
      name: 'Quy định mới',
      effectiveFrom: '2026-05-01',
      content: stricter,
    });
    expect(created.statusCode).toBe(201);
    expect((await secretary.get(`/api/meetings/${meetingId}/score`)).json()).toEqual(before);
  });
});
