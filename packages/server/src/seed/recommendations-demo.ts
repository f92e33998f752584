/**
 * Recommendations of the demo (domain.md §5), dated from today so the demo always has a live picture:
 * one raised by the Thượng Hội cell and passed up to the commune and the district, one the commune has
 * answered (on the cell's next agenda), one still at a cell and overdue, and a likely duplicate.
 */
import { addDays, DEFAULT_RECOMMENDATION_RULES } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../db/client.ts';
import type { Actor } from '../http/access.ts';
import { findOrg } from '../modules/orgs/queries.ts';
import { answer, createRecommendation, forward, startWork } from '../modules/recommendations/commands.ts';
import { findRecommendation } from '../modules/recommendations/queries.ts';
import { DEMO_COMMUNE_CODE, DEMO_ROOT_CODE, DEMO_SECRETARY_CELL_CODE } from './demo-data.ts';

/** A demo account as the author of seeded steps (grants are not needed to write them). */
async function demoActor(tx: Db, username: string): Promise<Actor> {
  const [row] = await rows<{ id: number; displayName: string; memberId: number | null }>(
    tx,
    sql`SELECT id::int AS id, display_name AS "displayName", member_id::int AS "memberId" FROM accounts
        WHERE username = ${username}`,
  );
  if (!row) throw new Error(`demo account ${username} missing`);
  return { ...row, username, locale: 'vi', grants: [], visitorOf: [], csrfToken: '' };
}

export async function seedRecommendationsDemo(tx: Db, now: Date, today: string) {
  const rules = DEFAULT_RECOMMENDATION_RULES;
  const cell = await findOrg(tx, DEMO_SECRETARY_CELL_CODE);
  const neighbours = await rows<{ code: string }>(
    tx,
    sql`SELECT o.code FROM orgs o JOIN orgs p ON p.id = o.parent_id
        WHERE p.code = ${DEMO_COMMUNE_CODE} AND o.code <> ${DEMO_SECRETARY_CELL_CODE} AND o.category = 'village'
        ORDER BY o.sort_key LIMIT 1`,
  );
  const neighbour = neighbours[0] ? await findOrg(tx, neighbours[0].code) : null;
  if (!cell || !neighbour) return { recommendations: 0 };
  const [raiser] = await rows<{ id: number; fullName: string }>(
    tx,
    sql`SELECT id::int AS id, full_name AS "fullName" FROM members WHERE org_id = ${cell.id} AND position = 'member'
        ORDER BY sort_key LIMIT 1`,
  );
  const secretary = await demoActor(tx, 'secretary');
  const commune = await demoActor(tx, 'tanhoi');
  const district = await demoActor(tx, 'committee');
  const raise = (
    org: typeof cell,
    text: string,
    category: string,
    daysAgo: number,
    by: { id: number; fullName: string } | null = raiser ?? null,
  ) =>
    createRecommendation(
      tx,
      secretary,
      {
        cell: org,
        source: 'meeting',
        raisedByMemberId: by?.id ?? null,
        raisedBy: by?.fullName ?? 'Chủ trì cuộc họp',
        raisedOn: addDays(today, -daysAgo),
        text,
        category,
      },
      rules,
    );
  const road = await raise(
    cell,
    'Đề nghị sửa chữa tuyến đường liên thôn Thượng Hội – Thúy Hội đã xuống cấp.',
    'infrastructure',
    20,
  );
  const step = async (
    id: number,
    run: (rec: NonNullable<Awaited<ReturnType<typeof findRecommendation>>>) => Promise<void>,
  ) => {
    const rec = await findRecommendation(tx, id);
    if (rec) await run(rec);
  };
  await step(road, (r) =>
    forward(
      tx,
      secretary,
      r,
      { forwardTo: DEMO_COMMUNE_CODE, note: 'Vượt thẩm quyền chi bộ' },
      rules,
      addDays(today, -18),
    ),
  );
  await step(road, (r) =>
    forward(
      tx,
      commune,
      r,
      { forwardTo: DEMO_ROOT_CODE, note: 'Đề nghị huyện bố trí vốn' },
      rules,
      addDays(today, -10),
    ),
  );
  await step(road, (r) => startWork(tx, district, r, 'Giao Phòng Kinh tế – Hạ tầng khảo sát'));
  const light = await raise(cell, 'Đề nghị lắp đèn chiếu sáng ngõ xóm Đông.', 'infrastructure', 25);
  await step(light, (r) =>
    forward(tx, secretary, r, { forwardTo: DEMO_COMMUNE_CODE }, rules, addDays(today, -24)),
  );
  await step(light, (r) =>
    answer(
      tx,
      commune,
      r,
      'Đảng ủy đã chỉ đạo UBND xã lắp đèn trong tháng tới từ nguồn xã hội hóa.',
      now,
      today,
    ),
  );
  await raise(
    cell,
    'Đề nghị chi bộ tổ chức sinh hoạt chuyên đề về chuyển đổi số cho đảng viên cao tuổi.',
    'party_work',
    40,
  );
  await raise(
    neighbour,
    'Đề nghị sửa chữa đường liên thôn Thượng Hội - Thúy Hội bị xuống cấp.',
    'infrastructure',
    12,
    undefined,
  );
  return { recommendations: 4 };
}
