import type { RatingSummaryDto } from '@nennep/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, login, uploadFile } from '../../test/factories.ts';
import { docxText, squash } from '../documents/testing.ts';
import { buildRatingsFixture, GRASSROOTS_CODES } from './test-fixture.ts';

/**
 * The report of the year's review (issue 15 point 5): the acceptance's figures as the summary answers them and
 * as the DOCX prints them; the XLSX per level of the tree; the summary's access on the report route.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let h: Client;
let admin: Client;
let sec: Client;
let sec2: Client;
let member: Client;
const now = new Date('2026-12-20T03:00:00Z');

const file = Buffer.from(
  [
    'Năm,Kỳ,Đối tượng,Mã,Điểm,Mức xếp loại,Ghi chú',
    ...GRASSROOTS_CODES.map((code, i) =>
      i < 9
        ? `2026,,org,${code},92,excellent,`
        : i < 47
          ? `2026,,org,${code},80,good,`
          : `2026,,org,${code},60,completed,`,
    ),
    '2026,,member,M1,85,good,',
    '2026,,member,M2,80,good,',
    '2026,,member,M3,60,completed,',
  ].join('\n'),
  'utf8',
);

const report = (client: Client, query: string) => client.get(`/api/ratings/report?${query}`);

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  await buildRatingsFixture(ctx.db);
  [h, admin, sec, sec2, member] = await Promise.all(
    ['h', 'admin', 'sec', 'sec2', 'member'].map((u) => login(ctx.app, u)),
  );
  const done = await uploadFile(h, '/api/ratings/import/commit', 'xep-loai.csv', file);
  expect(done.json(), done.body).toMatchObject({ valid: true, written: 52 });
});
afterAll(() => ctx.close());

describe('GET /api/ratings/report', () => {
  it('prints the summary’s 18,4 % / 77,6 % / 4,1 % / 0 % in the Party layout', async () => {
    const summary = (await h.get('/api/ratings/summary?org=H&year=2026')).json() as RatingSummaryDto;
    expect(summary.organisations.percent).toEqual({ excellent: 18.4, good: 77.6, completed: 4.1, failed: 0 });
    const res = await report(h, 'org=H&year=2026&format=docx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain('bao-cao-xep-loai-H-2026.docx');
    const text = await docxText(res.rawPayload);
    const flat = squash(text);
    expect(flat).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(flat).toContain('TỦA CHÙA');
    expect(flat).toMatch(/Số\s+-BC\//u);
    expect(flat).toContain('ngày 20 tháng 12 năm 2026');
    expect(flat).toContain('BÁO CÁO');
    expect(flat).toContain('Kết quả đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm 2026');
    expect(flat).toContain(
      'Tổng số 49 tổ chức cơ sở đảng và chi bộ được xếp loại: 9 hoàn thành xuất sắc nhiệm vụ (18,4%); ' +
        '38 hoàn thành tốt nhiệm vụ (77,6%); 2 hoàn thành nhiệm vụ (4,1%); 0 không hoàn thành nhiệm vụ (0%).',
    );
    // The level table: one line per cell, as docxText prints paragraphs.
    const lines = text.split('\n');
    const after = (label: string) => lines.slice(lines.indexOf(label) + 1, lines.indexOf(label) + 3);
    expect(after('Hoàn thành xuất sắc nhiệm vụ')).toEqual(['9', '18,4']);
    expect(after('Hoàn thành tốt nhiệm vụ')).toEqual(['38', '77,6']);
    expect(after('Hoàn thành nhiệm vụ')).toEqual(['2', '4,1']);
    expect(after('Không hoàn thành nhiệm vụ')).toEqual(['0', '0']);
    expect(flat).toContain(
      'Tổng số 3 đảng viên được xếp loại: 0 hoàn thành xuất sắc nhiệm vụ (0%); 2 hoàn thành tốt',
    );
    expect(flat).toContain('Chi bộ cơ quan số 49');
  });

  it('gives a workbook with the totals and one sheet per level of the tree', async () => {
    const res = await report(admin, 'org=P&year=2026&format=xlsx');
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Cấp 1', 'Cấp 2']);
    const total = workbook.getWorksheet('Tổng hợp');
    expect(total?.getRow(2).values).toEqual([undefined, 'Hoàn thành xuất sắc nhiệm vụ', 9, 18.4, 0, 0]);
    expect(total?.getRow(3).values).toEqual([undefined, 'Hoàn thành tốt nhiệm vụ', 38, 77.6, 2, 66.7]);
    const first = workbook.getWorksheet('Cấp 1');
    expect(first?.rowCount).toBe(2);
    expect(first?.getRow(2).getCell(1).value).toBe('H');
    expect(first?.getRow(2).getCell(3).value).toBe(49);
    expect(first?.getRow(2).getCell(5).value).toBe(18.4);
    const second = workbook.getWorksheet('Cấp 2');
    expect(second?.rowCount).toBe(50);
    const codes = (second?.getColumn(1).values ?? []).slice(2);
    expect(new Set(codes)).toEqual(new Set(GRASSROOTS_CODES));
    const gc49 = second?.getRow(codes.indexOf('GC49') + 2);
    // GC49 itself (completed) and its 3 members rated: M4 exempt and M5 newly admitted left out.
    expect(gc49?.getCell(3).value).toBe(1);
    expect(gc49?.getCell(12).value).toBe(3);
  });

  it('answers a quarter without decisions with zeros', async () => {
    const res = await report(h, 'org=H&year=2026&period=Q1&format=docx');
    expect(res.statusCode).toBe(200);
    expect(squash(await docxText(res.rawPayload))).toContain('quý I năm 2026');
  });

  it('has the summary’s access: readers of the subtree only', async () => {
    expect((await report(sec, 'org=C&year=2026')).statusCode).toBe(200);
    expect((await report(sec2, 'org=C&year=2026')).statusCode).toBe(404);
    expect((await report(sec, 'org=H&year=2026&format=xlsx')).statusCode).toBe(404);
    expect((await report(member, 'org=C&year=2026')).statusCode).toBe(403);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/ratings/report?org=H&year=2026' })).statusCode,
    ).toBe(401);
    const bad = await report(h, 'org=H&year=2026&format=pdf');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('format');
  });
});
