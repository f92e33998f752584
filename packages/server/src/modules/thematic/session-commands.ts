/**
 * A committee creates its committee-wide thematic session and assigns each participating cell a paper (tham
 * luận) with named presenters (seed 004; domain.md §6; HD 12-HD/BTCTW (06/7/2018), its part on sinh hoạt
 * chuyên đề: members are assigned to prepare the paper, the cell approves it and its members comment first).
 * Each paper is a registration of the cell for the quarter linked to the session, so the cell drafts it,
 * shares it and its members comment through the registration's routes (papers.ts). Each write is one
 * transaction with its audit event; the committee's or the session's row is locked `FOR UPDATE`.
 */
import { type CreateSession, isPastQuarter, type SessionPaperInput } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { thematicRegistrations, thematicSessions } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { AppError, conflict, forbidden, invalidField } from '../../http/errors.ts';
import { lockReadableOrg } from '../orgs/policy.ts';
import { lockOrg } from '../orgs/queries.ts';
import { isCellKind } from './policy.ts';
import { findTopic } from './queries.ts';
import { presentersOf } from './registrations.ts';
import { assertReadsSession, canManageSession } from './session-policy.ts';
import { findSession, type SessionRow } from './session-queries.ts';

type SessionAt = Pick<
  SessionRow,
  'id' | 'orgPath' | 'year' | 'quarter' | 'date' | 'title' | 'topicId' | 'issuedAt'
>;

/** Once issued, the session's resolution never changes again (corrections are addenda). */
export function assertNotIssued(session: { issuedAt: unknown }) {
  if (session.issuedAt !== null) {
    throw conflict(
      {
        vi: 'Nghị quyết chuyên đề đã ban hành: hội nghị không còn thay đổi.',
        en: 'The thematic resolution is issued: the session no longer changes.',
      },
      'status',
    );
  }
}

/**
 * The cell's paper for the session: the cell (held `FOR SHARE`) a cell of the committee's subtree, its
 * presenters active members of it, once per session; a registration for the session's quarter, `registered`
 * on the session's topic, else `approved` (the committee assigned it itself).
 */
async function addPaper(
  tx: Db,
  actor: Actor,
  session: SessionAt,
  input: SessionPaperInput,
  field: string,
): Promise<number> {
  const cell = await lockOrg(tx, input.orgCode, 'share');
  if (
    !cell ||
    !isCellKind(cell.kind) ||
    cell.status !== 'active' ||
    !cell.path.startsWith(session.orgPath) ||
    cell.path === session.orgPath
  ) {
    throw invalidField(`${field}orgCode`, {
      vi: `${input.orgCode} không phải một chi bộ trực thuộc đảng bộ tổ chức hội nghị.`,
      en: `${input.orgCode} is not a cell under the committee holding the session.`,
    });
  }
  const [already] = await rows<{ id: number }>(
    tx,
    sql`SELECT id::int AS id FROM thematic_registrations WHERE session_id = ${session.id} AND org_id = ${cell.id}`,
  );
  if (already) {
    throw invalidField(`${field}orgCode`, {
      vi: `${cell.name} đã được phân công tham luận tại hội nghị này.`,
      en: `${cell.name} already has a paper at this session.`,
    });
  }
  let presenterMemberIds: number[];
  try {
    presenterMemberIds = await presentersOf(tx, cell.id, input.presenterCodes);
  } catch (error) {
    // The same refusal, named at the paper's place in the session's form ("papers.2.presenterCodes").
    const first = error instanceof AppError ? error.fields[0] : undefined;
    if (first) throw invalidField(`${field}presenterCodes`, first.message);
    throw error;
  }
  const [row] = await tx
    .insert(thematicRegistrations)
    .values({
      orgId: cell.id,
      orgPath: cell.path,
      year: session.year,
      quarter: session.quarter,
      topicId: session.topicId,
      title: input.title,
      purpose: session.title,
      status: session.topicId === null ? 'approved' : 'registered',
      decidedBy: session.topicId === null ? actor.id : null,
      presenterMemberIds,
      plannedDate: session.date,
      sessionId: session.id,
      createdBy: actor.id,
    })
    .returning({ id: thematicRegistrations.id });
  if (!row) throw new Error('session paper not inserted');
  await audit(tx, actor, {
    action: 'thematic.session_paper_assigned',
    entityType: 'thematic_registration',
    entityId: row.id,
    orgPath: cell.path,
    detail: { sessionId: session.id, presenters: presenterMemberIds.length },
  });
  return row.id;
}

/**
 * Creates the session: the committee locked `FOR UPDATE` (404 unseen, 403 unless its staff or a committee's
 * above, 400 for a cell); the day in the quarter (schema), not before today; the topic one of the committee's
 * own published topics of the year; then each cell's paper.
 */
export function createSession(db: Db, actor: Actor, input: CreateSession, today: string): Promise<number> {
  return db.transaction(async (tx) => {
    const org = await lockReadableOrg(tx, actor, input.committeeCode, 'update');
    if (isCellKind(org.kind)) {
      throw invalidField('committeeCode', {
        vi: 'Hội nghị chuyên đề toàn đảng bộ do đảng ủy (chi bộ cơ sở) tổ chức cho các chi bộ trực thuộc.',
        en: 'A committee-wide thematic session is held by a committee for the cells below it.',
      });
    }
    if (!canManageSession(actor, org)) throw forbidden();
    if (isPastQuarter(input.year, input.quarter, today) || input.date < today) {
      throw invalidField('date', {
        vi: 'Ngày hội nghị không được trước ngày hôm nay.',
        en: 'The session day cannot be before today.',
      });
    }
    if (input.topicId !== undefined) {
      const topic = await findTopic(tx, input.topicId, 'share');
      if (!topic || topic.orgId !== org.id || topic.status !== 'published' || topic.year !== input.year) {
        throw invalidField('topicId', {
          vi: 'Hãy chọn một chuyên đề đảng ủy đã công bố trong năm, hoặc để trống.',
          en: 'Choose one of the committee’s published topics of the year, or none.',
        });
      }
    }
    const [row] = await tx
      .insert(thematicSessions)
      .values({
        orgId: org.id,
        orgPath: org.path,
        year: input.year,
        quarter: input.quarter,
        title: input.title,
        topicId: input.topicId ?? null,
        date: input.date,
        time: input.time,
        place: input.place,
        createdBy: actor.id,
      })
      .returning({ id: thematicSessions.id });
    if (!row) throw new Error('thematic session not inserted');
    const session: SessionAt = {
      id: row.id,
      orgPath: org.path,
      year: input.year,
      quarter: input.quarter,
      date: input.date,
      title: input.title,
      topicId: input.topicId ?? null,
      issuedAt: null,
    };
    await audit(tx, actor, {
      action: 'thematic.session_created',
      entityType: 'thematic_session',
      entityId: row.id,
      orgPath: org.path,
      detail: { year: input.year, quarter: input.quarter, date: input.date, papers: input.papers.length },
    });
    for (const [i, paper] of input.papers.entries())
      await addPaper(tx, actor, session, paper, `papers.${i}.`);
    return row.id;
  });
}

/** Assigns one more cell a paper: the session locked `FOR UPDATE`, not once its resolution is issued. */
export function assignPaper(db: Db, actor: Actor, id: number, input: SessionPaperInput): Promise<number> {
  return db.transaction(async (tx) => {
    const session = assertReadsSession(actor, await findSession(tx, id, true));
    if (!canManageSession(actor, { kind: session.orgKind, path: session.orgPath })) throw forbidden();
    assertNotIssued(session);
    return addPaper(tx, actor, session, input, '');
  });
}
