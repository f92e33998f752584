/**
 * Files that would exhaust the server: parts that inflate to gigabytes, a cell of a gigabyte, a million
 * rows. Each is refused with a 413 or 400 naming the file, in both languages, without the heap growing
 * by more than the limits let it (issue 12, fault 1).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS, loadImportLimits } from '../../config.ts';
import { buildTestApp, type Client, login, uploadFile } from '../../test/factories.ts';
import { seedTree, type TreeSpec } from '../../test/tree.ts';
import {
  bomb,
  cell,
  deflated,
  SHEET_HEAD,
  SHEET_TAIL,
  STRINGS_HEAD,
  STRINGS_TAIL,
  workbookOf,
} from '../../test/zip-bomb.ts';
import { parseSpreadsheet } from './parse.ts';

const MB = 1024 * 1024;
/** One committee and its admin: what an upload needs to be answered at all. */
const ROOT_ADMIN: TreeSpec = {
  orgs: [{ code: 'ROOT', kind: 'committee' }],
  accounts: [['admin', 'admin', 'ROOT']],
};
const GB = 1024 * MB;

let app: FastifyInstance;
let close: () => Promise<void>;
let admin: Client;

beforeAll(async () => {
  const ctx = await buildTestApp();
  ({ app, close } = ctx);
  await seedTree(ctx.db, ROOT_ADMIN);
  admin = await login(app, 'admin');
});
afterAll(() => close());

const HEADER = `<row r="1">${cell('A1', 'Mã đảng viên')}${cell('B1', 'Họ và tên')}</row>`;

type Refusal = { error: { code: string; message: string; fields: { field: string; message: string }[] } };

/**
 * Uploads a file while sampling the heap (and Buffers outside it) every few milliseconds: the answer,
 * the peak growth over the level before, and the time taken.
 */
async function measuredUpload(file: Buffer, lang: 'vi' | 'en' = 'vi', name = 'dang-vien.xlsx') {
  const base = process.memoryUsage();
  let peak = 0;
  const sample = () => {
    const now = process.memoryUsage();
    peak = Math.max(peak, now.heapUsed + now.arrayBuffers - base.heapUsed - base.arrayBuffers);
  };
  const timer = setInterval(sample, 5);
  const started = performance.now();
  try {
    const response = await uploadFile(admin, '/api/imports/members', name, file, lang);
    sample();
    return { response, body: response.json() as Refusal, peakMb: peak / MB, ms: performance.now() - started };
  } finally {
    clearInterval(timer);
  }
}

describe('an .xlsx whose parts inflate far beyond their size (zip bombs)', () => {
  it('stops inflating the shared strings at their limit: 413 naming the file, the heap bounded', async () => {
    // 1 GiB of shared strings in a file of a few MB: many tiny items, the costliest to keep.
    const strings = bomb(STRINGS_HEAD, '<si><t>ab</t></si>', GB, STRINGS_TAIL);
    const file = workbookOf({
      sheet: deflated(`${SHEET_HEAD}${HEADER}${SHEET_TAIL}`),
      strings: { deflated: strings },
    });
    expect(file.length).toBeLessThan(4 * MB);
    const { response, body, peakMb } = await measuredUpload(file);
    expect(response.statusCode).toBe(413);
    expect(body.error.fields).toEqual([
      { field: 'file', message: 'Tệp quá lớn: phần xl/sharedStrings.xml khi giải nén vượt quá 64 MB.' },
    ]);
    expect(body.error.message).toContain('Tệp quá lớn');
    expect(peakMb).toBeLessThan(300);
    const en = (await measuredUpload(file, 'en')).body;
    expect(en.error.fields[0]?.message).toBe(
      'The file is too large: its part xl/sharedStrings.xml exceeds 64 MB once uncompressed.',
    );
  });

  it('stops inflating the worksheet at its limit, though it is read as a stream', async () => {
    const sheet = bomb(`${SHEET_HEAD}${HEADER}`, '<!-- padding -->', 2 * GB, SHEET_TAIL);
    const { response, body, peakMb } = await measuredUpload(workbookOf({ sheet: { deflated: sheet } }));
    expect(response.statusCode).toBe(413);
    expect(body.error.fields[0]).toEqual({
      field: 'file',
      // A members file may hold a province (limits.ts `limitsFor`): 256 MB × 1,000,000 / 200,000 rows.
      message: 'Tệp quá lớn: phần xl/worksheets/sheet1.xml khi giải nén vượt quá 1.280 MB.',
    });
    expect(peakMb).toBeLessThan(300);
  });

  it('stops inflating the styles (read whole) at their much smaller limit', async () => {
    const styles = bomb('<styleSheet><cellXfs>', '<xf numFmtId="14"/>', GB, '</cellXfs></styleSheet>');
    const file = workbookOf({
      sheet: deflated(`${SHEET_HEAD}${HEADER}${SHEET_TAIL}`),
      styles: { deflated: styles },
    });
    const { response, body, peakMb } = await measuredUpload(file);
    expect(response.statusCode).toBe(413);
    expect(body.error.fields[0]?.message).toBe(
      'Tệp quá lớn: phần xl/styles.xml khi giải nén vượt quá 16 MB.',
    );
    expect(peakMb).toBeLessThan(300);
  });
});

describe('what a file holds', () => {
  it('refuses a single huge cell (1 GiB) as soon as it passes a cell’s size, naming the cell', async () => {
    const sheet = bomb(
      `${SHEET_HEAD}${HEADER}<row r="2"><c r="B2" t="inlineStr"><is><t>`,
      'Nguyễn ',
      GB,
      `</t></is></c></row>${SHEET_TAIL}`,
    );
    const { response, body, peakMb } = await measuredUpload(workbookOf({ sheet: { deflated: sheet } }));
    expect(response.statusCode).toBe(400);
    expect(body.error.fields).toEqual([{ field: 'file', message: 'Ô B2 dài quá 32.767 ký tự.' }]);
    expect(peakMb).toBeLessThan(300);
    const en = (await measuredUpload(workbookOf({ sheet: { deflated: sheet } }), 'en')).body;
    expect(en.error.fields[0]?.message).toBe('Cell B2 is longer than 32,767 characters.');
  });

  it('refuses a shared string longer than a cell may be', async () => {
    const strings = bomb(`${STRINGS_HEAD}<si><t>`, 'a', 100 * MB, `</t></si>${STRINGS_TAIL}`);
    const file = workbookOf({
      sheet: deflated(`${SHEET_HEAD}${HEADER}${SHEET_TAIL}`),
      strings: { deflated: strings },
    });
    const { response, body } = await measuredUpload(file);
    expect(response.statusCode).toBe(400);
    expect(body.error.fields[0]?.message).toBe('Tệp có một ô dài quá 32.767 ký tự.');
  });

  it('refuses more rows than allowed (a million for members), before keeping them all', async () => {
    const row = `<row>${cell('A1', 'DV')}${cell('B1', 'Nguyễn Văn A')}</row>`;
    const sheet = bomb(`${SHEET_HEAD}${HEADER}`, row, 1_100_000 * Buffer.byteLength(row), SHEET_TAIL);
    const { response, body, peakMb } = await measuredUpload(workbookOf({ sheet: { deflated: sheet } }));
    expect(response.statusCode).toBe(400);
    expect(body.error.fields[0]?.message).toBe(
      'Tệp có quá nhiều dòng: mỗi lần nhập tối đa 1.000.000 dòng dữ liệu; hãy chia thành nhiều tệp.',
    );
    expect(peakMb).toBeLessThan(300);
  });

  it('refuses a cell placed beyond the last column a spreadsheet has', async () => {
    const sheet = `${SHEET_HEAD}${HEADER}<row r="2">${cell('ZZZZZZZZ2', 'x')}</row>${SHEET_TAIL}`;
    const { response, body } = await measuredUpload(workbookOf({ sheet: deflated(sheet) }));
    expect(response.statusCode).toBe(400);
    expect(body.error.fields[0]?.field).toBe('file');
    expect(body.error.fields[0]?.message).toContain('Dòng 2');
  });

  it('holds a CSV to the same rows and cell size', async () => {
    const lines = ['Mã đảng viên,Họ và tên', ...Array.from({ length: 1_000_001 }, (_, i) => `DV${i},Tên`)];
    const many = await measuredUpload(Buffer.from(lines.join('\n')), 'vi', 'dang-vien.csv');
    expect(many.response.statusCode).toBe(400);
    expect(many.body.error.fields[0]?.message).toContain('tối đa 1.000.000 dòng');
    // The organisations' file is read whole: it keeps the general limit.
    const orgs = Buffer.from(lines.slice(0, 200_002).join('\n'));
    await expect(parseSpreadsheet(orgs, 'don-vi.csv')).rejects.toMatchObject({ status: 400 });
    const long = `Mã đảng viên,Họ và tên\nDV1,"${'a'.repeat(40_000)}"\n`;
    const wide = await measuredUpload(Buffer.from(long), 'en', 'dang-vien.csv');
    expect(wide.response.statusCode).toBe(400);
    expect(wide.body.error.fields[0]?.message).toBe('Cell B2 is longer than 32,767 characters.');
  });
});

describe('the limits are one configuration', () => {
  it('reads each limit from the environment, else its default', () => {
    expect(loadImportLimits({})).toEqual(DEFAULT_IMPORT_LIMITS);
    expect(
      loadImportLimits({
        NENNEP_IMPORT_MAX_FILE_MB: '5',
        NENNEP_IMPORT_MAX_ROWS: '1000',
        NENNEP_IMPORT_MAX_SECONDS: '2',
      }),
    ).toMatchObject({ maxFileBytes: 5 * MB, maxRows: 1000, maxReadMs: 2000 });
    expect(() => loadImportLimits({ NENNEP_IMPORT_MAX_ROWS: 'many' })).toThrow('NENNEP_IMPORT_MAX_ROWS');
  });

  it('refuses an upload over the configured size with a 413, and reads no further than the time allows', async () => {
    const small = await buildTestApp({
      config: { importLimits: { ...DEFAULT_IMPORT_LIMITS, maxFileBytes: MB } },
    });
    try {
      await seedTree(small.db, ROOT_ADMIN);
      const client = await login(small.app, 'admin');
      const response = await uploadFile(
        client,
        '/api/imports/members',
        'a.csv',
        Buffer.alloc(2 * MB, 'a'),
        'en',
      );
      expect(response.statusCode).toBe(413);
      expect(response.json().error.fields).toEqual([
        { field: 'file', message: 'The file is too large: at most 1 MB.' },
      ]);
    } finally {
      await small.close();
    }
    const sheet = bomb(`${SHEET_HEAD}${HEADER}`, '<!-- padding -->', 200 * MB, SHEET_TAIL);
    const limits = { ...DEFAULT_IMPORT_LIMITS, maxReadMs: 1 };
    await expect(
      parseSpreadsheet(workbookOf({ sheet: { deflated: sheet } }), 'a.xlsx', limits),
    ).rejects.toMatchObject({
      status: 413,
      fields: [
        { field: 'file', message: { vi: 'Tệp quá lớn để đọc trong 0 giây; hãy chia thành nhiều tệp.' } },
      ],
    });
  });
});
