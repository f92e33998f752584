import type { DuesRemittanceDto, DuesRemittanceFigures } from '@nennep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { buildDuesFixture, MARCH_DUES, TEN_BASES } from './test-fixture.ts';

/**
 * The remittance of issue 16 point 5 on a small tree: the commune GA ("Đảng bộ xã", keeps 90 %) with the cells
 * C (ten members) and C2 (one), under the province P (keeps 50 %); cells keep 30 % (QĐ 342-QĐ/TW (2010)
 * shares, the default). The commune is the sum of its cells and kept + sent = collected at every level.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let sec: Client;
let sec2: Client;
let admin: Client;
const now = new Date('2026-06-15T03:00:00Z');

const remittance = async (client: Client, query: string) => {
  const res = await client.get(`/api/dues/remittance?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DuesRemittanceDto;
};

const balanced = (f: DuesRemittanceFigures | Omit<DuesRemittanceFigures, 'membersInArrears'>) =>
  f.keptVnd + f.sentVnd === f.collectedVnd && f.ownKeptVnd <= f.keptVnd;

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  await buildDuesFixture(ctx.db);
  [sec, sec2, admin] = await Promise.all(['sec', 'sec2', 'admin'].map((u) => login(ctx.app, u)));
  for (const { fromMonth, ...basis } of TEN_BASES) {
    const res = await sec.post('/api/dues/basis', { ...basis, fromMonth: fromMonth ?? '2026-02' });
    expect(res.statusCode, res.body).toBe(200);
  }
  for (const relief of [
    { memberCode: 'DV07', reliefKind: 'reduction', percent: 50, fromMonth: '2026-01', untilMonth: '2026-06' },
    { memberCode: 'DV09', reliefKind: 'social_pension', fromMonth: '2026-02' },
  ]) {
    const res = await sec.post('/api/dues/relief', { ...relief, reason: 'Quyết định của chi bộ' });
    expect(res.statusCode, res.body).toBe(200);
  }
  const c21 = { memberCode: 'C21', fromMonth: '2026-02', category: 'pension', amountVnd: 4_000_000 };
  expect((await sec2.post('/api/dues/basis', c21)).statusCode).toBe(200);
  // March: everyone in C pays the month's due except DV02 and DV10; C21 pays his 20,000.
  const march = Object.entries(MARCH_DUES)
    .filter(([code, due]) => due > 0 && code !== 'DV02' && code !== 'DV10')
    .map(([memberCode, paidVnd]) => ({ memberCode, month: '2026-03', paidVnd }));
  expect((await sec.post('/api/dues/payments', { entries: march })).statusCode).toBe(200);
  const paidC2 = await sec2.post('/api/dues/payments', {
    entries: [{ memberCode: 'C21', month: '2026-03', paidVnd: 20_000 }],
  });
  expect(paidC2.statusCode, paidC2.body).toBe(200);
});
afterAll(() => ctx.close());

describe('GET /api/dues/remittance', () => {
  it('a cell’s month: due, collected, rate, arrears, 30 % kept and the rest sent up', async () => {
    const r = await remittance(sec, 'org=C&year=2026&month=2026-03');
    expect(r.months).toEqual(['2026-03']);
    expect(r.org).toMatchObject({
      code: 'C',
      level: 'cell',
      expectedVnd: 262_000,
      collectedVnd: 192_000,
      ratePercent: 73.3,
      membersInArrears: 2,
      keptVnd: 57_600,
      ownKeptVnd: 57_600,
      sentVnd: 134_400,
    });
    expect(r.children).toEqual([]);
  });

  it('the commune is the sum of its cells and keeps 90 % of what they send', async () => {
    const r = await remittance(admin, 'org=GA&year=2026&month=2026-03');
    // In the tree's order (Vietnamese sort keys: "Thúy" before "Thượng").
    expect(r.children.map((c) => c.code)).toEqual(['C2', 'C']);
    const [c2, c] = r.children;
    expect(c2).toMatchObject({ expectedVnd: 20_000, collectedVnd: 20_000, ratePercent: 100, keptVnd: 6_000 });
    expect(r.org).toMatchObject({
      level: 'grassroots_commune',
      expectedVnd: 282_000,
      collectedVnd: 212_000,
      ratePercent: 75.2,
      membersInArrears: 2,
      // Cells 57,600 + 6,000; the commune 90 % of 134,400 + 14,000.
      ownKeptVnd: 120_960 + 12_600,
      keptVnd: 57_600 + 6_000 + 120_960 + 12_600,
      sentVnd: 13_440 + 1_400,
    });
    for (const key of ['expectedVnd', 'collectedVnd', 'membersInArrears'] as const)
      expect(r.org[key]).toBe((c?.[key] ?? 0) + (c2?.[key] ?? 0));
    for (const row of [r.org, ...r.children]) expect(balanced(row), row.code).toBe(true);
    expect(r.org.hasChildren).toBe(true);
    expect(c?.hasChildren).toBe(false);
  });

  it('the province keeps half of what the commune sends; every level balances', async () => {
    const r = await remittance(admin, 'org=P&year=2026&month=2026-03');
    expect(r.org).toMatchObject({ level: 'superior', collectedVnd: 212_000, ownKeptVnd: 6_720 + 700 });
    expect(r.org.sentVnd).toBe(7_420);
    expect(r.children.map((c) => c.code)).toEqual(['GA']);
    expect(balanced(r.org)).toBe(true);
  });

  it('the year so far: months up to the current one, totals = sums of the months and of the children', async () => {
    const r = await remittance(admin, 'org=GA&year=2026');
    expect(r.months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    const sum = (key: 'expectedVnd' | 'collectedVnd' | 'keptVnd' | 'ownKeptVnd' | 'sentVnd') =>
      r.byMonth.reduce((s, m) => s + m[key], 0);
    const ofChildren = (key: 'expectedVnd' | 'collectedVnd' | 'keptVnd' | 'sentVnd') =>
      r.children.reduce((s, c) => s + c[key], 0);
    for (const key of ['expectedVnd', 'collectedVnd', 'keptVnd', 'ownKeptVnd', 'sentVnd'] as const)
      expect(sum(key), key).toBe(r.org[key]);
    expect(r.org.expectedVnd).toBe(ofChildren('expectedVnd'));
    expect(r.org.collectedVnd).toBe(ofChildren('collectedVnd'));
    // The commune keeps its share of what the cells send: the cells' kept plus its own; it sends the rest.
    expect(r.org.keptVnd).toBe(ofChildren('keptVnd') + r.org.ownKeptVnd);
    expect(r.org.sentVnd).toBe(ofChildren('sentVnd') - r.org.ownKeptVnd);
    for (const m of r.byMonth) expect(balanced(m), m.month).toBe(true);
    // February, April and May are unpaid for everyone who owes: every member with a due is in arrears.
    expect(r.org.membersInArrears).toBe(9);
    expect(r.byMonth[0]).toMatchObject({ month: '2026-01', collectedVnd: 0 });
  });

  it('a future year has no months yet; a month outside the year is refused naming the field', async () => {
    const next = await remittance(admin, 'org=GA&year=2027');
    expect(next.months).toEqual([]);
    expect(next.org).toMatchObject({ expectedVnd: 0, collectedVnd: 0, ratePercent: null });
    const bad = await admin.get('/api/dues/remittance?org=GA&year=2026&month=2025-03');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('month');
    const badMonth = await admin.get('/api/dues/remittance?org=GA&year=2026&month=2026-13');
    expect(badMonth.statusCode).toBe(400);
    expect(badMonth.json().error.fields[0].field).toBe('month');
  });
});
