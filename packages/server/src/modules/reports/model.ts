import {
  type CommitteeReportDto,
  type CommitteeReportModel,
  defaultReportWords,
  placeDateLine,
  REPORT_WORD_FIELDS,
  type ReportPeriod,
  type ReportWordField,
  type ReportWords,
} from '@nennep/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { issuerOf } from '../orgs/naming.ts';
import type { OrgRow } from '../orgs/queries.ts';
import { reportFigures } from './figures.ts';
import type { ReportRow } from './queries.ts';

export type StoredWords = Partial<Record<ReportWordField, string>>;

export interface Draft {
  model: CommitteeReportModel;
  defaults: ReportWords;
  edited: ReportWordField[];
}

/** Fields the committee has written itself (a blank or missing one is drafted from the figures). */
export const editedFields = (stored: StoredWords | null | undefined): ReportWordField[] =>
  REPORT_WORD_FIELDS.filter((field) => (stored?.[field] ?? '').trim() !== '');

/**
 * The report as it stands on `today`: live figures, the stored words or their defaults, and every word
 * of the header, the recipients and the signature from the organisation naming (never hard-coded).
 * `number` is blank until the report is issued.
 */
export async function draftReport(
  db: Db,
  actor: Actor,
  committee: OrgRow,
  period: ReportPeriod,
  today: string,
  stored: StoredWords | null | undefined,
  number?: string,
): Promise<Draft> {
  const figures = await reportFigures(db, actor, committee, period, today);
  const { own, superior, heading } = await issuerOf(db, committee);
  const defaults = defaultReportWords(figures, period);
  const edited = editedFields(stored);
  const words = Object.fromEntries(
    REPORT_WORD_FIELDS.map((field) => [field, edited.includes(field) ? stored?.[field] : defaults[field]]),
  ) as ReportWords;
  const below =
    figures.units.length === 0
      ? []
      : [figures.unitKind === 'cells' ? 'Các chi bộ trực thuộc' : 'Các đảng ủy trực thuộc'];
  return {
    model: {
      header: {
        superior: heading.superior,
        issuer: heading.issuer,
        number: number ?? `Số    -BC/${own.symbol}`,
        placeDate: placeDateLine(own.placeName, today),
      },
      issuerName: own.issuerName,
      committeeCode: committee.code,
      onBehalf: own.onBehalf,
      recipients: [...(superior ? [`${superior.bodyName} (để báo cáo)`] : []), ...below, 'Lưu VP'],
      period,
      figures,
      words,
    },
    defaults,
    edited,
  };
}

async function nameOf(db: Db, accountId: number | null): Promise<string | null> {
  if (accountId === null) return null;
  const [row] = await db
    .select({ name: accounts.displayName })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  return row?.name ?? null;
}

/** The report as the page shows it: the frozen model once issued, else the draft; with the abilities. */
export async function presentReport(
  db: Db,
  committee: OrgRow,
  period: ReportPeriod,
  row: ReportRow | null,
  draft: Draft | null,
): Promise<CommitteeReportDto> {
  const issued = row?.status === 'issued' && row.model ? (row.model as CommitteeReportModel) : null;
  const model = issued ?? draft?.model;
  if (!model) throw new Error(`report ${committee.code}/${period.key}: neither issued nor drafted`);
  return {
    committee: { code: committee.code, name: committee.name, issuerName: model.issuerName },
    period: model.period,
    status: issued ? 'issued' : row ? 'draft' : 'none',
    figures: model.figures,
    words: model.words,
    defaults: issued ? model.words : (draft?.defaults ?? model.words),
    edited: editedFields(row?.words),
    issued:
      issued && row?.number && row.sha256 && row.issuedAt
        ? {
            number: row.number,
            issuedAt: row.issuedAt.toISOString(),
            issuedBy: await nameOf(db, row.issuedBy),
            sha256: row.sha256,
          }
        : null,
    updatedAt: row ? row.updatedAt.toISOString() : null,
    updatedBy: row ? await nameOf(db, row.updatedBy) : null,
    // Reading and writing need the same grant (policy.ts): whoever sees the draft may edit and issue it.
    abilities: { edit: !issued, issue: !issued },
  };
}
