/**
 * The reads of the thematic programme: the topics a committee or a cell sees for a year, a registration with
 * its paper and comments, and the committee's coverage per quarter (HD 12-HD/BTCTW (06/7/2018), its part on
 * sinh hoạt chuyên đề: at least one thematic meeting per cell and quarter). Access as policy.ts says: 404
 * when unseen.
 */
import {
  type CoverageStatus,
  coverageStatus,
  type RegistrationStatus,
  type ThematicCommentDto,
  type ThematicCoverageDto,
  type ThematicPaperDto,
  type ThematicRegistrationDto,
  type ThematicRegistrationListDto,
  type ThematicTopicListDto,
  topicAddresses,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { type Actor, can } from '../../http/access.ts';
import { assertCanRead } from '../orgs/policy.ts';
import { findOrg } from '../orgs/queries.ts';
import {
  assertReadsCell,
  canDraft,
  isCellKind,
  nodeAbilities,
  registrationAbilities,
  THEMATIC_STAFF,
} from './policy.ts';
import { findRegistration, presentTopic, type RegistrationRow, topicsWhere } from './queries.ts';

const iso = (v: string | Date) => new Date(v).toISOString();

/**
 * `?org=CODE&year=`: for a committee, its own topics (drafts only to its staff) and those published above
 * it; for a cell, the topics published for it by the committees above (its category among those aimed at).
 */
export async function listTopics(
  db: Db,
  actor: Actor,
  orgCode: string,
  year: number,
): Promise<ThematicTopicListDto> {
  const org = assertCanRead(actor, await findOrg(db, orgCode));
  const staff = can(actor, THEMATIC_STAFF, org.path) && !isCellKind(org.kind);
  const found = await topicsWhere(
    db,
    sql`t.year = ${year} AND (
          (t.org_path = ${org.path} ${staff ? sql`` : sql`AND t.status <> 'draft'`})
          OR (${org.path} LIKE t.org_path || '%' AND t.org_path <> ${org.path} AND t.status = 'published'))`,
  );
  return {
    items: found
      .filter((t) => !isCellKind(org.kind) || topicAddresses(t.cellCategories, org.category))
      .map((t) => presentTopic(t, actor)),
    abilities: nodeAbilities(actor, org),
  };
}

/** A registration as the actor reads it: managers and presenters see the latest version, members the latest shared. */
export async function readRegistration(db: Db, actor: Actor, id: number): Promise<ThematicRegistrationDto> {
  const reg = assertReadsCell(actor, await findRegistration(db, id));
  const drafts = canDraft(actor, reg);
  const presenters = reg.presenterMemberIds.length
    ? await rows<{ id: number; memberCode: string; fullName: string }>(
        db,
        sql`SELECT id::int AS id, member_code AS "memberCode", full_name AS "fullName" FROM members
            WHERE id IN (${sql.join(
              reg.presenterMemberIds.map((m) => sql`${m}`),
              sql`, `,
            )})`,
      )
    : [];
  const papers = await rows<ThematicPaperDto & { createdAt: string | Date; sharedAt: string | Date | null }>(
    db,
    sql`SELECT version, text, created_by_name AS "createdBy", created_at AS "createdAt", shared_at AS "sharedAt"
        FROM thematic_papers WHERE registration_id = ${id} ORDER BY version`,
  );
  const seen = drafts ? papers : papers.filter((p) => p.sharedAt !== null);
  const latest = seen[seen.length - 1];
  const last = papers[papers.length - 1];
  const comments = await rows<ThematicCommentDto & { createdAt: string | Date }>(
    db,
    sql`SELECT c.id::int AS id, p.version, m.member_code AS "memberCode", m.full_name AS "fullName", c.text,
          c.created_at AS "createdAt"
        FROM thematic_comments c JOIN thematic_papers p ON p.id = c.paper_id JOIN members m ON m.id = c.member_id
        WHERE c.registration_id = ${id} ORDER BY c.id`,
  );
  return {
    id: reg.id,
    orgCode: reg.orgCode,
    orgName: reg.orgName,
    year: reg.year,
    quarter: reg.quarter,
    topicId: reg.topicId,
    title: reg.title,
    purpose: reg.purpose,
    own: reg.topicId === null,
    status: reg.status,
    refusalReason: reg.refusalReason,
    presenters: reg.presenterMemberIds.flatMap((m) => {
      const p = presenters.find((x) => x.id === m);
      return p ? [{ memberCode: p.memberCode, fullName: p.fullName }] : [];
    }),
    plannedDate: reg.plannedDate,
    meetingId: reg.meetingId,
    paper: latest
      ? {
          ...latest,
          createdAt: iso(latest.createdAt),
          sharedAt: latest.sharedAt ? iso(latest.sharedAt) : null,
        }
      : null,
    versions: seen.length,
    comments: comments.map((c) => ({ ...c, createdAt: iso(c.createdAt) })),
    sessionId: reg.sessionId,
    abilities: registrationAbilities(actor, {
      ...reg,
      ...(await stateOf(db, actor, reg)),
      latestUnshared: last !== undefined && last.sharedAt === null,
      anyShared: papers.some((p) => p.sharedAt !== null),
    }),
  };
}

/** The linked meeting's status, whether the session's resolution is issued, whether the actor is a member of the cell. */
async function stateOf(db: Db, actor: Actor, reg: RegistrationRow) {
  const [state] = await rows<{ meetingStatus: string | null; sessionIssued: boolean; cellMember: boolean }>(
    db,
    sql`SELECT (SELECT status FROM meetings WHERE id = ${reg.meetingId}) AS "meetingStatus",
          EXISTS (SELECT 1 FROM thematic_sessions WHERE id = ${reg.sessionId} AND issued_at IS NOT NULL)
            AS "sessionIssued",
          EXISTS (SELECT 1 FROM members WHERE id = ${actor.memberId} AND org_id = ${reg.orgId}
            AND status IN ('official', 'probationary')) AS "cellMember"`,
  );
  return state ?? { meetingStatus: null, sessionIssued: false, cellMember: false };
}

/** The registrations of the node's subtree for the year (a cell: its own), by quarter and tree order. */
export async function listRegistrations(
  db: Db,
  actor: Actor,
  query: { org: string; year: number; status?: RegistrationStatus | undefined },
): Promise<ThematicRegistrationListDto> {
  const org = assertCanRead(actor, await findOrg(db, query.org));
  const items = await rows<ThematicRegistrationListDto['items'][number]>(
    db,
    sql`SELECT r.id::int AS id, o.code AS "orgCode", o.name AS "orgName", r.year, r.quarter, r.title,
          (r.topic_id IS NULL) AS own, r.status, r.planned_date::text AS "plannedDate",
          r.meeting_id::int AS "meetingId", r.session_id::int AS "sessionId"
        FROM thematic_registrations r JOIN orgs o ON o.id = r.org_id
        WHERE r.org_path LIKE ${`${org.path}%`} AND r.year = ${query.year}
          ${query.status ? sql`AND r.status = ${query.status}` : sql``}
        ORDER BY r.quarter, o.sort_key, r.id`,
  );
  return { items, abilities: nodeAbilities(actor, org) };
}

interface CoverageRow {
  orgCode: string;
  orgName: string;
  registrationId: number | null;
  title: string | null;
  status: RegistrationStatus | null;
  paperShared: boolean;
  meetingId: number | null;
  meetingStatus: string | null;
  level: string | null;
}

/**
 * Each active cell of the subtree in the quarter: its topic (a live registration before a refused one), the
 * furthest step reached, and the meeting's quality level once held; with the counts.
 */
export async function coverage(
  db: Db,
  actor: Actor,
  orgCode: string,
  year: number,
  quarter: number,
): Promise<ThematicCoverageDto> {
  const org = assertCanRead(actor, await findOrg(db, orgCode));
  const found = await rows<CoverageRow>(
    db,
    sql`SELECT o.code AS "orgCode", o.name AS "orgName", r.id::int AS "registrationId", r.title,
          r.status, (r.paper_shared_at IS NOT NULL) AS "paperShared", r.meeting_id::int AS "meetingId",
          m.status AS "meetingStatus", m.level
        FROM orgs o
        LEFT JOIN LATERAL (
          SELECT * FROM thematic_registrations x
          WHERE x.org_id = o.id AND x.year = ${year} AND x.quarter = ${quarter} AND x.session_id IS NULL
          ORDER BY (x.status = 'refused'), x.id DESC LIMIT 1
        ) r ON TRUE
        LEFT JOIN meetings m ON m.id = r.meeting_id
        WHERE o.kind IN ('grassroots_cell', 'cell', 'party_group') AND o.status = 'active'
          AND o.path LIKE ${`${org.path}%`}
        ORDER BY o.sort_key, o.id`,
  );
  const cells = found.map((row) => {
    const status: CoverageStatus = coverageStatus(
      row.status && row.registrationId !== null ? { status: row.status, paperShared: row.paperShared } : null,
      row.meetingStatus,
    );
    const held = status === 'held' || status === 'resolution_adopted';
    return {
      orgCode: row.orgCode,
      orgName: row.orgName,
      registrationId: row.registrationId,
      title: row.title,
      status,
      meetingId: row.meetingId,
      level: held ? row.level : null,
    };
  });
  const count = (...statuses: CoverageStatus[]) => cells.filter((c) => statuses.includes(c.status)).length;
  return {
    year,
    quarter,
    cells,
    counts: {
      cells: cells.length,
      registered: cells.length - count('none', 'refused'),
      pending: count('pending'),
      paperShared: count('paper_shared', 'held', 'resolution_adopted'),
      held: count('held', 'resolution_adopted'),
      resolutionAdopted: count('resolution_adopted'),
      none: count('none', 'refused'),
    },
    abilities: nodeAbilities(actor, org),
  };
}
