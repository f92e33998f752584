/**
 * Recommendations of the demo (domain.md §5), dated from the day it is seeded, through the same commands as
 * the screens, each step dated to the day it stands for. `answersBeforeTheYear` runs before the past
 * meetings are held, so the answers it gives back are printed in those meetings' minutes;
 * `recommendationsAfterTheYear` adds the rest: passed up to the commune and the province, in progress,
 * answered and waiting for the next meeting, declined, merged, sent to an outside body, and overdue ones
 * that the daily run (`runAlerts`, here with the day's date) moves up a level.
 */
import { addDays, DEFAULT_RECOMMENDATION_RULES } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../db/client.ts';
import type { Actor } from '../http/access.ts';
import { runAlerts } from '../modules/alerts/service.ts';
import { findMeeting } from '../modules/meetings/queries.ts';
import { findOrg, type OrgRow } from '../modules/orgs/queries.ts';
import { createRecommendation } from '../modules/recommendations/commands.ts';
import { setAnswerGiven } from '../modules/recommendations/meeting-side.ts';
import { answer, decline } from '../modules/recommendations/outcome.ts';
import { findRecommendation } from '../modules/recommendations/queries.ts';
import { forward, merge, startWork } from '../modules/recommendations/routing.ts';
import { demoActor, stamped } from './demo-actor.ts';

const rules = DEFAULT_RECOMMENDATION_RULES;
const at = (date: string, time = '09:00') => new Date(`${date}T${time}:00+07:00`);

interface Ctx {
  db: Db;
  today: string;
  rootCode: string;
  communeCode: string;
  secretaryCellCode: string;
}

/** The held regular meeting of a cell closest before `date`, or null. */
async function meetingBefore(db: Db, cell: OrgRow, date: string) {
  const [row] = await rows<{ id: number; date: string }>(
    db,
    sql`SELECT id::int AS id, scheduled_date::text AS date FROM meetings
        WHERE org_id = ${cell.id} AND kind = 'regular' AND status IN ('planned', 'held', 'adopted')
          AND scheduled_date <= ${date} ORDER BY scheduled_date DESC LIMIT 1`,
  );
  return row ?? null;
}

/** A member of the cell to raise it (an ordinary member, by name order), or the `member` demo account's. */
async function raiserOf(db: Db, cell: OrgRow, offset: number) {
  const list = await rows<{ id: number; fullName: string }>(
    db,
    sql`SELECT id::int AS id, full_name AS "fullName" FROM members WHERE org_id = ${cell.id} AND position = 'member'
          AND status = 'official' ORDER BY sort_key LIMIT 8`,
  );
  return list[offset % Math.max(1, list.length)] ?? null;
}

async function raise(
  ctx: Ctx,
  actor: Actor,
  cell: OrgRow,
  input: {
    text: string;
    category: string;
    daysAgo: number;
    raiser?: { id: number; fullName: string } | null;
    /** Entered by the secretary on the day, not raised at a meeting. */
    byStaff?: boolean;
  },
) {
  const meeting = input.byStaff
    ? null
    : await meetingBefore(ctx.db, cell, addDays(ctx.today, -input.daysAgo));
  const raisedOn = meeting?.date ?? addDays(ctx.today, -input.daysAgo);
  const by = input.raiser === undefined ? await raiserOf(ctx.db, cell, input.daysAgo) : input.raiser;
  const id = await stamped(ctx.db, at(raisedOn, '21:00'), () =>
    createRecommendation(
      ctx.db,
      actor,
      {
        cell,
        source: meeting ? 'meeting' : 'staff',
        meetingId: meeting?.id ?? null,
        raisedByMemberId: by?.id ?? null,
        raisedBy: by?.fullName ?? 'Chủ trì cuộc họp',
        raisedOn,
        text: input.text,
        category: input.category,
      },
      rules,
    ),
  );
  return { id, raisedOn };
}

/** One step on a recommendation, dated. */
async function step(
  ctx: Ctx,
  id: number,
  date: string,
  run: (rec: NonNullable<Awaited<ReturnType<typeof findRecommendation>>>) => Promise<unknown>,
) {
  const rec = await findRecommendation(ctx.db, id);
  if (rec) await stamped(ctx.db, at(date, '10:00'), () => run(rec));
}

async function cellOf(db: Db, code: string) {
  const cell = await findOrg(db, code);
  if (!cell) throw new Error(`demo cell ${code} missing`);
  return cell;
}

/** A cell of the commune other than the secretary's, by category and rank in name order. */
async function neighbour(db: Db, commune: string, category: string, rank: number, except: string) {
  const [row] = await rows<{ code: string }>(
    db,
    sql`SELECT o.code FROM orgs o JOIN orgs p ON p.id = o.parent_id WHERE p.code = ${commune}
          AND o.category = ${category} AND o.code <> ${except} ORDER BY o.sort_key OFFSET ${rank} LIMIT 1`,
  );
  return row ? cellOf(db, row.code) : null;
}

/**
 * Raised at a past meeting, passed to the commune, answered, read back at the cell's next meeting: its
 * minutes (adopted later by `holdYear`) print the answer, and adoption reports it back.
 */
export async function answersBeforeTheYear(ctx: Ctx) {
  const secretary = await demoActor(ctx.db, 'secretary');
  const commune = await demoActor(ctx.db, 'tanhoi');
  const cell = await cellOf(ctx.db, ctx.secretaryCellCode);
  const lights = await raise(ctx, secretary, cell, {
    text: 'Đề nghị lắp đèn chiếu sáng đường trục thôn đoạn từ nhà văn hóa ra cánh đồng.',
    category: 'infrastructure',
    daysAgo: 95,
  });
  await step(ctx, lights.id, addDays(lights.raisedOn, 2), (r) =>
    forward(
      ctx.db,
      secretary,
      r,
      { forwardTo: ctx.communeCode, note: 'Vượt thẩm quyền chi bộ' },
      rules,
      addDays(lights.raisedOn, 2),
    ),
  );
  const answeredOn = addDays(lights.raisedOn, 20);
  await step(ctx, lights.id, answeredOn, (r) =>
    answer(
      ctx.db,
      commune,
      r,
      'Đảng ủy đã chỉ đạo Ủy ban nhân dân xã lắp 24 bóng đèn từ nguồn xã hội hóa; hoàn thành trong tháng.',
      at(answeredOn, '10:00'),
      answeredOn,
    ),
  );
  const rec = await findRecommendation(ctx.db, lights.id);
  const next = rec?.answerMeetingId ? await findMeeting(ctx.db, rec.answerMeetingId) : null;
  if (next && next.scheduledDate < ctx.today) {
    await stamped(ctx.db, at(next.scheduledDate, '20:30'), () =>
      setAnswerGiven(ctx.db, secretary, next, lights.id, true),
    );
  }
  return { recommendations: 1 };
}

export async function recommendationsAfterTheYear(ctx: Ctx) {
  const { db, today } = ctx;
  const secretary = await demoActor(db, 'secretary');
  const commune = await demoActor(db, 'tanhoi');
  const province = await demoActor(db, 'committee');
  const cell = await cellOf(db, ctx.secretaryCellCode);
  const member = await rows<{ id: number; fullName: string }>(
    db,
    sql`SELECT m.id::int AS id, m.full_name AS "fullName" FROM accounts a JOIN members m ON m.id = a.member_id
        WHERE a.username = 'member'`,
  );
  // Passed up to the commune, then to the province, which has started on it.
  const road = await raise(ctx, secretary, cell, {
    text: 'Đề nghị nâng cấp tuyến đường liên thôn Thượng Hội – Thúy Hội đã xuống cấp nghiêm trọng.',
    category: 'infrastructure',
    daysAgo: 40,
  });
  await step(ctx, road.id, addDays(road.raisedOn, 1), (r) =>
    forward(
      db,
      secretary,
      r,
      { forwardTo: ctx.communeCode, note: 'Vượt thẩm quyền chi bộ' },
      rules,
      addDays(road.raisedOn, 1),
    ),
  );
  await step(ctx, road.id, addDays(road.raisedOn, 9), (r) =>
    forward(
      db,
      commune,
      r,
      { forwardTo: ctx.rootCode, note: 'Đề nghị tỉnh bố trí vốn' },
      rules,
      addDays(road.raisedOn, 9),
    ),
  );
  await step(ctx, road.id, addDays(road.raisedOn, 14), (r) =>
    startWork(db, province, r, 'Giao Sở Xây dựng khảo sát, đề xuất phương án'),
  );
  // Answered by the commune a few days ago: waiting to be read back at the cell's next meeting.
  const water = await raise(ctx, secretary, cell, {
    text: 'Đề nghị sớm đưa nước sạch về các hộ xóm Đông.',
    category: 'social',
    daysAgo: 25,
  });
  await step(ctx, water.id, addDays(water.raisedOn, 1), (r) =>
    forward(db, secretary, r, { forwardTo: ctx.communeCode }, rules, addDays(water.raisedOn, 1)),
  );
  await step(ctx, water.id, addDays(today, -3), (r) =>
    answer(
      db,
      commune,
      r,
      'Dự án cấp nước sạch liên xã đã được phê duyệt; các hộ xóm Đông được đấu nối trong quý tới.',
      at(addDays(today, -3), '10:00'),
      addDays(today, -3),
    ),
  );
  // The member's own, raised at the last meeting: still with the cell.
  await raise(ctx, secretary, cell, {
    text: 'Đề nghị chi bộ tổ chức sinh hoạt chuyên đề về chuyển đổi số cho đảng viên cao tuổi.',
    category: 'party_work',
    daysAgo: 4,
    raiser: member[0] ?? null,
    byStaff: true,
  });
  // A duplicate from the neighbouring village, merged into the first.
  const thuy = await neighbour(db, ctx.communeCode, 'village', 0, ctx.secretaryCellCode);
  if (thuy) {
    const dup = await raise(ctx, secretary, thuy, {
      text: 'Đề nghị sửa chữa đường liên thôn Thượng Hội - Thúy Hội bị xuống cấp.',
      category: 'infrastructure',
      daysAgo: 30,
    });
    // A level acts only on what it holds: the cell passes it up first, then the commune merges it.
    await step(ctx, dup.id, addDays(dup.raisedOn, 2), (r) =>
      forward(db, secretary, r, { forwardTo: ctx.communeCode }, rules, addDays(dup.raisedOn, 2)),
    );
    const into = await findRecommendation(db, road.id);
    await step(ctx, dup.id, addDays(dup.raisedOn, 3), async (r) => {
      if (into) await merge(db, commune, r, into);
    });
    // Left with the cell past its time limit: the daily run passes it up to the commune.
    await raise(ctx, secretary, thuy, {
      text: 'Đề nghị hỗ trợ kinh phí sửa chữa mái nhà văn hóa thôn bị dột.',
      category: 'infrastructure',
      daysAgo: 45,
    });
  }
  const other = await neighbour(db, ctx.communeCode, 'village', 1, ctx.secretaryCellCode);
  if (other) {
    const land = await raise(ctx, secretary, other, {
      text: 'Đề nghị xem xét cấp giấy chứng nhận quyền sử dụng đất cho các hộ giãn dân năm 2005.',
      category: 'land',
      daysAgo: 60,
    });
    await step(ctx, land.id, addDays(land.raisedOn, 2), (r) =>
      forward(
        db,
        secretary,
        r,
        { outsideBody: 'Ủy ban nhân dân xã', note: 'Thuộc thẩm quyền chính quyền' },
        rules,
        addDays(land.raisedOn, 2),
      ),
    );
    const fee = await raise(ctx, secretary, other, {
      text: 'Đề nghị miễn đóng góp xây dựng nhà văn hóa cho hộ nghèo.',
      category: 'social',
      daysAgo: 70,
    });
    await step(ctx, fee.id, addDays(fee.raisedOn, 2), (r) =>
      forward(db, secretary, r, { forwardTo: ctx.communeCode }, rules, addDays(fee.raisedOn, 2)),
    );
    await step(ctx, fee.id, addDays(fee.raisedOn, 12), (r) =>
      decline(db, commune, r, 'Việc đóng góp do hội nghị nhân dân thôn quyết định; chi bộ chỉ đạo vận động.'),
    );
  }
  // Another commune: passed to the ward, which let the time limit pass; the province has had it since.
  const [street] = await rows<{ code: string }>(
    db,
    sql`SELECT code FROM orgs WHERE category = 'street_group' AND status = 'active' ORDER BY path LIMIT 1`,
  );
  if (street) {
    const c = await cellOf(db, street.code);
    const ward = await findOrg(db, c.code.split('.').slice(0, 2).join('.'));
    const drain = await raise(ctx, secretary, c, {
      text: 'Đề nghị cải tạo hệ thống thoát nước khu phố, thường xuyên ngập khi mưa lớn.',
      category: 'infrastructure',
      daysAgo: 75,
    });
    if (ward) {
      await step(ctx, drain.id, addDays(drain.raisedOn, 2), (r) =>
        forward(db, secretary, r, { forwardTo: ward.code }, rules, addDays(drain.raisedOn, 2)),
      );
      const late = addDays(drain.raisedOn, 34);
      await stamped(db, at(late, '06:00'), () => runAlerts(db, late, [ward.path]));
    }
  }
  // An agency cell's, just received.
  const [agency] = await rows<{ code: string }>(
    db,
    sql`SELECT code FROM orgs WHERE category = 'agency' AND kind = 'grassroots_cell' ORDER BY path LIMIT 1`,
  );
  if (agency) {
    await raise(ctx, secretary, await cellOf(db, agency.code), {
      text: 'Đề nghị tổ chức bồi dưỡng kỹ năng số cho cán bộ, đảng viên của cơ quan.',
      category: 'party_work',
      daysAgo: 2,
      byStaff: true,
    });
  }
  // The day's own run: overdue ones move up, and the inboxes hear today's alerts.
  const run = await stamped(db, at(today, '06:00'), () => runAlerts(db, today));
  return { escalated: run.byKind.rec_escalated ?? 0 };
}
