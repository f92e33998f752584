import { DEFAULT_RULE_SET, type MeetingDaysDto, type PlanDto } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { commune, membersOf, seedTree } from '../../test/tree.ts';

/**
 * A commune spreads its cells' meeting days over the window (days 1–10) so that its visitors can attend:
 * the plan is shown first and changes nothing; applying it moves the planned meetings with their
 * preparation and their visits, plans the cells not planned yet on their new day, and is idempotent.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let admin: Client;
let secretary: Client;
let member: Client;
let visitor: Client;
const VILLAGES = ['V1', 'V2', 'V3', 'V4', 'V5', 'V6'];

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => new Date('2026-12-05T09:00:00+07:00') });
  const { db } = ctx;
  await seedTree(db, {
    orgs: [
      ...commune('X'),
      ...VILLAGES.map((code, i) => ({
        code,
        name: `Chi bộ thôn ${i + 1}`,
        kind: 'cell' as const,
        category: 'village' as const,
        parent: 'X',
      })),
      { code: 'S', name: 'Chi bộ Trường Tiểu học', kind: 'cell', category: 'school', parent: 'X' },
    ],
    // V1 is large enough to have a cell committee, which prepares its meetings two days before.
    members: membersOf(
      'V1',
      'V1M',
      Array.from({ length: 9 }, (_, i) => `Nguyễn Văn Một ${i + 1}`),
    ),
    accounts: [
      ['admin', 'admin', 'X'],
      ['v1', 'visitor', 'X'],
      ['v2', 'visitor', 'X'],
      ['bithu', 'cell_secretary', 'V2'],
      ['uyvien', 'committee_member', 'X'],
    ],
  });
  admin = await login(ctx.app, 'admin');
  secretary = await login(ctx.app, 'bithu');
  member = await login(ctx.app, 'uyvien');
  visitor = await login(ctx.app, 'v1');
  const rules = { ...structuredClone(DEFAULT_RULE_SET), meetingWindow: { fromDay: 1, toDay: 10 } };
  const created = await admin.post('/api/rule-sets', {
    orgCode: 'X',
    name: 'Họp từ ngày 1 đến ngày 10',
    effectiveFrom: '2027-01-01',
    content: rules,
  });
  expect(created.statusCode).toBe(201);
});
afterAll(() => ctx.close());

const january = () =>
  rows<{ code: string; kind: string; date: string; id: number }>(
    ctx.db,
    sql`SELECT o.code, m.kind, m.scheduled_date::text AS date, m.id::int AS id FROM meetings m JOIN orgs o ON o.id = m.org_id
        WHERE m.scheduled_date BETWEEN '2026-12-25' AND '2027-01-31' AND m.status <> 'cancelled' ORDER BY o.code, m.kind`,
  );

describe('spreading the meeting days of a commune', () => {
  it('shows a plan that puts each target cell where a visitor can go, and changes nothing', async () => {
    await admin.post('/api/meetings/plan', { orgCode: 'X', from: '2027-01-01', to: '2027-01-31' });
    const before = await january();
    // Nobody has a habit yet: every cell is planned on the window's first day.
    expect(new Set(before.filter((m) => m.kind === 'regular').map((m) => m.date))).toEqual(
      new Set(['2027-01-01']),
    );
    const res = await admin.get('/api/orgs/X/meeting-days?month=2027-01');
    expect(res.statusCode).toBe(200);
    const plan: MeetingDaysDto = res.json();
    expect(plan.days).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // The two visitors and the committee member, one meeting an evening each.
    expect(plan.visitors).toBe(3);
    expect(plan.capacityPerDay).toBe(3);
    expect(plan.perDayLimit).toBe(2);
    expect(plan.uncovered).toEqual([]);
    expect(plan.cells.filter((c) => c.target).every((c) => c.covered)).toBe(true);
    expect(plan.cells.filter((c) => c.kept)).toHaveLength(2);
    expect(plan.changes).toBe(5);
    for (const day of plan.days)
      expect(
        plan.cells.filter((c) => c.date.endsWith(`-${String(day).padStart(2, '0')}`)).length,
      ).toBeLessThanOrEqual(2);
    expect(await january()).toEqual(before);
  });

  it('moves the meetings with their preparation and their visits, and applying twice changes nothing', async () => {
    const supervision = await admin.post('/api/supervision/plans', {
      committeeCode: 'X',
      periodKey: '2027-Q1',
    });
    expect(supervision.statusCode).toBe(200);
    const visits = (supervision.json() as PlanDto).visits;
    expect(visits.length).toBeGreaterThan(0);
    const applied = await admin.post('/api/orgs/X/meeting-days', { month: '2027-01' });
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ moved: 5, planned: 0 });
    expect(applied.json().plan.changes).toBe(0);
    const after = await january();
    const preview: MeetingDaysDto = (await admin.get('/api/orgs/X/meeting-days?month=2027-01')).json();
    for (const cell of preview.cells) {
      const regular = after.find((m) => m.code === cell.code && m.kind === 'regular');
      expect(regular?.date).toBe(cell.date);
    }
    const v1 = after.filter((m) => m.code === 'V1');
    const regular = v1.find((m) => m.kind === 'regular')?.date as string;
    const preparation = v1.find((m) => m.kind === 'cell_committee')?.date as string;
    expect(Date.parse(regular) - Date.parse(preparation)).toBe(
      DEFAULT_RULE_SET.cellCommitteeDaysBefore * 86_400_000,
    );
    const moved = await rows<{ date: string; meetingDate: string }>(
      ctx.db,
      sql`SELECT v.scheduled_date::text AS date, m.scheduled_date::text AS "meetingDate" FROM visits v
          JOIN meetings m ON m.id = v.meeting_id WHERE v.status = 'planned'`,
    );
    for (const v of moved) expect(v.date).toBe(v.meetingDate);
    const again = await admin.post('/api/orgs/X/meeting-days', { month: '2027-01' });
    expect(again.json()).toMatchObject({ moved: 0, planned: 0 });
    expect(await january()).toEqual(after);
    const [event] = await rows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'meeting_days.applied'`,
    );
    expect(event?.n).toBe(2);
  });

  it('plans a month not planned yet on the days the cells now keep', async () => {
    const preview: MeetingDaysDto = (await admin.get('/api/orgs/X/meeting-days?month=2027-02')).json();
    expect(preview.cells.every((c) => c.current === null && c.kept)).toBe(true);
    const applied = await admin.post('/api/orgs/X/meeting-days', { month: '2027-02' });
    expect(applied.json().planned).toBeGreaterThanOrEqual(VILLAGES.length + 1);
    const february = await rows<{ code: string; date: string }>(
      ctx.db,
      sql`SELECT o.code, m.scheduled_date::text AS date FROM meetings m JOIN orgs o ON o.id = m.org_id
          WHERE m.kind = 'regular' AND m.scheduled_date BETWEEN '2027-02-01' AND '2027-02-28'`,
    );
    for (const cell of preview.cells)
      expect(february.find((m) => m.code === cell.code)?.date).toBe(cell.date);
  });

  it("refuses a month gone by, a month that is not one, and those who do not plan the commune's meetings", async () => {
    const past = await admin.get('/api/orgs/X/meeting-days?month=2026-11');
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields[0].field).toBe('month');
    const wrong = await admin.post('/api/orgs/X/meeting-days', { month: '2027-13' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].field).toBe('month');
    // A secretary and a visitor do not see the commune; its committee member spreads its days too.
    expect((await secretary.get('/api/orgs/X/meeting-days?month=2027-01')).statusCode).toBe(404);
    expect((await secretary.post('/api/orgs/X/meeting-days', { month: '2027-01' })).statusCode).toBe(404);
    expect((await visitor.post('/api/orgs/X/meeting-days', { month: '2027-01' })).statusCode).toBe(404);
    expect((await member.get('/api/orgs/X/meeting-days?month=2027-01')).statusCode).toBe(200);
    const cell = await admin.get('/api/orgs/V2/meeting-days?month=2027-01');
    expect(cell.statusCode).toBe(400);
    expect(cell.json().error.fields[0].field).toBe('orgCode');
  });
});
