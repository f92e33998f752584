import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { runNennep } from '../../test/cli.ts';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { renderDuesError, runDuesImport } from './import.ts';
import { buildDuesFixture, MARCH_DUES } from './test-fixture.ts';

/**
 * `nennep import dues-basis FILE` and `nennep import dues FILE` (issue 16 point 6): the whole file or nothing,
 * each error naming its row and column; what is written is what the API's ledger then shows.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let sec: Client;
const now = new Date('2026-06-15T03:00:00Z');

const csv = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`, 'utf8');
const count = async () => {
  const [row] = await rows<{ n: number }>(
    ctx.db,
    sql`SELECT ((SELECT count(*) FROM dues_bases) + (SELECT count(*) FROM dues_reliefs)
          + (SELECT count(*) FROM dues_payments))::int AS n`,
  );
  return row?.n ?? -1;
};

const BASES = csv([
  'member_code,from_month,category,amount_vnd,exemption,reduction_percent,reduction_until',
  'DV01,2026-02,bhxh_salary,6.500.000,,,',
  'DV02,2026-02,bhxh_salary,4960000,,,',
  'DV03,2026-02,pension,7200000,,,',
  'DV04,2026-02,pension,3150000,,,',
  'DV05,2026-02,student,,,,',
  'DV06,2026-02,pension,5000000,,,',
  'DV07,2026-01,bhxh_salary,8000000,,50,2026-06',
  'DV08,2026-02,bhxh_benefit,3000000,,,',
  'DV09,2026-02,other,0,social_pension,,',
  'DV10,2026-02,other,2000000,,,',
]);

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  await buildDuesFixture(ctx.db);
  sec = await login(ctx.app, 'sec');
});
afterAll(() => ctx.close());

describe('import dues-basis', () => {
  it('refuses a file with errors as a whole, naming each row and column', async () => {
    const bad = csv([
      'member_code,from_month,category,amount_vnd,exemption,reduction_percent,reduction_until',
      'DV01,2026-02,bhxh_salary,6500000,,,',
      'KHONGCO,2026-02,pension,1000000,,,',
      'DV02,2026-2,pension,1000000,,,',
      'DV03,2026-02,luong,1000000,,,',
      'DV04,2026-02,pension,,,,',
      'DV05,2026-02,bhxh_salary,1000000,,50,2027-06',
      'DV06,1970-01,pension,1000000,,,',
    ]);
    const report = await runDuesImport(ctx.database, 'dues-basis', bad, 'co-so.csv', now);
    expect(report.valid).toBe(false);
    expect(report.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'member_code'],
      [4, 'from_month'],
      [5, 'category'],
      [6, 'amount_vnd'],
      [7, 'reduction_until'],
      [8, 'from_month'],
    ]);
    expect(renderDuesError(report.errors[0] ?? { row: 0, field: '', message: { vi: '', en: '' } })).toBe(
      'Dòng 3, cột member_code: Mã đảng viên: không có đảng viên KHONGCO',
    );
    expect(report.errors[4]?.message.vi).toContain('Giảm, miễn đến tháng');
    expect(await count()).toBe(0);
  });

  it('refuses a file whose columns are not the template’s', async () => {
    const report = await runDuesImport(
      ctx.database,
      'dues-basis',
      csv(['member_code,tháng,category', 'DV01,2026-02,student']),
      'co-so.csv',
      now,
    );
    expect(report.errors.map((e) => [e.row, e.field])).toEqual([
      [1, 'tháng'],
      [1, 'from_month'],
    ]);
    expect(await count()).toBe(0);
  });

  it('writes the ten bases and their relief, the ledger then owing the expected dues', async () => {
    const report = await runDuesImport(ctx.database, 'dues-basis', BASES, 'co-so.csv', now);
    expect(report).toEqual({ valid: true, total: 10, errors: [], written: 12 });
    const march = (await sec.get('/api/dues/ledger?org=C&month=2026-03')).json();
    expect(
      Object.fromEntries(
        march.rows.map((r: { memberCode: string; dueVnd: number }) => [r.memberCode, r.dueVnd]),
      ),
    ).toEqual(MARCH_DUES);
    const [audited] = await rows<{ action: string; actor: string }>(
      ctx.db,
      sql`SELECT action, actor_name AS actor FROM audit_events WHERE action LIKE 'import.dues%'`,
    );
    expect(audited).toEqual({ action: 'import.dues-basis', actor: 'system' });
  });
});

describe('import dues', () => {
  it('writes payments (Vietnamese headers accepted), shown in the month’s ledger', async () => {
    const report = await runDuesImport(
      ctx.database,
      'dues',
      csv([
        'Mã đảng viên,Đóng cho tháng,Số tiền đã đóng (đồng),Ngày đóng,Hình thức đóng',
        'DV01,2026-03,65.000,10/03/2026,cash',
        'DV02,2026-03,50000,2026-04-02,portal',
        'DV10,2026-03,25000,2026-03-12,Cash',
      ]),
      'thu.csv',
      now,
    );
    expect(report).toEqual({ valid: true, total: 3, errors: [], written: 3 });
    const march = (await sec.get('/api/dues/ledger?org=C&month=2026-03')).json();
    expect(march.totals).toEqual({ dueVnd: 262_000, paidVnd: 140_000 });
    const [portal] = await rows<{ channel: string; paidOn: string }>(
      ctx.db,
      sql`SELECT channel, paid_on::text AS "paidOn" FROM dues_payments WHERE paid_vnd = 50000`,
    );
    expect(portal).toEqual({ channel: 'portal', paidOn: '2026-04-02' });
  });

  it('refuses bad payments as a whole: a correction beyond what was recorded, a future day, a bad channel', async () => {
    const before = await count();
    const report = await runDuesImport(
      ctx.database,
      'dues',
      csv([
        'member_code,month,paid_vnd,paid_on,channel',
        'DV01,2026-04,65000,2026-04-10,cash',
        'DV02,2026-03,-50001,2026-06-01,cash',
        'DV03,2026-03,36000,2026-06-16,cash',
        'DV04,2026-03,16000,2026-03-10,bank',
        'DV05,2026-03,0,2026-03-10,cash',
      ]),
      'thu.csv',
      now,
    );
    expect(report.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'paid_vnd'],
      [4, 'paid_on'],
      [5, 'channel'],
      [6, 'paid_vnd'],
    ]);
    expect(await count()).toBe(before);
  });
});

describe('the command line', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'nennep-dues-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('runs `nennep import dues FILE`, printing each error and writing nothing', async () => {
    const file = path.join(dataDir, 'thu.csv');
    writeFileSync(file, 'member_code,month,paid_vnd,paid_on,channel\nDV01,2026-03,65000,10/03/2026,cash\n');
    const result = await runNennep(['import', 'dues', file], dataDir);
    expect(result.stderr).toContain('Dòng 2, cột member_code: Mã đảng viên: không có đảng viên DV01');
    expect(result.stderr).toContain('không ghi gì vào hệ thống');
    expect(result.code).toBe(1);
  });
});
