import { isoDateInVietnam, nameSortKey } from '@nennep/core';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildOrg, buildTestApp, type Client, login, uploadFile } from '../../test/factories.ts';
import { seedTree } from '../../test/tree.ts';
import { parseSpreadsheet } from './parse.ts';
import { runImport } from './service.ts';

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
let admin: Client;
let secretary: Client;
let other: Client;

const HEADER =
  'Mã đảng viên,Họ và tên,Giới tính,Ngày sinh,Mã chi bộ,Trạng thái,Ngày vào Đảng,Ngày chính thức,Chức vụ';
const csv = (...lines: string[]) => Buffer.from(`\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`, 'utf8');

const upload = (client: Client, kind: string, fileName: string, content: Buffer, lang = 'vi') =>
  uploadFile(client, `/api/imports/${kind}`, fileName, content, lang);

/** Row counts and a checksum of every table an import writes (import_jobs aside: previews are kept). */
async function tables() {
  const names = [
    'orgs',
    'members',
    'member_events',
    'member_periods',
    'org_events',
    'audit_events',
    'accounts',
  ];
  const result: Record<string, unknown> = {};
  for (const name of names) {
    const [row] = await database.raw.query<{ n: number; sum: string | null }>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM ${name} t`,
    );
    result[name] = row;
  }
  return result;
}

async function membersXlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Đảng viên');
  sheet.addRow(HEADER.split(','));
  for (const row of rows) sheet.addRow(row);
  for (const column of [4, 7, 8]) sheet.getColumn(column).numFmt = 'dd/mm/yyyy';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** The app's clock, and the day the command-line imports are checked against. */
const NOW = new Date('2026-06-01T09:00:00+07:00');

beforeAll(async () => {
  const built = await buildTestApp({ clock: () => NOW });
  ({ app, database, close } = built);
  const { db } = built;
  await seedTree(db, {
    orgs: [
      { code: 'ROOT', kind: 'committee' },
      { code: 'XA', kind: 'grassroots_committee', parent: 'ROOT' },
      { code: 'CB1', kind: 'cell', category: 'village', parent: 'XA' },
      { code: 'CB2', kind: 'cell', category: 'village', parent: 'XA' },
      { code: 'XB', kind: 'grassroots_committee', parent: 'ROOT' },
      { code: 'CB3', kind: 'cell', parent: 'XB' },
    ],
    accounts: [
      ['admin', 'admin', 'ROOT'],
      ['sec1', 'cell_secretary', 'CB1'],
      ['other', 'admin', 'XB'],
    ],
  });
  admin = await login(app, 'admin');
  secretary = await login(app, 'sec1');
  other = await login(app, 'other');
});
afterAll(() => close());

describe('members import: a file with errors', () => {
  const bad = csv(
    'DV001,Nguyễn Văn An,Nam,15/03/1975,CB1,Chính thức,19/05/2000,19/05/2001,Bí thư',
    'DV001,Lê Văn Bình,Nam,15/03/1975,CB1,Chính thức,19/05/2000,19/05/2001,',
    'DV002,Trần Thị Cúc,Nữ,31/02/1970,CB1,Chính thức,19/05/2000,19/05/2001,',
    'DV003,Phạm Văn Dũng,Nam,01/01/1970,XA,Chính thức,19/05/2000,19/05/2001,',
    'DV004,Hoàng Văn Em,Nam,01/01/1970,CB1,Chính thức,19/05/2000,19/05/1999,',
    'DV005,Vũ Thị Giang,Nữ,01/01/1970,CB9,Dự bị,19/05/2000,,',
    'DV006,Đỗ Văn Hải,x,01/01/1970,CB1,Dự bị,19/05/2000,,',
    'DV007,Bùi Thị Lan,Nữ,01/01/1970,CB1,Dự bị,19/05/2000,19/05/2001,',
    'DV008,Ngô Văn Minh,Nam,01/01/1970,CB1,Chính thức,2000-05-19,2001-05-19,Thủ quỹ',
    'DV009,Lý Thị Nga,Nữ,1970-02-29,CB1,Dự bị,2000-05-19,,',
  );

  it('lists every row error by row and column, in Vietnamese or English, and writes nothing', async () => {
    const before = await tables();
    const response = await upload(admin, 'members', 'dang-vien.csv', bad);
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview.valid).toBe(false);
    expect(preview.total).toBe(10);
    const where = preview.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`);
    expect(where).toEqual(
      expect.arrayContaining([
        '3:member_code',
        '4:birth_date',
        '5:org_code',
        '6:official_date',
        '7:org_code',
        '8:sex',
        '9:official_date',
        '10:position',
        '11:birth_date',
      ]),
    );
    expect(where).not.toContain('2:member_code');
    const message = (row: number) => preview.errors.find((e: { row: number }) => e.row === row)?.message;
    expect(message(3)).toBe('Mã đảng viên: Mã DV001 trùng với dòng 2.');
    expect(message(5)).toMatch(/^Mã chi bộ: XA là đảng bộ cơ sở, không phải chi bộ/);
    expect(message(6)).toBe('Ngày chính thức: Ngày chính thức trước ngày vào Đảng.');
    const english = (await upload(admin, 'members', 'dang-vien.csv', bad, 'en-US')).json();
    expect(english.errors.find((e: { row: number }) => e.row === 4)?.message).toMatch(
      /^birth_date: Invalid date/,
    );

    const commit = await admin.post(`/api/imports/${preview.jobId}/commit`);
    expect(commit.statusCode).toBe(409);
    expect(await tables()).toEqual(before);
  });

  it('is refused the same way from the command line (runImport without an actor)', async () => {
    const before = await tables();
    const report = await runImport(database, null, 'members', bad, 'dang-vien.csv', isoDateInVietnam(NOW));
    expect(report.valid).toBe(false);
    expect(report.result).toBeUndefined();
    expect(report.errors.length).toBeGreaterThanOrEqual(9);
    expect(report.errors[0]).toMatchObject({ row: expect.any(Number), field: expect.any(String) });
    const missing = await runImport(
      database,
      null,
      'members',
      Buffer.from('Mã đảng viên,Họ và tên\nDV1,A B\n'),
      'x.csv',
      isoDateInVietnam(NOW),
    );
    expect(missing.errors.map((e) => `${e.row}:${e.field}`)).toEqual([
      '1:sex',
      '1:org_code',
      '1:status',
      '1:admission_date',
    ]);
    expect(await tables()).toEqual(before);
  });
});

describe('members import: commit, re-import, update, transfer', () => {
  const first = [
    [
      'DV101',
      'Nguyễn Văn Đức',
      'Nam',
      day('1970-01-02'),
      'CB1',
      'Chính thức',
      day('1995-05-19'),
      day('1996-05-19'),
      'Bí thư',
    ],
    [
      'DV102',
      'Trần Thị Hà',
      'Nữ',
      day('1980-02-03'),
      'CB1',
      'chính thức',
      day('2005-03-01'),
      day('2006-03-01'),
      '',
    ],
    ['DV103', 'Lê Minh Tuấn', 'nam', '04/05/1990', 'CB2', 'Dự bị', '01/06/2025', null, 'Đảng viên'],
  ];

  it('commits a valid .xlsx with date cells and records history and one audit summary', async () => {
    const preview = (await upload(admin, 'members', 'dv.xlsx', await membersXlsx(first))).json();
    expect(preview).toMatchObject({
      valid: true,
      total: 3,
      errors: [],
      summary: { create: 3, update: 0, unchanged: 0 },
    });
    const commit = await admin.post(`/api/imports/${preview.jobId}/commit`);
    expect(commit.json()).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const [duc] = await database.raw.query<Record<string, unknown>>(
      `SELECT m.full_name, m.search_text, m.birth_date::text AS birth, m.position, m.status, m.org_path = o.path AS in_cell
       FROM members m JOIN orgs o ON o.id = m.org_id WHERE m.member_code = 'DV101' AND o.code = 'CB1'`,
    );
    expect(duc).toEqual({
      full_name: 'Nguyễn Văn Đức',
      search_text: 'nguyen van duc',
      birth: '1970-01-02',
      position: 'secretary',
      status: 'official',
      in_cell: true,
    });
    const list = (await admin.get('/api/members?org=XA&q=nguyen van duc')).json();
    expect(list.items.map((m: { memberCode: string }) => m.memberCode)).toEqual(['DV101']);
    const history = (await admin.get('/api/members/DV103/history')).json();
    expect(history.items.map((i: { kind: string }) => i.kind)).toEqual(['created']);
    const audit = await database.raw.query<{ detail: Record<string, unknown> }>(
      "SELECT detail FROM audit_events WHERE action = 'import.members' AND entity_id = $1",
      [preview.jobId],
    );
    expect(audit[0]?.detail).toMatchObject({ created: 3, fileName: 'dv.xlsx' });
    const job = (await admin.get(`/api/imports/${preview.jobId}`)).json();
    expect(job).toMatchObject({ status: 'committed', total: 3, processed: 3, result: { created: 3 } });
    expect((await admin.post(`/api/imports/${preview.jobId}/commit`)).statusCode).toBe(409);
  });

  it('changes nothing when the same file comes again', async () => {
    const before = await tables();
    const preview = (await upload(admin, 'members', 'dv.xlsx', await membersXlsx(first))).json();
    expect(preview.summary).toEqual({ create: 0, update: 0, unchanged: 3 });
    const commit = (await admin.post(`/api/imports/${preview.jobId}/commit`)).json();
    expect(commit).toEqual({ created: 0, updated: 0, unchanged: 3 });
    const after = await tables();
    expect(after).toEqual(before);
  });

  it('updates only the changed rows; a new org_code is a transfer with history', async () => {
    const [kept] = await database.raw.query(
      "SELECT m::text AS row FROM members m WHERE member_code = 'DV103'",
    );
    const changed = structuredClone(first);
    (changed[0] as unknown[])[1] = 'Nguyễn Văn Đức Anh';
    (changed[1] as unknown[])[4] = 'CB2';
    const preview = (await upload(admin, 'members', 'dv.xlsx', await membersXlsx(changed))).json();
    expect(preview.summary).toEqual({ create: 0, update: 2, unchanged: 1 });
    expect((await admin.post(`/api/imports/${preview.jobId}/commit`)).json()).toEqual({
      created: 0,
      updated: 2,
      unchanged: 1,
    });
    const ha = (await admin.get('/api/members/DV102')).json();
    expect(ha.orgCode).toBe('CB2');
    const history = (await admin.get('/api/members/DV102/history')).json();
    expect(history.items.map((i: { kind: string }) => i.kind)).toEqual(['transferred', 'created']);
    const duc = (await admin.get('/api/members/DV101/history')).json();
    expect(duc.items[0]).toMatchObject({ kind: 'updated', data: { fields: ['fullName'] } });
    const [keys] = await database.raw.query(
      "SELECT sort_key, search_text FROM members WHERE member_code = 'DV101'",
    );
    expect(keys).toEqual({ sort_key: nameSortKey('Nguyễn Văn Đức Anh'), search_text: 'nguyen van duc anh' });
    expect(
      await database.raw.query("SELECT m::text AS row FROM members m WHERE member_code = 'DV103'"),
    ).toEqual([kept]);
  });
});

describe('members import: later changes', () => {
  it('records an exemption given by the file as a period, leaving absent columns as stored', async () => {
    const file = Buffer.from(
      'Mã đảng viên,Họ và tên,Giới tính,Mã chi bộ,Trạng thái,Ngày vào Đảng,Ngày chính thức,Miễn sinh hoạt từ\n' +
        'DV103,Lê Minh Tuấn,Nam,CB2,Dự bị,01/06/2025,,01/09/2025\n',
    );
    const preview = (await upload(admin, 'members', 'mien.csv', file)).json();
    expect(preview.summary).toEqual({ create: 0, update: 1, unchanged: 0 });
    await admin.post(`/api/imports/${preview.jobId}/commit`);
    const member = (await admin.get('/api/members/DV103')).json();
    expect(member).toMatchObject({ exempt: true, exemptFrom: '2025-09-01', position: 'member' });
    expect(member.periods).toEqual([
      { kind: 'exempt', from: '2025-09-01', to: null, orgCode: null, orgName: null, reason: 'import' },
    ]);
    const history = (await admin.get('/api/members/DV103/history')).json();
    expect(history.items[0]).toMatchObject({ kind: 'updated', data: { fields: ['exemptFrom'] } });
  });

  it('re-validates at commit: a cell dissolved since the preview refuses the whole file', async () => {
    await buildOrg(database.db, { code: 'CB4', kind: 'cell', parent: 'XA' });
    const file = csv(
      'DV401,Nguyễn Văn Tư,Nam,01/01/1970,CB4,Chính thức,19/05/2000,19/05/2001,',
      'DV402,Nguyễn Văn Năm,Nam,01/01/1970,CB1,Chính thức,19/05/2000,19/05/2001,',
    );
    const preview = (await upload(admin, 'members', 'x.csv', file)).json();
    expect(preview.valid).toBe(true);
    await database.raw.query("UPDATE orgs SET status = 'dissolved' WHERE code = 'CB4'");
    const before = await tables();
    const commit = await admin.post(`/api/imports/${preview.jobId}/commit`);
    expect(commit.statusCode).toBe(409);
    expect(commit.json().error.fields[0]).toMatchObject({ field: 'row.2.org_code' });
    expect(await tables()).toEqual(before);
    expect((await admin.get(`/api/imports/${preview.jobId}`)).json()).toMatchObject({
      status: 'invalid',
      valid: false,
    });
  });
});

describe('members import: access', () => {
  it('gives a cell secretary row errors for another cell and writes nothing', async () => {
    const before = await tables();
    const file = csv(
      'DV201,Nguyễn Văn Long,Nam,01/01/1970,CB1,Chính thức,19/05/2000,19/05/2001,',
      'DV202,Trần Văn Nam,Nam,01/01/1970,CB2,Chính thức,19/05/2000,19/05/2001,',
    );
    const preview = (await upload(secretary, 'members', 'x.csv', file)).json();
    expect(preview.valid).toBe(false);
    expect(preview.errors).toEqual([
      { row: 3, field: 'org_code', message: 'Mã chi bộ: Chi bộ CB2 nằm ngoài phạm vi bạn quản lý.' },
    ]);
    expect((await secretary.post(`/api/imports/${preview.jobId}/commit`)).statusCode).toBe(409);
    expect(await tables()).toEqual(before);
    const ok = (
      await upload(secretary, 'members', 'x.csv', csv(file.toString('utf8').split('\r\n')[1] ?? ''))
    ).json();
    expect(ok.valid).toBe(true);
    expect((await other.post(`/api/imports/${ok.jobId}/commit`)).statusCode).toBe(404);
    expect((await secretary.post(`/api/imports/${ok.jobId}/commit`)).json()).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
    });
  });

  it('refuses an update of a member outside the actor scope', async () => {
    const file = csv('DV101,Nguyễn Văn Đức,Nam,02/01/1970,CB3,Chính thức,19/05/1995,19/05/1996,');
    const preview = (await upload(other, 'members', 'x.csv', file)).json();
    expect(preview.errors.map((e: { field: string }) => e.field)).toEqual(['member_code']);
  });

  it('answers 403 to an orgs import by a cell secretary and 401 without a session', async () => {
    expect((await upload(secretary, 'orgs', 'o.csv', Buffer.from('code,name,kind\n'))).statusCode).toBe(403);
    const anonymous = await app.inject({ method: 'POST', url: '/api/imports/members' });
    expect(anonymous.statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/imports/templates/members.csv' })).statusCode).toBe(
      401,
    );
    expect((await upload(admin, 'members', 'x.csv', Buffer.alloc(0))).json().errors[0]).toMatchObject({
      row: 0,
      field: 'file',
    });
  });
});

describe('import templates', () => {
  it('serves Vietnamese headers and an example row as .xlsx and .csv', async () => {
    const xlsx = await admin.get('/api/imports/templates/members.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const sheet = await parseSpreadsheet(xlsx.rawPayload, 'members.xlsx');
    expect(sheet.header).toEqual(
      HEADER.split(',').concat(['Số thẻ đảng viên', 'Miễn sinh hoạt từ', 'Ghi chú']),
    );
    expect(sheet.rows[0]?.cells.slice(0, 4)).toEqual(['DV900001', 'Nguyễn Văn Đức', 'Nam', '1975-03-15']);
    const text = await admin.get('/api/imports/templates/orgs.csv');
    expect(text.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(text.body.split('\r\n')[0]).toBe(
      '\uFEFFMã,Tên,Loại,Loại hình,Mã cấp trên,Tên cấp ủy,Ký hiệu văn bản,Địa danh,Thẩm quyền ký',
    );
    expect((await admin.get('/api/imports/templates/x.pdf')).statusCode).toBe(400);
  });
});
