/**
 * The demo's year of meetings, in two steps around the supervision plans and the recommendations that
 * need the meetings to exist: `planYear` puts every meeting on the calendar (the past ones in bulk, the
 * coming ones through `createMeeting` like a secretary would), `holdYear` records and adopts the past ones.
 */
import { sql } from 'drizzle-orm';
import type { Conn } from '../../db/bulk.ts';
import { type Db, rows } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { agendaFrom, createMeeting, reschedule } from '../../modules/meetings/plan.ts';
import { findMeeting } from '../../modules/meetings/queries.ts';
import { namingOf } from '../../modules/orgs/naming.ts';
import { findOrgById } from '../../modules/orgs/queries.ts';
import { reportBackOnAdoption } from '../../modules/recommendations/meeting-side.ts';
import { type Adopted, adoptCellYear, type HeldMeeting } from './adopt.ts';
import { type CalendarMeeting, demoCalendar } from './calendar.ts';
import { recordMeeting } from './record.ts';
import type { DemoWorld } from './world.ts';
import { insertPlanned, writeCounters, writeHeld } from './write.ts';

/** Many ids as one array parameter (`= ANY($1::bigint[])`), not one parameter each. */
const idArray = (ids: readonly number[]) => `{${ids.join(',')}}`;

export interface PlannedYear {
  calendar: CalendarMeeting[];
  /** Ids of the past meetings, in calendar order. */
  pastIds: Map<CalendarMeeting, number>;
}

export async function planYear(
  conn: Conn,
  db: Db,
  world: DemoWorld,
  input: { today: string; seed: number; secretaryCellCode: string; actor: Actor },
): Promise<PlannedYear> {
  const { content, id: ruleSetId } = world.ruleSet;
  const calendar = demoCalendar({
    cells: world.cells,
    today: input.today,
    window: content.meetingWindow,
    seed: input.seed,
    secretaryCellCode: input.secretaryCellCode,
  });
  const past = calendar.filter((m) => m.fate !== 'upcoming');
  const ids = await insertPlanned(
    conn,
    past.map((meeting) => ({ meeting, agenda: agendaFrom(content, meeting.kind), ruleSetId })),
  );
  const pastIds = new Map(past.map((m, i) => [m, ids[i] as number]));
  // The coming weeks, as the secretaries plan them: through the same command as the calendar page.
  for (const m of calendar.filter((c) => c.fate === 'upcoming')) {
    const cell = await findOrgById(db, m.cell.id);
    if (!cell) continue;
    // A meeting moved while it was still to come was planned for its first date, then moved.
    const plannedFor = m.movedFrom && m.movedFrom.date >= input.today ? m.movedFrom.date : m.date;
    const created = await createMeeting(
      db,
      input.actor,
      cell,
      {
        kind: m.kind,
        date: plannedFor,
        startTime: m.startTime,
        place: m.place,
        combined: false,
        title: m.title,
      },
      input.today,
    );
    if (m.movedFrom && plannedFor !== m.date) {
      const to = { date: m.date, startTime: m.startTime, reason: m.movedFrom.reason };
      await reschedule(db, input.actor, created, to, input.today);
    }
  }
  return { calendar, pastIds };
}

/** Visits of published plans to past meetings: the visitor sits as a guest of the meeting. */
async function visitorsByMeeting(db: Db, rootPath: string, today: string) {
  const list = await rows<{ meetingId: number; name: string; committeePath: string }>(
    db,
    sql`SELECT v.meeting_id::int AS "meetingId", a.display_name AS name, v.committee_path AS "committeePath"
        FROM visits v JOIN visit_plans p ON p.id = v.plan_id JOIN accounts a ON a.id = v.account_id
        WHERE p.status = 'published' AND v.status <> 'cancelled' AND v.scheduled_date < ${today}
          AND v.committee_path LIKE ${`${rootPath}%`}`,
  );
  const bodies = new Map<string, string>();
  for (const path of new Set(list.map((v) => v.committeePath))) {
    bodies.set(path, (await namingOf(db, { path })).resolved.bodyName);
  }
  const name = (display: string) => display.replace(/\s*\(.*\)\s*$/u, '');
  return new Map(
    list.map((v) => [
      v.meetingId,
      { name: name(v.name), role: `Dự sinh hoạt theo phân công của ${bodies.get(v.committeePath) ?? ''}` },
    ]),
  );
}

/** The agendas as they stand (answers to give back add an item) and the answers recorded as given. */
async function agendasAndAnswers(db: Db, ids: number[]) {
  const agendas = new Map<number, { title: string; section: string }[]>();
  const list = await rows<{ id: number; agenda: { title: string; section: string }[] }>(
    db,
    sql`SELECT id::int AS id, agenda FROM meetings WHERE id = ANY(${idArray(ids)}::bigint[])`,
  );
  for (const m of list) agendas.set(m.id, m.agenda);
  const answers = new Map<number, HeldMeeting['answers']>();
  const given = await rows<{ meetingId: number; text: string; answer: string; handlerPath: string }>(
    db,
    sql`SELECT r.answer_meeting_id::int AS "meetingId", r.text, r.answer, h.path AS "handlerPath"
        FROM recommendations r JOIN orgs h ON h.id = r.handler_org_id
        WHERE r.answer_meeting_id = ANY(${idArray(ids)}::bigint[]) AND r.answer_given AND r.status = 'answered' ORDER BY r.id`,
  );
  for (const g of given) {
    const handlerName = (await namingOf(db, { path: g.handlerPath })).resolved.bodyName;
    answers.set(g.meetingId, [
      ...(answers.get(g.meetingId) ?? []),
      { text: g.text, answer: g.answer, handlerName },
    ]);
  }
  return { agendas, answers };
}

/** Records, scores and adopts every past meeting that was held; writes it all; reports answers back. */
export async function holdYear(
  conn: Conn,
  db: Db,
  world: DemoWorld,
  year: PlannedYear,
  input: { today: string; rootPath: string; seed: number; actor: Actor },
) {
  const held = [...year.pastIds].filter(([m]) => m.fate === 'held');
  const ids = held.map(([, id]) => id);
  const visitors = await visitorsByMeeting(db, input.rootPath, input.today);
  const { agendas, answers } = await agendasAndAnswers(db, ids);
  const manualCriteria = world.ruleSet.content.scoreSheet.criteria.filter((c) => c.kind === 'manual');
  const byCell = new Map<number, HeldMeeting[]>();
  const lastRegular = new Map<number, string>();
  for (const [meeting, id] of held) {
    const agenda = agendas.get(id) ?? [];
    const record = recordMeeting({
      meeting,
      agenda,
      members: world.members.get(meeting.cell.id) ?? [],
      manualCriteria,
      visitor: meeting.kind === 'cell_committee' ? null : (visitors.get(id) ?? null),
      previousRegular: lastRegular.get(meeting.cell.id) ?? null,
      seed: input.seed ^ (id * 40_503),
    });
    if (meeting.kind === 'regular') lastRegular.set(meeting.cell.id, meeting.date);
    const list = byCell.get(meeting.cell.id) ?? [];
    list.push({ id, meeting, agenda, record, answers: answers.get(id) ?? [] });
    byCell.set(meeting.cell.id, list);
  }
  const adopted = new Map<number, Adopted>();
  const counters: { orgId: number; type: string; last: number }[] = [];
  for (const cell of world.cells) {
    const list = (byCell.get(cell.id) ?? []).sort((a, b) =>
      a.meeting.date < b.meeting.date ? -1 : a.meeting.date > b.meeting.date ? 1 : a.id - b.id,
    );
    const words = world.words.get(cell.id);
    if (!words || list.length === 0) continue;
    const members = new Map((world.members.get(cell.id) ?? []).map((m) => [m.id, m]));
    const done = adoptCellYear(list, members, world.ruleSet.content, words);
    for (const a of done) adopted.set(a.id, a);
    const minutes = done.filter((a) => a.adopted).length;
    const resolutions = done.filter((a) => a.resolutionNo).length;
    if (minutes > 0) counters.push({ orgId: cell.id, type: 'BB', last: minutes });
    if (resolutions > 0) counters.push({ orgId: cell.id, type: 'NQ', last: resolutions });
  }
  const cancelled = [...year.pastIds].filter(([m]) => m.fate === 'cancelled').map(([, id]) => id);
  await writeHeld(conn, [...byCell.values()].flat(), adopted, cancelled);
  await writeCounters(conn, counters);
  // Answers read back at a meeting become "reported back" when its minutes are adopted.
  for (const id of answers.keys()) {
    const meeting = await findMeeting(db, id);
    if (meeting?.status === 'adopted') await reportBackOnAdoption(db, input.actor, meeting);
  }
  return {
    held: held.length,
    adopted: [...adopted.values()].filter((a) => a.adopted).length,
    cancelled: cancelled.length,
  };
}
