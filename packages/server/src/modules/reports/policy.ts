import { type OrgKind, type ReportPeriod, type Role, reportPeriod } from '@nennep/core';
import type { Db } from '../../db/client.ts';
import { type Actor, assertCan } from '../../http/access.ts';
import { invalidField } from '../../http/errors.ts';
import { assertCanRead } from '../orgs/policy.ts';
import { findOrg, type OrgRow } from '../orgs/queries.ts';

/** Who reads, drafts and issues a committee's periodic report: its admins and committee members (domain.md §10). */
export const REPORT_ROLES: readonly Role[] = ['admin', 'committee_member'];

/** Nodes that report upward on their cells: every kind of committee, never a cell or a party group. */
export const REPORTING_KINDS: readonly OrgKind[] = ['committee', 'grassroots_committee', 'sub_committee'];

/**
 * The committee named by `code`: 404 when it lies outside every grant of the actor (existence does not
 * leak), 403 when the actor sees it without being its admin or committee member, 400 naming the field
 * when it is a cell (a cell's meetings are reported by the committee above it).
 */
export async function reportingCommittee(db: Db, actor: Actor, code: string, field: string): Promise<OrgRow> {
  const org = assertCanRead(actor, await findOrg(db, code));
  assertCan(actor, REPORT_ROLES, org.path);
  if (!(REPORTING_KINDS as readonly string[]).includes(org.kind)) {
    throw invalidField(field, {
      vi: `${org.name} là chi bộ: báo cáo định kỳ do cấp ủy cấp trên lập, hãy chọn một cấp ủy.`,
      en: `${org.name} is a cell: periodic reports are written by committees; choose a committee.`,
    });
  }
  return org;
}

/** The report period of a key: a quarter or a half year that has begun by `today`; 400 naming the field. */
export function reportPeriodOf(key: string, today: string, field: string): ReportPeriod {
  const period = reportPeriod(key);
  if (!period) {
    const year = key.slice(0, 4);
    throw invalidField(field, {
      vi: `Kỳ ${key} không hợp lệ: báo cáo định kỳ lập theo quý (ví dụ ${year}-Q3) hoặc 6 tháng (ví dụ ${year}-H1).`,
      en: `Period ${key} is not valid: reports cover a quarter (e.g. ${year}-Q3) or a half year (e.g. ${year}-H1).`,
    });
  }
  if (period.from > today) {
    throw invalidField(field, {
      vi: `${period.label.vi} chưa bắt đầu: chưa lập được báo cáo.`,
      en: `${period.label.en} has not begun: there is nothing to report yet.`,
    });
  }
  return period;
}
