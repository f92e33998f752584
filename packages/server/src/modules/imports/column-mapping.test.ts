/**
 * The column mapping of import files whose headers are not the template's (lists exported from the
 * province's member database), and the date styles such files hold.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, type Client, login, uploadFile } from '../../test/factories.ts';
import { seedTree } from '../../test/tree.ts';

/** Headers as the member database writes them, with columns the app does not keep. */
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

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** One row per member: [STT, name, code, sex, birth, hometown, ethnicity, religion, cell, status, admitted, official, card]. */
const CSDL_ROWS: unknown[][] = [
  [
    1,
    'Nguyễn Văn An',
    'M001',
    'Nam',
    '05/02/1975',
    'Hà Nam',
    'Kinh',
    'Không',
    'Chi bộ thôn Tây',
    'Chính thức',
    day('2000-05-19'),
    '19/05/2001',
    '12345678',
  ],
  [
    2,
    'Trần Thị Bình',
    'M002',
    'Nữ',
    '5/2/1980',
    'Nam Định',
    'Kinh',
    'Phật giáo',
    'Chi bộ thôn Tây',
    'Chính thức',
    '2005-03-01',
    '01.03.2006',
    '',
  ],
  [
    3,
    'Lê Văn Cường',
    'M003',
    'Nam',
    day('1990-12-31'),
    'Thái Bình',
    'Tày',
    'Không',
    'CB2',
    'Dự bị',
    '01/06/2025 00:00:00',
    '',
    '',
  ],
];

async function xlsx(header: readonly unknown[], rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('DS');
  sheet.addRow([...header]);
  for (const row of rows) sheet.addRow(row);
  for (const column of sheet.columns) column.numFmt = 'dd/mm/yyyy';
  // The STT column must stay a number; dates only where the cell holds a Date.
  sheet.getColumn(1).numFmt = '0';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The same file with its columns in another order (same shape: the same set of headers). */
async function reordered(rows: unknown[][]) {
  const order = [...CSDL_HEADER.keys()].reverse();
  return xlsx(
    order.map((i) => CSDL_HEADER[i]),
    rows.map((r) => order.map((i) => r[i])),
  );
}

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
let admin: Client;
let communeAdmin: Client;
let elsewhere: Client;

const upload = (client: Client, file: Buffer, query = '', lang = 'vi') =>
  uploadFile(client, `/api/imports/members${query}`, 'csdl.xlsx', file, lang);
const keysOf = (preview: { mapping: { columns: { key: string | null }[] } }) =>
  preview.mapping.columns.map((c) => c.key);

beforeAll(async () => {
  const built = await buildTestApp();
  ({ app, database, close } = built);
  const { db } = built;
  await seedTree(db, {
    orgs: [
      { code: 'ROOT', kind: 'committee' },
      { code: 'XA', name: 'Đảng bộ xã An Bình', kind: 'grassroots_committee', parent: 'ROOT' },
      { code: 'CB1', name: 'Chi bộ thôn Đông', kind: 'cell', parent: 'XA' },
      { code: 'CB2', name: 'Chi bộ thôn Tây', kind: 'cell', parent: 'XA' },
      { code: 'XB', name: 'Đảng bộ xã Bình Minh', kind: 'grassroots_committee', parent: 'ROOT' },
      { code: 'CB3', name: 'Chi bộ thôn Đông', kind: 'cell', parent: 'XB' },
      { code: 'OTHER', kind: 'committee' },
      { code: 'OTHER.CB', name: 'Chi bộ Khác', kind: 'cell', parent: 'OTHER' },
    ],
    accounts: [
      ['admin', 'admin', 'ROOT'],
      ['xa', 'admin', 'XA'],
      ['other', 'admin', 'OTHER'],
    ],
  });
  admin = await login(app, 'admin');
  communeAdmin = await login(app, 'xa');
  elsewhere = await login(app, 'other');
});
afterAll(() => close());

describe('members import with a column mapping', () => {
  it('guesses the mapping of a member database file, shows the first rows as read, and commits', async () => {
    const response = await upload(admin, await xlsx(CSDL_HEADER, CSDL_ROWS));
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview.errors).toEqual([]);
    expect(preview).toMatchObject({
      valid: true,
      total: 3,
      summary: { create: 3, update: 0, unchanged: 0 },
      mapping: { source: 'guessed', needed: true },
    });
    expect(keysOf(preview)).toEqual(CSDL_KEYS);
    expect(preview.mapping.targets.find((t: { key: string }) => t.key === 'member_code')).toEqual({
      key: 'member_code',
      header: 'Mã đảng viên',
      required: true,
      date: false,
    });
    const [first, second] = preview.mapping.sample;
    expect(first.cells[5]).toBe('Hà Nam');
    expect(first.read).toMatchObject({
      birth_date: { text: '05/02/1975', ok: true },
      admission_date: { text: '19/05/2000', ok: true },
      official_date: { text: '19/05/2001', ok: true },
      sex: { text: 'Nam', ok: true },
      org_code: { text: 'Chi bộ thôn Tây', ok: true },
    });
    expect(second.read.official_date).toEqual({ text: '01/03/2006', ok: true });
    expect(first.read).not.toHaveProperty('hometown');

    const commit = await admin.post(`/api/imports/${preview.jobId}/commit`);
    expect(commit.json()).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const stored = await database.raw.query(
      `SELECT m.member_code, m.birth_date::text AS birth, m.official_date::text AS official, o.code AS cell, m.party_card_no
       FROM members m JOIN orgs o ON o.id = m.org_id WHERE m.member_code LIKE 'M00%' ORDER BY m.member_code`,
    );
    expect(stored).toEqual([
      {
        member_code: 'M001',
        birth: '1975-02-05',
        official: '2001-05-19',
        cell: 'CB2',
        party_card_no: '12345678',
      },
      { member_code: 'M002', birth: '1980-02-05', official: '2006-03-01', cell: 'CB2', party_card_no: null },
      { member_code: 'M003', birth: '1990-12-31', official: null, cell: 'CB2', party_card_no: null },
    ]);
    const audit = await database.raw.query<{ detail: { columns: Record<string, string | null> } }>(
      "SELECT detail FROM audit_events WHERE action = 'import.mapping_saved'",
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail.columns).toMatchObject({ 'ho va ten dang vien': 'full_name', 'que quan': null });
  });

  it('maps the next file of the same shape by itself, for the same organisation only', async () => {
    const file = await reordered(CSDL_ROWS);
    const preview = (await upload(admin, file)).json();
    expect(preview).toMatchObject({
      valid: true,
      summary: { create: 0, update: 0, unchanged: 3 },
      mapping: { source: 'saved' },
    });
    expect(keysOf(preview)).toEqual([...CSDL_KEYS].reverse());
    expect(
      preview.mapping.columns.every(
        (c: { key: string | null; basis: string | null }) => !c.key || c.basis === 'saved',
      ),
    ).toBe(true);
    // A commune under the province finds the province's mapping; another organisation does not.
    expect((await upload(communeAdmin, file)).json().mapping.source).toBe('saved');
    expect((await upload(elsewhere, file)).json().mapping.source).toBe('guessed');
    // Committing with the same mapping writes no second audit event.
    await admin.post(`/api/imports/${preview.jobId}/commit`);
    const [{ n } = { n: -1 }] = await database.raw.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_events WHERE action = 'import.mapping_saved'",
    );
    expect(n).toBe(1);
  });

  it("takes the user's mapping, previews it, and remembers it at commit", async () => {
    const chosen = [...CSDL_KEYS];
    chosen[5] = 'notes'; // Quê quán kept as a note
    chosen[11] = null; // the official date left as stored
    const file = await xlsx(CSDL_HEADER, CSDL_ROWS);
    const preview = (await upload(admin, file, `?columns=${chosen.map((k) => k ?? '').join(',')}`)).json();
    expect(preview).toMatchObject({ valid: true, mapping: { source: 'chosen' }, summary: { update: 3 } });
    expect(keysOf(preview)).toEqual(chosen);
    expect(preview.mapping.sample[0].read).toMatchObject({ notes: { text: 'Hà Nam', ok: true } });
    expect(preview.mapping.sample[0].read).not.toHaveProperty('official_date');
    await admin.post(`/api/imports/${preview.jobId}/commit`);
    const again = (await upload(admin, file)).json();
    expect(again.mapping.source).toBe('saved');
    expect(keysOf(again)).toEqual(chosen);
    expect(again.summary).toEqual({ create: 0, update: 0, unchanged: 3 });
  });

  it('names an unknown required column, in Vietnamese and in English', async () => {
    const header = ['Họ và tên đảng viên', 'Giới tính', 'Chi bộ', 'Trạng thái', 'Ngày vào Đảng', 'Quê quán'];
    const file = await xlsx(header, [['Phạm Văn Dũng', 'Nam', 'CB1', 'Chính thức', '01/01/2000', 'Huế']]);
    const vi = (await upload(admin, file)).json();
    expect(vi.valid).toBe(false);
    expect(vi.errors).toEqual([
      {
        row: 1,
        field: 'member_code',
        message:
          'Mã đảng viên: Thiếu cột bắt buộc "Mã đảng viên". Hãy chọn cột của tệp chứa nó ở bước ghép cột.',
      },
    ]);
    const en = (await upload(admin, file, '', 'en')).json();
    expect(en.errors[0].message).toBe(
      'member_code: Missing required column "member_code" (Mã đảng viên). Pick the file column holding it in the column mapping.',
    );
  });

  it('refuses impossible dates with the row and the column named', async () => {
    const rows = [
      [
        1,
        'Phạm Văn Dũng',
        'M101',
        'Nam',
        '31/02/1975',
        '',
        '',
        '',
        'CB1',
        'Chính thức',
        '01/01/2000',
        '01/01/2001',
        '',
      ],
      [
        2,
        'Hoàng Thị Em',
        'M102',
        'Nữ',
        '01/01/1980',
        '',
        '',
        '',
        'CB1',
        'Chính thức',
        '29.02.2001',
        '1/13/2002',
        '',
      ],
    ];
    // The mapping remembered by the test above leaves the official date out: state the whole mapping.
    const columns = `?columns=${CSDL_KEYS.map((k) => k ?? '').join(',')}`;
    const preview = (await upload(admin, await xlsx(CSDL_HEADER, rows), columns)).json();
    expect(preview.valid).toBe(false);
    expect(preview.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual([
      '2:birth_date',
      '3:admission_date',
      '3:official_date',
    ]);
    expect(preview.errors[0].message).toBe(
      'Ngày sinh: Ngày "31/02/1975" không hợp lệ: không có ngày 31 tháng 2 năm 1975.',
    );
    expect(preview.mapping.sample[0].read.birth_date).toEqual({ text: '31/02/1975', ok: false });
  });

  it('finds a cell by its name, preferring the importer’s scope; a shared name is refused with the codes', async () => {
    const rows = [
      [1, 'Phạm Văn Dũng', 'M201', 'Nam', '', '', '', '', 'Chi bộ thôn Đông', 'Dự bị', '01/01/2026', '', ''],
    ];
    const file = await xlsx(CSDL_HEADER, rows);
    const both = (await upload(admin, file)).json();
    expect(both.errors).toEqual([
      {
        row: 2,
        field: 'org_code',
        message: 'Mã chi bộ: Có 2 chi bộ tên "Chi bộ thôn Đông" (CB1, CB3): hãy ghi mã chi bộ.',
      },
    ]);
    const mine = (await upload(communeAdmin, file)).json();
    expect(mine).toMatchObject({ valid: true, summary: { create: 1 } });
    const bare = (
      await upload(communeAdmin, await xlsx(CSDL_HEADER, [[...(rows[0] ?? [])].fill('thôn tây', 8, 9)]))
    ).json();
    expect(bare.valid).toBe(true);
    const unknown = (
      await upload(communeAdmin, await xlsx(CSDL_HEADER, [[...(rows[0] ?? [])].fill('Chi bộ Bắc', 8, 9)]))
    ).json();
    expect(unknown.errors[0].message).toBe(
      'Mã chi bộ: Không tìm thấy chi bộ "Chi bộ Bắc" (theo mã hoặc tên).',
    );
  });

  it('refuses a mapping that does not fit the file, and a column chosen twice', async () => {
    const file = await xlsx(CSDL_HEADER, CSDL_ROWS);
    const short = await upload(admin, file, '?columns=full_name,member_code');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields[0]).toMatchObject({ field: 'columns' });
    const unknown = await upload(admin, file, `?columns=${CSDL_KEYS.map((k) => k ?? 'hometown').join(',')}`);
    expect(unknown.statusCode).toBe(400);
    const twice = [...CSDL_KEYS];
    twice[0] = 'full_name';
    const preview = (await upload(admin, file, `?columns=${twice.map((k) => k ?? '').join(',')}`)).json();
    expect(preview.valid).toBe(false);
    expect(preview.errors).toEqual([
      {
        row: 1,
        field: 'full_name',
        message:
          'Họ và tên: Cột "Họ và tên" được lấy từ 2 cột của tệp ("STT", "Họ và tên đảng viên"); chỉ chọn một.',
      },
    ]);
  });

  it('leaves a file with the template headers alone (no mapping step)', async () => {
    const file = Buffer.from(
      'STT,Mã đảng viên,Họ và tên,Giới tính,Mã chi bộ,Trạng thái,Ngày vào Đảng\n1,M301,Vũ Văn Giang,Nam,CB1,Dự bị,01/01/2026\n',
    );
    const preview = (await uploadFile(admin, '/api/imports/members', 'x.csv', file)).json();
    expect(preview).toMatchObject({ valid: true, mapping: { source: 'exact', needed: false, sample: [] } });
  });
});
