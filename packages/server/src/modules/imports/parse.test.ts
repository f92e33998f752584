import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { matchHeader, parseCategory, parseKind, parsePosition, parseSex, parseStatus } from './columns.ts';
import { readDate } from './dates.ts';
import { guessMapping } from './mapping.ts';
import { FileError, parseSpreadsheet } from './parse.ts';

const csv = (text: string, bom = false) => Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf8');

async function xlsx(rows: unknown[][], setup?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Dữ liệu');
  for (const row of rows) sheet.addRow(row);
  setup?.(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('parseSpreadsheet: csv', () => {
  const text = 'code,name,kind\nA,Chi bộ A,cell\nB,"Chi bộ ""B"", thôn 2",cell\n';

  it('reads LF and CRLF, with and without a byte-order mark, identically', async () => {
    const plain = await parseSpreadsheet(csv(text), 'a.csv');
    expect(plain.header).toEqual(['code', 'name', 'kind']);
    expect(plain.rows).toEqual([
      { row: 2, cells: ['A', 'Chi bộ A', 'cell'] },
      { row: 3, cells: ['B', 'Chi bộ "B", thôn 2', 'cell'] },
    ]);
    expect(await parseSpreadsheet(csv(text.replace(/\n/g, '\r\n'), true), 'a.csv')).toEqual(plain);
    expect(await parseSpreadsheet(csv(text, true), 'a.csv')).toEqual(plain);
    expect(await parseSpreadsheet(csv(text.slice(0, -1)), 'a.csv')).toEqual(plain);
  });

  it('keeps commas, quotes and line breaks inside quoted fields, and counts rows as a spreadsheet does', async () => {
    const sheet = await parseSpreadsheet(
      csv('Mã,Ghi chú\r\nA,"dòng 1\r\ndòng 2, có ""ngoặc"""\r\n\r\nB,x\r\n'),
      'a.csv',
    );
    expect(sheet.rows).toEqual([
      { row: 2, cells: ['A', 'dòng 1\r\ndòng 2, có "ngoặc"'] },
      { row: 4, cells: ['B', 'x'] },
    ]);
  });

  it('accepts semicolon-separated files (Excel with a Vietnamese list separator)', async () => {
    const sheet = await parseSpreadsheet(csv('Mã;Tên\nA;"Chi bộ; A"\n'), 'a.csv');
    expect(sheet.rows[0]?.cells).toEqual(['A', 'Chi bộ; A']);
  });

  it('refuses text that is not UTF-8, and files without data', async () => {
    await expect(
      parseSpreadsheet(Buffer.from([0x4d, 0xe3, 0x2c, 0x0a, 0x41, 0xf0, 0x0a]), 'a.csv'),
    ).rejects.toThrow(FileError);
    await expect(parseSpreadsheet(csv('\n\n'), 'a.csv')).rejects.toThrow(FileError);
    await expect(parseSpreadsheet(Buffer.from('PK\u0003\u0004garbage'), 'a.xlsx')).rejects.toThrow(FileError);
  });
});

describe('parseSpreadsheet: xlsx', () => {
  it('reads strings, numbers and date cells (as ISO dates), placing cells by column', async () => {
    const buffer = await xlsx(
      [
        ['Mã đảng viên', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Ghi chú'],
        ['DV1', 'Nguyễn Văn Đức', new Date(Date.UTC(1975, 2, 15)), 12345678, 'a & b <c>'],
        [],
        ['DV2', 'Trần Thị Hà', '19/05/1980', null, 'x'],
      ],
      (sheet) => {
        sheet.getColumn(3).numFmt = 'dd/mm/yyyy';
        sheet.getCell('D4').value = null;
        sheet.getCell('F4').value = 'extra';
      },
    );
    const sheet = await parseSpreadsheet(buffer, 'members.xlsx');
    expect(sheet.header).toEqual(['Mã đảng viên', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Ghi chú']);
    expect(sheet.rows).toEqual([
      { row: 2, cells: ['DV1', 'Nguyễn Văn Đức', '1975-03-15', '12345678', 'a & b <c>'] },
      { row: 4, cells: ['DV2', 'Trần Thị Hà', '19/05/1980', '', 'x', 'extra'] },
    ]);
  });

  it('reads dates under built-in formats and rich text', async () => {
    const buffer = await xlsx(
      [
        ['a', 'b'],
        [new Date(Date.UTC(2001, 0, 31)), 'x'],
      ],
      (sheet) => {
        sheet.getCell('A2').numFmt = 'm/d/yy';
        sheet.getCell('B2').value = { richText: [{ text: 'Chi ' }, { text: 'bộ', font: { bold: true } }] };
      },
    );
    const sheet = await parseSpreadsheet(buffer, 'x.xlsx');
    expect(sheet.rows[0]?.cells).toEqual(['2001-01-31', 'Chi bộ']);
  });

  it('reads the first sheet of a workbook written with shared strings by the streaming writer', async () => {
    const filename = path.join(tmpdir(), `nennep-parse-${process.pid}.xlsx`);
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename,
      useSharedStrings: true,
      useStyles: true,
    });
    const sheet = writer.addWorksheet('Tổ chức');
    sheet.addRow(['Mã', 'Tên']).commit();
    const row = sheet.addRow(['A', new Date(Date.UTC(1999, 11, 31))]);
    row.getCell(2).numFmt = 'yyyy-mm-dd';
    row.commit();
    writer.addWorksheet('Khác').addRow(['ignored']).commit();
    await writer.commit();
    const parsed = await parseSpreadsheet(readFileSync(filename), 'orgs.xlsx');
    rmSync(filename);
    expect(parsed).toEqual({ header: ['Mã', 'Tên'], rows: [{ row: 2, cells: ['A', '1999-12-31'] }] });
  });
});

describe('columns', () => {
  it('matches Vietnamese and English headers case- and accent-insensitively', () => {
    const orgs = matchHeader('orgs', ['MÃ', 'tên', 'Loai', 'Loại hình', 'Mã cấp trên', 'STT']);
    expect(orgs).toEqual({ keys: ['code', 'name', 'kind', 'category', 'parent_code', null], errors: [] });
    const members = matchHeader('members', [
      'Mã đảng viên',
      'HỌ VÀ TÊN',
      'Giới tính',
      'Ngày sinh',
      'Mã chi bộ',
      'Trạng thái',
      'Ngày vào Đảng',
      'Ngày chính thức',
      'Chức vụ',
      'Số thẻ đảng viên',
      'Miễn sinh hoạt từ',
      'Ghi chú',
    ]);
    expect(members.errors).toEqual([]);
    expect(members.keys).toEqual([
      'member_code',
      'full_name',
      'sex',
      'birth_date',
      'org_code',
      'status',
      'admission_date',
      'official_date',
      'position',
      'party_card_no',
      'exempt_from',
      'notes',
    ]);
  });

  it('names missing and repeated columns', () => {
    const { errors } = matchHeader('orgs', ['code', 'Mã', 'name']);
    expect(errors.map((e) => e.field)).toEqual(['code', 'kind']);
  });

  it('reads Vietnamese values of coded columns', () => {
    expect(parseKind('Chi bộ trực thuộc')).toBe('cell');
    expect(parseKind('chi bo co so')).toBe('grassroots_cell');
    expect(parseKind('Đảng bộ cơ sở')).toBe('grassroots_committee');
    expect(parseKind('party_group')).toBe('party_group');
    expect(parseCategory('thôn')).toBe('village');
    expect(parseCategory('Tổ dân phố')).toBe('street_group');
    expect(parseCategory('street_group')).toBe('street_group');
    expect(parsePosition('Bí thư')).toBe('secretary');
    expect(parsePosition('PHÓ BÍ THƯ')).toBe('deputy_secretary');
    expect(parseSex('Nữ')).toBe('female');
    expect(parseSex('nam')).toBe('male');
    expect(parseStatus('dự bị')).toBe('probationary');
    expect(parseStatus('Chính thức')).toBe('official');
    expect(parseKind('ban chấp hành')).toBeNull();
  });
});

/** Headers as the province's member database writes them, with columns the app does not keep. */
const CSDL_HEADER = [
  'STT',
  'Họ và tên đảng viên',
  'Mã đảng viên',
  'Giới tính (Nam/Nữ)',
  'Ngày sinh (dd/mm/yyyy)',
  'Quê quán',
  'Dân tộc',
  'Tôn giáo',
  'Chi bộ',
  'Trạng thái',
  'Ngày vào Đảng',
  'Ngày chính thức',
  'Số thẻ',
];
const CSDL_KEYS = [
  null,
  'full_name',
  'member_code',
  'sex',
  'birth_date',
  null,
  null,
  null,
  'org_code',
  'status',
  'admission_date',
  'official_date',
  'party_card_no',
];

describe('dates of import files', () => {
  it('reads the Vietnamese styles, day first', () => {
    for (const text of [
      '05/02/1975',
      '5/2/1975',
      '05-02-1975',
      '05.02.1975',
      '1975-02-05',
      '1975/2/5',
      '05/02/1975 00:00:00',
      '1975-02-05T00:00:00.000Z',
      'ngày 5 tháng 2 năm 1975',
      ' Ngày 05 tháng 02 năm 1975 ',
    ]) {
      expect(readDate(text), text).toEqual({ iso: '1975-02-05' });
    }
    expect(readDate('29/02/2024')).toEqual({ iso: '2024-02-29' });
  });

  it('refuses impossible and unreadable dates, saying why', () => {
    expect(readDate('31/02/1975')).toEqual({
      problem: {
        vi: 'Ngày "31/02/1975" không hợp lệ: không có ngày 31 tháng 2 năm 1975.',
        en: 'Invalid date "31/02/1975": there is no day 31 of month 2 in 1975.',
      },
    });
    expect(readDate('29.02.1975')).toHaveProperty('problem');
    expect(readDate('1975-13-01')).toHaveProperty('problem');
    expect(readDate('02/05/1875')).toMatchObject({ problem: { en: expect.stringContaining('1900–2100') } });
    for (const text of ['1975', '5/2/75', 'tháng 2/1975', '05/02/1975 sáng']) {
      expect(readDate(text), text).toMatchObject({ problem: { vi: expect.stringContaining('dd/mm/yyyy') } });
    }
  });
});

describe('guessing a mapping', () => {
  const sheetOf = (header: string[], rows: string[][] = []) => ({
    header,
    rows: rows.map((cells, i) => ({ row: i + 2, cells })),
  });

  it('maps a member database list by its header words; what the app does not keep is ignored', () => {
    const mapping = guessMapping('members', sheetOf(CSDL_HEADER));
    expect(mapping.columns.map((c) => c.key)).toEqual(CSDL_KEYS);
    const byHeader = new Map(mapping.columns.map((c) => [c.header, c]));
    expect(byHeader.get('Mã đảng viên')).toMatchObject({ confidence: 1, basis: 'header' });
    expect(byHeader.get('Số thẻ')).toMatchObject({ confidence: 1, basis: 'header' });
    expect(byHeader.get('Họ và tên đảng viên')).toMatchObject({ basis: 'guess' });
    expect(byHeader.get('Họ và tên đảng viên')?.confidence).toBeGreaterThanOrEqual(0.5);
    expect(byHeader.get('Họ và tên đảng viên')?.confidence).toBeLessThan(1);
    expect(byHeader.get('Quê quán')).toMatchObject({ key: null, confidence: 0, basis: null });
    expect(mapping).toMatchObject({ source: 'guessed', needed: true });
  });

  it('ignores accents and case, and words other columns share', () => {
    const mapping = guessMapping(
      'members',
      sheetOf(['SO LY LICH', 'ho ten dang vien', 'gioi', 'ngay ket nap dang', 'ten chi bo', 'tinh trang']),
    );
    expect(mapping.columns.map((c) => c.key)).toEqual([
      'member_code',
      'full_name',
      'sex',
      'admission_date',
      'org_code',
      'status',
    ]);
  });

  it('weighs what the cells hold: dates do not feed a card number', () => {
    const dates = guessMapping('members', sheetOf(['Ngày cấp thẻ'], [['01/02/2003'], ['04/05/2006']]));
    expect(dates.columns[0]?.key).toBeNull();
    const words = guessMapping('members', sheetOf(['Giới'], [['Nam'], ['Nữ']]));
    expect(words.columns[0]).toMatchObject({ key: 'sex', basis: 'guess' });
    const notWords = guessMapping('members', sheetOf(['Giới'], [['17'], ['23']]));
    expect(notWords.columns[0]?.key).toBeNull();
  });
});
