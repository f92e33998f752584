import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import type { Tree } from '../../test/tree.ts';
import { duesAlertsOf } from './ledger.ts';
import { buildDuesFixture, MARCH_DUES, TEN_BASES } from './test-fixture.ts';

/**
 * Issue 16's acceptance through the API (QĐ 01-QĐ/TW): a cell of ten members with known bases owes the
 * expected dues for a month; cash collected at the meeting's dues item fills the ledger; two members unpaid
 * three months appear in arrears and raise the alert; a member reads his or her own statement.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let tree: Tree;
let sec: Client;
const now = new Date('2026-06-15T03:00:00Z');

const count = async (table: string) => {
  const [row] = await rows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`);
  return row?.n ?? 0;
};
const ledger = async (month: string) => (await sec.get(`/api/dues/ledger?org=C&month=${month}`)).json();
const pay = (entries: object[], extra: object = {}) => sec.post('/api/dues/payments', { entries, ...extra });

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  tree = await buildDuesFixture(ctx.db);
  sec = await login(ctx.app, 'sec');
});
afterAll(() => ctx.close());

describe('the ten-member cell (issue 16 acceptance)', () => {
  it('owes the expected dues for March 2026 from the bases and the cell’s decisions', async () => {
    for (const { fromMonth, ...basis } of TEN_BASES) {
      const recorded = await sec.post('/api/dues/basis', { ...basis, fromMonth: fromMonth ?? '2026-02' });
      expect(recorded.statusCode, recorded.body).toBe(200);
    }
    const half = await sec.post('/api/dues/relief', {
      memberCode: 'DV07',
      reliefKind: 'reduction',
      percent: 50,
      fromMonth: '2026-01',
      untilMonth: '2026-06',
      reason: 'Gia đình có người ốm nặng dài ngày',
    });
    expect(half.statusCode, half.body).toBe(200);
    const pension = await sec.post('/api/dues/relief', {
      memberCode: 'DV09',
      reliefKind: 'social_pension',
      fromMonth: '2026-02',
      reason: 'Hưởng trợ cấp xã hội hằng tháng',
    });
    expect(pension.statusCode, pension.body).toBe(200);

    const march = await ledger('2026-03');
    expect(
      Object.fromEntries(
        march.rows.map((r: { memberCode: string; dueVnd: number }) => [r.memberCode, r.dueVnd]),
      ),
    ).toEqual(MARCH_DUES);
    const flags = march.rows
      .filter((r: { exempt: boolean; reductionPercent: number }) => r.exempt || r.reductionPercent > 0)
      .map((r: { memberCode: string; exempt: boolean; reductionPercent: number }) => [
        r.memberCode,
        r.exempt,
        r.reductionPercent,
      ])
      .sort();
    expect(flags).toEqual([
      ['DV06', true, 0],
      ['DV07', false, 50],
      ['DV09', true, 0],
    ]);
    expect(march.totals).toEqual({ dueVnd: 262_000, paidVnd: 0 });
    expect(Object.keys(march.rows[0]).sort()).toEqual([
      'dueVnd',
      'exempt',
      'memberCode',
      'paidVnd',
      'reductionPercent',
    ]);
    // The reduction ends after its last month (QĐ 01-QĐ/TW: at most 12 months a decision).
    const july = await ledger('2026-07');
    expect(july.rows.find((r: { memberCode: string }) => r.memberCode === 'DV07')).toMatchObject({
      dueVnd: 80_000,
      reductionPercent: 0,
    });
    const audited = await rows<{ action: string; n: number }>(
      ctx.db,
      sql`SELECT action, count(*)::int AS n FROM audit_events WHERE action LIKE 'dues.%' GROUP BY action ORDER BY action`,
    );
    expect(audited).toEqual([
      { action: 'dues.basis', n: 10 },
      { action: 'dues.relief', n: 2 },
    ]);
  });

  it('records the cash collected at the meeting’s dues item in one go, shown in the month’s ledger', async () => {
    const created = await sec.post('/api/meetings', {
      orgCode: 'C',
      kind: 'regular',
      date: '2026-06-15',
      startTime: '19:30',
    });
    expect(created.statusCode, created.body).toBe(201);
    const meetingId: number = created.json().id;
    const paying = ['DV01', 'DV03', 'DV04', 'DV05', 'DV07', 'DV08'];
    const entries = paying.map((memberCode) => ({
      memberCode,
      month: '2026-03',
      paidVnd: MARCH_DUES[memberCode],
    }));

    // One entry of another cell: the whole batch is refused, nothing written — for the secretary that
    // member does not exist (404), for the province's administrator it is not of the cell that met (400).
    const before = await count('dues_payments');
    const mixed = [...entries, { memberCode: 'C21', month: '2026-03', paidVnd: 5000 }];
    const unseen = await pay(mixed, { meetingId });
    expect(unseen.statusCode).toBe(404);
    expect(unseen.json().error.fields[0].field).toBe('entries.6.memberCode');
    const admin = await login(ctx.app, 'admin');
    const elsewhere = await admin.post('/api/dues/payments', { meetingId, entries: mixed });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.fields[0].field).toBe('entries.6.memberCode');
    expect(await count('dues_payments')).toBe(before);

    const paid = await pay(entries, { meetingId });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json().ids).toHaveLength(6);
    const [stored] = await rows<{ n: number; paidOn: string }>(
      ctx.db,
      sql`SELECT count(*)::int AS n, min(paid_on)::text AS "paidOn" FROM dues_payments WHERE meeting_id = ${meetingId}`,
    );
    expect(stored).toEqual({ n: 6, paidOn: '2026-06-15' });
    const march = await ledger('2026-03');
    expect(march.totals).toEqual({ dueVnd: 262_000, paidVnd: 192_000 });
    expect(march.rows.find((r: { memberCode: string }) => r.memberCode === 'DV02').paidVnd).toBe(0);

    // Adopted minutes never change: no payment is added at an adopted meeting's dues item.
    await ctx.db.execute(sql`UPDATE meetings SET status = 'adopted' WHERE id = ${meetingId}`);
    const late = await pay([{ memberCode: 'DV02', month: '2026-03', paidVnd: 50_000 }], { meetingId });
    expect(late.statusCode).toBe(409);
    expect(await count('dues_payments')).toBe(6);
    const [audited] = await rows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'dues.payment'`,
    );
    expect(audited?.n).toBe(6);

    // A relief decided by the meeting's resolution refers to it, adopted or not; another cell's is refused.
    const decided = await sec.post('/api/dues/relief', {
      memberCode: 'DV04',
      reliefKind: 'hardship',
      fromMonth: '2026-07',
      meetingId,
      reason: 'Thiên tai làm hư hại nhà ở',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const [relief] = await rows<{ meetingId: number; untilMonth: string }>(
      ctx.db,
      sql`SELECT meeting_id::int AS "meetingId", until_month AS "untilMonth" FROM dues_reliefs ORDER BY id DESC LIMIT 1`,
    );
    // Hardship relief lasts at most 12 months: with no end given, it ends there (QĐ 01-QĐ/TW).
    expect(relief).toEqual({ meetingId, untilMonth: '2027-06' });
    const unknown = await sec.post('/api/dues/relief', {
      memberCode: 'DV04',
      reliefKind: 'none',
      fromMonth: '2026-08',
      meetingId: meetingId + 1000,
      reason: 'Hết khó khăn',
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('lists two members unpaid three months in arrears and raises the alert, unless a reason is recorded', async () => {
    const all = ['DV01', 'DV03', 'DV04', 'DV05', 'DV07', 'DV08'];
    const due = (code: string, month: string) =>
      code === 'DV07' && month !== '2026-07' ? 40_000 : (MARCH_DUES[code] ?? 0);
    const entries = all.flatMap((memberCode) =>
      ['2026-02', '2026-04', '2026-05'].map((month) => ({
        memberCode,
        month,
        paidVnd: due(memberCode, month),
      })),
    );
    entries.push({ memberCode: 'DV07', month: '2026-01', paidVnd: 40_000 });
    entries.push({ memberCode: 'DV02', month: '2026-05', paidVnd: 50_000 });
    entries.push({ memberCode: 'DV10', month: '2026-05', paidVnd: 20_000 });
    // Paid through the portal a month ahead, and a voluntary extra: neither is in arrears.
    entries.push({ memberCode: 'DV01', month: '2026-06', paidVnd: 100_000 });
    const paid = await pay(entries.map((e) => ({ ...e, channel: 'cash' })));
    expect(paid.statusCode, paid.body).toBe(200);

    const arrears = await sec.get('/api/dues/arrears?org=C&year=2026');
    expect(arrears.statusCode).toBe(200);
    expect(arrears.json()).toEqual({
      rows: [
        { memberCode: 'DV02', unpaidMonths: ['2026-02', '2026-03', '2026-04'] },
        { memberCode: 'DV10', unpaidMonths: ['2026-02', '2026-03', '2026-04'] },
      ],
    });
    const path = tree.org('C').path;
    expect((await duesAlertsOf(ctx.db, path, 2026, now)).map((a) => [a.memberCode, a.months.length])).toEqual(
      [
        ['DV02', 3],
        ['DV10', 3],
      ],
    );

    // The daily run tells the cell's secretary, once a member and year (Điều lệ Đảng, Điều 8 khoản 2).
    const admin = await login(ctx.app, 'admin');
    const runAlerts = async () => (await admin.post('/api/alerts/run', { date: '2026-06-15' })).json().byKind;
    expect((await runAlerts()).dues_arrears).toBe(2);
    expect((await runAlerts()).dues_arrears).toBe(0);
    const inbox = JSON.stringify((await sec.get('/api/inbox')).json());
    expect(inbox).toContain('chưa đóng đảng phí các tháng 02/2026, 03/2026, 04/2026 năm 2026');
    expect(JSON.stringify((await (await login(ctx.app, 'sec2')).get('/api/inbox')).json())).not.toContain(
      'đảng phí',
    );

    // A reason recorded by the cell takes the month out of the count (QĐ 01-QĐ/TW Điều 2 khoản 1) …
    const reason = await sec.post('/api/dues/reasons', {
      memberCode: 'DV10',
      month: '2026-03',
      reason: 'Nằm viện điều trị dài ngày',
    });
    expect(reason.statusCode, reason.body).toBe(200);
    // … and a late payment clears the month paid for.
    expect((await pay([{ memberCode: 'DV02', month: '2026-02', paidVnd: 50_000 }])).statusCode).toBe(200);
    expect((await duesAlertsOf(ctx.db, path, 2026, now)).map((a) => a.memberCode)).toEqual([]);
    expect((await sec.get('/api/dues/arrears?org=C&year=2026')).json().rows).toEqual([
      { memberCode: 'DV02', unpaidMonths: ['2026-03', '2026-04'] },
      { memberCode: 'DV10', unpaidMonths: ['2026-02', '2026-03', '2026-04'] },
    ]);
    // The committee above reads the same arrears over its subtree.
    const ga = await login(ctx.app, 'ga');
    expect(
      (await ga.get('/api/dues/arrears?org=GA&year=2026'))
        .json()
        .rows.map((r: { memberCode: string }) => r.memberCode),
    ).toEqual(['DV02', 'DV10']);
  });

  it('corrects with a negative entry, never below what was recorded, and nothing is deleted', async () => {
    const before = await count('dues_payments');
    const tooMuch = await pay([{ memberCode: 'DV01', month: '2026-06', paidVnd: -100_001 }]);
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.fields[0].field).toBe('entries.0.paidVnd');
    const corrected = await pay([
      { memberCode: 'DV01', month: '2026-06', paidVnd: -35_000, note: 'Ghi nhầm' },
    ]);
    expect(corrected.statusCode).toBe(200);
    expect(await count('dues_payments')).toBe(before + 1);
    expect(
      (await ledger('2026-06')).rows.find((r: { memberCode: string }) => r.memberCode === 'DV01').paidVnd,
    ).toBe(65_000);
  });

  it('gives a member his or her own statement, and lets the member declare his or her own income', async () => {
    const member = await login(ctx.app, 'member');
    const mine = await member.get('/api/dues/mine?year=2026');
    expect(mine.statusCode).toBe(200);
    const statement = mine.json();
    expect(statement).toMatchObject({
      memberCode: 'DV01',
      fullName: 'Nguyễn Văn An',
      year: 2026,
      unpaidMonths: [],
    });
    expect(statement.months[0]).toEqual({
      month: '2026-01',
      dueVnd: 0,
      paidVnd: 0,
      exempt: false,
      reductionPercent: 0,
    });
    expect(statement.months[2]).toMatchObject({ month: '2026-03', dueVnd: 65_000, paidVnd: 65_000 });
    expect(statement.totals.dueVnd).toBe(65_000 * 11);

    const declared = await member.post('/api/dues/basis', {
      memberCode: 'DV01',
      fromMonth: '2026-07',
      category: 'bhxh_salary',
      amountVnd: 7_000_000,
    });
    expect(declared.statusCode, declared.body).toBe(200);
    const [row] = await rows<{ byMember: boolean; declaredByName: string }>(
      ctx.db,
      sql`SELECT by_member AS "byMember", declared_by_name AS "declaredByName" FROM dues_bases ORDER BY id DESC LIMIT 1`,
    );
    expect(row).toEqual({ byMember: true, declaredByName: 'member' });
    expect(
      (await ledger('2026-07')).rows.find((r: { memberCode: string }) => r.memberCode === 'DV01').dueVnd,
    ).toBe(70_000);
  });
});

describe('bad input', () => {
  const fieldOf = async (
    response: Promise<{
      statusCode: number;
      json: () => { error: { fields: { field: string; message: string }[] } };
    }>,
  ) => {
    const r = await response;
    expect(r.statusCode).toBe(400);
    return r.json().error.fields[0]?.field;
  };

  it('answers 400 naming the field, in both the schema and the rules', async () => {
    expect(await fieldOf(pay([{ memberCode: 'DV01', month: '2026-13', paidVnd: 1000 }]))).toBe(
      'entries.0.month',
    );
    expect(await fieldOf(pay([{ memberCode: 'DV01', month: '2026-04', paidVnd: 0 }]))).toBe(
      'entries.0.paidVnd',
    );
    expect(await fieldOf(pay([{ memberCode: 'DV01', month: '2027-07', paidVnd: 1000 }]))).toBe(
      'entries.0.month',
    );
    expect(
      await fieldOf(pay([{ memberCode: 'DV01', month: '2026-04', paidVnd: 1000 }], { paidOn: '2026-06-16' })),
    ).toBe('paidOn');
    expect(await fieldOf(pay([]))).toBe('entries');
    const basis = (body: object) =>
      sec.post('/api/dues/basis', { memberCode: 'DV02', fromMonth: '2026-08', ...body });
    expect(await fieldOf(basis({ category: 'hoc_sinh' }))).toBe('category');
    expect(await fieldOf(basis({ category: 'Pension' }))).toBe('category');
    expect(await fieldOf(basis({ category: 'pension' }))).toBe('amountVnd');
    expect(await fieldOf(basis({ category: 'pension', amountVnd: -1 }))).toBe('amountVnd');
    expect(await fieldOf(basis({ category: 'pension', amountVnd: 1, fromMonth: '1999-12' }))).toBe(
      'fromMonth',
    );
    const relief = (body: object) =>
      sec.post('/api/dues/relief', { memberCode: 'DV02', fromMonth: '2026-08', reason: 'Khó khăn', ...body });
    expect(await fieldOf(relief({ reliefKind: 'reduction', percent: 40 }))).toBe('percent');
    expect(await fieldOf(relief({ reliefKind: 'hardship', percent: 50 }))).toBe('percent');
    expect(await fieldOf(relief({ reliefKind: 'hardship', untilMonth: '2027-08' }))).toBe('untilMonth');
    expect(await fieldOf(relief({ reliefKind: 'hardship', untilMonth: '2026-07' }))).toBe('untilMonth');
    expect(await fieldOf(relief({ reliefKind: 'waived' }))).toBe('reliefKind');
    expect(await fieldOf(relief({ reliefKind: 'hardship', reason: '' }))).toBe('reason');
    // A relief applies to a basis: none before February for DV02.
    expect(await fieldOf(relief({ reliefKind: 'hardship', fromMonth: '2026-01' }))).toBe('fromMonth');
    expect(
      await fieldOf(sec.post('/api/dues/reasons', { memberCode: 'DV02', month: '26-03', reason: 'x' })),
    ).toBe('month');
    expect(await fieldOf(sec.get('/api/dues/ledger?org=C&month=2026-3') as never)).toBe('month');
    expect(await fieldOf(sec.get('/api/dues/arrears?org=C&year=nam') as never)).toBe('year');
  });
});
