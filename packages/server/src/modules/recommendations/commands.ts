import {
  type AgendaItem,
  ANSWER_AGENDA_TITLE,
  answersItem,
  dueDateFor,
  foldForSearch,
  placePrefilledItem,
  type RecommendationRules,
  type RecommendationSource,
} from '@nennep/core';
import { eq, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { insertOne } from '../../db/insert.ts';
import { meetings, recommendations } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { invalidField } from '../../http/errors.ts';
import { notify } from '../inbox/service.ts';
import { meetingNote } from '../meetings/meeting-name.ts';
import type { OrgRow } from '../orgs/queries.ts';
import { logEvent } from './events.ts';
import { handlersOf } from './policy.ts';
import { findRecommendation } from './queries.ts';

/**
 * Writes of recommendations, by operation: recording and the answer's way back to the cell's meeting
 * here; the handler's routing steps (forward, start, merge) in `routing.ts`; answering and declining, which
 * tell the cell and every level that passed it on, in `outcome.ts`; the cell's meeting side in
 * `meeting-side.ts`; escalation in `escalate.ts`.
 */

/** The agenda item under which a cell hears the answers to its recommendations. */
export { ANSWER_AGENDA_TITLE } from '@nennep/core';

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
  source: RecommendationSource;
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
  const row = await insertOne(
    tx
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
      .returning({ id: recommendations.id }),
    'recommendation',
  );
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

/**
 * Puts an answered recommendation on the agenda of its cell's next meeting not yet held (adding the
 * "answers to recommendations" item once); when the cell has none planned, the next meeting created takes it.
 */
export async function scheduleAnswer(tx: Db, id: number, notBefore: string) {
  const rec = await findRecommendation(tx, id);
  if (rec?.status !== 'answered') return;
  const [next] = await rows<{ id: number; agenda: AgendaItem[] }>(
    tx,
    sql`SELECT id::int AS id, agenda FROM meetings
        WHERE org_id = ${rec.orgId} AND kind IN ('regular', 'thematic', 'extraordinary', 'model')
          AND status IN ('planned', 'prepared')
          AND scheduled_date >= GREATEST(${notBefore}::date, ${rec.answeredOn ?? notBefore}::date)
        ORDER BY scheduled_date, start_time, id LIMIT 1
        -- Its agenda is read and written back: locked like every write on a meeting (meetings/lock.ts).
        FOR UPDATE`,
  );
  if (!next) {
    await tx
      .update(recommendations)
      .set({ answerMeetingId: null, answerGiven: false })
      .where(eq(recommendations.id, id));
    return;
  }
  const item = answersItem([{ id: rec.id, text: rec.text }]);
  if (item && !next.agenda.some((a) => a.title === ANSWER_AGENDA_TITLE)) {
    // At its place among the closing items, before the meeting is wrapped up (not after "Bế mạc"); preparing
    // the agenda again renews its reason with every answer due.
    await tx
      .update(meetings)
      .set({ agenda: placePrefilledItem(next.agenda, item) })
      .where(eq(meetings.id, next.id));
  }
  await tx
    .update(recommendations)
    .set({ answerMeetingId: next.id, answerGiven: false })
    .where(eq(recommendations.id, id));
  await logEvent(tx, null, id, 'put_on_agenda', { toOrgId: rec.orgId, note: await meetingNote(tx, next.id) });
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
