/**
 * The bytes of a meeting's minutes or resolution. An adopted meeting's documents are what was issued: the
 * DOCX kept at adoption (or by the fingerprint pass for history loaded in bulk), the PDF kept at adoption
 * or at its first reading — so a later change of layout or font never changes an issued document
 * (domain.md §3, "old meetings must stay reproducible byte for byte"). Only a copy with the dated addenda
 * printed after it, and drafts, are rendered anew.
 */
import type { MinutesModel, ResolutionModel } from '@nennep/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import {
  renderMinutesDocx,
  renderMinutesPdf,
  renderResolutionDocx,
  renderResolutionPdf,
} from '../documents/index.ts';
import { issuedDocument } from './adopt.ts';
import { buildMinutes } from './minutes.ts';
import { addendaOf, type MeetingRow } from './queries.ts';

type Doc = 'minutes' | 'resolution';
type Format = 'docx' | 'pdf';

function render(doc: Doc, format: Format, model: MinutesModel | ResolutionModel): Promise<Buffer> {
  if (doc === 'minutes') {
    const minutes = model as MinutesModel;
    return format === 'docx' ? renderMinutesDocx(minutes) : renderMinutesPdf(minutes);
  }
  const resolution = model as ResolutionModel;
  return format === 'docx' ? renderResolutionDocx(resolution) : renderResolutionPdf(resolution);
}

export async function documentBytes(
  db: Db,
  meeting: MeetingRow,
  doc: Doc,
  format: Format,
  withAddenda: boolean,
): Promise<Buffer> {
  if (meeting.status !== 'adopted') {
    const draft = await buildMinutes(db, meeting, { minutes: null, resolution: null });
    const model = doc === 'minutes' ? draft.minutes : draft.resolution;
    if (!model) throw notFound('meeting');
    return render(doc, format, model);
  }
  const issued = await issuedDocument(db, meeting.id, doc === 'minutes' ? 'BB' : 'NQ');
  if (!issued) throw notFound('meeting');
  if (doc === 'minutes' && withAddenda) {
    const addenda = (await addendaOf(db, meeting.id)).map((a) => ({ date: a.date, text: a.text }));
    return render(doc, format, { ...(issued.model as MinutesModel), addenda });
  }
  const kept = format === 'docx' ? issued.docx : issued.pdf;
  if (kept) return kept;
  const bytes = await render(doc, format, issued.model);
  // First reading of a document issued without these bytes kept: they are kept now, once (only an empty
  // value is filled, so two readers at once keep the same bytes).
  if (format === 'docx') {
    await db.execute(
      sql`UPDATE issued_documents SET docx = ${bytes} WHERE id = ${issued.id} AND docx IS NULL`,
    );
  } else {
    await db.execute(sql`UPDATE issued_documents SET pdf = ${bytes} WHERE id = ${issued.id} AND pdf IS NULL`);
  }
  return bytes;
}
