/**
 * Supervision in the demo (domain.md §4, as communes do it since 2025): each commune or ward committee sends
 * its members, in a working group, to every village and street cell once a quarter. For each quarter of the
 * demo's year the commune's plan is made and published at the start of the quarter (through `makePlan` and
 * `publishPlan`, with the clock of that day); the demo `visitor` is sent to the next meeting of the
 * secretary's cell. After the year is held, `reportVisits` files the visitors' reports through the service.
 */
import { addDays, type CriterionScore, periodContaining, type QualityScore } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../db/client.ts';
import { insertOne } from '../db/insert.ts';
import { accounts, grants } from '../db/schema/index.ts';
import type { Actor } from '../http/access.ts';
import type { OrgRow } from '../modules/orgs/queries.ts';
import { findOrg } from '../modules/orgs/queries.ts';
import { createAssignment, createGroup } from '../modules/supervision/groups.ts';
import { periodFor } from '../modules/supervision/planner-input.ts';
import { addVisit, findPlan, makePlan, publishPlan } from '../modules/supervision/plans.ts';
import { findVisit, visitRows } from '../modules/supervision/queries.ts';
import { editVisit } from '../modules/supervision/visit-edits.ts';
import { checkIn, fileReport } from '../modules/supervision/visits.ts';
import { demoActor, stamped } from './demo-actor.ts';
import { randomFullName } from './names.ts';
import { mulberry32, type Rng } from './prng.ts';

export interface SupervisionDemoInput {
  root: OrgRow;
  passwordHash: string;
  today: string;
  /** The first day of the demo's history: plans start with the quarter holding it. */
  from: string;
  secretaryCellCode: string;
  communeCode: string;
  seed: number;
}

const at = (date: string, time = '08:00') => new Date(`${date}T${time}:00+07:00`);

/** The commune and ward committees below the root that have residential cells. */
async function communes(db: Db, root: OrgRow) {
  return rows<{ id: number; code: string; name: string; path: string; cells: number }>(
    db,
    sql`SELECT o.id::int AS id, o.code, o.name, o.path,
          (SELECT count(*)::int FROM orgs c WHERE c.parent_id = o.id AND c.status = 'active'
             AND c.category IN ('village', 'street_group', 'residential_cluster')) AS cells
        FROM orgs o WHERE o.parent_id = ${root.id} AND o.kind = 'committee' AND o.status = 'active'
        ORDER BY o.path`,
  );
}

/** The commune's working group: a few committee members (accounts of their own), the demo visitor in one. */
async function workingGroup(db: Db, commune: OrgRow, input: SupervisionDemoInput, rng: Rng, extra: number[]) {
  const size = 4 + Math.floor(rng() * 2);
  const members = [...extra];
  const slug = commune.code.split('.').pop()?.toLowerCase() ?? 'xa';
  for (let i = members.length; i < size; i++) {
    const sex = rng() < 0.6 ? 'male' : 'female';
    const created = await insertOne(
      db
        .insert(accounts)
        .values({
          username: `tct.${slug}.${i + 1}`,
          displayName: `${randomFullName(rng, sex, 1965 + Math.floor(rng() * 25))} (Đảng ủy viên)`,
          passwordHash: input.passwordHash,
        })
        .returning({ id: accounts.id }),
      'demo visitor',
    );
    await db.insert(grants).values({ accountId: created.id, role: 'committee_member', orgId: commune.id });
    members.push(created.id);
  }
  const groupId = await createGroup(db, null, commune, {
    committeeCode: commune.code,
    name: 'Tổ công tác số 1',
    leaderAccountId: members[members.length - 1] ?? null,
    memberAccountIds: members,
  });
  const cells = await rows<{ code: string }>(
    db,
    sql`SELECT code FROM orgs WHERE parent_id = ${commune.id} AND status = 'active'
          AND category IN ('village', 'street_group', 'residential_cluster') ORDER BY sort_key`,
  );
  for (const cell of cells) {
    await createAssignment(db, null, commune, { committeeCode: commune.code, orgCode: cell.code, groupId });
  }
  return members.length - extra.length;
}

/** The quarters of the demo's year, from the one holding `from` to the current one (and the next, near its end). */
async function quarterPeriods(db: Db, commune: OrgRow, from: string, today: string) {
  const keys: string[] = [];
  for (let date = from; date <= addDays(today, 20); date = addDays(date, 28)) {
    const key = periodContaining('quarter', date, 3).key;
    if (!keys.includes(key)) keys.push(key);
  }
  const periods = [];
  for (const key of keys) periods.push(await periodFor(db, commune, key));
  return periods;
}

export async function seedSupervisionDemo(db: Db, input: SupervisionDemoInput) {
  const rng = mulberry32(input.seed);
  const visitor = await demoActor(db, 'visitor');
  const manager = await demoActor(db, 'tanhoi');
  const admin = await demoActor(db, 'admin');
  let created = 0;
  let plans = 0;
  for (const row of await communes(db, input.root)) {
    if (row.cells === 0) continue;
    const commune = await findOrg(db, row.code);
    if (!commune) continue;
    const own = commune.code === input.communeCode;
    created += await workingGroup(db, commune, input, rng, own ? [visitor.id] : []);
    for (const { period } of await quarterPeriods(db, commune, input.from, input.today)) {
      const planDay = period.from > input.today ? input.today : addDays(period.from, -3);
      const now = at(planDay);
      const current = period.from <= input.today && period.to >= input.today;
      if (own && current) await sendVisitor(db, manager, commune, period.key, input, visitor);
      await stamped(db, now, () => makePlan(db, null, commune, period.key, now));
      if (current)
        await stamped(db, now, () =>
          spreadOverQuarter(db, own ? manager : admin, commune, period, input.today, rng),
        );
      const plan = await findPlan(db, commune.id, period.key);
      if (plan && plan.status !== 'published')
        await stamped(db, now, () => publishPlan(db, null, commune, plan, now));
      plans += 1;
    }
  }
  return { visitorsCreated: created, plans };
}

/**
 * The planner fills a quarter from its first weeks; a commune spreads its visits over the quarter by hand.
 * About half of the cells that still meet in the quarter are visited at that meeting (a hand edit, kept by
 * re-planning), so the current plan has visits in the coming days.
 */
async function spreadOverQuarter(
  db: Db,
  manager: Actor,
  commune: OrgRow,
  period: { key: string; to: string },
  today: string,
  rng: Rng,
) {
  const candidates = await rows<{ visitId: number; meetingId: number }>(
    db,
    sql`SELECT v.id::int AS "visitId", n.id::int AS "meetingId" FROM visits v
        JOIN visit_plans p ON p.id = v.plan_id
        JOIN LATERAL (SELECT m.id FROM meetings m WHERE m.org_id = v.cell_org_id AND m.kind = 'regular'
                        AND m.status = 'planned' AND m.scheduled_date >= ${today} AND m.scheduled_date <= ${period.to}
                      ORDER BY m.scheduled_date LIMIT 1) n ON true
        WHERE p.committee_org_id = ${commune.id} AND p.period_key = ${period.key} AND v.status = 'planned'
          AND NOT v.locked AND v.scheduled_date < ${today}
        ORDER BY v.id`,
  );
  for (const c of candidates) {
    if (rng() > 0.5) continue;
    const visit = await findVisit(db, c.visitId);
    // The visitor may already be elsewhere that evening: then the visit stays where the planner put it.
    if (visit) await editVisit(db, manager, visit, { meetingId: c.meetingId }).catch(() => undefined);
  }
}

/** The demo visitor goes to the next meeting of the secretary's cell (a visit fixed by hand, kept by the planner). */
async function sendVisitor(
  db: Db,
  manager: Actor,
  commune: OrgRow,
  periodKey: string,
  input: SupervisionDemoInput,
  visitor: Actor,
) {
  const [next] = await rows<{ id: number }>(
    db,
    sql`SELECT m.id::int AS id FROM meetings m JOIN orgs o ON o.id = m.org_id
        WHERE o.code = ${input.secretaryCellCode} AND m.kind = 'regular' AND m.status = 'planned'
          AND m.scheduled_date >= ${input.today} ORDER BY m.scheduled_date LIMIT 1`,
  );
  if (!next) return;
  const { period } = await periodFor(db, commune, periodKey);
  const [meeting] = await rows<{ date: string }>(
    db,
    sql`SELECT scheduled_date::text AS date FROM meetings WHERE id = ${next.id}`,
  );
  if (!meeting || meeting.date > period.to) return;
  await addVisit(db, manager, commune, { periodKey, meetingId: next.id, visitorAccountId: visitor.id });
}

/** What a visitor marks on the sheet: the cell's own points on what the system measured, a stricter eye on the rest. */
function observedPoints(score: QualityScore, manual: ReadonlySet<string>, rng: Rng) {
  const points: Record<string, number> = {};
  for (const c of score.criteria as CriterionScore[]) {
    const strict = manual.has(c.criterionId) && rng() < 0.35 ? 1 + Math.floor(rng() * 2) : 0;
    points[c.criterionId] = Math.max(0, c.points - strict);
  }
  return points;
}

const NOTES = [
  'Chi bộ chuẩn bị nội dung chu đáo, đảng viên phát biểu sôi nổi, đi vào vấn đề cụ thể của khu dân cư.',
  'Sinh hoạt đúng trình tự; cần dành thêm thời gian cho thảo luận và tự phê bình.',
  'Một số đảng viên đến muộn; chủ trì cần nhắc nhở, bảo đảm thời gian sinh hoạt.',
];

/**
 * Files the reports of past visits through the service, as each visitor would on the day: checked in at the
 * meeting, the sheet filled, a recommendation heard now and then. Visits of the last two days are checked
 * in but not yet reported (the report is due within the rule set's days).
 */
export async function reportVisits(
  db: Db,
  input: { rootPath: string; today: string; seed: number; manual: ReadonlySet<string> },
) {
  const rng = mulberry32(input.seed);
  const due = await visitRows(
    db,
    sql`v.committee_path LIKE ${`${input.rootPath}%`} AND v.status = 'planned' AND p.status = 'published'
        AND v.scheduled_date < ${input.today}`,
  );
  let filed = 0;
  for (const row of due) {
    const [meeting] = await rows<{ status: string; score: QualityScore | null; start: string | null }>(
      db,
      sql`SELECT status, score, started_at::text AS start FROM meetings WHERE id = ${row.meetingId}`,
    );
    if (!meeting) continue;
    const actor = await demoActor(db, null, row.accountId);
    const day = row.date;
    if (meeting.status === 'cancelled') {
      await stamped(db, at(day, '21:00'), () =>
        fileReport(
          db,
          actor,
          row,
          {
            attended: false,
            absenceReason: 'Chi bộ hoãn sinh hoạt trong tháng',
            points: {},
            recommendations: [],
          },
          day,
        ),
      );
      filed += 1;
      continue;
    }
    if (!meeting.score) continue;
    await stamped(db, at(day, '19:20'), () => checkIn(db, actor, row, day, at(day, '19:20')));
    if (day >= addDays(input.today, -2)) continue;
    const visit = await findVisit(db, row.id);
    if (!visit) continue;
    const heard =
      rng() < 0.04
        ? [
            'Đề nghị Đảng ủy xã quan tâm chỉ đạo giải quyết dứt điểm việc lấn chiếm hành lang đường liên thôn.',
          ]
        : [];
    await stamped(db, at(addDays(day, 1), '09:00'), () =>
      fileReport(
        db,
        actor,
        visit,
        {
          attended: true,
          points: observedPoints(meeting.score as QualityScore, input.manual, rng),
          contentNotes: NOTES[Math.floor(rng() * NOTES.length)],
          recommendations: heard,
        },
        addDays(day, 1),
      ),
    );
    filed += 1;
  }
  return { filed };
}
