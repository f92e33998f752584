/**
 * The topic paper (tham luận): drafted in the app by the presenters or the secretary, version by version
 * (v1, v2 …, never overwritten); shared with the cell's members before the meeting — HD 42-HD/BTCTW
 * (28/10/2025): materials published at least one day before; the members comment on the shared version
 * (domain.md §6: the cell committee approves the paper, members comment, it is revised). Each write is one
 * transaction with its audit event, the registration's row locked `FOR UPDATE`.
 */
import { topicAccepted } from '@nennep/core';
import { eq, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { thematicComments, thematicPapers, thematicRegistrations } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { conflict, forbidden } from '../../http/errors.ts';
import { assertReadsCell, canDraft, canManageCell } from './policy.ts';
import { findRegistration, type RegistrationRow } from './queries.ts';

const refused = (vi: string, en: string, field = 'status') => conflict({ vi, en }, field);

/** The linked meeting's status, or null. */
async function meetingStatus(tx: Db, reg: RegistrationRow): Promise<string | null> {
  if (reg.meetingId === null) return null;
  const [m] = await rows<{ status: string }>(
    tx,
    sql`SELECT status FROM meetings WHERE id = ${reg.meetingId}`,
  );
  return m?.status ?? null;
}

/**
 * The paper is no longer changed or commented on once the meeting's minutes (and resolution) are adopted, or
 * — a paper for a committee-wide session — once the session's thematic resolution is issued (it is then
 * frozen and passed on: session-issue.ts; HD 12-HD/BTCTW (06/7/2018), on sinh hoạt chuyên đề).
 */
async function assertOpen(tx: Db, reg: RegistrationRow) {
  if (!topicAccepted(reg.status)) {
    throw refused(
      'Chuyên đề chưa được cấp ủy cấp trên duyệt.',
      'The committee above has not approved the topic.',
    );
  }
  if (reg.sessionId !== null) {
    // Held FOR SHARE: issuing the session's resolution (session-issue.ts, FOR UPDATE) waits for this write.
    const [session] = await rows<{ issued: boolean }>(
      tx,
      sql`SELECT (issued_at IS NOT NULL) AS issued FROM thematic_sessions WHERE id = ${reg.sessionId} FOR SHARE`,
    );
    if (session?.issued) {
      throw refused(
        'Nghị quyết chuyên đề của hội nghị đã ban hành: tham luận không còn thay đổi, không nhận thêm góp ý.',
        'The session’s thematic resolution is issued: the paper no longer changes nor takes comments.',
      );
    }
  }
  const status = await meetingStatus(tx, reg);
  if (status === 'adopted') {
    throw refused(
      'Biên bản và nghị quyết chuyên đề đã thông qua: tham luận không còn thay đổi.',
      'The thematic meeting’s minutes are adopted: the paper no longer changes.',
    );
  }
  return status;
}

/** Saves a new version of the paper (v1, v2 …): the previous ones are kept as they were. */
export function draftPaper(db: Db, actor: Actor, id: number, text: string): Promise<number> {
  return db.transaction(async (tx) => {
    const reg = assertReadsCell(actor, await findRegistration(tx, id, 'update'));
    if (!canDraft(actor, reg)) throw forbidden();
    await assertOpen(tx, reg);
    const [last] = await rows<{ version: number }>(
      tx,
      sql`SELECT coalesce(max(version), 0)::int AS version FROM thematic_papers WHERE registration_id = ${id}`,
    );
    const version = (last?.version ?? 0) + 1;
    await tx.insert(thematicPapers).values({
      registrationId: id,
      version,
      text,
      createdBy: actor.id,
      createdByName: actor.displayName,
    });
    await audit(tx, actor, {
      action: 'thematic.paper_drafted',
      entityType: 'thematic_registration',
      entityId: id,
      orgPath: reg.orgPath,
      detail: { version, length: text.length },
    });
    return version;
  });
}

/** The latest version, or the latest shared one. */
async function latestPaper(tx: Db, id: number, sharedOnly: boolean) {
  const [paper] = await rows<{ id: number; version: number; sharedAt: string | null }>(
    tx,
    sql`SELECT id::int AS id, version, shared_at AS "sharedAt" FROM thematic_papers
        WHERE registration_id = ${id} ${sharedOnly ? sql`AND shared_at IS NOT NULL` : sql``}
        ORDER BY version DESC LIMIT 1`,
  );
  return paper ?? null;
}

/** Shares the latest version with the cell's members, before the meeting is held. */
export function sharePaper(db: Db, actor: Actor, id: number, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const reg = assertReadsCell(actor, await findRegistration(tx, id, 'update'));
    if (!canManageCell(actor, reg.orgPath)) throw forbidden();
    const status = await assertOpen(tx, reg);
    if (status === 'in_progress' || status === 'held') {
      throw refused(
        'Tham luận được gửi đảng viên trước cuộc họp, không phải khi đã họp.',
        'The paper is shared before the meeting, not once it is held.',
      );
    }
    const paper = await latestPaper(tx, id, false);
    if (!paper) throw refused('Chưa có dự thảo tham luận.', 'There is no draft paper yet.', 'text');
    if (paper.sharedAt !== null)
      throw refused('Bản này đã được gửi đảng viên.', 'This version is already shared.', 'version');
    await tx.update(thematicPapers).set({ sharedAt: now }).where(eq(thematicPapers.id, paper.id));
    await tx
      .update(thematicRegistrations)
      .set({ paperSharedAt: sql`coalesce(${thematicRegistrations.paperSharedAt}, ${now.toISOString()})` })
      .where(eq(thematicRegistrations.id, id));
    await audit(tx, actor, {
      action: 'thematic.paper_shared',
      entityType: 'thematic_registration',
      entityId: id,
      orgPath: reg.orgPath,
      detail: { version: paper.version },
    });
    return paper.version;
  });
}

/** A member of the cell (and only of that cell) comments on the latest shared version. */
export function commentPaper(db: Db, actor: Actor, id: number, text: string): Promise<number> {
  return db.transaction(async (tx) => {
    const reg = assertReadsCell(actor, await findRegistration(tx, id, 'update'));
    const [member] =
      actor.memberId === null
        ? []
        : await rows<{ id: number }>(
            tx,
            sql`SELECT id::int AS id FROM members WHERE id = ${actor.memberId} AND org_id = ${reg.orgId}
                  AND status IN ('official', 'probationary')`,
          );
    if (!member) throw forbidden();
    await assertOpen(tx, reg);
    const paper = await latestPaper(tx, id, true);
    if (!paper) {
      throw refused('Tham luận chưa được gửi đảng viên.', 'The paper has not been shared yet.', 'text');
    }
    const [row] = await tx
      .insert(thematicComments)
      .values({ registrationId: id, paperId: paper.id, memberId: member.id, text })
      .returning({ id: thematicComments.id });
    if (!row) throw new Error('thematic comment not inserted');
    await audit(tx, actor, {
      action: 'thematic.paper_commented',
      entityType: 'thematic_registration',
      entityId: id,
      orgPath: reg.orgPath,
      detail: { version: paper.version, commentId: row.id },
    });
    return row.id;
  });
}
