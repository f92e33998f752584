import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';

export interface SessionRow {
  id: number;
  orgId: number;
  orgPath: string;
  orgKind: string;
  orgCode: string;
  orgName: string;
  year: number;
  quarter: number;
  title: string;
  topicId: number | null;
  topicTitle: string | null;
  date: string;
  time: string;
  place: string;
  resolutionSharedAt: string | Date | null;
  issuedAt: string | Date | null;
  issuedVersion: number | null;
  issuedNumber: string | null;
  issuedOn: string | null;
  passOnDocumentId: number | null;
  papers: number;
}

const SESSION_COLUMNS = sql`s.id::int AS id, s.org_id::int AS "orgId", s.org_path AS "orgPath", o.kind AS "orgKind",
  o.code AS "orgCode", o.name AS "orgName", s.year, s.quarter, s.title, s.topic_id::int AS "topicId",
  t.title AS "topicTitle", s.date::text AS date, s.time, s.place, s.resolution_shared_at AS "resolutionSharedAt",
  s.issued_at AS "issuedAt", s.issued_version AS "issuedVersion", s.issued_number AS "issuedNumber",
  s.issued_on::text AS "issuedOn", s.pass_on_document_id::int AS "passOnDocumentId",
  (SELECT count(*)::int FROM thematic_registrations r WHERE r.session_id = s.id) AS papers`;

/** A session with its committee's code, name and kind; locked `FOR UPDATE` inside a command. */
export async function findSession(db: Db, id: number, lock = false): Promise<SessionRow | null> {
  const [row] = await rows<SessionRow>(
    db,
    sql`SELECT ${SESSION_COLUMNS} FROM thematic_sessions s JOIN orgs o ON o.id = s.org_id
        LEFT JOIN thematic_topics t ON t.id = s.topic_id
        WHERE s.id = ${id} ${lock ? sql`FOR UPDATE OF s` : sql``}`,
  );
  return row ?? null;
}

/** The sessions of the year held at the node, above it (its cells present there) or below it (a committee's). */
export function sessionsAround(db: Db, path: string, year: number): Promise<SessionRow[]> {
  return rows<SessionRow>(
    db,
    sql`SELECT ${SESSION_COLUMNS} FROM thematic_sessions s JOIN orgs o ON o.id = s.org_id
        LEFT JOIN thematic_topics t ON t.id = s.topic_id
        WHERE s.year = ${year} AND (s.org_path LIKE ${`${path}%`} OR ${path} LIKE s.org_path || '%')
        ORDER BY s.date, s.id`,
  );
}

/** The latest version of the draft resolution (or the latest sent for comments). */
export async function latestDraft(db: Db, sessionId: number, sharedOnly: boolean) {
  const [draft] = await rows<{ id: number; version: number; text: string; sharedAt: string | Date | null }>(
    db,
    sql`SELECT id::int AS id, version, text, shared_at AS "sharedAt" FROM thematic_session_drafts
        WHERE session_id = ${sessionId} ${sharedOnly ? sql`AND shared_at IS NOT NULL` : sql``}
        ORDER BY version DESC LIMIT 1`,
  );
  return draft ?? null;
}
