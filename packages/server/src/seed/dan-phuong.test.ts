import {
  type CoverageDto,
  DEFAULT_RULE_SET,
  isoDateInVietnam,
  type PlanDto,
  supervisionPeriod,
  type VisitDto,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../db/client.ts';
import { buildTestApp, type Client, login } from '../test/factories.ts';
import { DEMO_ROOT_CODE } from './demo-data.ts';
import { DEMO_PASSWORD, seedDemo } from './seed-demo.ts';
import { DEMO_GROUPS, spreadOverWindow } from './supervision-demo.ts';

/**
 * The Đan Phượng case of domain.md §4 end to end on the demo: 8 working groups, 129 residential cells,
 * target "every village, street-group and cluster cell in the first month of each quarter". Each quarter
 * of next year: the district plans its cells' meetings, the rotation covers 129 of 129 cells, and after
 * the visits the dashboard says 129 of 129 were visited.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let now = new Date();
let committee: Client;
const year = Number(isoDateInVietnam(new Date()).slice(0, 4)) + 1;
const FULL_MARKS = Object.fromEntries(DEFAULT_RULE_SET.scoreSheet.criteria.map((c) => [c.id, c.max]));

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  await seedDemo(ctx.database);
  committee = await login(ctx.app, 'committee', DEMO_PASSWORD);
}, 60_000);
afterAll(() => ctx.close());

describe('the Đan Phượng demo', () => {
  it('has 8 working groups answering for all 129 residential cells', async () => {
    const groups = (await committee.get(`/api/supervision/groups?committee=${DEMO_ROOT_CODE}`)).json().items;
    expect(groups).toHaveLength(DEMO_GROUPS);
    const [cells] = await rows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM orgs WHERE category IN ('village', 'street_group', 'residential_cluster')`,
    );
    expect(cells?.n).toBe(129);
  });

  for (const quarter of [1, 2, 3, 4]) {
    it(`covers 129 of 129 cells in quarter ${quarter}, and the dashboard says so`, async () => {
      const period = supervisionPeriod('quarter', year, quarter, 1);
      const [district] = await rows<{ path: string }>(
        ctx.db,
        sql`SELECT path FROM orgs WHERE code = ${DEMO_ROOT_CODE}`,
      );
      const admin = await login(ctx.app, 'admin', DEMO_PASSWORD);
      const planned = await admin.post('/api/meetings/plan', {
        orgCode: DEMO_ROOT_CODE,
        from: period.windowFrom,
        to: period.windowTo,
      });
      expect(planned.statusCode).toBe(200);
      await ctx.db.transaction((tx) => spreadOverWindow(tx, district?.path ?? '', period));

      now = new Date(`${period.windowFrom}T01:00:00Z`);
      const made = await committee.post('/api/supervision/plans', {
        committeeCode: DEMO_ROOT_CODE,
        periodKey: period.key,
      });
      expect(made.statusCode).toBe(200);
      const plan = made.json() as PlanDto;
      expect(plan.stats).toMatchObject({ targetCells: 129, covered: 129 });
      expect(plan.uncovered).toEqual([]);
      expect(plan.stats.maxLoad - plan.stats.minLoad).toBeLessThanOrEqual(3);
      if (plan.status === 'draft') {
        expect((await committee.post(`/api/supervision/plans/${plan.id}/publish`)).statusCode).toBe(200);
      }
      const before = (
        await committee.get(`/api/supervision/coverage?org=${DEMO_ROOT_CODE}&period=${period.key}`)
      ).json() as CoverageDto;
      expect(before.totals).toMatchObject({ targetCells: 129, planned: 129, visited: 0 });

      // Each visitor goes and files the report.
      now = new Date(`${period.windowTo}T12:00:00Z`);
      const byVisitor = new Map<number, VisitDto[]>();
      for (const v of plan.visits)
        byVisitor.set(v.visitorAccountId, [...(byVisitor.get(v.visitorAccountId) ?? []), v]);
      const names = await rows<{ id: number; username: string }>(
        ctx.db,
        sql`SELECT id::int AS id, username FROM accounts`,
      );
      for (const [accountId, visits] of byVisitor) {
        const username = names.find((n) => n.id === accountId)?.username ?? '';
        const visitor = await login(ctx.app, username, DEMO_PASSWORD);
        for (const visit of visits) {
          const filed = await visitor.put(`/api/supervision/visits/${visit.id}/report`, {
            attended: true,
            points: FULL_MARKS,
          });
          expect(filed.statusCode, `${username} ${visit.cellCode}`).toBe(200);
        }
      }
      const after = (
        await committee.get(`/api/supervision/coverage?org=${DEMO_ROOT_CODE}&period=${period.key}`)
      ).json() as CoverageDto;
      expect(after.totals).toMatchObject({ targetCells: 129, visited: 129, toVisit: 0, overdue: 0 });
      expect(after.children.reduce((n, c) => n + c.visited, 0)).toBe(129);
      expect(after.byGroup).toHaveLength(DEMO_GROUPS);
    }, 60_000);
  }
});

describe('the recommendations of the demo', () => {
  it('shows one passed up to the district, one answered on the cell’s next agenda, one overdue', async () => {
    const tanhoi = await login(ctx.app, 'tanhoi', DEMO_PASSWORD);
    const items = (await tanhoi.get('/api/recommendations')).json().items as {
      status: string;
      handlerCode: string;
      answerMeetingId: number | null;
      overdue: boolean;
    }[];
    expect(items).toHaveLength(4);
    expect(items.some((r) => r.status === 'in_progress' && r.handlerCode === DEMO_ROOT_CODE)).toBe(true);
    expect(items.some((r) => r.status === 'answered' && r.answerMeetingId !== null)).toBe(true);
    expect(items.some((r) => r.overdue)).toBe(true);
    const dashboard = (
      await tanhoi.get(`/api/recommendations-dashboard?org=DP.TANHOI&from=${year - 2}-01-01&to=${year}-12-31`)
    ).json();
    expect(dashboard.duplicates.length).toBeGreaterThan(0);
  });
});
