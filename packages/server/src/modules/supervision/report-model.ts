import {
  formatVietnameseDate,
  placeDateLine,
  type SupervisionPeriod,
  type SupervisionReportModel,
  type SupervisionRules,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { localityOf } from '../meetings/minutes.ts';
import { findOrgById, type OrgRow } from '../orgs/queries.ts';
import { coverageOf } from './coverage.ts';

const COMMITTEE_TITLES: [RegExp, string, string][] = [
  [/^Đảng bộ huyện\s+/iu, 'Huyện ủy ', 'HU'],
  [/^Đảng bộ quận\s+/iu, 'Quận ủy ', 'QU'],
  [/^Đảng bộ thị xã\s+/iu, 'Thị ủy ', 'TU'],
  [/^Đảng bộ thành phố\s+/iu, 'Thành ủy ', 'TU'],
  [/^Đảng bộ tỉnh\s+/iu, 'Tỉnh ủy ', 'TU'],
  [/^Đảng bộ (xã|phường|thị trấn)\s+/iu, 'Đảng ủy $1 ', 'ĐU'],
];

/** The body that issues for an organisation: "Đảng bộ huyện Đan Phượng" → "Huyện ủy Đan Phượng", HU. */
export function committeeTitle(name: string): { title: string; abbreviation: string } {
  for (const [pattern, replacement, abbreviation] of COMMITTEE_TITLES) {
    if (pattern.test(name)) return { title: name.replace(pattern, replacement), abbreviation };
  }
  return { title: name, abbreviation: 'ĐU' };
}

const RULE_WORDS = { month: 'tháng', quarter: 'quý', half_year: '6 tháng', year: 'năm' };

/** The quarterly report's content: the coverage figures, each visit with both scores, what was heard. */
export async function reportModel(
  db: Db,
  actor: Actor,
  committee: OrgRow,
  period: SupervisionPeriod,
  rules: SupervisionRules,
  today: string,
): Promise<SupervisionReportModel> {
  const coverage = await coverageOf(db, committee, period, rules, today);
  const parent = committee.parentId ? await findOrgById(db, committee.parentId) : null;
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
  const { title, abbreviation } = committeeTitle(committee.name);
  const pendingReason = {
    planned: 'Đã có lịch, chưa dự',
    unplanned: 'Chưa bố trí người dự',
    overdue: 'Quá hạn, chưa được dự',
  };
  return {
    parentName: parent?.name ?? null,
    committeeName: title,
    committeeCode: committee.code,
    placeDateLine: placeDateLine(localityOf(committee.name), today),
    documentNumber: `   -BC/${abbreviation}`,
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
  };
}
