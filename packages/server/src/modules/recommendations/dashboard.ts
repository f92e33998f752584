import {
  type Bilingual,
  formatVietnameseDate,
  percentiles,
  RECOMMENDATION_LEVELS,
  type RecommendationDashboardDto,
  type RecommendationDto,
  type RecommendationLevel,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { LIST_DATE, listSheet, newWorkbook, xlsxBytes } from '../documents/workbook.ts';
import type { OrgRow } from '../orgs/queries.ts';
import { presentAll, recommendationRows, rulesReader } from './queries.ts';

const DAY_MS = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
/** Texts at least this alike (pg_trgm similarity of the accent-folded texts) are shown as likely duplicates. */
export const DUPLICATE_SIMILARITY = 0.45;

/** The recommendations of a subtree raised in a period, as the committee's dashboard shows them. */
export async function dashboardOf(
  db: Db,
  actor: Actor,
  org: OrgRow,
  from: string,
  to: string,
  today: string,
): Promise<RecommendationDashboardDto> {
  const list = await recommendationRows(
    db,
    sql`r.org_path LIKE ${`${org.path}%`} AND r.raised_on BETWEEN ${from} AND ${to}`,
    sql`r.raised_on, r.id`,
    20_000,
  );
  const all = await presentAll(db, actor, list, today);
  const open = all.filter((r) => r.dueDate !== null);
  const answered = all.filter((r) => r.status === 'answered' || r.status === 'reported_back');
  const rules = (await rulesReader(db))(org.path, to);
  const labels = new Map<string, Bilingual>(rules.categories.map((c) => [c.id, c.label]));
  for (const r of all) if (!labels.has(r.category)) labels.set(r.category, r.categoryLabel);
  const count = (items: RecommendationDto[], pred: (r: RecommendationDto) => boolean) =>
    items.filter(pred).length;
  const answerDays = answered.flatMap((r) => {
    const row = list.find((l) => l.id === r.id);
    return row?.answeredOn ? [days(row.raisedOn, row.answeredOn)] : [];
  });
  const pairs = await rows<{ a: number; b: number; similarity: number }>(
    db,
    sql`SELECT a.id::int AS a, b.id::int AS b, round(similarity(a.search_text, b.search_text)::numeric, 2)::float AS similarity
        FROM recommendations a JOIN recommendations b ON a.id < b.id
          AND b.org_path LIKE ${`${org.path}%`} AND b.raised_on BETWEEN ${from} AND ${to}
          AND b.status NOT IN ('merged', 'declined')
        WHERE a.org_path LIKE ${`${org.path}%`} AND a.raised_on BETWEEN ${from} AND ${to}
          AND a.status NOT IN ('merged', 'declined')
          AND similarity(a.search_text, b.search_text) >= ${DUPLICATE_SIMILARITY}
        ORDER BY similarity DESC, a.id, b.id LIMIT 20`,
  );
  const byId = new Map(all.map((r) => [r.id, r]));
  return {
    orgCode: org.code,
    orgName: org.name,
    from,
    to,
    totals: {
      raised: all.length,
      open: open.length,
      overdue: count(open, (r) => r.overdue),
      answered: answered.length,
      reportedBack: count(all, (r) => r.status === 'reported_back'),
      closed: count(all, (r) => r.status === 'merged' || r.status === 'declined'),
    },
    byCategory: [...labels.entries()]
      .map(([category, label]) => {
        const mine = all.filter((r) => r.category === category);
        return {
          category,
          label,
          raised: mine.length,
          open: count(mine, (r) => r.dueDate !== null),
          overdue: count(mine, (r) => r.overdue),
          answered: count(mine, (r) => r.status === 'answered' || r.status === 'reported_back'),
        };
      })
      .filter((c) => c.raised > 0),
    byLevel: RECOMMENDATION_LEVELS.map((level: RecommendationLevel) => {
      const mine = all.filter((r) => r.level === level);
      return {
        level,
        open: count(mine, (r) => r.dueDate !== null),
        overdue: count(mine, (r) => r.overdue),
        answered: count(mine, (r) => r.status === 'answered' || r.status === 'reported_back'),
      };
    }),
    timeToAnswer: { count: answerDays.length, ...percentiles(answerDays) },
    oldestOpen: open.slice(0, 10),
    duplicates: pairs.flatMap((p) => {
      const a = byId.get(p.a);
      const b = byId.get(p.b);
      return a && b ? [{ a, b, similarity: p.similarity }] : [];
    }),
  };
}

const STATUS_VI: Record<string, string> = {
  received: 'Mới tiếp nhận',
  assigned: 'Đã chuyển xử lý',
  in_progress: 'Đang giải quyết',
  answered: 'Đã trả lời',
  reported_back: 'Đã thông báo lại chi bộ',
  merged: 'Đã gộp',
  declined: 'Không tiếp nhận',
};
const LEVEL_VI: Record<RecommendationLevel, string> = {
  cell: 'Chi bộ',
  grassroots: 'Cấp ủy cơ sở',
  superior: 'Cấp ủy cấp trên',
  outside: 'Cơ quan ngoài Đảng',
};

/** The recommendations of the period as an .xlsx workbook (one row each, Vietnamese headers). */
export async function recommendationsWorkbook(
  dashboard: RecommendationDashboardDto,
  items: RecommendationDto[],
) {
  // Dated like every list export: before, `modified` was left to exceljs, which takes the clock.
  const workbook = newWorkbook(LIST_DATE);
  const sheet = listSheet(
    workbook,
    'Kiến nghị',
    [
      { header: 'Số', key: 'id', width: 7 },
      { header: 'Ngày nêu', key: 'raisedOn', width: 12 },
      { header: 'Chi bộ', key: 'cell', width: 30 },
      { header: 'Người nêu', key: 'raisedBy', width: 24 },
      { header: 'Nội dung', key: 'text', width: 60 },
      { header: 'Lĩnh vực', key: 'category', width: 22 },
      { header: 'Trạng thái', key: 'status', width: 22 },
      { header: 'Cấp giải quyết', key: 'level', width: 18 },
      { header: 'Đơn vị giải quyết', key: 'handler', width: 30 },
      { header: 'Hạn trả lời', key: 'due', width: 12 },
      { header: 'Quá hạn', key: 'overdue', width: 9 },
      { header: 'Trả lời', key: 'answer', width: 60 },
    ],
    { frozen: true },
  );
  for (const r of items) {
    sheet.addRow({
      id: r.id,
      raisedOn: formatVietnameseDate(r.raisedOn),
      cell: r.cellName,
      raisedBy: r.raisedBy,
      text: r.text,
      category: r.categoryLabel.vi,
      status: STATUS_VI[r.status] ?? r.status,
      level: LEVEL_VI[r.level],
      handler: r.outsideBody ? `${r.handlerName} → ${r.outsideBody}` : r.handlerName,
      due: r.dueDate ? formatVietnameseDate(r.dueDate) : '',
      overdue: r.overdue ? 'Có' : '',
      answer: r.answer ?? '',
    });
  }
  const summary = workbook.addWorksheet('Tổng hợp');
  summary.addRow([
    `Kiến nghị của ${dashboard.orgName}`,
    `${formatVietnameseDate(dashboard.from)}–${formatVietnameseDate(dashboard.to)}`,
  ]);
  summary.addRow(['Tổng số', dashboard.totals.raised]);
  summary.addRow(['Chưa trả lời', dashboard.totals.open]);
  summary.addRow(['Quá hạn', dashboard.totals.overdue]);
  summary.addRow(['Đã trả lời', dashboard.totals.answered]);
  summary.addRow(['Đã thông báo lại chi bộ', dashboard.totals.reportedBack]);
  summary.addRow(['Thời gian trả lời trung vị (ngày)', dashboard.timeToAnswer.medianDays ?? '']);
  summary.addRow(['Thời gian trả lời, 90% trong vòng (ngày)', dashboard.timeToAnswer.p90Days ?? '']);
  summary.addRow([]);
  summary.addRow(['Lĩnh vực', 'Tổng', 'Chưa trả lời', 'Quá hạn', 'Đã trả lời']).font = { bold: true };
  for (const c of dashboard.byCategory) summary.addRow([c.label.vi, c.raised, c.open, c.overdue, c.answered]);
  summary.getColumn(1).width = 40;
  return xlsxBytes(workbook);
}
