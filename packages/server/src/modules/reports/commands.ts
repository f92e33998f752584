import {
  type CommitteeReportModel,
  documentNumber,
  REPORT_WORD_FIELDS,
  type ReportPeriod,
  type ReportWordField,
} from '@nennep/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { committeeReports } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { conflict, invalidField } from '../../http/errors.ts';
import { renderCommitteeReportDocx } from '../documents/index.ts';
import { nextNumber, sha256 } from '../documents/numbering.ts';
import { issuerOf } from '../orgs/naming.ts';
import type { OrgRow } from '../orgs/queries.ts';
import { draftReport, type StoredWords } from './model.ts';
import { reportingCommittee, reportPeriodOf } from './policy.ts';
import { lockReportRow, type ReportRow } from './queries.ts';

/** The injected clock's instant and its day in Vietnam (routes read both from `Deps.clock`). */
export interface Clock {
  now: Date;
  today: string;
}

const auditTarget = (committee: OrgRow, period: ReportPeriod) => ({
  entityType: 'committee_report',
  entityId: `${committee.code}:${period.key}`,
  orgPath: committee.path,
});

function assertDraft(row: ReportRow, period: ReportPeriod) {
  if (row.status === 'issued') {
    throw conflict({
      vi: `Báo cáo ${period.label.vi} đã ban hành (${row.number}): không sửa được.`,
      en: `The report for ${period.label.en} is already issued (${row.number}) and cannot change.`,
    });
  }
}

/**
 * Saves the words of the draft. A field left blank, or sent back exactly as drafted from today's
 * figures, is stored as nothing, so that it keeps following the figures until someone writes it.
 */
export async function saveWords(
  tx: Db,
  actor: Actor,
  committee: OrgRow,
  period: ReportPeriod,
  input: Record<ReportWordField, string | null>,
  at: Clock,
): Promise<void> {
  const { today } = at;
  const row = await lockReportRow(tx, committee.id, period.key);
  assertDraft(row, period);
  const { defaults } = await draftReport(tx, actor, committee, period, today, row.words);
  const words: StoredWords = {};
  for (const field of REPORT_WORD_FIELDS) {
    const value = (input[field] ?? '').trim();
    if (value !== '' && value !== defaults[field]) words[field] = value;
  }
  const before = Object.keys(row.words ?? {}).sort();
  await tx
    .update(committeeReports)
    .set({ words, updatedAt: at.now, updatedBy: actor.id })
    .where(eq(committeeReports.id, row.id));
  await audit(tx, actor, {
    action: 'report.words_saved',
    ...auditTarget(committee, period),
    // Field names only: the words themselves are in the row.
    detail: { period: period.key, edited: Object.keys(words).sort(), before },
  });
}

/**
 * Issues the report: numbers it (Số 01-BC/ĐU, per committee and term, on the same counters as the
 * supervision report, both being the committee's BC), freezes the whole model (figures, words, header)
 * and the SHA-256 of its DOCX. Once per committee and period; afterwards every download renders from the
 * frozen model, the same bytes every time.
 */
export async function issueReport(
  tx: Db,
  actor: Actor,
  committee: OrgRow,
  period: ReportPeriod,
  at: Clock,
): Promise<{ number: string; sha256: string }> {
  const { today } = at;
  const row = await lockReportRow(tx, committee.id, period.key);
  assertDraft(row, period);
  const { model: draft } = await draftReport(tx, actor, committee, period, today, row.words);
  if (draft.words.signerName.trim() === '') {
    throw invalidField('words.signerName', {
      vi: 'Chưa có họ tên người ký: hãy nhập và lưu trước khi ban hành.',
      en: "The signer's name is missing: enter and save it before issuing.",
    });
  }
  const seq = await nextNumber(tx, committee.id, today, 'BC');
  const number = documentNumber(seq, 'BC', (await issuerOf(tx, committee)).own.symbol);
  const model: CommitteeReportModel = { ...draft, header: { ...draft.header, number } };
  const docx = await renderCommitteeReportDocx(model);
  const hash = sha256(docx);
  await tx
    .update(committeeReports)
    .set({
      status: 'issued',
      number,
      model,
      sha256: hash,
      docx,
      issuedAt: at.now,
      issuedBy: actor.id,
      updatedAt: at.now,
      updatedBy: actor.id,
    })
    .where(eq(committeeReports.id, row.id));
  await audit(tx, actor, {
    action: 'report.issued',
    ...auditTarget(committee, period),
    detail: { period: period.key, number, sha256: hash },
  });
  return { number, sha256: hash };
}

/** A committee's report named by a request: the committee and the period checked inside the command. */
interface ReportRef {
  committeeCode: string;
  periodKey: string;
}

/**
 * The report's committee and period, read inside the command's transaction: 404 when the committee is
 * unseen, 403 when the actor is not its admin or committee member, 400 for a cell or a period not begun.
 */
async function reportTarget(tx: Db, actor: Actor, ref: ReportRef, today: string) {
  const committee = await reportingCommittee(tx, actor, ref.committeeCode, 'committeeCode');
  return { committee, period: reportPeriodOf(ref.periodKey, today, 'periodKey') };
}

/**
 * The command that saves the draft's words, in one transaction: the report's row locked (`lockReportRow`)
 * and checked a draft under the lock. Returns the committee and the period for the answer.
 */
export function saveReportWords(
  db: Db,
  actor: Actor,
  input: ReportRef & { words: Record<ReportWordField, string | null> },
  at: Clock,
) {
  return db.transaction(async (tx) => {
    const { committee, period } = await reportTarget(tx, actor, input, at.today);
    await saveWords(tx, actor, committee, period, input.words, at);
    return { committee, period };
  });
}

/** The command that issues the report, in one transaction, on its row locked: numbered and frozen, once. */
export function issueCommitteeReport(db: Db, actor: Actor, input: ReportRef, at: Clock) {
  return db.transaction(async (tx) => {
    const { committee, period } = await reportTarget(tx, actor, input, at.today);
    return issueReport(tx, actor, committee, period, at);
  });
}
