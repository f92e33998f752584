import { eq, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { recommendations } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { notify } from '../inbox/service.ts';
import { scheduleAnswer } from './commands.ts';
import { heldBefore, logEvent } from './events.ts';
import { handlersOn } from './policy.ts';
import { assertOpen, type RecommendationRow } from './queries.ts';

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
 * Tells the cell side of the outcome, and every level that held the recommendation before the one that
 * closed it (the cell, the committees that passed it up or down, from the event log): those who passed it
 * on hear how it ended. The actor and the cell side are not told twice.
 */
async function tellOutcome(
  tx: Db,
  actor: Actor,
  rec: RecommendationRow,
  toCell: { kind: string; title: string; body: string },
  toPassers: { kind: string; title: string; body: string },
) {
  const link = `/recommendations/${rec.id}`;
  const cell = await cellSide(tx, rec);
  await notify(tx, cell, { ...toCell, link });
  const passers = (await handlersOn(tx, await heldBefore(tx, rec))).filter(
    (id) => id !== actor.id && !cell.includes(id),
  );
  await notify(tx, passers, { ...toPassers, link });
}

/**
 * Closes an open recommendation (answered or declined): the row's new status and fields, the event in its
 * log with the words given, and the audit event.
 */
async function close(
  tx: Db,
  actor: Actor,
  rec: RecommendationRow,
  status: 'answered' | 'declined',
  note: string,
  fields: Partial<typeof recommendations.$inferInsert>,
) {
  assertOpen(rec);
  await tx
    .update(recommendations)
    .set({ ...fields, status })
    .where(eq(recommendations.id, rec.id));
  await logEvent(tx, actor, rec.id, status, { fromOrgId: rec.handlerOrgId, note });
  await audit(tx, actor, {
    action: `recommendation.${status}`,
    entityType: 'recommendation',
    entityId: rec.id,
    orgPath: rec.orgPath,
  });
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
  await close(tx, actor, rec, 'answered', text, {
    answer: text,
    answeredAt: now,
    answeredOn: today,
    answeredBy: actor.displayName,
  });
  await tellOutcome(
    tx,
    actor,
    rec,
    {
      kind: 'recommendation.answered',
      title: `Kiến nghị đã có trả lời: ${rec.text.slice(0, 80)}`,
      body: text.slice(0, 400),
    },
    {
      kind: 'recommendation.passed_answered',
      title: `Kiến nghị đã chuyển có trả lời của ${rec.handlerName}: ${rec.cellName}`,
      body: `${rec.text.slice(0, 160)}\nTrả lời: ${text.slice(0, 400)}`,
    },
  );
  await scheduleAnswer(tx, rec.id, today);
}

export async function decline(tx: Db, actor: Actor, rec: RecommendationRow, reason: string) {
  await close(tx, actor, rec, 'declined', reason, { declinedReason: reason });
  await tellOutcome(
    tx,
    actor,
    rec,
    {
      kind: 'recommendation.declined',
      title: `Kiến nghị không được tiếp nhận: ${rec.text.slice(0, 80)}`,
      body: reason,
    },
    {
      kind: 'recommendation.passed_declined',
      title: `Kiến nghị đã chuyển không được ${rec.handlerName} tiếp nhận: ${rec.cellName}`,
      body: `${rec.text.slice(0, 160)}\nLý do: ${reason}`,
    },
  );
}
