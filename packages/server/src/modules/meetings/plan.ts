import { type MeetingKind, planMeetings, type RuleSetContent } from '@nennep/core';
import { eq, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { meetingEvents, meetings } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { invalidField } from '../../http/errors.ts';
import type { OrgRow } from '../orgs/queries.ts';
import { attachPendingAnswers } from '../recommendations/commands.ts';
import { pick, ruleSetFor, ruleSetsFor } from '../rule-sets/service.ts';
import { findMeeting, type MeetingRow } from './queries.ts';

/** The agenda of a new meeting: the rule set's template for its kind, in the meeting's language (Vietnamese). */
export function agendaFrom(rules: RuleSetContent, kind: MeetingKind) {
  return (rules.agendaTemplates[kind] ?? []).map((item) => ({ title: item.title.vi, section: item.section }));
}

export async function recordMeetingEvent(
  tx: Db,
  actor: Actor | null,
  meeting: { id: number; orgPath: string },
  kind: string,
  data: Record<string, unknown> = {},
) {
  await tx.insert(meetingEvents).values({ meetingId: meeting.id, kind, data, actorId: actor?.id ?? null });
  await audit(tx, actor, {
    action: `meeting.${kind}`,
    entityType: 'meeting',
    entityId: meeting.id,
    orgPath: meeting.orgPath,
    detail: data,
  });
}

/**
 * Plans the meetings of every cell in a subtree between two dates, by the rule set in force for each cell:
 * regular meetings in the window, thematic ones each quarter, cell-committee meetings before them where the
 * cell has a cell committee. Meetings already planned are kept; running it twice adds nothing.
 */
export async function planSubtree(tx: Db, actor: Actor | null, root: OrgRow, from: string, to: string) {
  const cells = await rows<{ id: number; code: string; path: string; officialMembers: number }>(
    tx,
    sql`SELECT o.id::int AS id, o.code, o.path,
          (SELECT count(*)::int FROM members m WHERE m.org_id = o.id AND m.status = 'official') AS "officialMembers"
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
  const existing = await rows<{ orgId: number; kind: MeetingKind; date: string }>(
    tx,
    sql`SELECT org_id::int AS "orgId", kind, scheduled_date::text AS date FROM meetings
        WHERE org_path LIKE ${`${root.path}%`} AND scheduled_date BETWEEN ${from} AND ${to} AND status <> 'cancelled'`,
  );
  const values: (typeof meetings.$inferInsert)[] = [];
  for (const cell of cells) {
    const ruleSet = pick(candidates, cell.path, from) ?? (await ruleSetFor(tx, cell.path, from));
    const planned = planMeetings({
      cells: [{ code: cell.code, officialMembers: cell.officialMembers }],
      from,
      to,
      rules: ruleSet.content,
      existing: existing
        .filter((e) => e.orgId === cell.id)
        .map((e) => ({ cellCode: cell.code, kind: e.kind, date: e.date })),
    });
    for (const p of planned) {
      values.push({
        orgId: cell.id,
        orgPath: cell.path,
        kind: p.kind,
        scheduledDate: p.date,
        startTime: p.startTime,
        agenda: agendaFrom(ruleSet.content, p.kind),
        ruleSetId: ruleSet.id,
      });
    }
  }
  for (let i = 0; i < values.length; i += 1000) await tx.insert(meetings).values(values.slice(i, i + 1000));
  await attachPendingAnswers(
    tx,
    cells.map((c) => c.id),
  );
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
) {
  if (!['cell', 'grassroots_cell', 'party_group'].includes(cell.kind)) {
    throw invalidField('orgCode', { vi: 'Chỉ chi bộ mới họp chi bộ.', en: 'Only cells hold cell meetings.' });
  }
  const ruleSet = await ruleSetFor(tx, cell.path, input.date);
  const [row] = await tx
    .insert(meetings)
    .values({
      orgId: cell.id,
      orgPath: cell.path,
      kind: input.kind,
      combined: input.combined,
      title: input.title ?? null,
      scheduledDate: input.date,
      startTime: input.startTime,
      place: input.place ?? null,
      agenda: agendaFrom(ruleSet.content, input.kind),
      ruleSetId: ruleSet.id,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await recordMeetingEvent(tx, actor, row, 'created', { kind: input.kind, date: input.date });
  // Answers to the cell's recommendations still waiting for a meeting go on this one.
  await attachPendingAnswers(tx, [cell.id]);
  return (await findMeeting(tx, row.id)) ?? row;
}

/** Moves a meeting to another day, with the reason kept in its history. */
export async function reschedule(
  tx: Db,
  actor: Actor,
  meeting: MeetingRow,
  date: string,
  startTime: string,
  reason: string,
) {
  await tx.update(meetings).set({ scheduledDate: date, startTime }).where(eq(meetings.id, meeting.id));
  await recordMeetingEvent(tx, actor, meeting, 'rescheduled', {
    from: `${meeting.scheduledDate} ${meeting.startTime}`,
    to: `${date} ${startTime}`,
    reason,
  });
}

export async function cancel(tx: Db, actor: Actor, meeting: MeetingRow, reason: string) {
  await tx.update(meetings).set({ status: 'cancelled' }).where(eq(meetings.id, meeting.id));
  await recordMeetingEvent(tx, actor, meeting, 'cancelled', { reason });
}
