import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildTestApp, login } from '../../test/factories.ts';
import { membersOf, seedTree } from '../../test/tree.ts';
import { findOrg } from '../orgs/queries.ts';
import { naiveMeetingsOverview, naiveQualityFigures } from './naive.ts';
import { adopt, apply, at, hold, monthAround, operation, todayOf, type World } from './rollup-operations.ts';
import { overviewItems, qualityFigures, rebuildRollups } from './rollups.ts';
import { meetingsOverview } from './service.ts';

/**
 * The roll-ups (migration 0013, kept by triggers) against the naive query over the raw rows: random
 * operations through the API (rollup-operations.ts) — meetings planned, moved, cancelled, started, ended,
 * adopted, roll calls and opinions; cells moved, merged, split; members transferred; a commune's own meeting
 * window — then every roll-up read equals the naive one at every node and in the months around today.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
const clock = { now: new Date('2026-03-01T22:00:00+07:00') };
let world: World;
let checks = 0;

const today = () => todayOf(world);

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => clock.now });
  await seedTree(ctx.db, {
    orgs: [
      { code: 'P', name: 'Đảng bộ tỉnh Thử', kind: 'committee' },
      { code: 'X', name: 'Đảng bộ xã Tân Hội', kind: 'committee', parent: 'P' },
      { code: 'Y', name: 'Đảng bộ xã Hòa Bình', kind: 'committee', parent: 'P' },
      { code: 'A', name: 'Chi bộ thôn Đông', kind: 'cell', category: 'village', parent: 'X' },
      { code: 'B', name: 'Chi bộ thôn An', kind: 'cell', category: 'village', parent: 'X' },
      { code: 'C', name: 'Chi bộ thôn Bắc', kind: 'cell', category: 'village', parent: 'Y' },
      // Left to the bulk test alone.
      { code: 'K', name: 'Chi bộ cơ quan', kind: 'cell', category: 'school', parent: 'Y' },
    ],
    members: ['A', 'B', 'C'].flatMap((cell) =>
      membersOf(
        cell,
        cell,
        [1, 2, 3, 4].map((i) => `Nguyễn Văn ${cell} ${i}`),
      ),
    ),
    accounts: [['admin', 'admin', 'P']],
  });
  world = {
    db: ctx.db,
    admin: await login(ctx.app, 'admin'),
    clock,
    cells: ['A', 'B', 'C'],
    communes: ['X', 'Y'],
    members: ['A', 'B', 'C'].flatMap((cell) => [1, 2, 3, 4].map((i) => `${cell}${i}`)),
    meetingIds: [],
    made: 0,
  };
});
afterAll(() => ctx.close());

/** Every roll-up read equals the naive one, at every node, in the months around today. */
async function checkReads() {
  const day = today();
  // The province, both communes and two cells (in turn: cells come and go as they merge and split).
  checks += 1;
  for (const code of ['P', ...world.communes, at(world.cells, checks), at(world.cells, checks + 1)]) {
    const node = await findOrg(ctx.db, code);
    if (!node) continue;
    for (const month of [monthAround(world, -1), monthAround(world, 0), monthAround(world, 1)]) {
      const naive = await naiveMeetingsOverview(ctx.db, node, month, day);
      expect(await meetingsOverview(ctx.db, node, month, day), `${code} ${month}`).toEqual(naive);
      expect(await overviewItems(ctx.db, node, month, day, { offset: 1, limit: 2 })).toEqual(
        naive.items.slice(1, 3),
      );
      expect(await qualityFigures(ctx.db, node, month, day), `${code} ${month}`).toEqual(
        await naiveQualityFigures(ctx.db, node, month, day),
      );
    }
  }
}

const rollupRows = () =>
  rows<Record<string, unknown>>(ctx.db, sql`SELECT * FROM cell_month_rollups ORDER BY org_id, month`);

describe('roll-ups', () => {
  it('judge the window’s last day on time and the day after late, as the naive query does', async () => {
    const planned: number[] = [];
    for (const [cell, date] of [
      ['A', '2026-03-05'],
      ['B', '2026-03-06'],
    ] as const) {
      const created = await world.admin.post('/api/meetings', {
        orgCode: cell,
        kind: 'regular',
        date,
        startTime: '19:30',
      });
      expect(created.statusCode).toBe(201);
      planned.push(created.json().id);
    }
    clock.now = new Date('2026-03-06T22:00:00+07:00');
    for (const id of planned) {
      const answers = await hold(world, id, {
        op: 'hold',
        meeting: 0,
        late: false,
        adopt: true,
        statuses: ['present', 'present', 'absent_excused'],
        speakers: 2,
      });
      answers.push(...(await adopt(world, id)));
      for (const answer of answers) expect(answer.statusCode, answer.body).toBeLessThan(300);
    }
    const node = await findOrg(ctx.db, 'X');
    if (!node) throw new Error('no X');
    const view = await meetingsOverview(ctx.db, node, '2026-03', today());
    expect(view).toEqual(await naiveMeetingsOverview(ctx.db, node, '2026-03', today()));
    expect(view.items.map((i) => `${i.orgCode} ${i.state} ${i.level !== null}`)).toEqual([
      'B late true',
      'A on_time true',
    ]);
    const figures = await qualityFigures(ctx.db, node, '2026-03', today());
    expect(figures).toEqual(await naiveQualityFigures(ctx.db, node, '2026-03', today()));
    // 3 present of 4 in each roll call (the 4th member marked like the 1st).
    expect(figures.summary).toMatchObject({ cells: 2, onTime: 1, late: 1, attendancePercent: 75 });
  });

  it('equal the naive query after any run of operations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 3, maxLength: 10 }), async (operations) => {
        for (const o of operations) await apply(world, o);
        await checkReads();
      }),
      { numRuns: 15, endOnFailure: true },
    );
    // The runs did things: meetings held and adopted, cells moved and split.
    const [done] = await rows<{ held: number; adopted: number }>(
      ctx.db,
      sql`SELECT count(*) FILTER (WHERE status IN ('held', 'adopted'))::int AS held,
            count(*) FILTER (WHERE status = 'adopted')::int AS adopted FROM meetings`,
    );
    expect(done?.held).toBeGreaterThan(0);
    expect(done?.adopted).toBeGreaterThan(0);
    const kept = await rollupRows();
    expect(kept.length).toBeGreaterThan(0);
    await ctx.db.transaction((tx) => rebuildRollups(tx));
    expect(await rollupRows()).toEqual(kept);
  }, 300_000);
});
