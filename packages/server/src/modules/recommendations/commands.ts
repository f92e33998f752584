import {
  ANSWER_AGENDA_TITLE,
  dueDateFor,
  foldForSearch,
  type RecommendationEventKind,
  type RecommendationRules,
} from '@nennep/core';
import { eq, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { meetings, recommendationEvents, recommendations } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { conflict, invalidField } from '../../http/errors.ts';
import { notify } from '../inbox/service.ts';
import { findOrg, type OrgRow } from '../orgs/queries.ts';
import { handlersOf, mayForwardTo } from './policy.ts';
import { findRecommendation, isOpen, type RecommendationRow } from './queries.ts';

/** The agenda item under which a cell hears the answers to its recommendations. */
export { ANSWER_AGENDA_TITLE } from '@nennep/core';

export async function logEvent(
  tx: Db,
  actor: Actor | null,
  recommendationId: number,
  kind: RecommendationEventKind,
  detail: { fromOrgId?: number | null; toOrgId?: number | null; note?: string | null } = {},
) {
  await tx.insert(recommendationEvents).values({
    recommendationId,
    kind,
    fromOrgId: detail.fromOrgId ?? null,
    toOrgId: detail.toOrgId ?? null,
    note: detail.note ?? null,
    actorId: actor?.id ?? null,
    actorName: actor?.displayName ?? 'Hệ thống',
  });
}

function assertCategory(rules: RecommendationRules, category: string) {
  if (!rules.categories.some((c) => c.id === category)) {
    const list = rules.categories.map((c) => c.label.vi).join(', ');
    throw invalidField('category', {
      vi: `Lĩnh vực "${category}" không có trong danh mục (${list}).`,
      en: `Category "${category}" is not in the list (${rules.categories.map((c) => c.id).join(', ')}).`,
    });
  }
}

export interface NewRecommendation {
  cell: OrgRow;
  source: 'meeting' | 'visit' | 'staff';
  meetingId?: number | null;
  visitId?: number | null;
  raisedByMemberId?: number | null;
  raisedBy: string;
  raisedOn: string;
  text: string;
  category: string;
}

/** Records a recommendation at its cell (received, due by the category's time limit) and tells the cell. */
export async function createRecommendation(
  tx: Db,
  actor: Actor | null,
  input: NewRecommendation,
  rules: RecommendationRules,
) {
  assertCategory(rules, input.category);
  const [row] = await tx
    .insert(recommendations)
    .values({
      orgId: input.cell.id,
      orgPath: input.cell.path,
      source: input.source,
      meetingId: input.meetingId ?? null,
      visitId: input.visitId ?? null,
      raisedByMemberId: input.raisedByMemberId ?? null,
      raisedBy: input.raisedBy,
      raisedOn: input.raisedOn,
      text: input.text,
      searchText: foldForSearch(input.text),
      category: input.category,
      handlerOrgId: input.cell.id,
      handlerPath: input.cell.path,
      dueDate: dueDateFor(rules, input.category, input.raisedOn),
    })
    .returning({ id: recommendations.id });
  if (!row) throw new Error('recommendation not inserted');
  await logEvent(tx, actor, row.id, 'received', { toOrgId: input.cell.id });
  await audit(tx, actor, {
    action: 'recommendation.received',
    entityType: 'recommendation',
    entityId: row.id,
    orgPath: input.cell.path,
    detail: { source: input.source, category: input.category },
  });
  await notify(tx, await handlersOf(tx, input.cell.path), {
    kind: 'recommendation.received',
    title: `Kiến nghị mới của ${input.cell.name}`,
    body: input.text.slice(0, 300),
    link: `/recommendations/${row.id}`,
  });
  return row.id;
}

function assertOpen(rec: RecommendationRow) {
  if (!isOpen(rec.status)) {
    throw conflict({
      vi: 'Kiến nghị đã được trả lời hoặc đã đóng.',
      en: 'The recommendation is already answered or closed.',
    });
  }
}

/**
 * Sends a recommendation to the level that can answer: an organisation on the path from the cell up to the
 * top (up or back down), or an outside body whose answer the current level follows. Due again from today.
 */
export async function forward(
  tx: Db,
  actor: Actor,
  rec: RecommendationRow,
  input: { forwardTo?: string | null; outsideBody?: string | null; note?: string | null },
  rules: RecommendationRules,
  today: string,
) {
  assertOpen(rec);
  let target: OrgRow | null = null;
  if (input.forwardTo) {
    target = await findOrg(tx, input.forwardTo);
    if (target?.status !== 'active' || !mayForwardTo(rec, target)) {
      throw invalidField('forwardTo', {
        vi: `Chỉ chuyển lên cấp ủy trực tiếp cấp trên của ${rec.handlerName}, hoặc trả về cấp dưới trên đường đến ${rec.cellName}.`,
        en: `Forward to the committee directly above ${rec.handlerName}, or back down towards ${rec.cellName}.`,
      });
    }
  }
  const handler = target ?? { id: rec.handlerOrgId, path: rec.handlerPath, name: rec.handlerName };
  await tx
    .update(recommendations)
    .set({
      status: 'assigned',
      handlerOrgId: handler.id,
      handlerPath: handler.path,
      outsideBody: input.outsideBody ?? null,
      dueDate: dueDateFor(rules, rec.category, today),
    })
    .where(eq(recommendations.id, rec.id));
  const note = input.outsideBody
    ? `Chuyển ${input.outsideBody}${input.note ? `: ${input.note}` : ''}`
    : input.note;
  await logEvent(tx, actor, rec.id, rec.status === 'received' && !target ? 'assigned' : 'forwarded', {
    fromOrgId: rec.handlerOrgId,
    toOrgId: handler.id,
    note,
  });
  await audit(tx, actor, {
    action: 'recommendation.forwarded',
    entityType: 'recommendation',
    entityId: rec.id,
    orgPath: rec.orgPath,
    detail: {
      from: rec.handlerCode,
      to: target?.code ?? rec.handlerCode,
      outsideBody: input.outsideBody ?? null,
    },
  });
  if (target) {
    await notify(tx, await handlersOf(tx, target.path), {
      kind: 'recommendation.assigned',
      title: `Kiến nghị chuyển đến ${target.name}: ${rec.cellName}`,
      body: `${rec.text.slice(0, 240)}${note ? `\nGhi chú: ${note}` : ''}`,
      link: `/recommendations/${rec.id}`,
    });
  }
}

export async function startWork(tx: Db, actor: Actor, rec: RecommendationRow, note: string | null) {
  assertOpen(rec);
  await tx.update(recommendations).set({ status: 'in_progress' }).where(eq(recommendations.id, rec.id));
  await logEvent(tx, actor, rec.id, 'in_progress', { toOrgId: rec.handlerOrgId, note });
  await audit(tx, actor, {
    action: 'recommendation.in_progress',
    entityType: 'recommendation',
    entityId: rec.id,
    orgPath: rec.orgPath,
  });
}

/** The cell's secretary and the member who raised it: they hear of an answer or a refusal. */
async function cellSide(tx: Db, rec: RecommendationRow) {
  const member = rec.raisedByMemberId
    ? await rows<{ id: number }>(
        tx,
        sql`SELECT id::int AS id FROM accounts WHERE member_id = ${rec.raisedByMemberId}`,
      )
    : [];
  const secretaries = await rows<{ id: number }>(
    tx,
    sql`SELECT g.account_id::int AS id FROM grants g WHERE g.org_id = ${rec.orgId} AND g.role = 'cell_secretary'`,
  );
  return [...member, ...secretaries].map((r) => r.id);
}

/**
 * Answers a recommendation and puts the answer on the agenda of the cell's next meeting, where the
 * secretary gives it back to the members.
 */
export async function answer(
  tx: Db,
  actor: Actor,
  rec: RecommendationRow,
  text: string,
  now: Date,
  today: string,
) {
  assertOpen(rec);
  await tx
    .update(recommendations)
    .set({
      status: 'answered',
      answer: text,
      answeredAt: now,
      answeredOn: today,
      answeredBy: actor.displayName,
    })
    .where(eq(recommendations.id, rec.id));
  await logEvent(tx, actor, rec.id, 'answered', { fromOrgId: rec.handlerOrgId, note: text });
  await audit(tx, actor, {
    action: 'recommendation.answered',
    entityType: 'recommendation',
    entityId: rec.id,
    orgPath: rec.orgPath,
  });
  await notify(tx, await cellSide(tx, rec), {
    kind: 'recommendation.answered',
    title: `Kiến nghị đã có trả lời: ${rec.text.slice(0, 80)}`,
    body: text.slice(0, 400),
    link: `/recommendations/${rec.id}`,
  });
  await scheduleAnswer(tx, rec.id, today);
}

export async function decline(tx: Db, actor: Actor, rec: RecommendationRow, reason: string) {
  assertOpen(rec);
  await tx
    .update(recommendations)
    .set({ status: 'declined', declinedReason: reason })
    .where(eq(recommendations.id, rec.id));
  await logEvent(tx, actor, rec.id, 'declined', { fromOrgId: rec.handlerOrgId, note: reason });
  await audit(tx, actor, {
    action: 'recommendation.declined',
    entityType: 'recommendation',
    entityId: rec.id,
    orgPath: rec.orgPath,
  });
  await notify(tx, await cellSide(tx, rec), {
    kind: 'recommendation.declined',
    title: `Kiến nghị không được tiếp nhận: ${rec.text.slice(0, 80)}`,
    body: reason,
    link: `/recommendations/${rec.id}`,
  });
}

/** Merges a duplicate into another recommendation the actor can also see; the other carries on. */
export async function merge(tx: Db, actor: Actor, rec: RecommendationRow, into: RecommendationRow) {
  assertOpen(rec);
  if (into.id === rec.id || into.status === 'merged') {
    throw invalidField('intoId', {
      vi: 'Không gộp được vào kiến nghị này.',
      en: 'Cannot merge into this one.',
    });
  }
  await tx
    .update(recommendations)
    .set({ status: 'merged', mergedIntoId: into.id })
    .where(eq(recommendations.id, rec.id));
  await logEvent(tx, actor, rec.id, 'merged', { note: `#${into.id}` });
  await audit(tx, actor, {
    action: 'recommendation.merged',
    entityType: 'recommendation',
    entityId: rec.id,
    orgPath: rec.orgPath,
    detail: { into: into.id },
  });
}

/**
 * Puts an answered recommendation on the agenda of its cell's next meeting not yet held (adding the
 * "answers to recommendations" item once); when the cell has none planned, the next meeting created takes it.
 */
export async function scheduleAnswer(tx: Db, id: number, notBefore: string) {
  const rec = await findRecommendation(tx, id);
  if (rec?.status !== 'answered') return;
  const [next] = await rows<{ id: number; agenda: { title: string; section: string }[] }>(
    tx,
    sql`SELECT id::int AS id, agenda FROM meetings
        WHERE org_id = ${rec.orgId} AND kind IN ('regular', 'thematic', 'extraordinary', 'model')
          AND status IN ('planned', 'prepared')
          AND scheduled_date >= GREATEST(${notBefore}::date, ${rec.answeredOn ?? notBefore}::date)
        ORDER BY scheduled_date, start_time, id LIMIT 1`,
  );
  if (!next) {
    await tx
      .update(recommendations)
      .set({ answerMeetingId: null, answerGiven: false })
      .where(eq(recommendations.id, id));
    return;
  }
  if (!next.agenda.some((a) => a.title === ANSWER_AGENDA_TITLE)) {
    await tx
      .update(meetings)
      .set({ agenda: [...next.agenda, { title: ANSWER_AGENDA_TITLE, section: 'closing' }] })
      .where(eq(meetings.id, next.id));
  }
  await tx
    .update(recommendations)
    .set({ answerMeetingId: next.id, answerGiven: false })
    .where(eq(recommendations.id, id));
  await logEvent(tx, null, id, 'put_on_agenda', { toOrgId: rec.orgId, note: `#${next.id}` });
}

/** Answers still waiting for a meeting of these cells go on the meetings just planned. */
export async function attachPendingAnswers(tx: Db, orgIds: number[]) {
  if (orgIds.length === 0) return;
  const waiting = await rows<{ id: number }>(
    tx,
    sql`SELECT id::int AS id FROM recommendations WHERE status = 'answered' AND answer_meeting_id IS NULL
          AND org_id IN (${sql.join(
            orgIds.map((id) => sql`${id}`),
            sql`, `,
          )}) ORDER BY id`,
  );
  // Not before the day of the answer (scheduleAnswer takes the later of the two).
  for (const w of waiting) await scheduleAnswer(tx, w.id, '1900-01-01');
}
