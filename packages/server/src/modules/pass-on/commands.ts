/**
 * The writes of passing superior documents on, each one transaction with its audit event: a committee
 * registers a document (HD 12-HD/BTCTW (06/7/2018) point 2.2: the cell meeting passes on the superior
 * committee's policies and documents), and a meeting records that it passed one on, and by whom.
 */
import {
  type AgendaItem,
  ITEM_CONCLUSION_MAX,
  passOnReason,
  type RegisterPassOn,
  superiorDocumentsIndex,
  withItemConclusion,
} from '@nennep/core';
import { eq, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { meetings, passOnDocuments, passOnRecords } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../http/errors.ts';
import { recordMeetingEvent } from '../meetings/events.ts';
import { changeMeeting } from '../meetings/lock.ts';
import { memberInRollCall } from '../meetings/run.ts';
import { lockReadableOrg } from '../orgs/policy.ts';
import { findOrgById } from '../orgs/queries.ts';
import { canRegisterAt, isCellKind } from './policy.ts';
import { documentsForCell, findDocument } from './queries.ts';

export interface PassOnFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/**
 * A committee registers a document to pass on to its subtree: the committee is read and held `FOR SHARE`
 * (404 unseen, 403 unless its admin or committee member, 400 for a cell); "pass on by" is not before today
 * (the injected clock's day, handed in).
 */
export function registerDocument(
  db: Db,
  actor: Actor,
  input: RegisterPassOn,
  file: PassOnFile,
  today: string,
): Promise<number> {
  return db.transaction(async (tx) => {
    const org = await lockReadableOrg(tx, actor, input.committeeCode, 'share');
    if (isCellKind(org.kind)) {
      throw invalidField('committeeCode', {
        vi: 'Văn bản cần phổ biến được cấp ủy cấp trên đăng ký cho các chi bộ trực thuộc, không phải chi bộ.',
        en: 'A document to pass on is registered by a committee for the cells below it, not by a cell.',
      });
    }
    if (!canRegisterAt(actor, org)) throw forbidden();
    if (input.passOnBy < today) {
      throw invalidField('passOnBy', {
        vi: 'Hạn phổ biến không được trước ngày hôm nay.',
        en: 'The pass-on-by date cannot be before today.',
      });
    }
    const [row] = await tx
      .insert(passOnDocuments)
      .values({
        orgId: org.id,
        orgPath: org.path,
        number: input.documentNumber,
        title: input.documentTitle,
        issuedOn: input.issuedOn,
        passOnBy: input.passOnBy,
        audience: input.audience,
        cellKinds: input.audience === 'chosen' ? input.cellKinds : [],
        cellCategories: input.audience === 'chosen' ? input.cellCategories : [],
        fileName: file.fileName,
        contentType: file.contentType,
        size: file.bytes.length,
        bytes: file.bytes,
        createdBy: actor.id,
      })
      .returning({ id: passOnDocuments.id });
    if (!row) throw new Error('pass-on document not inserted');
    await audit(tx, actor, {
      action: 'pass_on.registered',
      entityType: 'pass_on_document',
      entityId: row.id,
      orgPath: org.path,
      detail: {
        number: input.documentNumber,
        passOnBy: input.passOnBy,
        audience: input.audience,
        fileName: file.fileName,
        size: file.bytes.length,
      },
    });
    return row.id;
  });
}

/** Statuses in which the meeting is being (or has just been) held, before its minutes are adopted. */
const HELD_NOW = ['in_progress', 'held'];

/**
 * "Đã phổ biến": the meeting records that it passed the document on, by a member of its roll call (else
 * its chair, else the one recording). Only while the meeting is held and before adoption (lock.ts refuses
 * adopted minutes, 409); once per document and cell. The line is added to the conclusion of the agenda's
 * superior-documents item, so the minutes print it (HD 12-HD/BTCTW point 2.3).
 */
export function recordPassedOn(
  db: Db,
  actor: Actor,
  meetingId: number,
  documentId: number,
  presenterCode: string | undefined,
) {
  return changeMeeting(db, actor, meetingId, async (tx, meeting) => {
    const cell = await findOrgById(tx, meeting.orgId);
    if (!cell) throw new Error('meeting without cell');
    const doc = await findDocument(tx, documentId, true);
    const addressed = doc && (await documentsForCell(tx, cell)).some((d) => d.id === doc.id);
    if (!doc || !addressed) throw notFound('pass_on_document');
    if (!HELD_NOW.includes(meeting.status)) {
      throw new AppError(409, 'conflict', {
        detail: {
          vi: 'Chỉ ghi nhận đã phổ biến văn bản khi cuộc họp đang diễn ra hoặc vừa kết thúc, trước khi thông qua biên bản.',
          en: 'A document is recorded as passed on while the meeting is held, before its minutes are adopted.',
        },
      });
    }
    const [already] = await rows<{ meetingId: number }>(
      tx,
      sql`SELECT meeting_id::int AS "meetingId" FROM pass_on_records
          WHERE document_id = ${doc.id} AND org_id = ${cell.id} FOR UPDATE`,
    );
    if (already) {
      throw conflict({
        vi: `Chi bộ đã phổ biến văn bản số ${doc.number}.`,
        en: `The cell has already passed document ${doc.number} on.`,
      });
    }
    const member = presenterCode ? await memberInRollCall(tx, meeting, presenterCode, 'presenterCode') : null;
    const [chair] = meeting.chairMemberId
      ? await rows<{ fullName: string }>(
          tx,
          sql`SELECT full_name AS "fullName" FROM members WHERE id = ${meeting.chairMemberId}`,
        )
      : [];
    const presenter = member?.fullName ?? chair?.fullName ?? actor.displayName;
    await tx.insert(passOnRecords).values({
      documentId: doc.id,
      orgId: cell.id,
      meetingId: meeting.id,
      passedOn: meeting.scheduledDate,
      presenterMemberId: member?.memberId ?? meeting.chairMemberId ?? null,
      presenter,
      recordedBy: actor.id,
      recordedByName: actor.displayName,
    });
    const agenda = meeting.agenda as AgendaItem[];
    const index = superiorDocumentsIndex(agenda);
    if (index !== null) {
      const line = `Đã phổ biến văn bản số ${doc.number} của ${doc.orgName} "${doc.title}" (người phổ biến: ${presenter}).`;
      const before = agenda[index]?.conclusion;
      const text = before ? `${before}\n${line}` : line;
      if (text.length <= ITEM_CONCLUSION_MAX) {
        await tx
          .update(meetings)
          .set({ agenda: withItemConclusion(agenda, index, text) })
          .where(eq(meetings.id, meeting.id));
      }
    }
    await recordMeetingEvent(tx, actor, meeting, 'document_passed_on', {
      documentId: doc.id,
      number: doc.number,
      presenter,
      reason: passOnReason(doc, meeting.scheduledDate),
    });
  });
}
