import type { CoverageDto } from '@nennep/core';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildTestApp } from '../../test/factories.ts';
import { seedTree, type Tree } from '../../test/tree.ts';
import { findOrg, type OrgRow } from '../orgs/queries.ts';
import { coverageOf } from './coverage.ts';
import { naiveCoverageOf } from './coverage-naive.ts';
import { periodFor } from './planner-input.ts';

/**
 * Coverage read from the roll-up (visit_cell_periods, migration 0014, kept by triggers) against the first
 * reading of every visit: random visits (planned, checked in, reported, missed, cancelled; to target cells,
 * to a school cell outside the target, in this quarter and the next; with or without the meeting's score and
 * the visitor's report), then random changes (status, the meeting's level, a report withdrawn, a visit moved
 * to another cell or period, deleted) — both readings equal at every node, before and after the window ends.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let tree: Tree;
const orgs = new Map<string, OrgRow>();
const CELLS = ['A', 'B', 'C', 'S'];
const LEVELS = ['good', 'fair', 'average', 'poor', null] as const;
const STATUSES = ['planned', 'checked_in', 'reported', 'missed', 'cancelled'];

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => new Date('2027-01-05T10:00:00+07:00') });
  tree = await seedTree(ctx.db, {
    orgs: [
      { code: 'P', name: 'Đảng bộ tỉnh Thử', kind: 'committee' },
      { code: 'X', name: 'Đảng bộ xã Tân Hội', kind: 'committee', parent: 'P' },
      { code: 'Y', name: 'Đảng bộ xã Hòa Bình', kind: 'committee', parent: 'P' },
      { code: 'A', name: 'Chi bộ thôn Đông', kind: 'cell', category: 'village', parent: 'X' },
      { code: 'B', name: 'Chi bộ thôn An', kind: 'cell', category: 'village', parent: 'X' },
      { code: 'C', name: 'Chi bộ thôn Bắc', kind: 'cell', category: 'village', parent: 'Y' },
      { code: 'S', name: 'Chi bộ Trường Tiểu học', kind: 'cell', category: 'school', parent: 'Y' },
    ],
    accounts: [
      ['x1', 'committee_member', 'X'],
      ['x2', 'committee_member', 'X'],
      ['y1', 'committee_member', 'Y'],
      ['p1', 'committee_member', 'P'],
    ],
  });
  for (const code of ['P', 'X', 'Y', ...CELLS]) {
    const org = await findOrg(ctx.db, code);
    if (org) orgs.set(code, org);
  }
});
afterAll(() => ctx.close());

const visit = fc.record({
  cell: fc.constantFrom(...CELLS),
  account: fc.constantFrom('x1', 'x2', 'y1', 'p1'),
  group: fc.boolean(),
  next: fc.boolean(),
  day: fc.integer({ min: 0, max: 40 }),
  status: fc.constantFrom(...STATUSES),
  meetingLevel: fc.option(fc.constantFrom(...LEVELS), { nil: undefined }),
  reportLevel: fc.constantFrom(...LEVELS),
});
type Visit = typeof visit extends fc.Arbitrary<infer T> ? T : never;
const change = fc.record({
  which: fc.nat(),
  what: fc.constantFrom('status', 'level', 'unreport', 'move', 'delete'),
  cell: fc.constantFrom(...CELLS),
  status: fc.constantFrom(...STATUSES),
  level: fc.constantFrom(...LEVELS),
  next: fc.boolean(),
});

const day = (n: number) => new Date(Date.UTC(2027, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
const org = (code: string) => orgs.get(code) as OrgRow;

async function insert(visits: Visit[]) {
  await ctx.db.execute(sql`TRUNCATE visits, visit_reports, meetings`);
  for (const v of visits) {
    const cell = org(v.cell);
    const date = day(v.day + (v.next ? 90 : 0));
    const [meeting] =
      v.meetingLevel === undefined
        ? [null]
        : await rows<{ id: number }>(
            ctx.db,
            sql`INSERT INTO meetings (org_id, org_path, kind, scheduled_date, start_time, level, total)
                VALUES (${cell.id}, ${cell.path}, 'thematic', ${date}, '19:30', ${v.meetingLevel},
                  ${v.meetingLevel ? 60 + v.day : null}) RETURNING id::int AS id`,
          );
    const [row] = await rows<{ id: number }>(
      ctx.db,
      sql`INSERT INTO visits (plan_id, committee_org_id, committee_path, period_key, cell_org_id, cell_path,
            meeting_id, account_id, group_id, scheduled_date, start_time, duration_minutes, status)
          VALUES (1, ${org('P').id}, ${org('P').path}, ${v.next ? '2027-Q2' : '2027-Q1'}, ${cell.id}, ${cell.path},
            ${meeting?.id ?? null}, ${tree.account(v.account).id}, ${v.group ? 7 : null}, ${date}, '19:30', 120,
            ${v.status}) RETURNING id::int AS id`,
    );
    if (row && v.status === 'reported') {
      await ctx.db.execute(
        sql`INSERT INTO visit_reports (visit_id, attended, total, level, submitted_by, submitted_by_name)
            VALUES (${row.id}, true, ${v.reportLevel ? 55 + v.day : null}, ${v.reportLevel}, 1, 'Người đi dự')`,
      );
    }
  }
}

async function apply(changes: (typeof change extends fc.Arbitrary<infer T> ? T : never)[]) {
  for (const c of changes) {
    const ids = await rows<{ id: number; meetingId: number | null }>(
      ctx.db,
      sql`SELECT id::int AS id, meeting_id::int AS "meetingId" FROM visits ORDER BY id`,
    );
    const target = ids[c.which % Math.max(ids.length, 1)];
    if (!target) return;
    if (c.what === 'status')
      await ctx.db.execute(sql`UPDATE visits SET status = ${c.status} WHERE id = ${target.id}`);
    if (c.what === 'level' && target.meetingId !== null)
      await ctx.db.execute(sql`UPDATE meetings SET level = ${c.level} WHERE id = ${target.meetingId}`);
    if (c.what === 'unreport')
      await ctx.db.execute(sql`DELETE FROM visit_reports WHERE visit_id = ${target.id}`);
    if (c.what === 'move') {
      const cell = org(c.cell);
      await ctx.db.execute(
        sql`UPDATE visits SET cell_org_id = ${cell.id}, cell_path = ${cell.path},
              period_key = ${c.next ? '2027-Q2' : '2027-Q1'} WHERE id = ${target.id}`,
      );
    }
    if (c.what === 'delete') await ctx.db.execute(sql`DELETE FROM visits WHERE id = ${target.id}`);
  }
}

/** The first reading leaves the names of a visited cell outside the target empty; the roll-up reading gives them. */
function comparable(fast: CoverageDto, naive: CoverageDto) {
  const quality = naive.quality.map((q, i) =>
    q.cellCode === '' && fast.quality[i]?.visitId === q.visitId
      ? {
          ...q,
          cellCode: fast.quality[i].cellCode,
          cellName: fast.quality[i].cellName,
          parentName: fast.quality[i].parentName,
        }
      : q,
  );
  return { ...naive, quality };
}

describe('coverage read from the roll-up', () => {
  it('equals the reading of every visit, at every node, whatever was planned, reported, moved or withdrawn', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(visit, { maxLength: 14 }),
        fc.array(change, { maxLength: 6 }),
        fc.constantFrom('2027-01-20', '2027-02-15', '2027-04-10'),
        async (visits, changes, today) => {
          await insert(visits);
          await apply(changes);
          for (const node of orgs.values()) {
            for (const key of ['2027-Q1', '2027-Q2']) {
              const { period, rules } = await periodFor(ctx.db, org('P'), key);
              const all = { listLimit: Number.POSITIVE_INFINITY };
              const fast = await coverageOf(ctx.db, node, period, rules, today, all);
              const naive = await naiveCoverageOf(ctx.db, node, period, rules, today);
              expect(fast).toEqual(comparable(fast, naive));
              const short = await coverageOf(ctx.db, node, period, rules, today, { listLimit: 2 });
              expect(short.listed).toEqual(fast.listed);
              expect(short.quality).toEqual(fast.quality.slice(0, 2));
              expect(short.pending).toEqual(fast.pending.slice(0, 2));
              expect(short.byVisitor).toEqual(fast.byVisitor.slice(0, 2));
              compared += 1;
            }
          }
        },
      ),
      { numRuns: 20 },
    );
    expect(compared).toBe(20 * orgs.size * 2);
  });
});
