import type { RatingDto, RatingQuotaDto, RatingSuggestionDto } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { suggestedPoints } from './suggest.ts';
import { buildRatingsFixture, GRASSROOTS_CODES } from './test-fixture.ts';

/**
 * Issue 15 point 3: points per sheet group stored with each step, the suggested points from the records of
 * the period (meetings, visits, tasks, recommendations; attendance, tasks, opinions), the quota per group.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let member: Client;
let sec: Client;
let ga: Client;
let h: Client;
const now = new Date('2026-12-20T03:00:00Z');
const year = 2026;

const idOf = async (table: 'orgs' | 'members', column: 'code' | 'member_code', code: string) => {
  const [row] = await rows<{ id: number; path: string }>(
    ctx.db,
    sql`SELECT id::int AS id, ${sql.raw(table === 'orgs' ? 'path' : 'org_path')} AS path
        FROM ${sql.raw(table)} WHERE ${sql.raw(column)} = ${code}`,
  );
  if (!row) throw new Error(`no ${code}`);
  return row;
};

/** One meeting of cell C, with its roll call for C01 and whether C01 spoke; returns its id. */
async function meeting(date: string, status: string, total: number | null, level: string | null) {
  const c = await idOf('orgs', 'code', 'C');
  const [m] = await rows<{ id: number }>(
    ctx.db,
    sql`INSERT INTO meetings (org_id, org_path, kind, status, scheduled_date, start_time, total, level)
        VALUES (${c.id}, ${c.path}, 'regular', ${status}, ${date}, '19:30', ${total}, ${level}) RETURNING id::int AS id`,
  );
  if (!m) throw new Error('meeting');
  return m.id;
}

async function rollCall(meetingId: number, code: string, status: string, spoke: boolean) {
  const me = await idOf('members', 'member_code', code);
  await ctx.db.execute(
    sql`INSERT INTO attendance (meeting_id, member_id, status, member_status)
        VALUES (${meetingId}, ${me.id}, ${status}, 'official')`,
  );
  if (spoke)
    await ctx.db.execute(
      sql`INSERT INTO opinions (meeting_id, member_id, agenda_index, summary)
          VALUES (${meetingId}, ${me.id}, 0, 'Ý kiến')`,
    );
}

async function task(
  meetingId: number,
  code: string | null,
  deadline: string,
  status: string,
  at: string | null,
) {
  const c = await idOf('orgs', 'code', 'C');
  const me = code ? (await idOf('members', 'member_code', code)).id : null;
  await ctx.db.execute(
    sql`INSERT INTO tasks (meeting_id, org_path, member_id, text, deadline, status, status_at)
        VALUES (${meetingId}, ${c.path}, ${me}, 'Việc được giao', ${deadline}, ${status}, ${at})`,
  );
}

async function visit(date: string, total: number, level: string) {
  const [c, g] = await Promise.all([idOf('orgs', 'code', 'C'), idOf('orgs', 'code', 'GA')]);
  const [v] = await rows<{ id: number }>(
    ctx.db,
    sql`INSERT INTO visits (plan_id, committee_org_id, committee_path, period_key, cell_org_id, cell_path,
          account_id, scheduled_date, start_time, duration_minutes, status)
        VALUES (1, ${g.id}, ${g.path}, '2026-Q1', ${c.id}, ${c.path}, 1, ${date}, '19:30', 120, 'reported')
        RETURNING id::int AS id`,
  );
  await ctx.db.execute(
    sql`INSERT INTO visit_reports (visit_id, attended, total, level, submitted_by, submitted_by_name)
        VALUES (${v?.id}, true, ${total}, ${level}, 1, 'Người dự')`,
  );
}

async function recommendation(due: string, answeredOn: string | null) {
  const c = await idOf('orgs', 'code', 'C');
  await ctx.db.execute(
    sql`INSERT INTO recommendations (org_id, org_path, source, raised_by, raised_on, text, search_text, category,
          status, handler_org_id, handler_path, due_date, answered_on)
        VALUES (${c.id}, ${c.path}, 'meeting', 'C01', '2026-02-01', 'Kiến nghị', 'kien nghi', 'other',
          ${answeredOn ? 'answered' : 'assigned'}, ${c.id}, ${c.path}, ${due}, ${answeredOn})`,
  );
}

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  await buildRatingsFixture(ctx.db);
  [member, sec, ga, h] = await Promise.all(['member', 'sec', 'ga', 'h'].map((u) => login(ctx.app, u)));
  // Cell C in 2026: four meetings planned, three held (90 tốt, 80 khá, 70 khá), one cancelled; one of 2025.
  const m1 = await meeting('2026-01-10', 'adopted', 90, 'tot');
  await meeting('2026-02-10', 'cancelled', null, null);
  const m3 = await meeting('2026-05-10', 'adopted', 80, 'kha');
  const m4 = await meeting('2026-08-10', 'held', 70, 'kha');
  await meeting('2025-12-10', 'adopted', 40, 'kem');
  // C01: present twice (spoke once), excused once.
  await rollCall(m1, 'C01', 'present', true);
  await rollCall(m3, 'C01', 'present', false);
  await rollCall(m4, 'C01', 'absent_excused', false);
  // The cell's tasks: two on time (one C01's), one late, one open (C01's), one dropped (not counted).
  await task(m1, 'C01', '2026-02-01', 'done', '2026-01-30T03:00:00Z');
  await task(m1, null, '2026-03-01', 'done', '2026-02-20T03:00:00Z');
  await task(m3, null, '2026-06-01', 'done', '2026-06-20T03:00:00Z');
  await task(m4, 'C01', '2026-09-30', 'open', null);
  await task(m4, null, '2026-09-30', 'dropped', '2026-09-01T03:00:00Z');
  // The supervisors' reports: 85 and 95; the recommendations C handles: one answered on time of two.
  await visit('2026-01-10', 85, 'kha');
  await visit('2026-08-10', 95, 'tot');
  await recommendation('2026-03-01', '2026-02-15');
  await recommendation('2026-04-01', null);
});
afterAll(() => ctx.close());

const groups = (res: { json(): unknown }) =>
  Object.fromEntries((res.json() as RatingSuggestionDto).groups.map((g) => [g.id, g]));

describe('GET /api/ratings/suggested', () => {
  it('suggests the cell’s points from its meetings, visits, tasks and recommendations', async () => {
    const res = await ga.get(`/api/ratings/suggested?subject=org&id=C&year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    const g = groups(res);
    // 20 × mean(3/4 held, 80/100 mean score) = 15.5
    expect(g.organisation_building?.points).toBe(15.5);
    expect(g.organisation_building?.evidence).toMatchObject([
      { indicator: 'meetingsHeld', count: 3, of: 4, ratio: 0.75 },
      { indicator: 'meetingQuality', average: 80, ratio: 0.8, levels: { tot: 1, kha: 2 } },
    ]);
    // 10 × 90/100 = 9
    expect(g.inspection).toMatchObject({
      points: 9,
      evidence: [{ indicator: 'visitQuality', count: 2, average: 90, levels: { kha: 1, tot: 1 } }],
    });
    // 50 × mean(2 of 4 tasks on time, 1 of 2 recommendations on time) = 25
    expect(g.tasks_results).toMatchObject({
      points: 25,
      evidence: [
        { indicator: 'tasksOnTime', count: 2, of: 4 },
        { indicator: 'recommendationsOnTime', count: 1, of: 2 },
      ],
    });
    expect(g.political_building).toMatchObject({ points: null, evidence: [] });
    expect((res.json() as RatingSuggestionDto).verify).toBe(true);
  });

  it('counts a quarter on its own', async () => {
    const g = groups(await ga.get(`/api/ratings/suggested?subject=org&id=C&year=${year}&period=Q1`));
    // Q1: 1 held of 2 planned, scored 90: 20 × mean(0.5, 0.9) = 14; both Q1 tasks on time: 50 × mean(1, 1).
    expect(g.organisation_building?.points).toBe(14);
    expect(g.tasks_results?.points).toBe(50);
  });

  it('suggests a member’s points from attendance, opinions and tasks', async () => {
    const res = await member.get(`/api/ratings/suggested?subject=member&id=C01&year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    const g = groups(res);
    // 30 × mean(2/3 present, 1 of 2 attended with an opinion) = 17.5; 70 × 1 of 2 tasks done = 35.
    expect(g.politics_ethics).toMatchObject({
      points: 17.5,
      evidence: [
        { indicator: 'attendance', count: 2, of: 3 },
        { indicator: 'opinions', count: 1, of: 2 },
      ],
    });
    expect(g.tasks_results).toMatchObject({
      points: 35,
      evidence: [{ indicator: 'tasksDone', count: 1, of: 2 }],
    });
    const none = groups(await sec.get(`/api/ratings/suggested?subject=member&id=C03&year=${year}`));
    expect(none.politics_ethics?.points).toBeNull();
  });

  it('rounds to the half point and has no suggestion without data', () => {
    expect(suggestedPoints(30, [2 / 3, 0.5])).toBe(17.5);
    expect(suggestedPoints(20, [0.33])).toBe(6.5);
    expect(suggestedPoints(20, [])).toBeNull();
  });

  it('names the field of a bad query', async () => {
    const bad = await ga.get('/api/ratings/suggested?subject=cell&id=C&year=2026');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toContain('subject');
  });
});

describe('points per group of the sheet', () => {
  const self = { year, level: 'good', score: 80 };
  const fieldOf = (res: { json(): { error: { fields: { field: string }[] } } }) =>
    res.json().error.fields[0]?.field;

  it('refuses a group not on the sheet, points over its max, a missing group, a total not the score', async () => {
    const unknown = await member.post('/api/ratings/self-assess', {
      ...self,
      sheet: { politics_ethics: 25, tasks_results: 50, bogus: 5 },
    });
    expect(unknown.statusCode).toBe(400);
    expect(fieldOf(unknown)).toBe('sheet.bogus');
    const over = await member.post('/api/ratings/self-assess', {
      ...self,
      sheet: { politics_ethics: 35, tasks_results: 45 },
    });
    expect(over.statusCode).toBe(400);
    expect(fieldOf(over)).toBe('sheet.politics_ethics');
    const missing = await member.post('/api/ratings/self-assess', {
      ...self,
      sheet: { politics_ethics: 25 },
    });
    expect(missing.statusCode).toBe(400);
    expect(fieldOf(missing)).toBe('sheet.tasks_results');
    const total = await member.post('/api/ratings/self-assess', {
      ...self,
      sheet: { politics_ethics: 25, tasks_results: 50 },
    });
    expect(total.statusCode).toBe(400);
    expect(fieldOf(total)).toBe('sheet');
    const noScore = await member.post('/api/ratings/self-assess', {
      year,
      level: 'good',
      sheet: { politics_ethics: 25, tasks_results: 55 },
    });
    expect(noScore.statusCode).toBe(400);
    expect(fieldOf(noScore)).toBe('score');
  });

  it('stores each step’s sheet and answers it in the list; a step without one stays valid', async () => {
    const own = await member.post('/api/ratings/self-assess', {
      ...self,
      sheet: { politics_ethics: 25, tasks_results: 55 },
    });
    expect(own.statusCode, own.body).toBe(200);
    const proposed = await sec.post('/api/ratings/propose', {
      year,
      subject: 'member',
      code: 'C01',
      level: 'good',
      score: 78.5,
      sheet: { politics_ethics: 24.5, tasks_results: 54 },
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    const decided = await ga.post('/api/ratings/decide', {
      year,
      subject: 'member',
      code: 'C01',
      level: 'good',
      score: 78,
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const items = (await ga.get(`/api/ratings?org=C&year=${year}`)).json().items as RatingDto[];
    expect(items.find((r) => r.code === 'C01')).toMatchObject({
      self: { score: 80, sheet: { politics_ethics: 25, tasks_results: 55 } },
      proposal: { score: 78.5, sheet: { politics_ethics: 24.5, tasks_results: 54 } },
      decision: { score: 78, sheet: null },
    });
    const [audited] = await rows<{ detail: { sheet: unknown } }>(
      ctx.db,
      sql`SELECT detail FROM audit_events WHERE action = 'rating.proposed' ORDER BY id DESC LIMIT 1`,
    );
    expect(audited?.detail.sheet).toEqual({ politics_ethics: 24.5, tasks_results: 54 });
    const orgSheet = await sec.post('/api/ratings/self-assess', {
      year,
      subject: 'org',
      code: 'C',
      level: 'good',
      score: 80,
      sheet: { political_building: 16, organisation_building: 16, inspection: 8, tasks_results: 40 },
    });
    expect(orgSheet.statusCode, orgSheet.body).toBe(200);
    expect((orgSheet.json() as RatingDto).self?.sheet).toMatchObject({ tasks_results: 40 });
  });
});

describe('GET /api/ratings/quota', () => {
  it('counts each comparison group from the ratings stored', async () => {
    // Under H: GC01–GC02 decided excellent, GC03–GC08 decided good, GC09 proposed good (no decision yet),
    // GC10 proposed good but not rated; GC49's members M1 decided excellent, M2 proposed good, M3 completed.
    const insert = async (
      subject: 'org' | 'member',
      code: string,
      proposal: string | null,
      decision: string | null,
      notRated = false,
    ) => {
      const s =
        subject === 'org' ? await idOf('orgs', 'code', code) : await idOf('members', 'member_code', code);
      const orgId = subject === 'org' ? s.id : (await idOf('orgs', 'code', 'GC49')).id;
      await ctx.db.execute(
        sql`INSERT INTO ratings (year, period, subject, subject_id, org_id, org_path, proposal_level, decision_level,
              not_rated_reason)
            VALUES (${year}, 'year', ${subject}, ${s.id}, ${orgId}, ${s.path}, ${proposal}, ${decision},
              ${notRated ? 'other' : null})`,
      );
    };
    for (const [i, code] of GRASSROOTS_CODES.slice(0, 10).entries()) {
      if (i < 2) await insert('org', code, 'excellent', 'excellent');
      else if (i < 8) await insert('org', code, 'good', 'good');
      else await insert('org', code, 'good', null, i === 9);
    }
    await insert('member', 'M1', 'excellent', 'excellent');
    await insert('member', 'M2', 'good', null);
    await insert('member', 'M3', 'completed', 'completed');
    const res = await h.get(`/api/ratings/quota?org=H&year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as RatingQuotaDto).groups).toEqual([
      {
        group: 'org:H:grassroots',
        subject: 'org',
        label: {
          vi: 'Tổ chức cơ sở đảng trực thuộc Đảng bộ huyện Tủa Chùa',
          en: 'Grassroots organisations under Đảng bộ huyện Tủa Chùa',
        },
        goodOrBetter: 9,
        excellent: 2,
        allowed: 1,
        percent: 20,
      },
      {
        group: 'member:GC49',
        subject: 'member',
        label: { vi: 'Đảng viên thuộc Chi bộ cơ quan số 49', en: 'Members of Chi bộ cơ quan số 49' },
        goodOrBetter: 2,
        excellent: 1,
        allowed: 0,
        percent: 20,
      },
    ]);
    // Seen from one grassroots organisation: its members' group only (GC49 has no organisation row).
    const one = (await h.get(`/api/ratings/quota?org=GC49&year=${year}`)).json() as RatingQuotaDto;
    expect(one.groups.map((g) => g.group)).toEqual(['member:GC49']);
    const q1 = (await h.get(`/api/ratings/quota?org=H&year=${year}&period=Q1`)).json() as RatingQuotaDto;
    expect(q1.groups).toEqual([]);
  });

  it('names the field of a bad query', async () => {
    const bad = await h.get('/api/ratings/quota?org=H&year=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toContain('year');
  });
});
