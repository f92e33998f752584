import { foldForSearch, type RecommendationDashboardDto } from '@nennep/core';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { buildTestApp } from '../../test/factories.ts';
import { seedTree } from '../../test/tree.ts';
import { findOrg, type OrgRow } from '../orgs/queries.ts';
import { dashboardOf } from './dashboard.ts';
import { naiveDashboardOf } from './dashboard-naive.ts';

/**
 * The aggregated dashboard (dashboard.ts: counted by the database) against the first one (every row read and
 * counted in JavaScript): random recommendations — every status, category (one no rule set knows), level
 * (the cell, the commune leading it, a grassroots committee elsewhere, the district, an outside body), due
 * and answer dates — then both read at every node over random periods. Likely duplicates differ by design:
 * only pairs with an open recommendation (the first one's pairs without the closed-closed ones), each
 * recommendation compared with its five nearest before it (recommendation_likes): every pair shown is one
 * of the first one's, and all of them are shown while no text has more than five likes.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
const orgs = new Map<string, OrgRow>();
const actor: Actor = {
  id: 0,
  username: 'test',
  displayName: 'Test',
  memberId: null,
  locale: 'vi',
  grants: [],
  visitorOf: [],
  csrfToken: '',
};

const STATUSES = ['received', 'assigned', 'in_progress', 'answered', 'reported_back', 'merged', 'declined'];
const CATEGORIES = ['infrastructure', 'social', 'land', 'party', 'unheard-of'];
const TEXTS = [
  'Đề nghị sửa chữa tuyến đường liên thôn bị xuống cấp',
  'Đề nghị sửa chữa tuyến đường liên thôn xuống cấp sau mưa',
  'Đề nghị hỗ trợ hộ nghèo sửa nhà',
  'Đề nghị bổ sung đèn chiếu sáng ngõ xóm',
  'Đề nghị gửi tài liệu học tập chuyên đề sớm hơn',
  'Kiến nghị tăng phụ cấp cho bí thư chi bộ thôn',
  'Mong cấp trên giải quyết dứt điểm tranh chấp đất ở xóm Đông',
  'Phản ánh tình trạng ô nhiễm nước thải chăn nuôi',
];
/** The texts alike (the first two); every other text is alike only to itself. */
const clusterOf = (text: string) => Math.max(1, TEXTS.indexOf(text));

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => new Date('2027-06-15T10:00:00+07:00') });
  await seedTree(ctx.db, {
    orgs: [
      { code: 'P', name: 'Đảng bộ tỉnh Thử', kind: 'committee' },
      { code: 'GA', name: 'Đảng bộ xã Tân Hội', kind: 'grassroots_committee', parent: 'P' },
      { code: 'GB', name: 'Đảng bộ xã Liên Hà', kind: 'grassroots_committee', parent: 'P' },
      { code: 'K', name: 'Đảng ủy khối cơ quan', kind: 'committee', parent: 'P' },
      { code: 'C', name: 'Chi bộ thôn Thượng Hội', kind: 'cell', category: 'village', parent: 'GA' },
      { code: 'C2', name: 'Chi bộ thôn Thúy Hội', kind: 'cell', category: 'village', parent: 'GA' },
      { code: 'D', name: 'Chi bộ thôn Đoài', kind: 'cell', category: 'village', parent: 'GB' },
      { code: 'E', name: 'Chi bộ Trường Tiểu học', kind: 'cell', category: 'school', parent: 'K' },
    ],
  });
  for (const code of ['P', 'GA', 'GB', 'K', 'C', 'C2', 'D', 'E']) {
    const org = await findOrg(ctx.db, code);
    if (org) orgs.set(code, org);
  }
});
afterAll(() => ctx.close());

const day = (n: number) => new Date(Date.UTC(2027, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

const recommendation = fc.record({
  cell: fc.constantFrom('C', 'C2', 'D', 'E'),
  handler: fc.constantFrom('self', 'C', 'GA', 'GB', 'K', 'P'),
  outside: fc.boolean(),
  status: fc.constantFrom(...STATUSES),
  category: fc.constantFrom(...CATEGORIES),
  text: fc.constantFrom(...TEXTS),
  raised: fc.integer({ min: 0, max: 200 }),
  dueIn: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
  answerIn: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
});

type Recommendation = typeof recommendation extends fc.Arbitrary<infer T> ? T : never;
const OPEN = ['received', 'assigned', 'in_progress'];

async function insert(recs: Recommendation[]) {
  await ctx.db.execute(sql`TRUNCATE recommendations`);
  for (const r of recs) {
    const cell = orgs.get(r.cell) as OrgRow;
    const handler = orgs.get(r.handler === 'self' ? r.cell : r.handler) as OrgRow;
    await ctx.db.execute(
      sql`INSERT INTO recommendations (org_id, org_path, source, raised_by, raised_on, text, search_text, category,
            status, handler_org_id, handler_path, outside_body, due_date, answered_on)
          VALUES (${cell.id}, ${cell.path}, 'staff', 'Nguyễn Văn An', ${day(r.raised)}, ${r.text},
            ${foldForSearch(r.text)}, ${r.category}, ${r.status}, ${handler.id}, ${handler.path},
            ${r.outside ? 'UBND xã' : null}, ${r.dueIn === null ? null : day(r.raised + r.dueIn)},
            ${r.answerIn === null ? null : day(r.raised + r.answerIn)})`,
    );
  }
}

const withoutDuplicates = ({ duplicates: _d, ...rest }: RecommendationDashboardDto) => rest;
const pairsOf = (d: RecommendationDashboardDto) => d.duplicates.map((p) => [p.a.id, p.b.id, p.similarity]);

describe('the recommendations dashboard counted by the database', () => {
  it('equals the one counted from every row, at every node and over any period', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(recommendation, { minLength: 0, maxLength: 20 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 220 }),
        async (recs, a, b, todayAt) => {
          await insert(recs);
          const [from, to] = [day(Math.min(a, b)), day(Math.max(a, b))];
          const today = day(todayAt);
          for (const org of orgs.values()) {
            const fast = await dashboardOf(ctx.db, actor, org, from, to, today);
            const naive = await naiveDashboardOf(ctx.db, actor, org, from, to, today);
            expect(withoutDuplicates(fast)).toEqual(withoutDuplicates(naive));
            const stillOpen = naive.duplicates.filter(
              (p) => OPEN.includes(p.a.status) || OPEN.includes(p.b.status),
            );
            const shown = pairsOf({ ...naive, duplicates: stillOpen }).map((p) => JSON.stringify(p));
            for (const pair of pairsOf(fast)) expect(shown).toContain(JSON.stringify(pair));
            const likes = Math.max(
              0,
              ...[1, 2, 3, 4, 5, 6, 7].map((c) => recs.filter((r) => clusterOf(r.text) === c).length),
            );
            if (naive.duplicates.length < 20 && likes <= 6) {
              expect(pairsOf(fast)).toEqual(pairsOf({ ...naive, duplicates: stillOpen }));
            }
            compared += 1;
          }
        },
      ),
      { numRuns: 25 },
    );
    const [{ n }] = await rows<{ n: number }>(ctx.db, sql`SELECT count(*)::int AS n FROM orgs`);
    expect(compared).toBe(25 * n);
  });
});
