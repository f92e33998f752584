import { DEFAULT_RULE_SET } from '@nennep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, FULL_MANUAL_SCORES, login } from '../../test/factories.ts';
import { commune, membersOf, seedTree } from '../../test/tree.ts';

/**
 * Dates that hold: nothing planned in the past or twice in one slot, the thematic meeting as one combined
 * session or an evening of its own as the rule set says, times never before the meeting's day nor in the
 * future, "on time" judged on the day it was held, and adoption refused while the cell's own points are missing.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let now = new Date('2026-12-05T09:00:00+07:00');
let admin: Client;
let secretary: Client;

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  const { db } = ctx;
  await seedTree(db, {
    orgs: [
      ...commune(),
      { code: 'C', name: 'Chi bộ thôn Trung', kind: 'cell', category: 'village', parent: 'X' },
      { code: 'D', name: 'Chi bộ thôn Hạ', kind: 'cell', category: 'village', parent: 'X' },
    ],
    members: [
      ...membersOf(
        'C',
        'C',
        [1, 2, 3, 4].map((i) => `Nguyễn Văn Chín ${i}`),
      ),
      ...membersOf(
        'D',
        'D',
        [1, 2, 3].map((i) => `Lê Văn Hạ ${i}`),
      ),
    ],
    accounts: [
      ['admin', 'admin', 'P'],
      ['bithu', 'cell_secretary', 'C'],
    ],
  });
  admin = await login(ctx.app, 'admin');
  secretary = await login(ctx.app, 'bithu');
});
afterAll(() => ctx.close());

const list = async (org: string, from: string, to: string) =>
  (await admin.get(`/api/meetings?org=${org}&from=${from}&to=${to}`)).json().items as {
    id: number;
    kind: string;
    date: string;
    startTime: string;
    combined: boolean;
    status: string;
  }[];

describe('planning', () => {
  it('never plans a meeting in the past, and plans nothing twice', async () => {
    const planned = await admin.post('/api/meetings/plan', {
      orgCode: 'X',
      from: '2026-11-01',
      to: '2027-01-31',
    });
    expect(planned.statusCode).toBe(200);
    const items = await list('X', '2026-01-01', '2027-12-31');
    const cellMeetings = items.filter((m) => m.kind !== 'cell_committee');
    expect(cellMeetings.length).toBeGreaterThan(0);
    for (const m of cellMeetings) expect(m.date >= '2026-12-05').toBe(true);
    // December's window (3–5) still holds the 5th; with no thematic meeting yet in the fourth quarter, it is
    // that quarter's combined session, as January's is the first quarter's.
    expect(items.filter((m) => m.kind === 'regular').map((m) => `${m.date} ${m.combined}`)).toEqual([
      '2026-12-05 true',
      '2026-12-05 true',
      '2027-01-03 true',
      '2027-01-03 true',
    ]);
    const again = await admin.post('/api/meetings/plan', {
      orgCode: 'X',
      from: '2026-11-01',
      to: '2027-01-31',
    });
    expect(again.json().created).toBe(0);
    const past = await admin.post('/api/meetings/plan', {
      orgCode: 'X',
      from: '2026-10-01',
      to: '2026-11-30',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields[0].field).toBe('to');
  });

  it('runs a combined session as one meeting of both parts, at the combined minimum', async () => {
    const [session] = (await list('C', '2027-01-01', '2027-01-31')).filter((m) => m.kind === 'regular');
    const page = (await admin.get(`/api/meetings/${session?.id}`)).json();
    const titles = page.agenda.map((a: { title: string }) => a.title);
    expect(titles).toContain('Trình bày chuyên đề (tham luận)');
    expect(titles).toContain('Biểu quyết thông qua nghị quyết chuyên đề');
    expect(titles.indexOf('Trình bày chuyên đề (tham luận)')).toBeLessThan(
      titles.indexOf('Chủ trì kết luận'),
    );
  });

  it('plans the thematic meeting on an evening of its own where the rule set says so', async () => {
    const rules = { ...structuredClone(DEFAULT_RULE_SET), thematicMode: 'separate', thematicDaysAfter: 10 };
    const created = await admin.post('/api/rule-sets', {
      orgCode: 'X',
      name: 'Chuyên đề họp riêng',
      effectiveFrom: '2027-03-01',
      content: rules,
    });
    expect(created.statusCode).toBe(201);
    await admin.post('/api/meetings/plan', { orgCode: 'X', from: '2027-04-01', to: '2027-04-30' });
    const april = await list('D', '2027-04-01', '2027-04-30');
    // Each cell meeting is prepared two days before (this small cell has no chi ủy: bí thư and phó bí thư).
    expect(april.map((m) => `${m.date} ${m.kind} ${m.combined}`)).toEqual([
      '2027-04-01 cell_committee false',
      '2027-04-03 regular false',
      '2027-04-11 cell_committee false',
      '2027-04-13 thematic false',
    ]);
  });
});

describe('one slot, one meeting', () => {
  it('refuses a meeting in the past, a second regular one in a month, and a clash of times', async () => {
    const meeting = (body: Record<string, unknown>) =>
      secretary.post('/api/meetings', { orgCode: 'C', startTime: '19:30', ...body });
    const past = await meeting({ kind: 'extraordinary', date: '2026-12-01' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields[0].field).toBe('date');
    const second = await meeting({ kind: 'regular', date: '2026-12-20' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.fields[0].field).toBe('kind');
    const clash = await meeting({ kind: 'extraordinary', date: '2026-12-05', startTime: '20:00' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.fields[0].field).toBe('startTime');
    expect(clash.json().error.message).toContain('19:30');
    const morning = await meeting({ kind: 'extraordinary', date: '2026-12-05', startTime: '07:00' });
    expect(morning.statusCode).toBe(201);
    const [regular] = (await list('C', '2026-12-01', '2026-12-31')).filter((m) => m.kind === 'regular');
    const moved = await secretary.post(`/api/meetings/${regular?.id}/reschedule`, {
      date: '2026-12-05',
      startTime: '07:30',
      reason: 'Thử',
    });
    expect(moved.statusCode).toBe(409);
    const back = await secretary.post(`/api/meetings/${regular?.id}/reschedule`, {
      date: '2026-11-30',
      startTime: '19:30',
      reason: 'Thử',
    });
    expect(back.statusCode).toBe(400);
  });
});

describe('the clock of a meeting', () => {
  let id = 0;
  const base = () => `/api/meetings/${id}`;

  beforeAll(async () => {
    const [regular] = (await list('C', '2026-12-01', '2026-12-31')).filter((m) => m.kind === 'regular');
    id = regular?.id ?? 0;
  });

  it('cannot start before its day, nor be recorded in the future', async () => {
    now = new Date('2026-12-04T20:00:00+07:00');
    const early = await secretary.post(`${base()}/start`, { at: '2026-12-04T19:30:00+07:00' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toContain('05/12/2026');
    const future = await secretary.post(`${base()}/start`, { at: '2026-12-05T19:30:00+07:00' });
    expect(future.statusCode).toBe(400);
  });

  it('held two days late: moved to that day, and "late" on the committee’s overview', async () => {
    now = new Date('2026-12-07T21:30:00+07:00');
    expect((await secretary.post(`${base()}/start`, { at: '2026-12-07T19:40:00+07:00' })).statusCode).toBe(
      200,
    );
    expect((await secretary.post(`${base()}/end`, { at: '2026-12-07T21:20:00+07:00' })).statusCode).toBe(200);
    const page = (await secretary.get(base())).json();
    expect(page.date).toBe('2026-12-07');
    const overview = (await admin.get('/api/meetings-overview?org=X&month=2026-12')).json();
    const row = overview.items.find((i: { orgCode: string }) => i.orgCode === 'C');
    expect(row).toMatchObject({ state: 'late', date: '2026-12-07' });
  });

  it('adopts once the cell’s own points are given, with the day it was held on the minutes', async () => {
    await secretary.post(`${base()}/votes`, {
      subject: 'resolution',
      text: 'Nghị quyết tháng 1',
      for: 4,
      against: 0,
      abstain: 0,
    });
    expect((await secretary.post(`${base()}/adopt`, { for: 4, against: 0, abstain: 0 })).statusCode).toBe(
      400,
    );
    await secretary.request({ method: 'PUT', url: `${base()}/manual-scores`, payload: FULL_MANUAL_SCORES });
    // More votes than eligible members present: a 400 naming the field, not a 500 (QĐ 24 point 9.3.2).
    const tooMany = await secretary.post(`${base()}/adopt`, { for: 400, against: 0, abstain: 0 });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.fields[0].field).toBe('for');
    expect((await secretary.post(`${base()}/adopt`, { for: 4, against: 0, abstain: 0 })).statusCode).toBe(
      200,
    );
    // A combined session runs at least 120 minutes: 100 minutes is short by 20.
    const score = (await secretary.get(`${base()}/score`)).json();
    const duration = score.criteria.find((c: { criterionId: string }) => c.criterionId === 'duration');
    expect(duration.points).toBe(3);
    const minutes = (await secretary.get(base())).json();
    expect(minutes.date).toBe('2026-12-07');
  });
});
