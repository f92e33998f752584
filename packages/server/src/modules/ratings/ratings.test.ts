import type { RatingDto, RatingLevel, RatingSummaryDto } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { buildRatingsFixture, GRASSROOTS_CODES } from './test-fixture.ts';

let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let admin: Client;
let h: Client;
const now = new Date('2026-12-20T03:00:00Z');

/** The acceptance's 49: 9 excellent, 38 good, 2 completed, with scores inside their levels. */
const LEVELS: [RatingLevel, number][] = GRASSROOTS_CODES.map((_, i) =>
  i < 9 ? ['excellent', 92] : i < 47 ? ['good', 80] : ['completed', 60],
);

const auditOf = (action: string, entityId: number) =>
  rows<{ detail: Record<string, unknown> }>(
    ctx.db,
    sql`SELECT detail FROM audit_events WHERE action = ${action} AND entity_type = 'rating'
          AND entity_id = ${String(entityId)} ORDER BY id`,
  );

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  await buildRatingsFixture(ctx.db);
  [admin, h] = await Promise.all([login(ctx.app, 'admin'), login(ctx.app, 'h')]);
});
afterAll(() => ctx.close());

describe('the year 2026 of 49 grassroots organisations (issue 15 acceptance)', () => {
  it('takes each organisation’s proposal, then the committee’s decisions, each audited', async () => {
    for (const [i, code] of GRASSROOTS_CODES.entries()) {
      const [level, score] = LEVELS[i] ?? ['good', 80];
      const proposed = await admin.post('/api/ratings/propose', {
        year: 2026,
        subject: 'org',
        code,
        score,
        level,
      });
      expect(proposed.statusCode, proposed.body).toBe(200);
    }
    for (const [i, code] of GRASSROOTS_CODES.entries()) {
      const [level, score] = LEVELS[i] ?? ['good', 80];
      const decided = await h.post('/api/ratings/decide', { year: 2026, subject: 'org', code, score, level });
      expect(decided.statusCode, decided.body).toBe(200);
      const dto = decided.json() as RatingDto;
      expect(dto).toMatchObject({
        code,
        period: 'year',
        level,
        proposal: { level },
        decision: { level, by: 'h' },
      });
    }
    const first = (await h.get('/api/ratings?org=GC01&year=2026')).json().items[0] as RatingDto;
    expect(await auditOf('rating.proposed', first.id)).toHaveLength(1);
    expect(await auditOf('rating.decided', first.id)).toMatchObject([
      { detail: { level: 'excellent', proposed: 'excellent', quota: { excellent: 1, max: 9 } } },
    ]);
  });

  it('answers 18.4 % / 77.6 % / 4.1 % / 0 % over the subtree, for the committee and the province', async () => {
    const expected = {
      rated: 49,
      byLevel: { excellent: 9, good: 38, completed: 2, failed: 0 },
      percent: { excellent: 18.4, good: 77.6, completed: 4.1, failed: 0 },
    };
    for (const [client, org] of [
      [h, 'H'],
      [admin, 'P'],
    ] as const) {
      const summary = await client.get(`/api/ratings/summary?org=${org}&year=2026`);
      expect(summary.statusCode).toBe(200);
      expect((summary.json() as RatingSummaryDto).organisations).toEqual(expected);
    }
    const quarter = (
      await h.get('/api/ratings/summary?org=H&year=2026&period=Q1')
    ).json() as RatingSummaryDto;
    expect(quarter.organisations.rated).toBe(0);
  });

  it('refuses a tenth excellent with the numbers, and keeps the ninth', async () => {
    const over = await h.post('/api/ratings/decide', {
      year: 2026,
      subject: 'org',
      code: 'GC10',
      score: 95,
      level: 'excellent',
      reason: 'Vượt nhiều chỉ tiêu',
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.fields[0].field).toBe('level');
    expect(over.json().error.message).toContain('10 trên 47');
    expect(over.json().error.message).toContain('tối đa 20% là 9');
    const english = await h.request({
      method: 'POST',
      url: '/api/ratings/decide',
      payload: { year: 2026, subject: 'org', code: 'GC10', score: 95, level: 'excellent', reason: 'x' },
      headers: { 'accept-language': 'en' },
    });
    expect(english.json().error.message).toContain('10 of 47 rated good or better; at most 20% is 9');
    const summary = (await h.get('/api/ratings/summary?org=H&year=2026')).json() as RatingSummaryDto;
    expect(summary.organisations.byLevel.excellent).toBe(9);
    // Lowering a "completed" below keeps the base; taking an excellent's place needs one given up first.
    const down = await h.post('/api/ratings/decide', {
      year: 2026,
      subject: 'org',
      code: 'GC01',
      score: 92,
      level: 'good',
      reason: 'Chưa đạt điều kiện vượt 30% chỉ tiêu',
    });
    expect(down.statusCode).toBe(200);
    const swapped = await h.post('/api/ratings/decide', {
      year: 2026,
      subject: 'org',
      code: 'GC10',
      score: 95,
      level: 'excellent',
      reason: 'Vượt nhiều chỉ tiêu',
    });
    expect(swapped.statusCode).toBe(200);
  });

  it('refuses a score outside the level, naming the field', async () => {
    const outside = await h.post('/api/ratings/decide', {
      year: 2026,
      subject: 'org',
      code: 'GC12',
      score: 85,
      level: 'excellent',
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields[0].field).toBe('score');
    const bad = await h.post('/api/ratings/decide', {
      year: 2026,
      subject: 'org',
      code: 'GC12',
      level: 'best',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('level');
    // A disqualifying condition fails the organisation whatever its score (QĐ 366-QĐ/TW art. 11).
    const q1 = { year: 2026, period: 'Q1', subject: 'org', code: 'GC12', score: 85, disqualified: true };
    const kept = await h.post('/api/ratings/decide', { ...q1, level: 'good' });
    expect(kept.statusCode).toBe(400);
    expect(kept.json().error.fields[0].field).toBe('level');
    const failed = await h.post('/api/ratings/decide', { ...q1, level: 'failed' });
    expect(failed.statusCode, failed.body).toBe(200);
    const quarter = (
      await h.get('/api/ratings/summary?org=H&year=2026&period=Q1')
    ).json() as RatingSummaryDto;
    expect(quarter.organisations).toMatchObject({
      rated: 1,
      byLevel: { failed: 1 },
      percent: { failed: 100 },
    });
  });
});

describe('members of GC49', () => {
  const step = (client: Client, path: string, code: string, level: RatingLevel, score: number) =>
    client.post(`/api/ratings/${path}`, { year: 2026, subject: 'member', code, level, score });

  it('rates those to be rated and leaves the exempt and the newly admitted out of the denominators', async () => {
    const members = [
      ['M1', 'good', 85],
      ['M2', 'good', 80],
      ['M3', 'completed', 60],
      ['M4', 'good', 80],
    ] as const;
    for (const [code, level, score] of members) {
      const proposed = await step(admin, 'propose', code, level, score);
      if (code !== 'M4') {
        expect(proposed.statusCode, proposed.body).toBe(200);
        continue;
      }
      expect(proposed.statusCode).toBe(409);
      expect(proposed.json().error.fields[0].field).toBe('code');
      expect(proposed.json().error.message).toContain('miễn công tác');
    }
    // Two rated good or better: 20 % of two allows no excellent.
    const over = await h.post('/api/ratings/decide', {
      year: 2026,
      subject: 'member',
      code: 'M1',
      level: 'excellent',
      score: 95,
      reason: 'Có thành tích nổi bật',
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.message).toContain('1 trên 2');
    for (const [code, level, score] of members.slice(0, 3)) {
      expect((await step(h, 'decide', code, level, score)).statusCode).toBe(200);
    }
    const newcomer = await step(h, 'decide', 'M5', 'good', 80);
    expect(newcomer.statusCode).toBe(409);
    expect(newcomer.json().error.message).toContain('Hoàng Thị Em');
    // Q3 ends on 30/9, three weeks after her admission: not rated in it either.
    const quarter = await h.post('/api/ratings/decide', {
      year: 2026,
      period: 'Q3',
      subject: 'member',
      code: 'M5',
      level: 'good',
    });
    expect(quarter.statusCode).toBe(409);
    const summary = (await h.get('/api/ratings/summary?org=GC49&year=2026')).json() as RatingSummaryDto;
    expect(summary.members).toEqual({
      rated: 3,
      byLevel: { excellent: 0, good: 2, completed: 1, failed: 0 },
      percent: { excellent: 0, good: 66.7, completed: 33.3, failed: 0 },
    });
  });

  it('leaves out a member recorded as not rated, and counts him again once the record is lifted', async () => {
    const suspended = await admin.post('/api/ratings/not-rated', {
      year: 2026,
      subject: 'member',
      code: 'M3',
      reason: 'suspended',
    });
    expect(suspended.statusCode).toBe(409); // decided already: the decision is changed instead
    const marked = await admin.post('/api/ratings/not-rated', {
      year: 2026,
      period: 'Q2',
      subject: 'member',
      code: 'M3',
      reason: 'long_leave',
      note: 'Nghỉ ốm dài ngày',
    });
    expect(marked.statusCode).toBe(200);
    expect((marked.json() as RatingDto).notRated).toEqual({ reason: 'long_leave', note: 'Nghỉ ốm dài ngày' });
    const blocked = await h.post('/api/ratings/decide', {
      year: 2026,
      period: 'Q2',
      subject: 'member',
      code: 'M3',
      level: 'good',
    });
    expect(blocked.statusCode).toBe(409);
    const lifted = await admin.post('/api/ratings/not-rated', {
      year: 2026,
      period: 'Q2',
      subject: 'member',
      code: 'M3',
      reason: null,
    });
    expect((lifted.json() as RatingDto).notRated).toBeNull();
    const decided = await h.post('/api/ratings/decide', {
      year: 2026,
      period: 'Q2',
      subject: 'member',
      code: 'M3',
      level: 'good',
    });
    expect(decided.statusCode).toBe(200);
    const q2 = (await h.get('/api/ratings/summary?org=H&year=2026&period=Q2')).json() as RatingSummaryDto;
    expect(q2.members.rated).toBe(1);
  });
});

describe('a decision that changes the cell’s proposal', () => {
  it('needs the reason, and keeps the self-assessment, the proposal and the decision side by side', async () => {
    const [member, sec, ga] = await Promise.all([
      login(ctx.app, 'member'),
      login(ctx.app, 'sec'),
      login(ctx.app, 'ga'),
    ]);
    const self = await member.post('/api/ratings/self-assess', {
      year: 2026,
      score: 88,
      level: 'good',
      text: 'Hoàn thành tốt nhiệm vụ được giao',
    });
    expect(self.statusCode, self.body).toBe(200);
    expect((self.json() as RatingDto).self).toMatchObject({ score: 88, level: 'good', by: 'member' });
    const proposed = await sec.post('/api/ratings/propose', {
      year: 2026,
      subject: 'member',
      code: 'C01',
      score: 88,
      level: 'good',
      text: 'Chi bộ thống nhất đề xuất hoàn thành tốt nhiệm vụ',
    });
    expect(proposed.statusCode).toBe(200);
    const late = await member.post('/api/ratings/self-assess', { year: 2026, score: 90, level: 'excellent' });
    expect(late.statusCode).toBe(409);
    const noReason = { year: 2026, subject: 'member', code: 'C01', score: 65, level: 'completed' };
    const refused = await ga.post('/api/ratings/decide', noReason);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0].field).toBe('reason');
    const reason = 'Chưa hoàn thành chỉ tiêu phát triển đảng viên được giao';
    const decided = await ga.post('/api/ratings/decide', { ...noReason, reason });
    expect(decided.statusCode).toBe(200);
    const dto = decided.json() as RatingDto;
    expect(dto).toMatchObject({
      level: 'completed',
      self: { level: 'good', score: 88 },
      proposal: { level: 'good', score: 88, text: 'Chi bộ thống nhất đề xuất hoàn thành tốt nhiệm vụ' },
      decision: { level: 'completed', score: 65, reason, by: 'ga' },
    });
    expect(await auditOf('rating.decided', dto.id)).toMatchObject([
      { detail: { code: 'C01', level: 'completed', proposed: 'good', reason } },
    ]);
    const mine = (await member.get('/api/ratings?org=C&year=2026')).json().items as RatingDto[];
    expect(mine).toMatchObject([{ code: 'C01', level: 'completed', decision: { reason } }]);
  });
});
