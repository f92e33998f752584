import type { OrgCategory, RegistrationStatus, ThematicTopicDto, TopicStatus } from '@nennep/core';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { topicAbilities } from './policy.ts';

export interface TopicRow {
  id: number;
  orgId: number;
  orgPath: string;
  orgCode: string;
  orgName: string;
  year: number;
  title: string;
  purpose: string;
  materials: string;
  cellCategories: OrgCategory[];
  status: TopicStatus;
  publishedAt: string | null;
  withdrawnAt: string | null;
}

export interface RegistrationRow {
  id: number;
  orgId: number;
  orgPath: string;
  orgCode: string;
  orgName: string;
  year: number;
  quarter: number;
  topicId: number | null;
  title: string;
  purpose: string;
  status: RegistrationStatus;
  refusalReason: string | null;
  presenterMemberIds: number[];
  plannedDate: string;
  meetingId: number | null;
  paperSharedAt: string | null;
  /** The committee-wide session this paper is for; null for the cell's own topic of the quarter. */
  sessionId: number | null;
}

const TOPIC_COLUMNS = sql`t.id::int AS id, t.org_id::int AS "orgId", t.org_path AS "orgPath", o.code AS "orgCode",
  o.name AS "orgName", t.year, t.title, t.purpose, t.materials, t.cell_categories AS "cellCategories", t.status,
  t.published_at AS "publishedAt", t.withdrawn_at AS "withdrawnAt"`;

const lockClause = (lock: 'update' | 'share' | null, table: SQL) =>
  lock === 'update' ? sql`FOR UPDATE OF ${table}` : lock === 'share' ? sql`FOR SHARE OF ${table}` : sql``;

/** Topics matching `where` (over `t`, the topic, and `o`, its committee), by year and id. */
export function topicsWhere(db: Db, where: SQL, lock: 'update' | 'share' | null = null): Promise<TopicRow[]> {
  return rows<TopicRow>(
    db,
    sql`SELECT ${TOPIC_COLUMNS} FROM thematic_topics t JOIN orgs o ON o.id = t.org_id
        WHERE ${where} ORDER BY t.year, t.id ${lockClause(lock, sql`t`)}`,
  );
}

export async function findTopic(db: Db, id: number, lock: 'update' | 'share' | null = null) {
  return (await topicsWhere(db, sql`t.id = ${id}`, lock))[0] ?? null;
}

const REGISTRATION_COLUMNS = sql`r.id::int AS id, r.org_id::int AS "orgId", r.org_path AS "orgPath",
  o.code AS "orgCode", o.name AS "orgName", r.year, r.quarter, r.topic_id::int AS "topicId", r.title, r.purpose,
  r.status, r.refusal_reason AS "refusalReason", r.presenter_member_ids AS "presenterMemberIds",
  r.planned_date::text AS "plannedDate", r.meeting_id::int AS "meetingId", r.paper_shared_at AS "paperSharedAt",
  r.session_id::int AS "sessionId"`;

/** A registration with its cell's code and name; locked `FOR UPDATE` inside a command. */
export async function findRegistration(
  db: Db,
  id: number,
  lock: 'update' | null = null,
): Promise<RegistrationRow | null> {
  const [row] = await rows<RegistrationRow>(
    db,
    sql`SELECT ${REGISTRATION_COLUMNS} FROM thematic_registrations r JOIN orgs o ON o.id = r.org_id
        WHERE r.id = ${id} ${lockClause(lock, sql`r`)}`,
  );
  return row ?? null;
}

/** The topic as the actor reads it, with the steps the actor may take on it. */
export function presentTopic(t: TopicRow, actor: Actor): ThematicTopicDto {
  const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());
  return {
    id: t.id,
    orgCode: t.orgCode,
    orgName: t.orgName,
    year: t.year,
    title: t.title,
    purpose: t.purpose,
    materials: t.materials,
    cellCategories: t.cellCategories,
    status: t.status,
    publishedAt: iso(t.publishedAt),
    withdrawnAt: iso(t.withdrawnAt),
    abilities: topicAbilities(actor, t),
  };
}
