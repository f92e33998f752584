import {
  documentNumber,
  levelLabel,
  type MinutesModel,
  type ResolutionModel,
  type VoteCount,
} from '@nennep/core';
import { and, eq, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { insertOne } from '../../db/insert.ts';
import { addenda, issuedDocuments, meetings } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { AppError, invalidField } from '../../http/errors.ts';
import {
  renderMinutesDocx,
  renderMinutesPdf,
  renderResolutionDocx,
  renderResolutionPdf,
} from '../documents/index.ts';
import { nextNumber, sha256 } from '../documents/numbering.ts';
import { issuerOf } from '../orgs/naming.ts';
import { reportBackOnAdoption } from '../recommendations/meeting-side.ts';
import { recordMeetingEvent } from './events.ts';
import { rulesOf, scoreOf } from './facts.ts';
import { buildMinutes } from './minutes.ts';
import type { MeetingRow } from './queries.ts';
import { assertHeld, attendanceFacts } from './run.ts';
import { outcomeOrInvalid } from './vote-outcome.ts';

/**
 * Adopts the minutes by the meeting's vote: numbers the minutes (BB) and the resolution (NQ), freezes
 * their models and the score, and locks the meeting. From then on every write route refuses; corrections
 * are dated addenda, and the documents render to the same bytes every time.
 */
export async function adoptMinutes(
  tx: Db,
  actor: Actor,
  meeting: MeetingRow,
  count: VoteCount & { confirmUnscored?: boolean },
  now: Date,
) {
  assertHeld(meeting);
  await assertScored(tx, meeting, count.confirmUnscored === true);
  const outcome = outcomeOrInvalid('resolution', count, await attendanceFacts(tx, meeting));
  if (!outcome.passed) {
    throw new AppError(409, 'conflict', {
      detail: {
        vi: `Biên bản chưa được thông qua: ${outcome.statement.vi}`,
        en: `The minutes were not adopted: ${outcome.statement.en}`,
      },
    });
  }
  const hasResolution =
    (
      await rows<{ n: number }>(
        tx,
        sql`SELECT count(*)::int AS n FROM votes WHERE meeting_id = ${meeting.id} AND subject = 'resolution'`,
      )
    )[0]?.n ?? 0;
  const { symbol } = (await issuerOf(tx, { path: meeting.orgPath })).own;
  const numberOf = async (type: 'BB' | 'NQ') =>
    documentNumber(await nextNumber(tx, meeting.orgId, meeting.scheduledDate, type), type, symbol);
  const minutesNo = await numberOf('BB');
  const resolutionNo = hasResolution ? await numberOf('NQ') : null;
  const data = await buildMinutes(tx, meeting, { minutes: minutesNo, resolution: resolutionNo });
  const frozen: MinutesModel = { ...data.minutes, addenda: [] };
  // The issued bytes are kept with the model: a later change of layout never changes what was adopted.
  const docx = await renderMinutesDocx(frozen);
  const hash = sha256(docx);
  await tx.insert(issuedDocuments).values({
    meetingId: meeting.id,
    docType: 'BB',
    number: minutesNo,
    model: frozen,
    sha256: hash,
    docx,
    pdf: await renderMinutesPdf(frozen),
  });
  if (data.resolution && resolutionNo) {
    const resolutionDocx = await renderResolutionDocx(data.resolution);
    await tx.insert(issuedDocuments).values({
      meetingId: meeting.id,
      docType: 'NQ',
      number: resolutionNo,
      model: data.resolution,
      sha256: sha256(resolutionDocx),
      docx: resolutionDocx,
      pdf: await renderResolutionPdf(data.resolution),
    });
  }
  await tx
    .update(meetings)
    .set({
      status: 'adopted',
      adoptedAt: now,
      score: data.score,
      total: data.score.total,
      level: data.score.level,
      contentHash: hash,
    })
    .where(eq(meetings.id, meeting.id));
  await reportBackOnAdoption(tx, actor, meeting);
  await recordMeetingEvent(tx, actor, meeting, 'adopted', {
    minutes: minutesNo,
    resolution: resolutionNo,
    vote: count,
    sha256: hash,
  });
  return { minutes: minutesNo, resolution: resolutionNo, contentHash: hash };
}

/**
 * The cell's own points on the manual criteria freeze with the minutes: adopting before they are given
 * would freeze a low score for good. Refused, naming the criteria — or, where the rule set allows it, only
 * once the secretary confirms the level the meeting then gets.
 */
async function assertScored(tx: Db, meeting: MeetingRow, confirmed: boolean) {
  const rules = await rulesOf(tx, meeting);
  const missing = rules.scoreSheet.criteria.filter(
    (c) => c.kind === 'manual' && !Object.hasOwn(meeting.manualScores, c.id),
  );
  if (missing.length === 0) return;
  const names = {
    vi: missing.map((c) => c.label.vi).join(', '),
    en: missing.map((c) => c.label.en).join(', '),
  };
  if (rules.unscoredAdoption === 'confirm') {
    if (confirmed) return;
    const score = await scoreOf(tx, meeting, rules);
    const level = { vi: levelLabel(score.level, 'vi'), en: levelLabel(score.level, 'en') };
    throw invalidField('confirmUnscored', {
      vi: `Chưa chấm: ${names.vi}. Nếu thông qua ngay, buổi sinh hoạt được ${score.total} điểm, xếp loại ${level.vi}, và không sửa được nữa: hãy xác nhận hoặc chấm điểm trước.`,
      en: `Not scored: ${names.en}. Adopted now, the meeting gets ${score.total} points, level ${level.en}, for good: confirm, or score first.`,
    });
  }
  throw invalidField('manualScores', {
    vi: `Chưa chấm các tiêu chí: ${names.vi}. Hãy chấm điểm ở thẻ "Chấm điểm" trước khi thông qua biên bản.`,
    en: `Criteria not scored: ${names.en}. Score them on the "Score" tab before adopting the minutes.`,
  });
}

/** The frozen model of an issued document, or null before adoption. */
export interface IssuedDocument {
  id: number;
  model: MinutesModel | ResolutionModel;
  docx: Buffer | null;
  pdf: Buffer | null;
}

/** An issued document: its frozen model and, where kept, the bytes issued. */
export async function issuedDocument(
  tx: Db,
  meetingId: number,
  docType: 'BB' | 'NQ',
): Promise<IssuedDocument | null> {
  const [row] = await tx
    .select({
      id: issuedDocuments.id,
      model: issuedDocuments.model,
      docx: issuedDocuments.docx,
      pdf: issuedDocuments.pdf,
    })
    .from(issuedDocuments)
    .where(and(eq(issuedDocuments.meetingId, meetingId), eq(issuedDocuments.docType, docType)));
  return row ? { ...row, model: row.model as MinutesModel | ResolutionModel } : null;
}

export async function addAddendum(tx: Db, actor: Actor, meeting: MeetingRow, date: string, text: string) {
  if (meeting.status !== 'adopted') {
    throw new AppError(409, 'conflict', {
      detail: {
        vi: 'Chỉ lập phụ lục cho biên bản đã thông qua.',
        en: 'Addenda are for adopted minutes only.',
      },
    });
  }
  const row = await insertOne(
    tx
      .insert(addenda)
      .values({ meetingId: meeting.id, date, text, createdBy: actor.id })
      .returning({ id: addenda.id }),
    'addendum',
  );
  await recordMeetingEvent(tx, actor, meeting, 'addendum', { date });
  return row.id;
}
