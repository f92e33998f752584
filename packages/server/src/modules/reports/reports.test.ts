import { createHash } from 'node:crypto';
import type { CommitteeReportDto, ReportStatusDto } from '@nennep/core';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { meetings, orgs } from '../../db/schema/index.ts';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { docxText, squash } from '../documents/testing.ts';
import { buildReportFixture } from './test-fixture.ts';

let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let now = new Date('2026-10-05T03:00:00Z');
let tinh: Client;
let xa: Client;
let cells: Awaited<ReturnType<typeof buildReportFixture>>['cells'];

const WORDS = {
  assessment: null,
  shortcomings: null,
  directions: null,
  proposals: null,
  signerName: null,
  signerTitle: null,
};
const draftOf = async (client: Client, committee: string, period = '2026-Q3') => {
  const response = await client.get(`/api/reports?committee=${committee}&period=${period}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as CommitteeReportDto;
};
const docxOf = async (client: Client, committee: string, period = '2026-Q3') => {
  const response = await client.get(
    `/api/reports/document?committee=${committee}&period=${period}&format=docx`,
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.rawPayload;
};

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  ({ cells } = await buildReportFixture(ctx.db));
  tinh = await login(ctx.app, 'tinh');
  xa = await login(ctx.app, 'xa');
});
afterAll(() => ctx.close());

describe('the draft of a commune', () => {
  it('holds the figures of its cells, read from the facts of the quarter', async () => {
    const dto = await draftOf(xa, 'GA');
    expect(dto).toMatchObject({
      committee: { code: 'GA', name: 'Đảng bộ xã Tân Hội', issuerName: 'Đảng ủy xã Tân Hội' },
      period: { key: '2026-Q3', kind: 'quarter', from: '2026-07-01', to: '2026-09-30' },
      status: 'none',
      issued: null,
      abilities: { edit: true, issue: true },
    });
    const f = dto.figures;
    expect(f).toMatchObject({
      asOf: '2026-10-05',
      cells: 3,
      regular: { expected: 9, onTime: 7, late: 1, notHeld: 1, pending: 0, fullCells: 2 },
      levels: { good: 2, fair: 1, average: 1, poor: 0 },
      attendancePercent: 80,
      speakingPercent: 50,
      thematic: { meetings: 2, cells: 2 },
      recommendations: { raised: 3, answered: 1, open: 2, overdue: 1 },
      unitKind: 'cells',
    });
    expect(f.months).toEqual([
      { month: '2026-07', onTime: 2, late: 1, notHeld: 0, pending: 0 },
      { month: '2026-08', onTime: 2, late: 0, notHeld: 1, pending: 0 },
      { month: '2026-09', onTime: 3, late: 0, notHeld: 0, pending: 0 },
    ]);
    expect(f.supervision?.periods).toEqual([
      { key: '2026-Q3', label: 'Quý III/2026', targetCells: 2, visited: 1, toVisit: 1, overdue: 1 },
    ]);
    // Units in Vietnamese name order: Phan Long, Thượng Hội, then the school.
    expect(f.units.map((u) => u.code)).toEqual(['A2', 'A1', 'A3']);
    expect(f.units[0]).toMatchObject({ cells: 1, expected: 3, held: 2, onTime: 1, notHeld: 1 });
    expect(f.units[1]).toMatchObject({
      held: 3,
      onTime: 3,
      levels: { good: 1, fair: 1 },
      attendancePercent: 80,
    });
    expect(dto.words.assessment.split('\n')[0]).toBe(
      'Trong quý, 2/3 chi bộ (66,7%) sinh hoạt thường kỳ đầy đủ 3 tháng; 7/9 lượt (77,8%) chi bộ sinh hoạt ' +
        'đúng thời gian quy định.',
    );
    expect(dto.words).toEqual(dto.defaults);
    expect(dto.edited).toEqual([]);
  });

  it('sums the communes for the province above, one row per commune', async () => {
    const f = (await draftOf(tinh, 'P')).figures;
    expect(f).toMatchObject({
      cells: 4,
      unitKind: 'committees',
      regular: { expected: 12, onTime: 8, late: 1, notHeld: 3, fullCells: 2 },
    });
    expect(f.units.map((u) => [u.code, u.cells, u.held, u.expected])).toEqual([
      ['GB', 1, 1, 3],
      ['GA', 3, 8, 9],
    ]);
  });

  it('counts only the months begun in a half year, and refuses months, years and periods to come', async () => {
    const h2 = (await draftOf(xa, 'GA', '2026-H2')).figures;
    expect(h2.months.map((m) => m.month)).toEqual([
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    // October's window (3–5) closes only tonight: October, November and December are still to come.
    expect(h2.regular).toMatchObject({ expected: 18, onTime: 7, notHeld: 1, pending: 9 });
    for (const [period, field] of [
      ['2026-M07', 'period'],
      ['2026', 'period'],
      ['2027-Q1', 'period'],
      ['Q3-2026', 'period'],
    ]) {
      const response = await xa.get(`/api/reports?committee=GA&period=${period}`);
      expect(response.statusCode, period).toBe(400);
      expect(response.json().error.fields[0].field, period).toContain(field);
    }
  });
});

describe('who may read and write a report', () => {
  it('answers 404 outside every grant, 403 inside without the role, 400 for a cell, 401 without session', async () => {
    expect((await xa.get('/api/reports?committee=P&period=2026-Q3')).statusCode).toBe(404);
    expect((await xa.get('/api/reports?committee=GB&period=2026-Q3')).statusCode).toBe(404);
    expect((await xa.get('/api/reports/status?org=P&period=2026-Q3')).statusCode).toBe(404);
    const sec = await login(ctx.app, 'sec');
    expect((await sec.get('/api/reports?committee=GA&period=2026-Q3')).statusCode).toBe(404);
    const mem = await login(ctx.app, 'mem');
    expect((await mem.get('/api/reports?committee=GA&period=2026-Q3')).statusCode).toBe(403);
    expect(
      (await mem.put('/api/reports', { committeeCode: 'GA', periodKey: '2026-Q3', words: WORDS })).statusCode,
    ).toBe(403);
    const cell = await tinh.get('/api/reports?committee=A1&period=2026-Q3');
    expect(cell.statusCode).toBe(400);
    expect(cell.json().error.fields[0].field).toBe('committee');
    const anonymous = await ctx.app.inject({
      method: 'GET',
      url: '/api/reports?committee=GA&period=2026-Q3',
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('editing the words of the draft', () => {
  it('refuses text over the limits, naming the field', async () => {
    const response = await xa.put('/api/reports', {
      committeeCode: 'GA',
      periodKey: '2026-Q3',
      words: { ...WORDS, assessment: 'x'.repeat(8001) },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toContain('words.assessment');
  });

  it('stores what was written; a field sent back as drafted keeps following the figures', async () => {
    const draft = await draftOf(xa, 'GA');
    const response = await xa.put('/api/reports', {
      committeeCode: 'GA',
      periodKey: '2026-Q3',
      words: {
        ...WORDS,
        assessment: 'Các chi bộ duy trì nền nếp sinh hoạt.\nChất lượng sinh hoạt được nâng lên.',
        shortcomings: draft.defaults.shortcomings,
        signerName: 'Nguyễn Văn Hùng',
        signerTitle: 'PHÓ BÍ THƯ THƯỜNG TRỰC',
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const saved = response.json() as CommitteeReportDto;
    expect(saved.status).toBe('draft');
    expect(saved.edited).toEqual(['assessment', 'signerName', 'signerTitle']);
    expect(saved.words.signerName).toBe('Nguyễn Văn Hùng');
    expect(saved.words.shortcomings).toBe(draft.defaults.shortcomings);
    expect(saved.updatedBy).toBe('xa');
  });

  it('downloads a draft with a blank number and the words of the organisation naming', async () => {
    const text = squash(await docxText(await docxOf(xa, 'GA')));
    for (const phrase of [
      'ĐẢNG BỘ TỈNH HỒNG CHÂU',
      'ĐẢNG ỦY XÃ TÂN HỘI',
      'Số -BC/ĐU',
      'Tân Hội, ngày 05 tháng 10 năm 2026',
      'Tình hình sinh hoạt chi bộ quý III năm 2026',
      'Chất lượng sinh hoạt được nâng lên.',
      '- Tỉnh ủy Hồng Châu (để báo cáo),',
      '- Các chi bộ trực thuộc,',
      'T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ THƯỜNG TRỰC',
      'Nguyễn Văn Hùng',
    ]) {
      expect(text).toContain(phrase);
    }
    const xlsx = await xa.get('/api/reports/document?committee=GA&period=2026-Q3&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('issuing', () => {
  it('refuses a report without a signer, and spends no number on it', async () => {
    const response = await tinh.post('/api/reports/issue', { committeeCode: 'GB', periodKey: '2026-Q3' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('words.signerName');
    expect((await draftOf(tinh, 'GB')).status).toBe('none');
  });

  it('numbers, freezes and hashes the report once; later facts and later days change nothing', async () => {
    const issued = await xa.post('/api/reports/issue', { committeeCode: 'GA', periodKey: '2026-Q3' });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json().number).toBe('Số 01-BC/ĐU');
    const again = await xa.post('/api/reports/issue', { committeeCode: 'GA', periodKey: '2026-Q3' });
    expect(again.statusCode).toBe(409);
    const edit = await xa.put('/api/reports', { committeeCode: 'GA', periodKey: '2026-Q3', words: WORDS });
    expect(edit.statusCode).toBe(409);

    const first = await docxOf(xa, 'GA');
    expect(createHash('sha256').update(first).digest('hex')).toBe(issued.json().sha256);
    expect(squash(await docxText(first))).toContain('Số 01-BC/ĐU');
    // A late thematic meeting and a later day: the issued report stays as it was.
    const a2 = cells.A2;
    if (!a2) throw new Error('A2');
    await ctx.db.insert(meetings).values({
      orgId: a2.id,
      orgPath: a2.path,
      kind: 'thematic',
      status: 'held',
      scheduledDate: '2026-09-25',
      startTime: '19:30',
    });
    now = new Date('2026-10-20T03:00:00Z');
    expect((await docxOf(xa, 'GA')).equals(first)).toBe(true);
    const dto = await draftOf(xa, 'GA');
    expect(dto).toMatchObject({
      status: 'issued',
      issued: { number: 'Số 01-BC/ĐU', issuedBy: 'xa', sha256: issued.json().sha256 },
      figures: { asOf: '2026-10-05', thematic: { meetings: 2, cells: 2 } },
      abilities: { edit: false, issue: false },
    });
    // The province's draft is live: it sees the new meeting.
    expect((await draftOf(tinh, 'P')).figures.thematic).toEqual({ meetings: 3, cells: 3 });
  });

  it('shares the committee’s BC counter with the supervision report', async () => {
    const response = await xa.post('/api/supervision/report/issue', {
      committeeCode: 'GA',
      periodKey: '2026-Q3',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().number).toBe('Số 02-BC/ĐU');
  });

  it('prints the naming the commune set for itself', async () => {
    await ctx.db
      .update(orgs)
      .set({ naming: { symbol: 'ĐUX', onBehalf: 'T/M ĐẢNG ỦY', placeName: 'Liên Hà Đông' } })
      .where(eq(orgs.code, 'GB'));
    const xab = await login(ctx.app, 'xab');
    const words = { ...WORDS, signerName: 'Lê Thị Mai', signerTitle: 'BÍ THƯ' };
    expect(
      (await xab.put('/api/reports', { committeeCode: 'GB', periodKey: '2026-Q3', words })).statusCode,
    ).toBe(200);
    const issued = await xab.post('/api/reports/issue', { committeeCode: 'GB', periodKey: '2026-Q3' });
    expect(issued.json().number).toBe('Số 01-BC/ĐUX');
    const text = squash(await docxText(await docxOf(xab, 'GB')));
    for (const phrase of ['Số 01-BC/ĐUX', 'Liên Hà Đông, ngày 20 tháng 10 năm 2026', 'T/M ĐẢNG ỦY BÍ THƯ']) {
      expect(text).toContain(phrase);
    }
  });
});

describe('the committee above', () => {
  it('sees which communes have issued their report for the period', async () => {
    const response = await tinh.get('/api/reports/status?org=P&period=2026-Q3');
    expect(response.statusCode).toBe(200);
    const dto = response.json() as ReportStatusDto;
    expect(dto.own).toMatchObject({ code: 'P', status: 'none', number: null });
    expect(dto.children.map((c) => [c.code, c.status, c.number, c.issuedBy])).toEqual([
      ['GB', 'issued', 'Số 01-BC/ĐUX', 'xab'],
      ['GA', 'issued', 'Số 01-BC/ĐU', 'xa'],
    ]);
    const q4 = (await tinh.get('/api/reports/status?org=P&period=2026-Q4')).json() as ReportStatusDto;
    expect(q4.children.map((c) => c.status)).toEqual(['none', 'none']);
  });

  it('leaves an audit event for every write', async () => {
    const actions = await rows<{ action: string; n: number }>(
      ctx.db,
      sql`SELECT action, count(*)::int AS n FROM audit_events WHERE action LIKE 'report.%' GROUP BY action ORDER BY action`,
    );
    expect(actions).toEqual([
      { action: 'report.issued', n: 2 },
      { action: 'report.words_saved', n: 2 },
    ]);
  });
});
