/**
 * The committee's draft thematic resolution for its session (domain.md §6: the draft is circulated to all
 * members for comment, then issued; HD 12-HD/BTCTW (06/7/2018), its part on sinh hoạt chuyên đề): written
 * version by version (v1, v2 …, never overwritten), sent for comments ("gửi lấy ý kiến") to every member of
 * the committee's subtree, who comment on a phone. Each write is one transaction with its audit event, the
 * session's row locked `FOR UPDATE`; nothing changes once the resolution is issued (session-issue.ts).
 */
import { eq, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { thematicSessionComments, thematicSessionDrafts, thematicSessions } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { conflict, forbidden } from '../../http/errors.ts';
import { assertNotIssued } from './session-commands.ts';
import { assertReadsSession, canManageSession } from './session-policy.ts';
import { findSession, latestDraft } from './session-queries.ts';

/** The session for a write of its committee's staff (or a committee's above): read, locked, not issued. */
async function managedSession(tx: Db, actor: Actor, id: number) {
  const session = assertReadsSession(actor, await findSession(tx, id, true));
  if (!canManageSession(actor, { kind: session.orgKind, path: session.orgPath })) throw forbidden();
  assertNotIssued(session);
  return session;
}

/** Saves a new version of the draft resolution; the previous ones are kept as they were. */
export function draftResolution(db: Db, actor: Actor, id: number, text: string): Promise<number> {
  return db.transaction(async (tx) => {
    const session = await managedSession(tx, actor, id);
    const version = ((await latestDraft(tx, id, false))?.version ?? 0) + 1;
    await tx.insert(thematicSessionDrafts).values({
      sessionId: id,
      version,
      text,
      createdBy: actor.id,
      createdByName: actor.displayName,
    });
    await audit(tx, actor, {
      action: 'thematic.session_resolution_drafted',
      entityType: 'thematic_session',
      entityId: id,
      orgPath: session.orgPath,
      detail: { version, length: text.length },
    });
    return version;
  });
}

/** "Gửi lấy ý kiến": the latest version goes to every member of the subtree for comments. */
export function shareResolution(db: Db, actor: Actor, id: number, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const session = await managedSession(tx, actor, id);
    const draft = await latestDraft(tx, id, false);
    if (!draft) {
      throw conflict(
        { vi: 'Chưa có dự thảo nghị quyết chuyên đề.', en: 'There is no draft resolution yet.' },
        'text',
      );
    }
    if (draft.sharedAt !== null) {
      throw conflict(
        { vi: 'Bản dự thảo này đã được gửi lấy ý kiến.', en: 'This version is already sent for comments.' },
        'version',
      );
    }
    await tx
      .update(thematicSessionDrafts)
      .set({ sharedAt: now })
      .where(eq(thematicSessionDrafts.id, draft.id));
    await tx
      .update(thematicSessions)
      .set({
        resolutionSharedAt: sql`coalesce(${thematicSessions.resolutionSharedAt}, ${now.toISOString()})`,
      })
      .where(eq(thematicSessions.id, id));
    await audit(tx, actor, {
      action: 'thematic.session_resolution_shared',
      entityType: 'thematic_session',
      entityId: id,
      orgPath: session.orgPath,
      detail: { version: draft.version },
    });
    return draft.version;
  });
}

/** A member of the committee's subtree comments on the latest version sent for comments. */
export function commentResolution(db: Db, actor: Actor, id: number, text: string): Promise<number> {
  return db.transaction(async (tx) => {
    const session = assertReadsSession(actor, await findSession(tx, id, true));
    const [member] =
      actor.memberId === null
        ? []
        : await rows<{ id: number }>(
            tx,
            sql`SELECT m.id::int AS id FROM members m JOIN orgs o ON o.id = m.org_id
                WHERE m.id = ${actor.memberId} AND o.path LIKE ${`${session.orgPath}%`}
                  AND m.status IN ('official', 'probationary')`,
          );
    if (!member) throw forbidden();
    assertNotIssued(session);
    const draft = await latestDraft(tx, id, true);
    if (!draft) {
      throw conflict(
        {
          vi: 'Dự thảo nghị quyết chưa được gửi lấy ý kiến.',
          en: 'The draft resolution has not been sent for comments.',
        },
        'text',
      );
    }
    const [row] = await tx
      .insert(thematicSessionComments)
      .values({ sessionId: id, draftId: draft.id, memberId: member.id, text })
      .returning({ id: thematicSessionComments.id });
    if (!row) throw new Error('session comment not inserted');
    await audit(tx, actor, {
      action: 'thematic.session_resolution_commented',
      entityType: 'thematic_session',
      entityId: id,
      orgPath: session.orgPath,
      detail: { version: draft.version, commentId: row.id },
    });
    return row.id;
  });
}
