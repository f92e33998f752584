/**
 * Ban hành: after the session, the committee issues its thematic resolution (domain.md §6: the draft
 * circulated to all members for comment, then issued; HD 12-HD/BTCTW (06/7/2018), its part on sinh hoạt
 * chuyên đề). The version sent for comments is frozen (it never changes again: corrections are addenda) and,
 * in the same transaction, registered as a document to pass on to the whole subtree (HD 12-HD/BTCTW point
 * 2.2, pass-on/commands.ts), its file a PDF of the resolution in the Party layout (HD 36-HD/VPTW, documents/
 * pdf.ts with the fonts of documents/pdf-fonts.ts).
 */
import { type IssueResolution, issueRefusal, placeDateLine, sessionResolutionSubject } from '@nennep/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { thematicSessions } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { type Bilingual, conflict, forbidden } from '../../http/errors.ts';
import { renderResolutionPdf } from '../documents/pdf.ts';
import type { FrozenResolutionModel } from '../documents/resolution-docx.ts';
import { issuerOf } from '../orgs/naming.ts';
import { registerDocument } from '../pass-on/commands.ts';
import { assertReadsSession, canManageSession } from './session-policy.ts';
import { findSession, latestDraft, type SessionRow } from './session-queries.ts';

const REFUSALS: Record<NonNullable<ReturnType<typeof issueRefusal>>, [Bilingual, string]> = {
  issued: [
    { vi: 'Nghị quyết chuyên đề đã ban hành.', en: 'The thematic resolution is already issued.' },
    'status',
  ],
  not_held: [
    {
      vi: 'Nghị quyết chuyên đề được ban hành sau hội nghị.',
      en: 'The thematic resolution is issued after the session.',
    },
    'date',
  ],
  no_draft: [
    { vi: 'Chưa có dự thảo nghị quyết chuyên đề.', en: 'There is no draft resolution yet.' },
    'text',
  ],
  not_shared: [
    {
      vi: 'Bản dự thảo mới nhất chưa được gửi lấy ý kiến đảng viên: hãy gửi trước khi ban hành.',
      en: 'The latest draft has not been sent to the members for comments: send it before issuing.',
    },
    'version',
  ],
};

/** "Số 05-NQ/ĐU" as the header prints it, whether or not the committee typed "Số". */
const headerNumber = (number: string) => (/^số\s/iu.test(number) ? number : `Số ${number}`);

/** The resolution as the Party layout prints it: the frozen shape (preamble = the issued text, no tasks). */
async function resolutionModel(
  tx: Db,
  session: SessionRow,
  text: string,
  input: IssueResolution,
  today: string,
): Promise<FrozenResolutionModel> {
  const issuer = await issuerOf(tx, { path: session.orgPath });
  return {
    header: {
      superior: issuer.heading.superior,
      issuer: issuer.heading.issuer,
      number: headerNumber(input.number),
      placeDate: placeDateLine(issuer.own.placeName, today),
    },
    title: 'NGHỊ QUYẾT',
    subtitle: sessionResolutionSubject(session.topicTitle ?? session.title),
    preamble: text,
    sections: [],
    tasks: [],
    signature: {
      onBehalf: issuer.own.onBehalf,
      title: input.signerTitle.toLocaleUpperCase('vi'),
      name: input.signerName,
    },
    recipients: [
      'Các chi bộ trực thuộc (để phổ biến, quán triệt)',
      'Các đảng viên',
      `Lưu ${issuer.own.bodyName}`,
    ],
  };
}

/**
 * Issues the resolution: the session locked `FOR UPDATE`, its committee's staff (or a committee's above);
 * after the session's day, the latest version sent for comments; then the PDF, the document to pass on
 * (pass-on/commands.ts `registerDocument`, inside this transaction) and the session frozen, with its audit.
 */
export function issueResolution(
  db: Db,
  actor: Actor,
  id: number,
  input: IssueResolution,
  now: Date,
  today: string,
): Promise<number> {
  return db.transaction(async (tx) => {
    const session = assertReadsSession(actor, await findSession(tx, id, true));
    if (!canManageSession(actor, { kind: session.orgKind, path: session.orgPath })) throw forbidden();
    const draft = await latestDraft(tx, id, false);
    const refusal = issueRefusal(session, draft, today);
    if (refusal || !draft) {
      const [text, field] = REFUSALS[refusal ?? 'no_draft'];
      throw conflict(text, field);
    }
    const model = await resolutionModel(tx, session, draft.text, input, today);
    const pdf = await renderResolutionPdf(model);
    const documentId = await registerDocument(
      tx,
      actor,
      {
        committeeCode: session.orgCode,
        documentNumber: input.number,
        documentTitle: `Nghị quyết chuyên đề ${sessionResolutionSubject(session.topicTitle ?? session.title)}`,
        issuedOn: today,
        passOnBy: input.passOnBy,
        audience: 'subtree',
        cellKinds: [],
        cellCategories: [],
      },
      { fileName: `nghi-quyet-chuyen-de-${id}.pdf`, contentType: 'application/pdf', bytes: pdf },
      today,
    );
    await tx
      .update(thematicSessions)
      .set({
        issuedAt: now,
        issuedVersion: draft.version,
        issuedNumber: input.number,
        issuedOn: today,
        passOnDocumentId: documentId,
      })
      .where(eq(thematicSessions.id, id));
    await audit(tx, actor, {
      action: 'thematic.session_resolution_issued',
      entityType: 'thematic_session',
      entityId: id,
      orgPath: session.orgPath,
      detail: { version: draft.version, number: input.number, documentId, bytes: pdf.length },
    });
    return documentId;
  });
}
