import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runAlertsCommand } from '../../cli/alerts.ts';
import { type Db, rows } from '../../db/client.ts';
import { attendance, materials, meetings } from '../../db/schema/index.ts';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { seedTree } from '../../test/tree.ts';
import type { OrgRow } from '../orgs/queries.ts';
import { periodOf, shiftMonth } from './service.ts';

/** The day the alerts run, under the default rules (window: days 3–5 of each month). */
const TODAY = '2026-03-10';
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let adminP: Client;
let adminB: Client;
let secretary: Client;
const cells: Record<string, OrgRow> = {};

async function meeting(
  db: Db,
  cell: OrgRow,
  input: { kind?: string; date: string; status?: string; time?: string; publishedDaysBefore?: number | null },
) {
  const [row] = await db
    .insert(meetings)
    .values({
      orgId: cell.id,
      orgPath: cell.path,
      kind: input.kind ?? 'regular',
      status: input.status ?? 'held',
      scheduledDate: input.date,
      startTime: input.time ?? '19:30',
    })
    .returning();
  if (!row) throw new Error('no meeting');
  const days = input.publishedDaysBefore === undefined ? 2 : input.publishedDaysBefore;
  if (days !== null) {
    const start = new Date(`${input.date}T${row.startTime}:00+07:00`).getTime();
    await db.insert(materials).values({
      meetingId: row.id,
      fileName: 'tai-lieu.pdf',
      contentType: 'application/pdf',
      size: 1,
      bytes: Buffer.from('x'),
      publishAt: new Date(start - days * 86_400_000),
    });
  }
  return row;
}

/** Who got notices whose dedupe key starts with `prefix`, by username. */
async function recipientsOf(prefix: string) {
  const list = await rows<{ username: string; key: string }>(
    ctx.db,
    sql`SELECT a.username, n.dedupe_key AS key FROM notifications n JOIN accounts a ON a.id = n.account_id
        WHERE n.dedupe_key LIKE ${`${prefix}%`} ORDER BY a.username`,
  );
  return list.map((r) => r.username);
}

beforeAll(async () => {
  ctx = await buildTestApp();
  const { db } = ctx;
  const tree = await seedTree(db, {
    orgs: [
      { code: 'P', name: 'Đảng bộ huyện', kind: 'committee' },
      { code: 'GA', name: 'Đảng bộ xã A', kind: 'grassroots_committee', parent: 'P' },
      { code: 'GB', name: 'Đảng bộ xã B', kind: 'grassroots_committee', parent: 'P' },
      { code: 'C1', name: 'Chi bộ thôn Một', kind: 'cell', parent: 'GA' },
      { code: 'C2', name: 'Chi bộ thôn Hai', kind: 'cell', parent: 'GA' },
      { code: 'C3', name: 'Chi bộ thôn Ba', kind: 'cell', parent: 'GB' },
    ],
    members: [
      { code: 'M1', name: 'Nguyễn Văn Vắng', org: 'C1' },
      { code: 'M2', name: 'Trần Thị Có', org: 'C1' },
    ],
    accounts: [
      ['adminp', 'admin', 'P'],
      ['adminb', 'admin', 'GB'],
      ['uyviena', 'committee_member', 'GA'],
      ['bithu1', 'cell_secretary', 'C1'],
      ['bithu2', 'cell_secretary', 'C2'],
      ['bithu3', 'cell_secretary', 'C3'],
      ['dangvien1', 'member', 'C1', 'M2'],
    ],
  });
  for (const code of ['C1', 'C2', 'C3']) cells[code] = tree.org(code);
  const { C1, C2, C3 } = cells as Record<'C1' | 'C2' | 'C3', OrgRow>;
  const absentee = tree.member('M1');
  const present = tree.member('M2');

  // C1: M1 absent from three held meetings in a row this year; everything else in order.
  const statuses = ['absent_excused', 'absent_unexcused', 'absent_excused'];
  for (const [i, date] of ['2026-01-05', '2026-02-04', '2026-03-04'].entries()) {
    const row = await meeting(db, C1, { date });
    await db.insert(attendance).values([
      {
        meetingId: row.id,
        memberId: absentee.id,
        status: statuses[i] ?? 'present',
        memberStatus: 'official',
      },
      { meetingId: row.id, memberId: present.id, status: 'present', memberStatus: 'official' },
    ]);
  }
  await meeting(db, C1, { kind: 'thematic', date: '2025-11-04' });
  await meeting(db, C1, { kind: 'thematic', date: '2026-02-04' });
  // Tomorrow, with its materials out two days ahead: no alert.
  await meeting(db, C1, { kind: 'extraordinary', date: '2026-03-11', status: 'planned' });
  // C2: no regular meeting in March although the window (3–5) has passed; tomorrow's meeting has no material.
  await meeting(db, C2, { date: '2026-02-04' });
  await meeting(db, C2, { kind: 'thematic', date: '2025-12-04' });
  await meeting(db, C2, { kind: 'thematic', date: '2026-01-05' });
  await meeting(db, C2, {
    kind: 'extraordinary',
    date: '2026-03-11',
    status: 'planned',
    publishedDaysBefore: null,
  });
  // C3 (another commune): no thematic meeting this quarter, whose last window (March 3–5) has passed.
  await meeting(db, C3, { date: '2026-02-04' });
  await meeting(db, C3, { date: '2026-03-04' });
  await meeting(db, C3, { kind: 'thematic', date: '2025-10-03' });

  adminP = await login(ctx.app, 'adminp');
  adminB = await login(ctx.app, 'adminb');
  secretary = await login(ctx.app, 'bithu1');
});
afterAll(() => ctx.close());

describe('periods and months', () => {
  it('moves months across years and names quarters', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(periodOf('2026-03', 3)).toEqual({ first: '2026-01', last: '2026-03', label: '2026Q1' });
    expect(periodOf('2025-11', 3).label).toBe('2025Q4');
    expect(periodOf('2026-08', 6)).toEqual({ first: '2026-07', last: '2026-12', label: '2026H2' });
  });
});

describe('POST /api/alerts/run', () => {
  it('is for admins only', async () => {
    expect((await ctx.app.inject({ method: 'POST', url: '/api/alerts/run', payload: {} })).statusCode).toBe(
      401,
    );
    expect((await secretary.post('/api/alerts/run', { date: TODAY })).statusCode).toBe(403);
    const bad = await adminP.post('/api/alerts/run', { date: '2026-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('date');
  });

  it('runs over the admin’s own subtree only', async () => {
    const run = await adminB.post('/api/alerts/run', { date: TODAY });
    expect(run.statusCode).toBe(200);
    expect(run.json()).toMatchObject({
      date: TODAY,
      raised: 1,
      byKind: { absent3: 0, nomeeting: 0, materials: 0, thematic: 1 },
    });
    expect(await recipientsOf('thematic:')).toEqual(['adminb', 'adminp', 'bithu3']);
    expect(await recipientsOf(`thematic:${cells.C3?.id}:2026Q1`)).toHaveLength(3);
  });

  it('raises each alert once, to exactly the right accounts', async () => {
    const run = await adminP.post('/api/alerts/run', { date: TODAY });
    expect(run.json()).toMatchObject({
      raised: 3,
      byKind: { absent3: 1, nomeeting: 1, materials: 1, thematic: 0 },
    });
    // The third absence in a row is the March meeting; the secretary of C2 hears nothing of C1's member.
    expect(await recipientsOf('absent3:')).toEqual(['adminp', 'bithu1', 'uyviena']);
    const [absent] = await rows<{ key: string; title: string }>(
      ctx.db,
      sql`SELECT DISTINCT dedupe_key AS key, title FROM notifications WHERE dedupe_key LIKE 'absent3:%'`,
    );
    const [march] = await ctx.db
      .select({ id: meetings.id })
      .from(meetings)
      .where(sql`${meetings.orgId} = ${cells.C1?.id} AND ${meetings.scheduledDate} = '2026-03-04'`);
    expect(absent?.key).toMatch(new RegExp(`^absent3:\\d+:2026:${march?.id}$`));
    expect(absent?.title).toContain('Nguyễn Văn Vắng');
    expect(await recipientsOf(`nomeeting:${cells.C2?.id}:2026-03`)).toEqual(['adminp', 'bithu2', 'uyviena']);
    expect(await recipientsOf('nomeeting:')).toHaveLength(3);
    // Materials are the cell secretaries' business only.
    expect(await recipientsOf('materials:')).toEqual(['bithu2']);
    expect(await recipientsOf('thematic:')).toEqual(['adminb', 'adminp', 'bithu3']);
    // A plain member's account is never an alert's recipient.
    expect(await recipientsOf('')).not.toContain('dangvien1');
    const audits = await rows<{ orgPath: string; detail: { raised: number } }>(
      ctx.db,
      sql`SELECT org_path AS "orgPath", detail FROM audit_events WHERE action = 'alerts.run' ORDER BY id`,
    );
    expect(audits.map((a) => a.detail.raised)).toEqual([1, 3]);
  });

  it('raises nothing new on a second run the same day', async () => {
    const before = await recipientsOf('');
    const again = await adminP.post('/api/alerts/run', { date: TODAY });
    expect(again.json()).toMatchObject({ raised: 0, notified: 0 });
    expect(await recipientsOf('')).toEqual(before);
  });

  it('flags materials published less than a day before a held meeting', async () => {
    const { C3 } = cells as Record<'C3', OrgRow>;
    const late = await meeting(ctx.db, C3, {
      kind: 'extraordinary',
      date: '2026-03-09',
      publishedDaysBefore: 0.5,
    });
    const run = await adminB.post('/api/alerts/run', { date: TODAY });
    expect(run.json()).toMatchObject({ raised: 1, byKind: { materials: 1 } });
    expect(await recipientsOf(`materials:${late.id}`)).toEqual(['bithu3']);
  });
});

describe('nennep alerts (CLI)', () => {
  it('runs over the whole database and repeats nothing', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const count = async () =>
      (await rows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM notifications`))[0]?.n;
    const before = await count();
    expect(await runAlertsCommand(ctx.database, TODAY)).toBe(0);
    expect(await count()).toBe(before);
    // A month later April's meeting is missing everywhere, and the April run says so once per cell.
    expect(await runAlertsCommand(ctx.database, '2026-04-10')).toBe(0);
    expect(await recipientsOf('nomeeting:')).toHaveLength(3 + 3 * 3);
    expect(log.mock.calls.at(-1)?.[0]).toContain('2026-04-10');
    expect(await runAlertsCommand(ctx.database, '10/04/2026')).toBe(2);
    expect(error.mock.calls[0]?.[0]).toContain('--date');
    log.mockRestore();
    error.mockRestore();
  });

  it('leaves disabled accounts out', async () => {
    const { accounts } = await import('../../db/schema/index.ts');
    await ctx.db.update(accounts).set({ disabled: true }).where(eq(accounts.username, 'bithu2'));
    vi.spyOn(console, 'log').mockImplementation(() => {});
    await runAlertsCommand(ctx.database, '2026-05-10');
    const may = await recipientsOf(`nomeeting:${cells.C2?.id}:2026-05`);
    expect(may).toEqual(['adminp', 'uyviena']);
  });
});
