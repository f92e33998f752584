import {
  formatVietnameseDate,
  type OrgNaming,
  placeDateLine,
  type SupervisionPeriod,
  type SupervisionReportModel,
  type SupervisionReportSigner,
  type SupervisionRules,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { issuerOf } from '../orgs/naming.ts';
import type { OrgRow } from '../orgs/queries.ts';
import { coverageOf } from './coverage.ts';

const RULE_WORDS = { month: 'tháng', quarter: 'quý', half_year: '6 tháng', year: 'năm' };

const hasStandingBody = (naming: OrgNaming) =>
  naming.onBehalf.toLocaleUpperCase('vi').includes('BAN THƯỜNG VỤ');

/**
 * "Nơi nhận" of the report (HD 36-HD/VPTW): the superior committee it reports to, by its leading body
 * ("Ban Thường vụ Tỉnh ủy …" where that committee acts through a standing body, else "Tỉnh ủy …"); the
 * committee's own members, who hear the report; the visitors and the units whose cells were visited; the
 * office's file. Never the committee's own standing body, in whose name the report is signed.
 */
export function reportRecipients(
  own: OrgNaming,
  superior: OrgNaming | null,
  reach: { visitors: boolean; visited: boolean; throughCommittees: boolean },
): string[] {
  const above = superior
    ? [`${hasStandingBody(superior) ? `Ban Thường vụ ${superior.bodyName}` : superior.bodyName} (để báo cáo)`]
    : [];
  const members = hasStandingBody(own)
    ? 'Các đồng chí Ủy viên Ban Thường vụ'
    : `Các đồng chí ủy viên ${own.bodyName}`;
  const visited = reach.throughCommittees
    ? 'Các đảng ủy có chi bộ được dự sinh hoạt'
    : 'Các chi bộ được dự sinh hoạt';
  return [
    ...above,
    members,
    ...(reach.visitors ? ['Các tổ công tác, đồng chí được phân công dự sinh hoạt'] : []),
    ...(reach.visited ? [visited] : []),
    'Lưu Văn phòng',
  ];
}

/**
 * The quarterly report's content: the coverage figures, each visit with both scores, what was heard, and
 * its signature for the collective. `signer` is who signs (given when issuing); without one the name is
 * the account's and the title is left blank for the signer.
 */
export async function reportModel(
  db: Db,
  actor: Actor,
  committee: OrgRow,
  period: SupervisionPeriod,
  rules: SupervisionRules,
  today: string,
  signer?: Partial<SupervisionReportSigner> | null,
): Promise<SupervisionReportModel> {
  // The report prints every list whole.
  const coverage = await coverageOf(db, committee, period, rules, today, {
    listLimit: Number.POSITIVE_INFINITY,
  });
  const { own, superior } = await issuerOf(db, committee);
  const visitList = await rows<{
    id: number;
    cellName: string;
    unitName: string | null;
    date: string;
    visitorName: string;
    status: string;
    attended: boolean | null;
    cellTotal: number | null;
    cellLevel: SupervisionReportModel['visits'][number]['cellLevel'];
    visitorTotal: number | null;
    visitorLevel: SupervisionReportModel['visits'][number]['visitorLevel'];
    recommendations: string[] | null;
    issues: string | null;
  }>(
    db,
    sql`SELECT v.id::int AS id, c.name AS "cellName", p.name AS "unitName", v.scheduled_date::text AS date,
          a.display_name AS "visitorName", v.status, r.attended, m.total AS "cellTotal", m.level AS "cellLevel",
          r.total AS "visitorTotal", r.level AS "visitorLevel", r.recommendations, r.issues_for_direction AS issues
        FROM visits v JOIN orgs c ON c.id = v.cell_org_id LEFT JOIN orgs p ON p.id = c.parent_id
        JOIN accounts a ON a.id = v.account_id LEFT JOIN meetings m ON m.id = v.meeting_id
        LEFT JOIN visit_reports r ON r.visit_id = v.id
        WHERE v.committee_org_id = ${committee.id} AND v.period_key = ${period.key} AND v.status <> 'cancelled'
        ORDER BY v.scheduled_date, c.sort_key, v.id`,
  );
  const filed = visitList.filter((v) => v.attended !== null);
  const pendingReason = {
    planned: 'Đã có lịch, chưa dự',
    unplanned: 'Chưa bố trí người dự',
    overdue: 'Quá hạn, chưa được dự',
  };
  return {
    parentName: superior?.name ?? null,
    committeeName: own.issuerName,
    committeeCode: committee.code,
    placeDateLine: placeDateLine(own.placeName, today),
    documentNumber: `   -BC/${own.symbol}`,
    period,
    rulesSummary:
      `Mỗi chi bộ ${rules.targetCategories.length === 3 ? 'thôn, tổ dân phố, cụm dân cư' : 'thuộc diện'} được dự ` +
      `${rules.visitsPerCell} lần mỗi ${RULE_WORDS[rules.period]}, trong ${rules.windowMonths} tháng đầu ` +
      `(${formatVietnameseDate(period.windowFrom)}–${formatVietnameseDate(period.windowTo)}).`,
    totals: {
      ...coverage.totals,
      visits: visitList.length,
      reported: filed.length,
      attended: filed.filter((v) => v.attended).length,
    },
    byUnit: coverage.children.map((c) => ({
      name: c.orgName,
      targetCells: c.targetCells,
      visited: c.visited,
      toVisit: c.toVisit,
      overdue: c.overdue,
    })),
    byVisitor: coverage.byVisitor.map((v) => ({
      name: v.displayName,
      planned: v.planned,
      reported: v.reported,
    })),
    byGroup: coverage.byGroup.map((g) => ({ name: g.name, planned: g.planned, reported: g.reported })),
    levels: coverage.levels,
    visits: filed.map((v) => ({
      cellName: v.cellName,
      unitName: v.unitName,
      date: v.date,
      visitorName: v.visitorName,
      attended: v.attended === true,
      cellTotal: v.cellTotal,
      cellLevel: v.cellLevel,
      visitorTotal: v.visitorTotal,
      visitorLevel: v.visitorLevel,
    })),
    notVisited: coverage.pending.map((p) => ({
      cellName: p.cellName,
      unitName: p.parentName,
      reason: pendingReason[p.state],
    })),
    recommendations: filed.flatMap((v) =>
      (v.recommendations ?? []).map((text) => ({ cellName: v.cellName, text })),
    ),
    issues: filed.flatMap((v) => (v.issues ? [{ cellName: v.cellName, text: v.issues }] : [])),
    preparedBy: actor.displayName,
    signature: {
      onBehalf: own.onBehalf,
      title: (signer?.title ?? '').trim().toLocaleUpperCase('vi'),
      name: signer?.name?.trim() || actor.displayName,
    },
    recipients: reportRecipients(own, superior, {
      visitors: coverage.byVisitor.length > 0 || coverage.byGroup.length > 0,
      visited: coverage.totals.visited > 0,
      throughCommittees: coverage.children.some((c) => c.drill && c.visited > 0),
    }),
  };
}
