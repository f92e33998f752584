import type { RatingListDto, RatingSummaryDto } from '@nennep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { buildRatingsFixture } from './test-fixture.ts';

let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let h: Client;
let member: Client;
/** The injected clock, moved by the tests. */
let now = new Date('2026-12-20T03:00:00Z');

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  await buildRatingsFixture(ctx.db);
  [h, member] = await Promise.all([login(ctx.app, 'h'), login(ctx.app, 'member')]);
});
afterAll(() => ctx.close());

type Deadline = Pick<RatingListDto, 'deadline' | 'overdue'>;
const deadlineOf = async (client: Client, path: string): Promise<Deadline> => {
  const res = await client.get(path);
  expect(res.statusCode, res.body).toBe(200);
  const { deadline, overdue } = res.json() as Deadline;
  return { deadline, overdue };
};

// HD 43-HD/BTCTW (the default rules, marked `verify`): 31/01 of the following year; 15 days after a quarter.
describe('the deadline of a rating period', () => {
  it('is answered with the list and the summary, overdue by the injected clock', async () => {
    now = new Date('2026-12-20T03:00:00Z');
    expect(await deadlineOf(h, '/api/ratings?org=H&year=2026')).toEqual({
      deadline: '2027-01-31',
      overdue: false,
    });
    expect(await deadlineOf(h, '/api/ratings?org=H&year=2026&period=Q1')).toEqual({
      deadline: '2026-04-15',
      overdue: true,
    });
    const summary = (
      await h.get('/api/ratings/summary?org=H&year=2026&period=Q3')
    ).json() as RatingSummaryDto & Deadline;
    expect(summary).toMatchObject({ period: 'Q3', deadline: '2026-10-15', overdue: true });
    expect(await deadlineOf(h, '/api/ratings/summary?org=H&year=2027')).toEqual({
      deadline: '2028-01-31',
      overdue: false,
    });
  });

  it('counts the day in Vietnam (UTC+7): the deadline itself is not overdue, the day after is', async () => {
    // 23:30 on 15/4 in Hà Nội (16:30 UTC): still the last day.
    now = new Date('2026-04-15T16:30:00Z');
    expect(await deadlineOf(h, '/api/ratings?org=H&year=2026&period=Q1')).toEqual({
      deadline: '2026-04-15',
      overdue: false,
    });
    // 00:30 on 16/4 in Hà Nội, still 15/4 in UTC: overdue.
    now = new Date('2026-04-15T17:30:00Z');
    expect(await deadlineOf(h, '/api/ratings?org=H&year=2026&period=Q1')).toEqual({
      deadline: '2026-04-15',
      overdue: true,
    });
  });

  it('is answered to a member listing his or her own ratings', async () => {
    now = new Date('2027-02-01T03:00:00Z');
    expect(await deadlineOf(member, '/api/ratings?org=C&year=2026&subject=member')).toEqual({
      deadline: '2027-01-31',
      overdue: true,
    });
  });
});
