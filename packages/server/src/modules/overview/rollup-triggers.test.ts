import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withBulkTransaction } from '../../db/bulk.ts';
import { rows } from '../../db/client.ts';
import { buildTestApp } from '../../test/factories.ts';
import { membersOf, seedTree } from '../../test/tree.ts';
import { findOrg } from '../orgs/queries.ts';
import { rebuildRollups } from './rollups.ts';

/** The roll-up triggers (migration 0013) under bulk writes that bypass the commands: COPY, DELETE, TRUNCATE. */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
const month = '2026-05';

beforeAll(async () => {
  ctx = await buildTestApp();
  await seedTree(ctx.db, {
    orgs: [
      { code: 'P', name: 'Đảng bộ tỉnh Thử', kind: 'committee' },
      { code: 'K', name: 'Chi bộ cơ quan', kind: 'cell', category: 'agency', parent: 'P' },
    ],
    members: membersOf(
      'K',
      'K',
      [1, 2, 3, 4, 5, 6].map((i) => `Trần Văn Số ${i}`),
    ),
  });
});
afterAll(() => ctx.close());

const rollupRows = () =>
  rows<Record<string, unknown>>(
    ctx.db,
    sql`SELECT org_id::int AS org, month::text AS month, day::text AS day, status, meetings, expected, present, speakers
        FROM cell_month_rollups ORDER BY org_id, month`,
  );

describe('roll-up triggers', () => {
  it('follow a bulk COPY of a roll call and its opinions, and a DELETE', async () => {
    const cell = await findOrg(ctx.db, 'K');
    if (!cell) throw new Error('no cell K');
    const [meeting] = await rows<{ id: number }>(
      ctx.db,
      sql`INSERT INTO meetings (org_id, org_path, kind, status, scheduled_date, start_time, started_at)
          VALUES (${cell.id}, ${cell.path}, 'regular', 'held', ${`${month}-04`}, '19:30',
                  ${`${month}-04T12:30:00Z`}::timestamptz)
          RETURNING id::int AS id`,
    );
    const ids = await rows<{ id: number }>(
      ctx.db,
      sql`SELECT id::int AS id FROM members ORDER BY id LIMIT 6`,
    );
    await withBulkTransaction(ctx.database, async (conn) => {
      await conn.copy(
        'attendance',
        ['meeting_id', 'member_id', 'status', 'member_status'],
        ids.map((m, i) => [meeting?.id, m.id, i < 4 ? 'present' : 'exempt', 'official'].join('\t')),
      );
      await conn.copy(
        'opinions',
        ['meeting_id', 'member_id', 'agenda_index', 'summary'],
        ids.slice(0, 3).map((m) => [meeting?.id, m.id, 1, 'Ý kiến'].join('\t')),
      );
    });
    const [row] = await rows<Record<string, unknown>>(
      ctx.db,
      sql`SELECT day::text AS day, status, expected, present, speakers FROM cell_month_rollups
          WHERE org_id = ${cell.id} AND month = ${`${month}-01`}::date`,
    );
    // Held at 19:30 Vietnam time on the 4th; 4 present of 4 in the base (2 exempt), 3 of them spoke.
    expect(row).toEqual({ day: `${month}-04`, status: 'held', expected: 4, present: 4, speakers: 3 });
    await ctx.db.execute(sql`DELETE FROM meetings WHERE id = ${meeting?.id}`);
    const [gone] = await rows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM cell_month_rollups WHERE org_id = ${cell.id} AND month = ${`${month}-01`}::date`,
    );
    expect(gone?.n).toBe(0);
  });

  it('are rebuilt whole by rebuildRollups and emptied with the meetings by TRUNCATE', async () => {
    const cell = await findOrg(ctx.db, 'K');
    if (!cell) throw new Error('no cell K');
    await ctx.db.execute(
      sql`INSERT INTO meetings (org_id, org_path, kind, status, scheduled_date, start_time)
          VALUES (${cell.id}, ${cell.path}, 'regular', 'planned', '2026-06-04', '19:30'),
                 (${cell.id}, ${cell.path}, 'model', 'planned', '2026-06-20', '19:30'),
                 (${cell.id}, ${cell.path}, 'thematic', 'planned', '2026-07-04', '19:30')`,
    );
    const kept = await rollupRows();
    expect(kept).toEqual([
      {
        org: cell.id,
        month: '2026-06-01',
        day: '2026-06-04',
        status: 'planned',
        meetings: 2,
        expected: 0,
        present: 0,
        speakers: 0,
      },
    ]);
    await ctx.db.execute(sql`DELETE FROM cell_month_rollups`);
    await ctx.db.transaction((tx) => rebuildRollups(tx));
    expect(await rollupRows()).toEqual(kept);
    await ctx.db.execute(sql`TRUNCATE meetings`);
    expect(await rollupRows()).toEqual([]);
  });
});
