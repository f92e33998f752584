import {
  categoryOf,
  DEFAULT_RECOMMENDATION_RULES,
  OPEN_RECOMMENDATION_STATUSES,
  type RecommendationDto,
  type RecommendationEventDto,
  type RecommendationRules,
  type RecommendationSource,
  type RecommendationStatus,
  recommendationRulesOf,
} from '@nennep/core';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { conflict } from '../../http/errors.ts';
import { pick, ruleSetsFor } from '../rule-sets/service.ts';
import { canAct, canAttach, levelOf } from './policy.ts';

export interface RecommendationRow {
  id: number;
  orgId: number;
  orgPath: string;
  cellCode: string;
  cellName: string;
  source: RecommendationSource;
  meetingId: number | null;
  visitId: number | null;
  raisedByMemberId: number | null;
  raisedBy: string;
  raisedOn: string;
  text: string;
  category: string;
  status: RecommendationStatus;
  handlerOrgId: number;
  handlerPath: string;
  handlerCode: string;
  handlerName: string;
  handlerKind: string;
  handlerParentId: number | null;
  outsideBody: string | null;
  dueDate: string | null;
  escalations: number;
  mergedIntoId: number | null;
  declinedReason: string | null;
  answer: string | null;
  answeredAt: string | null;
  answeredOn: string | null;
  answeredBy: string | null;
  answerMeetingId: number | null;
  answerGiven: boolean;
  reportedBackAt: string | null;
}

const SELECT = sql`SELECT r.id::int AS id, r.org_id::int AS "orgId", r.org_path AS "orgPath", c.code AS "cellCode",
    c.name AS "cellName", r.source, r.meeting_id::int AS "meetingId", r.visit_id::int AS "visitId",
    r.raised_by_member_id::int AS "raisedByMemberId", r.raised_by AS "raisedBy", r.raised_on::text AS "raisedOn",
    r.text, r.category, r.status, r.handler_org_id::int AS "handlerOrgId", r.handler_path AS "handlerPath",
    h.code AS "handlerCode", h.name AS "handlerName", h.kind AS "handlerKind", h.parent_id::int AS "handlerParentId",
    r.outside_body AS "outsideBody", r.due_date::text AS "dueDate", r.escalations,
    r.merged_into_id::int AS "mergedIntoId", r.declined_reason AS "declinedReason", r.answer,
    r.answered_at AS "answeredAt", r.answered_on::text AS "answeredOn", r.answered_by AS "answeredBy",
    r.answer_meeting_id::int AS "answerMeetingId", r.answer_given AS "answerGiven", r.reported_back_at AS "reportedBackAt"
  FROM recommendations r JOIN orgs c ON c.id = r.org_id JOIN orgs h ON h.id = r.handler_org_id`;

export function recommendationRows(
  db: Db,
  where: SQL,
  order: SQL = sql`r.raised_on DESC, r.id DESC`,
  limit = 500,
) {
  return rows<RecommendationRow>(db, sql`${SELECT} WHERE ${where} ORDER BY ${order} LIMIT ${limit}`);
}

export async function findRecommendation(db: Db, id: number): Promise<RecommendationRow | null> {
  const [row] = await recommendationRows(db, sql`r.id = ${id}`);
  return row ?? null;
}

/** `findRecommendation` inside a command's transaction, its row locked until it ends (`SELECT … FOR UPDATE`). */
export async function lockRecommendation(tx: Db, id: number): Promise<RecommendationRow | null> {
  await tx.execute(sql`SELECT id FROM recommendations WHERE id = ${id} FOR UPDATE`);
  return findRecommendation(tx, id);
}

/** The recommendation rules in force for the cells of these rows (one read of the rule sets). */
export async function rulesReader(db: Db): Promise<(path: string, date: string) => RecommendationRules> {
  const all = await ruleSetsFor(db, '/');
  return (path, date) => {
    const found = pick(all, path, date);
    return found ? recommendationRulesOf(found.content) : DEFAULT_RECOMMENDATION_RULES;
  };
}

export const isOpen = (status: RecommendationStatus) => OPEN_RECOMMENDATION_STATUSES.includes(status);

/** 409 once answered or closed: only open recommendations move on. */
export function assertOpen(rec: { status: RecommendationStatus }) {
  if (!isOpen(rec.status)) {
    throw conflict({
      vi: 'Kiến nghị đã được trả lời hoặc đã đóng.',
      en: 'The recommendation is already answered or closed.',
    });
  }
}

export function presentRecommendation(
  actor: Actor,
  row: RecommendationRow,
  rules: RecommendationRules,
  today: string,
  attachments: RecommendationDto['attachments'] = [],
): RecommendationDto {
  const category = categoryOf(rules, row.category);
  return {
    id: row.id,
    cellCode: row.cellCode,
    cellName: row.cellName,
    source: row.source,
    meetingId: row.meetingId,
    visitId: row.visitId,
    raisedBy: row.raisedBy,
    raisedOn: row.raisedOn,
    text: row.text,
    category: row.category,
    categoryLabel: category?.label ?? { vi: row.category, en: row.category },
    status: row.status,
    level: levelOf({ kind: row.handlerKind, path: row.handlerPath }, row.orgPath, row.outsideBody),
    handlerCode: row.handlerCode,
    handlerName: row.handlerName,
    outsideBody: row.outsideBody,
    dueDate: isOpen(row.status) ? row.dueDate : null,
    overdue: isOpen(row.status) && row.dueDate !== null && row.dueDate < today,
    escalations: row.escalations,
    answer: row.answer,
    answeredAt: row.answeredAt ? new Date(row.answeredAt).toISOString() : null,
    answeredBy: row.answeredBy,
    answerMeetingId: row.answerMeetingId,
    answerGiven: row.answerGiven,
    reportedBackAt: row.reportedBackAt ? new Date(row.reportedBackAt).toISOString() : null,
    mergedIntoId: row.mergedIntoId,
    declinedReason: row.declinedReason,
    attachments,
    abilities: {
      act: canAct(actor, row) && isOpen(row.status),
      attach: canAttach(actor, row) && isOpen(row.status),
    },
  };
}

export function eventsOf(db: Db, id: number) {
  return rows<RecommendationEventDto>(
    db,
    sql`SELECT e.kind, e.at, e.actor_name AS "actorName", f.name AS "fromOrgName", t.name AS "toOrgName", e.note
        FROM recommendation_events e LEFT JOIN orgs f ON f.id = e.from_org_id LEFT JOIN orgs t ON t.id = e.to_org_id
        WHERE e.recommendation_id = ${id} ORDER BY e.at, e.id`,
  );
}

export function attachmentsOf(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return rows<{ recommendationId: number; id: number; fileName: string; size: number }>(
    db,
    sql`SELECT recommendation_id::int AS "recommendationId", id::int AS id, file_name AS "fileName", size
        FROM recommendation_attachments WHERE recommendation_id IN (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )}) ORDER BY id`,
  );
}

/** Rows presented for the actor, with their attachments and the rules of each cell. */
export async function presentAll(db: Db, actor: Actor, list: RecommendationRow[], today: string) {
  const rulesAt = await rulesReader(db);
  const files = await attachmentsOf(
    db,
    list.map((r) => r.id),
  );
  return list.map((r) =>
    presentRecommendation(
      actor,
      r,
      rulesAt(r.orgPath, r.raisedOn),
      today,
      files.filter((f) => f.recommendationId === r.id).map(({ recommendationId: _r, ...f }) => f),
    ),
  );
}
