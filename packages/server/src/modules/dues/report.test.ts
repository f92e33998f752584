import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { docxText, squash } from '../documents/testing.ts';
import { buildDuesFixture } from './test-fixture.ts';
import { LEDGER_SHEET, REMIT_SHEET, UNITS_SHEET } from './workbook.ts';

/**
 * The dues report and the sổ thu nộp đảng phí (issue 16 point 5): the remittance's figures as the DOCX prints
 * them in the Party layout, the workbook read back, the same bytes for the same data, and the routes' access.
 * DV01 owes 65,000 and DV03 36,000 a month from February, C21 (cell C2) 20,000; in March DV01 and C21 paid.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let sec: Client;
let sec2: Client;
let ga: Client;
let member: Client;
const now = new Date('2026-04-10T03:00:00Z');

const get = (client: Client, url: string) => client.get(url);

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  await buildDuesFixture(ctx.db);
  [sec, sec2, ga, member] = await Promise.all(['sec', 'sec2', 'ga', 'member'].map((u) => login(ctx.app, u)));
  const bases: [Client, string, string, number][] = [
    [sec, 'DV01', 'bhxh_salary', 6_500_000],
    [sec, 'DV03', 'pension', 7_200_000],
    [sec2, 'C21', 'pension', 4_000_000],
  ];
  for (const [client, memberCode, category, amountVnd] of bases) {
    const res = await client.post('/api/dues/basis', {
      memberCode,
      fromMonth: '2026-02',
      category,
      amountVnd,
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  const paid = [
    [sec, 'DV01', 65_000],
    [sec2, 'C21', 20_000],
  ] as const;
  for (const [client, memberCode, paidVnd] of paid) {
    const res = await client.post('/api/dues/payments', {
      entries: [{ memberCode, month: '2026-03', paidVnd }],
    });
    expect(res.statusCode, res.body).toBe(200);
  }
});
afterAll(() => ctx.close());

describe('GET /api/dues/report.docx', () => {
  it('prints the commune’s year in the Party layout, dated by the clock', async () => {
    const res = await get(ga, '/api/dues/report.docx?org=GA&year=2026');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain('so-thu-nop-dang-phi-GA-2026.docx');
    const text = await docxText(res.rawPayload);
    const flat = squash(text);
    expect(flat).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(flat).toContain('TÂN HỘI');
    expect(flat).toMatch(/Số\s+-BC\/ĐU/u);
    expect(flat).toContain('ngày 10 tháng 4 năm 2026');
    expect(flat).toContain('BÁO CÁO');
    expect(flat).toContain('Tình hình thu, nộp đảng phí năm 2026');
    // Jan–Apr so far: DV01 3 × 65,000, DV03 3 × 36,000, C21 3 × 20,000; paid 65,000 + 20,000.
    expect(flat).toContain('Số đảng phí phải thu: 363.000 đồng; số đã thu: 85.000 đồng, đạt 23,4%.');
    expect(flat).toContain('Số đảng viên chưa nộp đủ đảng phí: 3 đồng chí.');
    // Cells keep 30 % (19,500 + 6,000), the commune 90 % of the rest (40,950 + 12,600), 5,950 goes up.
    expect(flat).toContain('Số trích giữ lại ở các cấp: 79.050 đồng');
    expect(flat).toContain('giữ lại 53.550 đồng); số nộp cấp trên: 5.950 đồng.');
    expect(flat).toContain('SỐ LIỆU THEO ĐƠN VỊ TRỰC THUỘC');
    expect(flat).toContain('Chi bộ thôn Thượng Hội');
    expect(flat).toContain('tháng 3/2026');
    expect(flat).toContain('T/M');
  });

  it('gives the same bytes for the same data', async () => {
    for (const url of ['/api/dues/report.docx?org=C&year=2026', '/api/dues/report.xlsx?org=C&year=2026']) {
      const [a, b] = [await get(sec, url), await get(sec, url)];
      expect(a.statusCode).toBe(200);
      expect(Buffer.compare(a.rawPayload, b.rawPayload), url).toBe(0);
    }
  });
});

describe('GET /api/dues/report.xlsx', () => {
  it('the cell’s sổ thu: members × months paid with totals, and the remittance per month', async () => {
    const res = await get(sec, '/api/dues/report.xlsx?org=C&year=2026');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([LEDGER_SHEET, REMIT_SHEET]);
    const ledger = workbook.getWorksheet(LEDGER_SHEET);
    expect(ledger?.rowCount).toBe(12);
    expect(ledger?.getRow(1).getCell(6).value).toBe('Tháng 3');
    const rowOf = (code: string) => {
      const codes = ledger?.getColumn(1).values ?? [];
      return ledger?.getRow(codes.indexOf(code));
    };
    const dv01 = rowOf('DV01');
    expect(dv01?.getCell(2).value).toBe('Nguyễn Văn An');
    expect(dv01?.getCell(3).value).toBe('Chi bộ thôn Thượng Hội');
    expect([4, 5, 6, 7].map((c) => dv01?.getCell(c).value)).toEqual([0, 0, 65_000, 0]);
    // May onwards are not counted yet: empty cells.
    expect(dv01?.getCell(8).value).toBeNull();
    expect([16, 17].map((c) => dv01?.getCell(c).value)).toEqual([65_000, 195_000]);
    const total = rowOf('Cộng');
    expect([6, 16, 17].map((c) => total?.getCell(c).value)).toEqual([65_000, 65_000, 303_000]);

    const remit = workbook.getWorksheet(REMIT_SHEET);
    expect(remit?.getRow(1).getCell(6).value).toBe('Cấp này giữ lại (đồng)');
    expect(remit?.getRow(4).values).toEqual([
      undefined,
      '2026-03',
      101_000,
      65_000,
      64.4,
      19_500,
      19_500,
      45_500,
    ]);
    expect(remit?.getRow(6).values).toEqual([
      undefined,
      'Cộng',
      303_000,
      65_000,
      21.5,
      19_500,
      19_500,
      45_500,
    ]);
  });

  it('a committee’s workbook adds its units', async () => {
    const res = await get(ga, '/api/dues/report.xlsx?org=GA&year=2026&month=2026-03');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('so-thu-nop-dang-phi-GA-2026-03.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([LEDGER_SHEET, REMIT_SHEET, UNITS_SHEET]);
    const units = workbook.getWorksheet(UNITS_SHEET);
    const byCode = new Map(
      [2, 3].map((n) => [units?.getRow(n).getCell(1).value, units?.getRow(n).values] as const),
    );
    expect(byCode.get('C2')).toEqual([
      undefined,
      'C2',
      'Chi bộ thôn Thúy Hội',
      20_000,
      20_000,
      100,
      6_000,
      6_000,
      14_000,
      0,
    ]);
    expect(byCode.get('C')).toEqual([
      undefined,
      'C',
      'Chi bộ thôn Thượng Hội',
      101_000,
      65_000,
      64.4,
      19_500,
      19_500,
      45_500,
      1,
    ]);
  });
});

describe('the report routes’ access', () => {
  it('readers of the subtree only; bad input names the field', async () => {
    for (const kind of ['remittance', 'report.docx', 'report.xlsx']) {
      const url = (org: string) => `/api/dues/${kind}?org=${org}&year=2026`;
      expect((await get(sec, url('C'))).statusCode, kind).toBe(200);
      expect((await get(ga, url('C'))).statusCode, kind).toBe(200);
      expect((await get(sec2, url('C'))).statusCode, kind).toBe(404);
      expect((await get(sec, url('GA'))).statusCode, kind).toBe(404);
      expect((await get(member, url('C'))).statusCode, kind).toBe(403);
      expect((await ctx.app.inject({ method: 'GET', url: url('C') })).statusCode, kind).toBe(401);
      const bad = await get(sec, `/api/dues/${kind}?org=C&year=20x6`);
      expect(bad.statusCode, kind).toBe(400);
      expect(bad.json().error.fields[0].field).toBe('year');
    }
  });
});
