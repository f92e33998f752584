/**
 * The report of the year's review (issue 15 point 5): "Báo cáo kết quả đánh giá, xếp loại chất lượng tổ chức
 * đảng và đảng viên năm YYYY" of a committee over its subtree — organisations and members by the level decided
 * (count and share of those rated, one decimal), then the figures of each unit below it — as a Party document
 * (HD 36-HD/VPTW layout: header "ĐẢNG CỘNG SẢN VIỆT NAM", the committee, number and date line; the levels of
 * QĐ 366-QĐ/TW art. 11). The figures are those of `GET /api/ratings/summary`, counted the same way.
 */
import {
  countsSummary,
  isoDateInVietnam,
  placeDateLine,
  RATED_ORG_KINDS,
  RATING_LEVEL_LABELS,
  RATING_LEVELS,
  type RatingCountsDto,
  type RatingLevel,
  type RatingPeriod,
  type RatingSummaryDto,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { renderBlocksDocx } from '../documents/docx-blocks.ts';
import {
  type Block,
  headerBlock,
  numberedHeading,
  paragraph,
  points,
  type Run,
  recipientsColumn,
  signatureColumn,
  type TableColumn,
} from '../documents/party-layout.ts';
import { issuerOf } from '../orgs/naming.ts';
import { ratingSummary } from './summary.ts';

/** One unit below the committee, with the figures of its subtree. */
export interface RatingReportUnit {
  code: string;
  name: string;
  organisations: RatingCountsDto;
  members: RatingCountsDto;
}

export interface RatingReportModel {
  summary: RatingSummaryDto;
  /** The units of each level below the committee: [0] its children, [1] their children … */
  levels: RatingReportUnit[][];
  header: { superior: string; issuer: string; number: string; placeDate: string };
  committeeName: string;
  onBehalf: string;
  preparedBy: string;
  /** "năm 2026", "quý I năm 2026". */
  periodText: string;
}

/** How many levels of the tree below the committee the report goes down (children, grandchildren, …). */
export const REPORT_DEPTH = 3;

const QUARTER: Record<Exclude<RatingPeriod, 'year'>, string> = { Q1: 'quý I', Q2: 'quý II', Q3: 'quý III' };
export const periodText = (year: number, period: RatingPeriod) =>
  period === 'year' ? `năm ${year}` : `${QUARTER[period]} năm ${year}`;

/** The figures of every node `below` levels under the org, over each node's subtree (as the summary counts). */
async function unitsAt(
  db: Db,
  org: { path: string; depth: number },
  below: number,
  year: number,
  period: RatingPeriod,
): Promise<RatingReportUnit[]> {
  const depth = org.depth + below;
  const nodes = await rows<{ id: number; code: string; name: string; path: string }>(
    db,
    sql`SELECT o.id::int AS id, o.code, o.name, o.path FROM orgs o LEFT JOIN orgs p ON p.id = o.parent_id
        WHERE o.path LIKE ${`${org.path}%`} AND o.depth = ${depth}
        ORDER BY p.sort_key, p.id, o.sort_key, o.id`,
  );
  if (nodes.length === 0) return [];
  const counted = await rows<{ path: string; subject: 'org' | 'member'; level: RatingLevel; n: number }>(
    db,
    sql`SELECT n.path, r.subject, r.decision_level AS level, count(*)::int AS n
        FROM orgs n JOIN ratings r ON r.org_path LIKE n.path || '%'
        LEFT JOIN orgs o ON r.subject = 'org' AND o.id = r.subject_id
        WHERE n.path LIKE ${`${org.path}%`} AND n.depth = ${depth}
          AND r.year = ${year} AND r.period = ${period}
          AND r.decision_level IS NOT NULL AND r.not_rated_reason IS NULL
          AND (r.subject = 'member' OR o.kind IN (${sql.join(
            RATED_ORG_KINDS.map((k) => sql`${k}`),
            sql`, `,
          )}))
        GROUP BY n.path, r.subject, r.decision_level`,
  );
  const of = (path: string, subject: 'org' | 'member') =>
    countsSummary(
      Object.fromEntries(
        counted.filter((c) => c.path === path && c.subject === subject).map((c) => [c.level, c.n]),
      ),
    );
  return nodes.map((n) => ({
    code: n.code,
    name: n.name,
    organisations: of(n.path, 'org'),
    members: of(n.path, 'member'),
  }));
}

/** The report's model, dated by the injected clock's day (Vietnam). */
export async function ratingReportModel(
  db: Db,
  org: { code: string; path: string; depth: number },
  year: number,
  period: RatingPeriod,
  preparedBy: string,
  now: Date,
): Promise<RatingReportModel> {
  const summary = await ratingSummary(db, org, year, period);
  const levels: RatingReportUnit[][] = [];
  for (let below = 1; below <= REPORT_DEPTH; below++) {
    const units = await unitsAt(db, org, below, year, period);
    if (units.length === 0) break;
    levels.push(units);
  }
  const { own, heading } = await issuerOf(db, org);
  return {
    summary,
    levels,
    header: {
      superior: heading.superior,
      issuer: heading.issuer,
      number: `Số    -BC/${own.symbol}`,
      placeDate: placeDateLine(own.placeName, isoDateInVietnam(now)),
    },
    committeeName: own.issuerName,
    onBehalf: own.onBehalf,
    preparedBy,
    periodText: periodText(year, period),
  };
}

/** "18,4" — one decimal with the Vietnamese comma, a whole share without it. */
export const percentText = (value: number) => points(value);

function levelTable(counts: RatingCountsDto): Block {
  const columns: TableColumn[] = [
    { title: 'TT', width: 8, align: 'center' },
    { title: 'Mức xếp loại', width: 52, align: 'left' },
    { title: 'Số lượng', width: 20, align: 'center' },
    { title: 'Tỷ lệ (%)', width: 20, align: 'center' },
  ];
  const footer: Run[][] = [
    [
      { text: '' },
      { text: 'Cộng (được xếp loại)', bold: true },
      { text: String(counts.rated), bold: true },
      { text: counts.rated > 0 ? '100' : '0', bold: true },
    ],
  ];
  return {
    kind: 'table',
    columns,
    rows: RATING_LEVELS.map((level, i) => [
      String(i + 1),
      RATING_LEVEL_LABELS[level].vi,
      String(counts.byLevel[level]),
      percentText(counts.percent[level]),
    ]),
    footer,
  };
}

/** "9/49 (18,4%)": a level's count of those rated and its share. */
const cellOf = (counts: RatingCountsDto, level: RatingLevel) =>
  `${counts.byLevel[level]} (${percentText(counts.percent[level])}%)`;

function unitTable(units: RatingReportUnit[]): Block {
  const narrow = (title: string): TableColumn => ({ title, width: 10, align: 'center' });
  return {
    kind: 'table',
    columns: [
      { title: 'TT', width: 6, align: 'center' },
      { title: 'Đơn vị', width: 24, align: 'left' },
      narrow('Tổ chức được xếp loại'),
      narrow('Tổ chức HTXSNV'),
      narrow('Tổ chức HTTNV'),
      narrow('Tổ chức HTNV, KHTNV'),
      narrow('Đảng viên được xếp loại'),
      narrow('Đảng viên HTXSNV và HTTNV'),
      narrow('Đảng viên KHTNV'),
    ],
    rows: units.map((u, i) => {
      const o = u.organisations;
      const m = u.members;
      const both = (c: RatingCountsDto, a: RatingLevel, b: RatingLevel) =>
        String(c.byLevel[a] + c.byLevel[b]);
      return [
        String(i + 1),
        u.name,
        String(o.rated),
        cellOf(o, 'excellent'),
        cellOf(o, 'good'),
        both(o, 'completed', 'failed'),
        String(m.rated),
        both(m, 'excellent', 'good'),
        String(m.byLevel.failed),
      ];
    }),
  };
}

/** The sentence a part opens with: "49 tổ chức được xếp loại: 9 hoàn thành xuất sắc nhiệm vụ (18,4%), …". */
function sentence(counts: RatingCountsDto, unit: string): Block {
  if (counts.rated === 0)
    return paragraph(`Chưa có ${unit} được quyết định xếp loại trong kỳ.`, { indent: true });
  const parts = RATING_LEVELS.map(
    (level) =>
      `${counts.byLevel[level]} ${RATING_LEVEL_LABELS[level].vi.toLocaleLowerCase('vi')} (${percentText(counts.percent[level])}%)`,
  );
  return paragraph(`Tổng số ${counts.rated} ${unit} được xếp loại: ${parts.join('; ')}.`, { indent: true });
}

export const reportTitle = (model: Pick<RatingReportModel, 'periodText'>) =>
  `Kết quả đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên ${model.periodText}`;

/** The report as layout blocks. */
export function ratingReportBlocks(model: RatingReportModel): Block[] {
  const blocks: Block[] = [
    headerBlock(model.header),
    { kind: 'title', text: 'BÁO CÁO' },
    { kind: 'subtitle', text: reportTitle(model) },
    { kind: 'rule' },
    paragraph(
      `Thực hiện Quy định số 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị và Hướng dẫn số 43-HD/BTCTW của Ban Tổ ` +
        `chức Trung ương, ${model.committeeName} báo cáo kết quả đánh giá, xếp loại chất lượng tổ chức đảng và ` +
        `đảng viên ${model.periodText} như sau:`,
      { indent: true },
    ),
    { kind: 'heading', text: numberedHeading(1, 'KẾT QUẢ XẾP LOẠI TỔ CHỨC ĐẢNG') },
    sentence(model.summary.organisations, 'tổ chức cơ sở đảng và chi bộ'),
    levelTable(model.summary.organisations),
    { kind: 'heading', text: numberedHeading(2, 'KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN') },
    sentence(model.summary.members, 'đảng viên'),
    levelTable(model.summary.members),
    { kind: 'heading', text: numberedHeading(3, 'KẾT QUẢ THEO ĐƠN VỊ TRỰC THUỘC') },
  ];
  const [children] = model.levels;
  blocks.push(children?.length ? unitTable(children) : paragraph('Không có đơn vị trực thuộc.'));
  blocks.push(
    paragraph(
      'Số liệu từng cấp đơn vị (đến chi bộ) kèm theo bảng tính. Tỷ lệ tính trên số được xếp loại; đảng viên ' +
        'không thuộc diện đánh giá, xếp loại không tính vào.',
      { indent: true },
    ),
    {
      kind: 'columns',
      left: recipientsColumn(['Cấp ủy cấp trên', 'Các tổ chức cơ sở đảng trực thuộc', 'Lưu VT']),
      right: signatureColumn({ onBehalf: model.onBehalf, title: [], name: model.preparedBy }),
    },
  );
  return blocks;
}

/** The report as a DOCX (A4, HD 36 layout). Same model, same bytes. */
export function renderRatingReportDocx(model: RatingReportModel): Promise<Buffer> {
  return renderBlocksDocx(ratingReportBlocks(model), {
    title: `BÁO CÁO ${reportTitle(model)}`,
    subject: model.header.number,
    header: { placeDate: model.header.placeDate },
  });
}
