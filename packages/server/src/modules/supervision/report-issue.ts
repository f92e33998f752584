import {
  documentNumber,
  type SupervisionPeriod,
  type SupervisionReportModel,
  type SupervisionReportSigner,
  type SupervisionRules,
} from '@nennep/core';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { supervisionReports } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { conflict } from '../../http/errors.ts';
import { renderSupervisionReportDocx } from '../documents/index.ts';
import { nextNumber, sha256 } from '../documents/numbering.ts';
import { issuerOf } from '../orgs/naming.ts';
import type { OrgRow } from '../orgs/queries.ts';
import { reportModel } from './report-model.ts';

export async function issuedReport(db: Db, committeeId: number, periodKey: string) {
  const [row] = await db
    .select()
    .from(supervisionReports)
    .where(
      and(eq(supervisionReports.committeeOrgId, committeeId), eq(supervisionReports.periodKey, periodKey)),
    );
  return row ?? null;
}

/**
 * Issues the quarterly report: numbers it (Số 03-BC/ĐU, per committee and term, with the committee's symbol), freezes its model and the
 * SHA-256 of its DOCX. From then on the report downloads from the frozen model, the same bytes every time;
 * it is issued once per period.
 */
export async function issueReport(
  tx: Db,
  actor: Actor,
  committee: OrgRow,
  period: SupervisionPeriod,
  rules: SupervisionRules,
  today: string,
  signer?: Partial<SupervisionReportSigner> | null,
) {
  if (await issuedReport(tx, committee.id, period.key)) {
    throw conflict({
      vi: `Báo cáo ${period.label.vi} đã ban hành: không sửa được.`,
      en: `The report for ${period.label.en} is already issued and cannot change.`,
    });
  }
  const seq = await nextNumber(tx, committee.id, today, 'BC');
  const draft = await reportModel(tx, actor, committee, period, rules, today, signer);
  const model: SupervisionReportModel = {
    ...draft,
    documentNumber: documentNumber(seq, 'BC', (await issuerOf(tx, committee)).own.symbol),
  };
  const docx = await renderSupervisionReportDocx(model);
  const hash = sha256(docx);
  await tx.insert(supervisionReports).values({
    docx,
    committeeOrgId: committee.id,
    periodKey: period.key,
    number: model.documentNumber,
    model,
    sha256: hash,
    issuedBy: actor.id,
  });
  await audit(tx, actor, {
    action: 'supervision.report_issued',
    entityType: 'visit_plan',
    entityId: `${committee.code}:${period.key}`,
    orgPath: committee.path,
    detail: { number: model.documentNumber, sha256: hash, signer: model.signature },
  });
  return { number: model.documentNumber, sha256: hash };
}
