import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS } from '../../config.ts';
import { rows } from '../../db/client.ts';
import { runNennep } from '../../test/cli.ts';
import { buildTestApp, type Client, login, uploadFile } from '../../test/factories.ts';
import { buildDuesFixture } from './test-fixture.ts';

/**
 * The portal statement import (issue 16 point 3, acceptance: "the portal statement import matches and reports
 * an unknown member row"): odd headers mapped by suggestion, rows matched by member code, citizen ID and name
 * with date of birth, an unknown member and a duplicate transaction reported, the matched rows written as
 * `portal` payments all at once, a second import of the same statement refused line by line.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let sec: Client;

const csv = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`, 'utf8');
const HEADER = 'STT,Họ và tên,Mã đảng viên,Số CCCD,Ngày sinh,Kỳ nộp,Số tiền (VNĐ),Ngày nộp,Mã giao dịch';
const STATEMENT = csv([
  HEADER,
  '1,Nguyễn Văn An,DV01,,,03/2026,65.000,10/03/2026 08:15,GD001',
  '2,Trần Thị Bình,,1085000123,,Tháng 3/2026,50000,2026-03-11,GD002',
  '3,Lê Văn Cường,,,01/01/1970,T3/2026,36.000,12/03/2026,GD003',
  '4,Người Lạ,DV99,,,03/2026,10000,12/03/2026,GD004',
  '5,Nguyễn Văn An,DV01,,,03/2026,65.000,10/03/2026,GD001',
  '6,Phạm Thị Dung,DV04,,,13/2026,16000,12/03/2026,GD006',
  '7,Phạm Văn Vinh,C21,,,03/2026,14000,12/03/2026,GD007',
]);
const COLUMNS = ',full_name,member_code,citizen_id,birth_date,month,paid_vnd,paid_on,transaction_id';

const portalCount = async () => {
  const [row] = await rows<{ n: number }>(
    ctx.db,
    sql`SELECT count(*)::int AS n FROM dues_payments WHERE channel = 'portal'`,
  );
  return row?.n ?? -1;
};
const post = (step: string, file: Buffer, query = `columns=${encodeURIComponent(COLUMNS)}`, client = sec) =>
  uploadFile(client, `/api/dues/portal/${step}?org=C&${query}`, 'sao-ke.csv', file);

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => new Date('2026-06-15T03:00:00Z') });
  await buildDuesFixture(ctx.db);
  sec = await login(ctx.app, 'sec');
  const basis = await sec.post('/api/dues/basis', {
    memberCode: 'DV01',
    fromMonth: '2026-02',
    category: 'bhxh_salary',
    amountVnd: 6_500_000,
  });
  expect(basis.statusCode, basis.body).toBe(200);
  await ctx.db.execute(sql`UPDATE members SET citizen_id = '001085000123' WHERE member_code = 'DV02'`);
  await ctx.db.execute(sql`UPDATE members SET birth_date = '1970-01-01' WHERE member_code = 'DV03'`);
});
afterAll(() => ctx.close());

describe('the portal statement import', () => {
  it('step 1: reads the headers and suggests the mapping from the portal’s names', async () => {
    const response = await post('headers', STATEMENT, '');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.total).toBe(7);
    expect(body.header[6]).toBe('Số tiền (VNĐ)');
    expect(body.mapping).toEqual(COLUMNS.split(',').map((k) => k || null));
    expect(body.fields.find((f: { key: string }) => f.key === 'citizen_id').label).toBe('Số CCCD');
  });

  it('step 2: matches by member code, citizen ID, name with birth date, and reports the rest', async () => {
    const response = await post('preview', STATEMENT);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(
      body.matched.map((r: { row: number; memberCode: string; matchedBy: string }) => [
        r.row,
        r.memberCode,
        r.matchedBy,
      ]),
    ).toEqual([
      [2, 'DV01', 'member_code'],
      [3, 'DV02', 'citizen_id'],
      [4, 'DV03', 'name_birth'],
    ]);
    expect(body.matched[0]).toMatchObject({
      month: '2026-03',
      paidVnd: 65_000,
      dueVnd: 65_000,
      paidOn: '2026-03-10',
    });
    expect(body.totalVnd).toBe(151_000);
    expect(body.unmatched).toEqual([
      { row: 5, field: 'member_code', reason: 'unknown_member', message: 'Không tìm thấy đảng viên' },
      { row: 6, field: 'transaction_id', reason: 'duplicate', message: 'Trùng giao dịch' },
      { row: 7, field: 'month', reason: 'bad_month', message: 'Tháng không hợp lệ' },
      // Another cell's member is not in this cell's subtree.
      { row: 8, field: 'member_code', reason: 'unknown_member', message: 'Không tìm thấy đảng viên' },
    ]);
    expect(await portalCount()).toBe(0);
  });

  it('step 3: writes the matched rows as portal payments with one audit event holding no personal data', async () => {
    const response = await post('commit', STATEMENT);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ written: 3, total: 7 });
    expect(response.json().unmatched).toHaveLength(4);
    const written = await rows<{ code: string; paid: number; note: string }>(
      ctx.db,
      sql`SELECT m.member_code AS code, p.paid_vnd::int AS paid, p.note FROM dues_payments p
          JOIN members m ON m.id = p.member_id WHERE p.channel = 'portal' ORDER BY m.member_code`,
    );
    expect(written.map((w) => [w.code, w.paid])).toEqual([
      ['DV01', 65_000],
      ['DV02', 50_000],
      ['DV03', 36_000],
    ]);
    expect(written[0]?.note).toContain('GD001');
    const march = (await sec.get('/api/dues/ledger?org=C&month=2026-03')).json();
    expect(march.rows.find((r: { memberCode: string }) => r.memberCode === 'DV01').paidVnd).toBe(65_000);
    const audits = await rows<{ action: string; detail: unknown }>(
      ctx.db,
      sql`SELECT action, detail FROM audit_events WHERE action = 'dues.portal_import'`,
    );
    expect(audits).toHaveLength(1);
    expect(audits[0]?.detail).toEqual({ fileName: 'sao-ke.csv', rows: 7, written: 3, unmatched: 4 });
    expect(JSON.stringify(audits)).not.toMatch(/Nguyễn|1085000123|DV0/);
  });

  it('refuses the same statement twice: every line a duplicate, nothing written', async () => {
    const response = await post('commit', STATEMENT);
    expect(response.json().written).toBe(0);
    expect(
      response
        .json()
        .unmatched.filter((u: { reason: string }) => u.reason === 'duplicate')
        .map((u: { row: number }) => u.row),
    ).toEqual([2, 3, 4, 6]);
    expect(await portalCount()).toBe(3);
  });

  it('without a transaction ID, a line is a duplicate by member, month, amount and day', async () => {
    const file = csv([
      'Mã ĐV,Tháng,Số tiền,Ngày giao dịch',
      'DV01,2026-03,65000,10/03/2026',
      'DV01,2026-04,65000,10/04/2026',
    ]);
    const response = await post('commit', file, '');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().written).toBe(1);
    expect(response.json().unmatched).toEqual([
      { row: 2, field: 'paid_vnd', reason: 'duplicate', message: 'Trùng giao dịch' },
    ]);
    expect(await portalCount()).toBe(4);
  });

  it('a bad mapping is refused with 400 naming the field', async () => {
    const cases: [string, string][] = [
      [',full_name,member_code,citizen_id,birth_date,month,,paid_on,transaction_id', 'paid_vnd'],
      [',full_name,member_code,citizen_id,birth_date,month,month,paid_on,transaction_id', 'month'],
      [',full_name,so_tien,citizen_id,birth_date,month,paid_vnd,paid_on,transaction_id', 'columns'],
      [',full_name,,,,month,paid_vnd,paid_on,transaction_id', 'birth_date'],
    ];
    for (const [columns, field] of cases) {
      const response = await post('preview', STATEMENT, `columns=${encodeURIComponent(columns)}`);
      expect(response.statusCode, columns).toBe(400);
      expect(response.json().error.fields[0].field, columns).toBe(field);
    }
    // Headers the suggestion cannot place, without a mapping given: the missing field is named.
    const odd = await post('preview', csv(['A,B,C', 'DV01,2026-03,1000']), '');
    expect(odd.statusCode).toBe(400);
    expect(odd.json().error.fields[0].field).toBe('month');
    expect(await portalCount()).toBe(4);
  });

  it('refuses a file beyond the limits, or none, on the field `file`', async () => {
    const limited = await buildTestApp({
      config: { importLimits: { ...DEFAULT_IMPORT_LIMITS, maxRows: 2 } },
    });
    try {
      await buildDuesFixture(limited.db);
      const client = await login(limited.app, 'sec');
      const response = await uploadFile(client, '/api/dues/portal/headers?org=C', 's.csv', STATEMENT);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields[0].field).toBe('file');
    } finally {
      await limited.close();
    }
    const none = await sec.request({ method: 'POST', url: '/api/dues/portal/headers?org=C', payload: {} });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields[0].field).toBe('file');
  });

  it('another cell’s secretary cannot import for this cell (404), the committee above not at all (403)', async () => {
    const sec2 = await login(ctx.app, 'sec2');
    for (const step of ['headers', 'preview', 'commit'])
      expect((await post(step, STATEMENT, '', sec2)).statusCode, step).toBe(404);
    const ga = await login(ctx.app, 'ga');
    expect((await post('commit', STATEMENT, '', ga)).statusCode).toBe(403);
    expect(await portalCount()).toBe(4);
  });
});

describe('the command line', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'nennep-portal-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs `nennep import dues-portal FILE --map …`, reporting the rows it cannot match', async () => {
    const file = path.join(dataDir, 'sao-ke.csv');
    writeFileSync(file, 'Người nộp,Mã ĐV,Kỳ,Tiền nộp,Ngày\nNguyễn Văn An,DV01,03/2026,65000,10/03/2026\n');
    const map = 'Mã ĐV=member_code,Kỳ=month,Tiền nộp=paid_vnd,Ngày=paid_on';
    const result = await runNennep(['import', 'dues-portal', file, '--map', map], dataDir);
    expect(result.stderr).toContain('Dòng 2, cột member_code: Không tìm thấy đảng viên');
    expect(result.stdout).toContain('"written":0');
    expect(result.code).toBe(1);
    // A mapping that lacks the amount is refused, naming the field.
    const bad = await runNennep(
      ['import', 'dues-portal', file, '--map', 'Mã ĐV=member_code,Kỳ=month'],
      dataDir,
    );
    expect(bad.stderr).toContain('paid_vnd: Số tiền (đồng): chưa chọn cột nào.');
    expect(bad.code).toBe(1);
    // Two runs of the command, each opening (and migrating) its data folder: slow on a shared machine.
  }, 300_000);
});
