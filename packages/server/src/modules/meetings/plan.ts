import {
  type AgendaItem,
  addDays,
  agendaOf,
  hasCellCommittee,
  insertAgendaItem,
  type MeetingKind,
  planMeetings,
  preparationTitle,
  type RuleSetContent,
} from '@nennep/core';
import { eq, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { insertOne } from '../../db/insert.ts';
import { meetings } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { conflict, invalidField } from '../../http/errors.ts';
import { findOrgById, type OrgRow } from '../orgs/queries.ts';
import { attachPendingAnswers } from '../recommendations/commands.ts';
import { pick, ruleSetFor, ruleSetsFor } from '../rule-sets/service.ts';
import { prepareNextAgendas } from './agenda-prefill.ts';
import { recordMeetingEvent } from './events.ts';
import { rulesOf } from './facts.ts';
import { cellHasCommittee, positionsSql } from './preparation.ts';
import { findMeeting, type MeetingRow } from './queries.ts';
import { assertNotPast, assertSlotFree, cancelVisits, moveVisits } from './schedule.ts';

/** The agenda of a new meeting: the rule set's template for its kind (a combined session: both parts). */
export function agendaFrom(rules: RuleSetContent, kind: MeetingKind, combined = false) {
  return agendaOf(rules, kind, combined);
}

/**
 * Plans the meetings of every cell in a subtree between two dates, by the rule set in force for each cell:
 * regular meetings in the window on the day and at the time the cell usually meets, the period's thematic
 * meeting (combined with the regular one or on its own evening, as the rule set says), and a preparation
 * meeting before each: the chi ủy's where the cell elected one, else the bí thư and phó bí thư's, titled so
 * (HD 12-HD/BTCTW (06/7/2018); HD 42-HD/BTCTW (28/10/2025); core `planMeetings`). Never before today,
 * never twice in one slot; meetings already planned are kept, so running it twice adds nothing.
 */
export async function planSubtree(
  tx: Db,
  actor: Actor | null,
  root: OrgRow,
  range: { from: string; to: string },
  today: string,
  /** Days chosen for some cells (by id), e.g. by the committee's spreading: they replace the usual day. */
  days?: ReadonlyMap<number, number>,
) {
  const from = range.from < today ? today : range.from;
  const { to } = range;
  if (from > to) {
    throw invalidField('to', {
      vi: 'Khoảng thời gian này đã qua: chỉ lên lịch từ hôm nay trở đi.',
      en: 'That range has passed: meetings are planned from today on.',
    });
  }
  const cells = await rows<{ id: number; code: string; path: string; positions: string[] }>(
    tx,
    sql`SELECT o.id::int AS id, o.code, o.path, ${positionsSql(sql`o.id`)} AS positions
        FROM orgs o WHERE o.path LIKE ${`${root.path}%`} AND o.kind IN ('cell', 'grassroots_cell') AND o.status = 'active'
        ORDER BY o.path`,
  );
  if (cells.length === 0) {
    throw invalidField('orgCode', {
      vi: 'Không có chi bộ nào trong tổ chức này.',
      en: 'No cell in this organisation.',
    });
  }
  await ruleSetFor(tx, cells[0]?.path ?? root.path, from);
  const candidates = await ruleSetsFor(tx, root.path);
  // A year back, so that a thematic meeting held earlier in the period counts.
  const existing = await rows<{
    orgId: number;
    kind: MeetingKind;
    date: string;
    startTime: string;
    combined: boolean;
  }>(
    tx,
    sql`SELECT org_id::int AS "orgId", kind, scheduled_date::text AS date, start_time AS "startTime", combined
        FROM meetings WHERE org_path LIKE ${`${root.path}%`} AND status <> 'cancelled'
          AND scheduled_date BETWEEN ${addDays(from, -366)} AND ${addDays(to, 31)}`,
  );
  // The day and time each cell last met (or was to meet): it keeps them.
  const usual = new Map(
    (
      await rows<{ orgId: number; day: number; startTime: string }>(
        tx,
        sql`SELECT DISTINCT ON (org_id) org_id::int AS "orgId", extract(day FROM scheduled_date)::int AS day,
              start_time AS "startTime"
            FROM meetings WHERE org_path LIKE ${`${root.path}%`} AND kind = 'regular' AND status <> 'cancelled'
              AND scheduled_date < ${from}
            ORDER BY org_id, scheduled_date DESC`,
      )
    ).map((u) => [u.orgId, u]),
  );
  const values: (typeof meetings.$inferInsert)[] = [];
  for (const cell of cells) {
    const ruleSet = pick(candidates, cell.path, from) ?? (await ruleSetFor(tx, cell.path, from));
    const habit = usual.get(cell.id);
    const planned = planMeetings({
      cells: [
        {
          code: cell.code,
          hasCommittee: hasCellCommittee(cell.positions),
          day: days?.get(cell.id) ?? habit?.day,
          startTime: habit?.startTime,
        },
      ],
      from,
      to,
      rules: ruleSet.content,
      existing: existing
        .filter((e) => e.orgId === cell.id)
        .map((e) => ({
          cellCode: cell.code,
          kind: e.kind,
          date: e.date,
          startTime: e.startTime,
          combined: e.combined,
        })),
    });
    for (const p of planned) {
      values.push({
        orgId: cell.id,
        orgPath: cell.path,
        kind: p.kind,
        combined: p.combined,
        title: p.title,
        scheduledDate: p.date,
        startTime: p.startTime,
        agenda: agendaFrom(ruleSet.content, p.kind, p.combined),
        ruleSetId: ruleSet.id,
      });
    }
  }
  const inserted: MeetingRow[] = [];
  for (let i = 0; i < values.length; i += 1000) {
    inserted.push(
      ...(await tx
        .insert(meetings)
        .values(values.slice(i, i + 1000))
        .returning()),
    );
  }
  await attachPendingAnswers(
    tx,
    cells.map((c) => c.id),
  );
  // The next meeting of each cell planned here takes the items due (agenda-prefill.ts, issue 17).
  await prepareNextAgendas(tx, actor, inserted, today);
  await audit(tx, actor, {
    action: 'meeting.planned',
    entityType: 'org',
    entityId: root.code,
    orgPath: root.path,
    detail: { from, to, meetings: values.length, cells: cells.length },
  });
  return { created: values.length, cells: cells.length };
}

export async function createMeeting(
  tx: Db,
  actor: Actor,
  cell: OrgRow,
  input: {
    kind: MeetingKind;
    date: string;
    startTime: string;
    place?: string | null;
    combined: boolean;
    title?: string | null;
  },
  today: string,
) {
  if (!['cell', 'grassroots_cell', 'party_group'].includes(cell.kind)) {
    throw invalidField('orgCode', { vi: 'Chỉ chi bộ mới họp chi bộ.', en: 'Only cells hold cell meetings.' });
  }
  assertNotPast(input.date, today);
  const combined = input.combined && input.kind === 'regular';
  // A preparation meeting of a cell without a chi ủy is the bí thư and phó bí thư's, titled so (HD 12).
  const title =
    input.title ??
    (input.kind === 'cell_committee' ? preparationTitle(await cellHasCommittee(tx, cell.id)) : null);
  const ruleSet = await ruleSetFor(tx, cell.path, input.date);
  await assertSlotFree(tx, { orgId: cell.id, ...input, combined }, ruleSet.content);
  const row = await insertOne(
    tx
      .insert(meetings)
      .values({
        orgId: cell.id,
        orgPath: cell.path,
        kind: input.kind,
        combined,
        title,
        scheduledDate: input.date,
        startTime: input.startTime,
        place: input.place ?? null,
        agenda: agendaFrom(ruleSet.content, input.kind, combined),
        ruleSetId: ruleSet.id,
      })
      .returning(),
    'meeting',
  );
  await recordMeetingEvent(tx, actor, row, 'created', { kind: input.kind, date: input.date });
  // Answers to the cell's recommendations still waiting for a meeting go on this one.
  await attachPendingAnswers(tx, [cell.id]);
  return (await findMeeting(tx, row.id)) ?? row;
}

/**
 * Moves a meeting to another day or time (not in the past, not onto another of the cell's meetings), with the
 * reason kept in its history; its planned visits follow (or are withdrawn as clashing, the committee told).
 */
export async function reschedule(
  tx: Db,
  actor: Actor,
  meeting: MeetingRow,
  to: { date: string; startTime: string; reason: string },
  today: string,
) {
  assertNotPast(to.date, today);
  const rules = meeting.ruleSetId
    ? await rulesOf(tx, meeting)
    : (await ruleSetFor(tx, meeting.orgPath, to.date)).content;
  const slot = { orgId: meeting.orgId, kind: meeting.kind as MeetingKind, combined: meeting.combined, ...to };
  await assertSlotFree(tx, slot, rules, meeting.id);
  await moveMeeting(tx, actor, meeting, to);
}

/** The move itself (also when a meeting is held on a later day than planned). */
export async function moveMeeting(
  tx: Db,
  actor: Actor,
  meeting: MeetingRow,
  to: { date: string; startTime: string; reason: string },
) {
  await tx
    .update(meetings)
    .set({ scheduledDate: to.date, startTime: to.startTime })
    .where(eq(meetings.id, meeting.id));
  await recordMeetingEvent(tx, actor, meeting, 'rescheduled', {
    from: `${meeting.scheduledDate} ${meeting.startTime}`,
    to: `${to.date} ${to.startTime}`,
    reason: to.reason,
  });
  const cell = await findOrgById(tx, meeting.orgId);
  await moveVisits(tx, { id: meeting.id, orgName: cell?.name ?? '' }, to);
}

export async function cancel(tx: Db, actor: Actor, meeting: MeetingRow, reason: string) {
  await tx.update(meetings).set({ status: 'cancelled' }).where(eq(meetings.id, meeting.id));
  await recordMeetingEvent(tx, actor, meeting, 'cancelled', { reason });
  const cell = await findOrgById(tx, meeting.orgId);
  await cancelVisits(tx, { id: meeting.id, orgName: cell?.name ?? '', date: meeting.scheduledDate }, reason);
}

/**
 * Records a note that the meeting was prepared, once: on the row locked by the caller (`lockMeeting`,
 * lock.ts), a meeting already under way is refused, and a second record changes nothing. A note only,
 * kept in the meeting's history: the readiness and the score read the preparation meeting held
 * (`preparationsBefore`, HD 12-HD/BTCTW), not this.
 */
export async function recordPreparation(tx: Db, actor: Actor, meeting: MeetingRow, note: string | null) {
  if (meeting.startedAt) {
    throw conflict({
      vi: 'Cuộc họp đã bắt đầu: việc chuẩn bị chỉ ghi trước giờ họp.',
      en: 'The meeting has started: preparation is recorded before it.',
    });
  }
  const [prepared] = await rows<{ id: number }>(
    tx,
    sql`SELECT id::int AS id FROM meeting_events WHERE meeting_id = ${meeting.id} AND kind = 'prepared' LIMIT 1`,
  );
  if (prepared) return;
  await recordMeetingEvent(tx, actor, meeting, 'prepared', note ? { note } : {});
}

/**
 * Adds an item to a meeting's agenda after the last item of its section — a content item added late still
 * comes before the closing ones — and moves the opinions recorded under the items after it one place down,
 * so each opinion stays under the item it was said on. `meeting` is the row locked by the caller
 * (`lockMeeting`, lock.ts): no other change of the agenda runs meanwhile.
 */
export async function addAgendaItem(tx: Db, actor: Actor, meeting: MeetingRow, item: AgendaItem) {
  // Stored items were checked by the agenda schemas on their way in: their sections are the known ones.
  const { agenda, index } = insertAgendaItem(meeting.agenda as AgendaItem[], item);
  await tx.update(meetings).set({ agenda }).where(eq(meetings.id, meeting.id));
  await tx.execute(
    sql`UPDATE opinions SET agenda_index = agenda_index + 1 WHERE meeting_id = ${meeting.id} AND agenda_index >= ${index}`,
  );
  await recordMeetingEvent(tx, actor, meeting, 'agenda_item_added', { title: item.title, at: index + 1 });
  return index;
}
