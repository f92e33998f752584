/**
 * The reads of a committee-wide thematic session (domain.md §6; HD 12-HD/BTCTW (06/7/2018), its part on sinh
 * hoạt chuyên đề): the session with each cell's paper and where it stands (drafted, shared, the count of its
 * cell's comments), and the draft resolution with the members' comments. Access as session-policy.ts says:
 * 404 when unseen; the committee sees every version of the draft, the members the latest sent for comments.
 */
import {
  type SessionCommentDto,
  type SessionResolutionDraftDto,
  sessionPaperStatus,
  sessionStatus,
  type ThematicSessionDto,
  type ThematicSessionListDto,
  type ThematicSessionPaperDto,
  type ThematicSessionSummaryDto,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { assertCanRead } from '../orgs/policy.ts';
import { findOrg } from '../orgs/queries.ts';
import { assertReadsSession, canManageSession, readsSession, sessionAbilities } from './session-policy.ts';
import { findSession, type SessionRow, sessionsAround } from './session-queries.ts';

const iso = (v: string | Date) => new Date(v).toISOString();

function summary(s: SessionRow): ThematicSessionSummaryDto {
  return {
    id: s.id,
    orgCode: s.orgCode,
    orgName: s.orgName,
    title: s.title,
    date: s.date,
    time: s.time,
    place: s.place,
    year: s.year,
    quarter: s.quarter,
    status: sessionStatus({ issuedAt: s.issuedAt, sharedAt: s.resolutionSharedAt }),
    papers: s.papers,
  };
}

interface PaperRow {
  registrationId: number;
  orgCode: string;
  orgName: string;
  title: string;
  presenterMemberIds: number[];
  shared: boolean;
  versions: number;
  comments: number;
}

/** Each cell's paper, in tree order: its presenters, versions, whether shared, and its cell's comments. */
async function papersOf(db: Db, sessionId: number): Promise<ThematicSessionPaperDto[]> {
  const found = await rows<PaperRow>(
    db,
    sql`SELECT r.id::int AS "registrationId", o.code AS "orgCode", o.name AS "orgName", r.title,
          r.presenter_member_ids AS "presenterMemberIds", (r.paper_shared_at IS NOT NULL) AS shared,
          (SELECT count(*)::int FROM thematic_papers p WHERE p.registration_id = r.id) AS versions,
          (SELECT count(*)::int FROM thematic_comments c WHERE c.registration_id = r.id) AS comments
        FROM thematic_registrations r JOIN orgs o ON o.id = r.org_id
        WHERE r.session_id = ${sessionId} ORDER BY o.sort_key, o.id`,
  );
  const ids = [...new Set(found.flatMap((p) => p.presenterMemberIds))];
  const people = ids.length
    ? await rows<{ id: number; memberCode: string; fullName: string }>(
        db,
        sql`SELECT id::int AS id, member_code AS "memberCode", full_name AS "fullName" FROM members
            WHERE id IN (${sql.join(
              ids.map((m) => sql`${m}`),
              sql`, `,
            )})`,
      )
    : [];
  return found.map((p) => ({
    registrationId: p.registrationId,
    orgCode: p.orgCode,
    orgName: p.orgName,
    title: p.title,
    presenters: p.presenterMemberIds.flatMap((m) => {
      const person = people.find((x) => x.id === m);
      return person ? [{ memberCode: person.memberCode, fullName: person.fullName }] : [];
    }),
    status: sessionPaperStatus(p.versions, p.shared),
    versions: p.versions,
    comments: p.comments,
  }));
}

/** Whether the actor is a member of the subtree, who may comment on the draft resolution. */
async function isSubtreeMember(db: Db, actor: Actor, path: string): Promise<boolean> {
  if (actor.memberId === null) return false;
  const [m] = await rows<{ id: number }>(
    db,
    sql`SELECT m.id::int AS id FROM members m JOIN orgs o ON o.id = m.org_id
        WHERE m.id = ${actor.memberId} AND o.path LIKE ${`${path}%`} AND m.status IN ('official', 'probationary')`,
  );
  return m !== undefined;
}

/** The session as the actor reads it; `today` (Asia/Ho_Chi_Minh, the injected clock) decides whether it may be issued. */
export async function readSession(
  db: Db,
  actor: Actor,
  id: number,
  today: string,
): Promise<ThematicSessionDto> {
  const session = assertReadsSession(actor, await findSession(db, id));
  const manages = canManageSession(actor, { kind: session.orgKind, path: session.orgPath });
  const drafts = await rows<
    SessionResolutionDraftDto & { createdAt: string | Date; sharedAt: string | Date | null }
  >(
    db,
    sql`SELECT version, text, created_by_name AS "createdBy", created_at AS "createdAt", shared_at AS "sharedAt"
        FROM thematic_session_drafts WHERE session_id = ${id} ORDER BY version`,
  );
  const seen = manages ? drafts : drafts.filter((d) => d.sharedAt !== null);
  const latest = seen[seen.length - 1];
  const comments = await rows<SessionCommentDto & { createdAt: string | Date }>(
    db,
    sql`SELECT c.id::int AS id, d.version, m.member_code AS "memberCode", m.full_name AS "fullName",
          o.name AS "orgName", c.text, c.created_at AS "createdAt"
        FROM thematic_session_comments c JOIN thematic_session_drafts d ON d.id = c.draft_id
          JOIN members m ON m.id = c.member_id JOIN orgs o ON o.id = m.org_id
        WHERE c.session_id = ${id} ORDER BY c.id`,
  );
  const last = drafts[drafts.length - 1];
  return {
    ...summary(session),
    topicId: session.topicId,
    topicTitle: session.topicTitle,
    cells: await papersOf(db, id),
    resolution: {
      draft: latest
        ? {
            ...latest,
            createdAt: iso(latest.createdAt),
            sharedAt: latest.sharedAt ? iso(latest.sharedAt) : null,
          }
        : null,
      versions: seen.length,
      comments: comments.map((c) => ({ ...c, createdAt: iso(c.createdAt) })),
      number: session.issuedNumber,
      issuedOn: session.issuedOn,
      passOnDocumentId: session.passOnDocumentId,
    },
    abilities: sessionAbilities(
      actor,
      {
        orgKind: session.orgKind,
        orgPath: session.orgPath,
        date: session.date,
        issuedAt: session.issuedAt,
        resolutionShared: session.resolutionSharedAt !== null,
        latest: last ?? null,
        subtreeMember: await isSubtreeMember(db, actor, session.orgPath),
      },
      today,
    ),
  };
}

/**
 * `?org=CODE&year=`: the sessions of the year the node takes part in — held by it, by a committee above it
 * (its cells present there) or by a committee below it — among those the actor reads.
 */
export async function listSessions(
  db: Db,
  actor: Actor,
  orgCode: string,
  year: number,
): Promise<ThematicSessionListDto> {
  const org = assertCanRead(actor, await findOrg(db, orgCode));
  const found = await sessionsAround(db, org.path, year);
  return {
    items: found.filter((s) => readsSession(actor, s.orgPath)).map(summary),
    abilities: { create: canManageSession(actor, org) },
  };
}
