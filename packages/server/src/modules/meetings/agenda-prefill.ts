/**
 * The agenda prepared for the secretary (issue 17 item 3): when meetings are planned (`planSubtree`) and on
 * "Chuẩn bị lại chương trình" before a meeting starts, its agenda takes the items due for the cell — superior
 * documents to pass on, answers to recommendations, recognitions due, overdue tasks, members absent
 * repeatedly, dues arrears (core agenda-sources.ts, with the regulations cited there), and for a thematic
 * meeting or a combined session the cell's topic of the quarter (agenda-thematic.ts, which also links the
 * registration to the meeting).
 *
 * The secretary may drop or reorder items before the meeting starts; a dropped pre-filled item is remembered
 * in the meeting's history (`agenda_item_dropped` with its source key), so preparing again never brings it
 * back. Each change runs in one transaction on the meeting's locked row (`changeMeeting`) and is audited.
 */
import {
  type AgendaItem,
  absenceRunsOf,
  absencesItem,
  agendaIndexParam,
  answersItem,
  duesArrearsItem,
  isoDateInVietnam,
  moveAgendaItem,
  overdueTasksItem,
  type PrefillItem,
  passOnItem,
  prefillAgenda,
  recognitionItem,
  sourceKey,
} from '@nennep/core';
import { eq, inArray, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Db, rows } from '../../db/client.ts';
import { meetings } from '../../db/schema/index.ts';
import { type Deps, nowOf } from '../../deps.ts';
import { type Actor, requireActor } from '../../http/access.ts';
import { invalidField } from '../../http/errors.ts';
import { arrearsOf } from '../dues/ledger.ts';
import { meetingItems } from '../pass-on/read.ts';
import { linkThematicRegistration, thematicDue } from './agenda-thematic.ts';
import { recordMeetingEvent } from './events.ts';
import { changeMeeting } from './lock.ts';
import { meetingParams } from './params.ts';
import type { MeetingRow } from './queries.ts';

/** Kinds of meeting of the whole cell, whose agenda is prepared (not the preparation meeting's). */
const tags = ['meetings'];
const PREPARED_KINDS = new Set(['regular', 'thematic', 'extraordinary', 'model']);

/** What is due for the meeting's cell: the meeting's date for what falls due, `today` for what is seen. */
export async function dueItems(tx: Db, meeting: MeetingRow, today: string): Promise<PrefillItem[]> {
  const date = meeting.scheduledDate;
  const items: (PrefillItem | null)[] = [];
  for (const doc of await meetingItems(tx, meeting)) if (!doc.passed) items.push(passOnItem(doc, date));
  const answers = await rows<{ id: number; text: string }>(
    tx,
    sql`SELECT id::int AS id, text FROM recommendations
        WHERE answer_meeting_id = ${meeting.id} AND status = 'answered' AND answer_given = false ORDER BY id`,
  );
  items.push(answersItem(answers));
  const tasks = await rows<{ id: number; text: string; deadline: string; assignee: string | null }>(
    tx,
    sql`SELECT t.id::int AS id, t.text, t.deadline::text AS deadline, mb.full_name AS assignee
        FROM tasks t JOIN meetings m ON m.id = t.meeting_id LEFT JOIN members mb ON mb.id = t.member_id
        WHERE m.org_id = ${meeting.orgId} AND m.id <> ${meeting.id} AND t.status = 'open'
          AND t.deadline IS NOT NULL AND t.deadline < ${date}
        ORDER BY t.deadline, t.id LIMIT 20`,
  );
  items.push(overdueTasksItem(tasks));
  items.push(absencesItem(await absences(tx, meeting, today)));
  const probation = await rows<{ memberCode: string; fullName: string; admissionDate: string }>(
    tx,
    sql`SELECT member_code AS "memberCode", full_name AS "fullName", admission_date::text AS "admissionDate"
        FROM members WHERE org_id = ${meeting.orgId} AND status = 'probationary' AND admission_date IS NOT NULL
        ORDER BY sort_key, member_code`,
  );
  for (const m of probation) items.push(recognitionItem(m, date));
  items.push(duesArrearsItem(await arrears(tx, meeting, today)));
  items.push(await thematicDue(tx, meeting));
  return items.filter((i): i is PrefillItem => i !== null);
}

/**
 * Members of the cell with their run of sessions missed in a row this year up to today, and their
 * unexcused absences (the count the alerts run makes, alerts/service.ts, HD 12-HD/BTCTW).
 */
async function absences(tx: Db, meeting: MeetingRow, today: string) {
  const lines = await rows<{
    memberId: number;
    memberCode: string;
    fullName: string;
    status: string;
    session: string;
  }>(
    tx,
    sql`SELECT a.member_id::int AS "memberId", mb.member_code AS "memberCode", mb.full_name AS "fullName",
          a.status, mt.org_id::text || ' ' || mt.scheduled_date::text || ' ' || mt.start_time AS session
        FROM attendance a JOIN meetings mt ON mt.id = a.meeting_id JOIN members mb ON mb.id = a.member_id
        WHERE mt.org_id = ${meeting.orgId} AND mt.kind IN ('regular', 'thematic', 'model', 'extraordinary')
          AND mt.status IN ('held', 'adopted') AND mb.org_id = mt.org_id
          AND mb.status IN ('official', 'probationary')
          AND mt.scheduled_date BETWEEN ${`${today.slice(0, 4)}-01-01`} AND ${today}
        ORDER BY mt.scheduled_date, mt.start_time, mt.id`,
  );
  const runs = absenceRunsOf(lines);
  const who = new Map(lines.map((l) => [l.memberId, l]));
  const unexcused = new Map<number, number>();
  for (const l of lines) {
    if (l.status === 'absent_unexcused') unexcused.set(l.memberId, (unexcused.get(l.memberId) ?? 0) + 1);
  }
  return [...runs].flatMap(([memberId, run]) => {
    const m = who.get(memberId);
    return m
      ? [{ memberCode: m.memberCode, fullName: m.fullName, run, unexcused: unexcused.get(memberId) ?? 0 }]
      : [];
  });
}

/** The cell's members with months of dues unpaid this year, as of today (dues/ledger.ts `arrearsOf`). */
async function arrears(tx: Db, meeting: MeetingRow, today: string) {
  // The injected clock's day, at noon in Vietnam: the months closed by then (ledger.ts `lastClosedMonth`).
  const found = await arrearsOf(
    tx,
    meeting.orgPath,
    Number(today.slice(0, 4)),
    new Date(`${today}T12:00:00+07:00`),
  );
  if (found.rows.length === 0) return [];
  const names = new Map(
    (
      await rows<{ code: string; name: string }>(
        tx,
        sql`SELECT member_code AS code, full_name AS name FROM members WHERE org_id = ${meeting.orgId}`,
      )
    ).map((m) => [m.code, m.name]),
  );
  return found.rows.flatMap((r) => {
    const name = names.get(r.memberCode);
    return name ? [{ memberCode: r.memberCode, fullName: name, unpaidMonths: r.unpaidMonths }] : [];
  });
}

/** The source keys of the pre-filled items the secretary dropped from this meeting's agenda. */
async function droppedKeys(tx: Db, meetingId: number): Promise<Set<string>> {
  const list = await rows<{ source: string }>(
    tx,
    sql`SELECT data->>'source' AS source FROM meeting_events
        WHERE meeting_id = ${meetingId} AND kind = 'agenda_item_dropped' AND data ? 'source'`,
  );
  return new Set(list.map((l) => l.source));
}

/**
 * Prepares the agenda of a meeting (on the row the caller locked) from what is due; writes it and an
 * `agenda_prepared` event naming the sources when anything changed. A preparation meeting is left alone.
 */
export async function prepareAgenda(tx: Db, actor: Actor | null, meeting: MeetingRow, today: string) {
  const agenda = meeting.agenda as AgendaItem[];
  if (!PREPARED_KINDS.has(meeting.kind)) return agenda;
  const prepared = prefillAgenda(
    agenda,
    await dueItems(tx, meeting, today),
    await droppedKeys(tx, meeting.id),
  );
  // The quarter's topic now on the agenda: its registration is linked to this meeting (if not yet).
  const topic = prepared.find((i) => i.source?.kind === 'thematic');
  if (topic?.source) await linkThematicRegistration(tx, actor, meeting, Number(topic.source.ref));
  if (JSON.stringify(prepared) === JSON.stringify(agenda)) return agenda;
  await tx.update(meetings).set({ agenda: prepared }).where(eq(meetings.id, meeting.id));
  const sources = prepared.flatMap((i) => (i.source ? [sourceKey(i.source)] : []));
  await recordMeetingEvent(tx, actor, meeting, 'agenda_prepared', { sources });
  return prepared;
}

/**
 * After planning: the first meeting of the whole cell planned for each cell (the next one) is prepared, read
 * again and locked here (the answers to recommendations were just put on it, recommendations/commands.ts).
 * The later ones keep the template until the secretary prepares them again.
 */
export async function prepareNextAgendas(
  tx: Db,
  actor: Actor | null,
  planned: readonly MeetingRow[],
  today: string,
) {
  const first = new Map<number, MeetingRow>();
  for (const m of planned) {
    if (!PREPARED_KINDS.has(m.kind)) continue;
    const seen = first.get(m.orgId);
    if (!seen || `${m.scheduledDate} ${m.startTime}` < `${seen.scheduledDate} ${seen.startTime}`)
      first.set(m.orgId, m);
  }
  if (first.size === 0) return;
  const ids = [...first.values()].map((m) => m.id);
  const fresh = await tx
    .select()
    .from(meetings)
    .where(inArray(meetings.id, ids))
    .orderBy(meetings.id)
    .for('update');
  for (const meeting of fresh) await prepareAgenda(tx, actor, meeting, today);
}

/** The agenda may change only before the meeting starts (HD 12-HD/BTCTW: it is agreed beforehand). */
function assertNotStarted(meeting: MeetingRow, field: string) {
  if (meeting.startedAt || meeting.status === 'held' || meeting.status === 'adopted') {
    throw invalidField(field, {
      vi: 'Cuộc họp đã bắt đầu: chương trình chỉ được chuẩn bị, bỏ bớt hay sắp xếp lại trước giờ họp.',
      en: 'The meeting has started: the agenda is prepared, trimmed or reordered only before it.',
    });
  }
}

/** "Chuẩn bị lại chương trình": the agenda prepared again from what is due today. */
export const reprepareAgenda = (db: Db, actor: Actor, id: number, today: string) =>
  changeMeeting(db, actor, id, async (tx, meeting) => {
    assertNotStarted(meeting, 'agenda');
    return prepareAgenda(tx, actor, meeting, today);
  });

function itemAt(agenda: readonly AgendaItem[], index: number, field: string) {
  const item = agenda[index];
  if (!item) {
    throw invalidField(field, {
      vi: `Chương trình không có mục số ${index + 1}.`,
      en: `The agenda has no item ${index + 1}.`,
    });
  }
  return item;
}

/** Drops one item of the agenda before the meeting; a pre-filled one stays dropped when prepared again. */
export const dropAgendaItem = (db: Db, actor: Actor, id: number, index: number) =>
  changeMeeting(db, actor, id, async (tx, meeting) => {
    assertNotStarted(meeting, 'agendaIndex');
    const agenda = meeting.agenda as AgendaItem[];
    const item = itemAt(agenda, index, 'agendaIndex');
    const next = agenda.filter((_, i) => i !== index);
    await tx.update(meetings).set({ agenda: next }).where(eq(meetings.id, meeting.id));
    await recordMeetingEvent(tx, actor, meeting, 'agenda_item_dropped', {
      title: item.title,
      at: index + 1,
      ...(item.source ? { source: sourceKey(item.source) } : {}),
    });
    return next;
  });

const SECTION_RANK = { opening: 0, content: 1, closing: 2 } as const;

/** Moves one item to another place of its section before the meeting (opening, content, closing keep order). */
export const reorderAgendaItem = (db: Db, actor: Actor, id: number, index: number, to: number) =>
  changeMeeting(db, actor, id, async (tx, meeting) => {
    assertNotStarted(meeting, 'agendaIndex');
    const agenda = meeting.agenda as AgendaItem[];
    const item = itemAt(agenda, index, 'agendaIndex');
    itemAt(agenda, to, 'to');
    const next = moveAgendaItem(agenda, index, to);
    const ordered = next.every(
      (a, i) => i === 0 || SECTION_RANK[a.section] >= SECTION_RANK[(next[i - 1] as AgendaItem).section],
    );
    if (!ordered) {
      throw invalidField('to', {
        vi: 'Mục chỉ được chuyển trong phần của nó (khai mạc, nội dung, bế mạc).',
        en: 'An item moves only within its part (opening, content, closing).',
      });
    }
    await tx.update(meetings).set({ agenda: next }).where(eq(meetings.id, meeting.id));
    await recordMeetingEvent(tx, actor, meeting, 'agenda_item_moved', {
      title: item.title,
      from: index + 1,
      to: to + 1,
    });
    return next;
  });

const indexParams = meetingParams.extend({ agendaIndex: agendaIndexParam });

/** The routes of the prepared agenda: prepare again, drop an item, move an item (before the meeting). */
export function agendaPrefillRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const today = () => isoDateInVietnam(nowOf(deps));

  app.post('/meetings/:id/agenda/prepare', { schema: { tags, params: meetingParams } }, async (request) => {
    const actor = requireActor(request.actor);
    return { agenda: await reprepareAgenda(db, actor, request.params.id, today()) };
  });

  app.delete(
    '/meetings/:id/agenda/:agendaIndex',
    { schema: { tags, params: indexParams } },
    async (request) => {
      const actor = requireActor(request.actor);
      return { agenda: await dropAgendaItem(db, actor, request.params.id, request.params.agendaIndex) };
    },
  );

  app.post(
    '/meetings/:id/agenda/:agendaIndex/move',
    { schema: { tags, params: indexParams, body: z.object({ to: agendaIndexParam }) } },
    async (request) => {
      const actor = requireActor(request.actor);
      const { id, agendaIndex } = request.params;
      return { agenda: await reorderAgendaItem(db, actor, id, agendaIndex, request.body.to) };
    },
  );
}

/**
 * An agenda edited as a whole (`PATCH /meetings/:id`): the pre-filled items it no longer holds are recorded
 * as dropped (one `agenda_item_dropped` event each), so preparing it again leaves them out. Returns it.
 */
export async function keepDropped(tx: Db, actor: Actor, meeting: MeetingRow, agenda: AgendaItem[]) {
  const kept = new Set(agenda.flatMap((i) => (i.source ? [sourceKey(i.source)] : [])));
  const old = meeting.agenda as AgendaItem[];
  for (const [index, item] of old.entries()) {
    if (!item.source || kept.has(sourceKey(item.source))) continue;
    await recordMeetingEvent(tx, actor, meeting, 'agenda_item_dropped', {
      title: item.title,
      at: index + 1,
      source: sourceKey(item.source),
    });
  }
  return agenda;
}
