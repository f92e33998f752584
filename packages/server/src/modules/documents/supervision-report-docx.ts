/**
 * The quarterly supervision report (báo cáo kết quả dự sinh hoạt chi bộ, domain.md §4) as a Party document:
 * header, "BÁO CÁO" and its subject, then I. coverage, II. results (by unit, per visit with the cell's own
 * score beside the visitor's, levels counted both ways, visits per visitor and per group), III. members'
 * recommendations, IV. issues for the committee, V. cells not visited, then "Nơi nhận" and the signature
 * for the collective ("T/M BAN THƯỜNG VỤ" or "T/M ĐẢNG ỦY", the signer's title and name; HD 36-HD/VPTW).
 */
import {
  formatVietnameseDate,
  levelLabel,
  QUALITY_LEVELS,
  type QualityLevel,
  type SupervisionReportModel,
} from '@nennep/core';
import { renderBlocksDocx } from './docx-blocks.ts';
import {
  type Block,
  bullet,
  headerBlock,
  labelled,
  numberedHeading,
  paragraph,
  points,
  type Run,
  recipientsColumn,
  signatureColumn,
  type TableColumn,
} from './party-layout.ts';

type Visit = SupervisionReportModel['visits'][number];

/**
 * A report issued before it carried its signature and recipients: it printed the preparer as signer.
 * Issued reports never change, so their frozen models still print as they were issued.
 */
export type FrozenSupervisionReport = Omit<SupervisionReportModel, 'signature' | 'recipients'>;
type AnyReport = SupervisionReportModel | FrozenSupervisionReport;
type Note = SupervisionReportModel['recommendations'][number];

/** "Quý I/2027" → "quý I/2027", as it reads inside a sentence. */
const inSentence = (label: string) => label.charAt(0).toLocaleLowerCase('vi') + label.slice(1);

/** "215-BC/HU" or "Số 215-BC/HU" → "Số 215-BC/HU". */
export const documentNumber = (number: string) => `Số ${number.replace(/^Số\s+/u, '')}`;

/** "Đảng bộ xã Tân Hội" → "xã Tân Hội": the unit beside a cell's name. */
const unitShort = (unit: string) => unit.replace(/^Đảng bộ\s+/u, '');

/** "13/16 chi bộ (81,3%)"; the share is left out when there is nothing to divide by. */
function share(part: number, whole: number, unit: string): string {
  if (whole <= 0) return `${part} ${unit}`;
  const percent = Math.round((part * 1000) / whole) / 10;
  return `${part}/${whole} ${unit} (${points(percent)}%)`;
}

/** "+3", "-7", "0": the visitor's total less the cell's own. */
const signed = (value: number) => (value > 0 ? `+${points(value)}` : points(value));

export const gapOf = (visit: Visit): number | null =>
  visit.visitorTotal !== null && visit.cellTotal !== null ? visit.visitorTotal - visit.cellTotal : null;

function cellScore(visit: Visit): string {
  if (visit.cellTotal === null || visit.cellLevel === null) return 'Chưa tự chấm';
  return `${points(visit.cellTotal)} – ${levelLabel(visit.cellLevel, 'vi')}`;
}

function visitorScore(visit: Visit): string {
  if (!visit.attended) return 'Không dự được';
  if (visit.visitorTotal === null || visit.visitorLevel === null) return 'Chưa báo cáo';
  return `${points(visit.visitorTotal)} – ${levelLabel(visit.visitorLevel, 'vi')}`;
}

const subheading = (text: string): Block => ({
  kind: 'paragraph',
  runs: [{ text, bold: true }],
  spaceBefore: true,
});

const sum = <T>(items: T[], value: (item: T) => number) =>
  items.reduce((total, item) => total + value(item), 0);

/** A table with a leading "TT" column and a bold "Cộng" footer when `totals` is given. */
function numberedTable(columns: TableColumn[], rows: string[][], totals?: string[]): Block {
  const footer: Run[][] | undefined = totals
    ? [[{ text: '' }, { text: 'Cộng', bold: true }, ...totals.map((text) => ({ text, bold: true }))]]
    : undefined;
  return {
    kind: 'table',
    columns: [{ title: 'TT', width: 7, align: 'center' }, ...columns],
    rows: rows.map((row, i) => [String(i + 1), ...row]),
    footer,
  };
}

function coverage(model: AnyReport): Block[] {
  const t = model.totals;
  const date = formatVietnameseDate;
  return [
    labelled('Chỉ tiêu', model.rulesSummary),
    labelled(
      'Thời gian dự theo chỉ tiêu',
      `từ ngày ${date(model.period.windowFrom)} đến ngày ${date(model.period.windowTo)}`,
    ),
    labelled('Số chi bộ thuộc chỉ tiêu', `${t.targetCells} chi bộ`),
    labelled('Số chi bộ đã được dự sinh hoạt', share(t.visited, t.targetCells, 'chi bộ')),
    labelled(
      'Số chi bộ chưa được dự sinh hoạt',
      `${t.toVisit} chi bộ (đã có lịch dự: ${t.planned}; quá hạn chưa dự: ${t.overdue})`,
    ),
    labelled(
      'Số lượt dự',
      `${t.visits} lượt (có mặt dự: ${t.attended}; đã báo cáo kết quả: ${t.reported}; ` +
        `báo cáo quá hạn: ${t.reportsOverdue})`,
    ),
  ];
}

function byUnit(model: AnyReport): Block {
  const units = model.byUnit;
  return numberedTable(
    [
      { title: 'Đơn vị', width: 41, align: 'left' },
      { title: 'Chi bộ thuộc chỉ tiêu', width: 13, align: 'center' },
      { title: 'Đã dự', width: 13, align: 'center' },
      { title: 'Chưa dự', width: 13, align: 'center' },
      { title: 'Quá hạn', width: 13, align: 'center' },
    ],
    units.map((u) => [
      u.name,
      String(u.targetCells),
      String(u.visited),
      String(u.toVisit),
      String(u.overdue),
    ]),
    [
      sum(units, (u) => u.targetCells),
      sum(units, (u) => u.visited),
      sum(units, (u) => u.toVisit),
      sum(units, (u) => u.overdue),
    ].map(String),
  );
}

function perVisit(model: AnyReport): Block[] {
  if (model.visits.length === 0) return [paragraph('Chưa có lượt dự sinh hoạt nào trong kỳ.')];
  return [
    numberedTable(
      [
        { title: 'Chi bộ', width: 23, align: 'left' },
        { title: 'Ngày dự', width: 15, align: 'center' },
        { title: 'Người dự', width: 21, align: 'left' },
        { title: 'Chi bộ tự chấm', width: 12, align: 'center' },
        { title: 'Người dự chấm', width: 13, align: 'center' },
        { title: 'Chênh lệch', width: 9, align: 'center' },
      ],
      model.visits.map((v) => {
        const gap = gapOf(v);
        return [
          v.unitName ? `${v.cellName} (${unitShort(v.unitName)})` : v.cellName,
          formatVietnameseDate(v.date),
          v.visitorName,
          cellScore(v),
          visitorScore(v),
          gap === null ? '' : signed(gap),
        ];
      }),
    ),
    paragraph('Chênh lệch: điểm người dự chấm trừ điểm chi bộ tự chấm.'),
  ];
}

/** How the visitors' levels compare with the cells' own, over the visits that have both. */
export function levelComparison(visits: Visit[]) {
  const rank = (level: QualityLevel) => QUALITY_LEVELS.indexOf(level);
  const both = visits.filter((v) => v.cellLevel !== null && v.visitorLevel !== null);
  const diff = (v: Visit) => rank(v.visitorLevel ?? 'poor') - rank(v.cellLevel ?? 'poor');
  const gaps = visits.map(gapOf).filter((gap): gap is number => gap !== null);
  return {
    compared: both.length,
    lower: both.filter((v) => diff(v) > 0).length,
    same: both.filter((v) => diff(v) === 0).length,
    higher: both.filter((v) => diff(v) < 0).length,
    meanGap: gaps.length > 0 ? Math.round((sum(gaps, (g) => g) * 10) / gaps.length) / 10 : null,
  };
}

function levels(model: AnyReport): Block[] {
  const { cell, visitor } = model.levels;
  const blocks: Block[] = [
    numberedTable(
      [
        { title: 'Xếp loại', width: 37, align: 'left' },
        { title: 'Chi bộ tự xếp loại', width: 28, align: 'center' },
        { title: 'Người dự xếp loại', width: 28, align: 'center' },
      ],
      QUALITY_LEVELS.map((level) => [levelLabel(level, 'vi'), String(cell[level]), String(visitor[level])]),
      [sum([...QUALITY_LEVELS], (l) => cell[l]), sum([...QUALITY_LEVELS], (l) => visitor[l])].map(String),
    ),
  ];
  const c = levelComparison(model.visits);
  if (c.compared > 0) {
    blocks.push(
      paragraph(
        `Trong ${c.compared} buổi sinh hoạt có cả hai kết quả, người dự xếp loại thấp hơn chi bộ tự xếp loại ` +
          `${c.lower} buổi, bằng ${c.same} buổi, cao hơn ${c.higher} buổi.`,
      ),
    );
  }
  if (c.meanGap !== null && c.meanGap !== 0) {
    const direction = c.meanGap < 0 ? 'thấp hơn' : 'cao hơn';
    blocks.push(
      paragraph(
        `Bình quân, điểm người dự chấm ${direction} điểm chi bộ tự chấm ${points(Math.abs(c.meanGap))} điểm.`,
      ),
    );
  }
  return blocks;
}

function load(model: AnyReport): Block[] {
  const columns = (who: string): TableColumn[] => [
    { title: who, width: 53, align: 'left' },
    { title: 'Số lượt được phân công', width: 20, align: 'center' },
    { title: 'Đã báo cáo', width: 20, align: 'center' },
  ];
  const table = (who: string, rows: { name: string; planned: number; reported: number }[]) =>
    numberedTable(
      columns(who),
      rows.map((r) => [r.name, String(r.planned), String(r.reported)]),
      [sum(rows, (r) => r.planned), sum(rows, (r) => r.reported)].map(String),
    );
  const blocks: Block[] = [];
  if (model.byVisitor.length > 0)
    blocks.push(paragraph('a) Theo người dự:'), table('Người dự', model.byVisitor));
  if (model.byGroup.length > 0) {
    blocks.push(paragraph('b) Theo tổ công tác:'), table('Tổ công tác', model.byGroup));
  }
  return blocks.length > 0 ? blocks : [paragraph('Chưa phân công người dự.')];
}

function notes(items: Note[], none: string): Block[] {
  if (items.length === 0) return [paragraph(none)];
  return items.map((item) => bullet([{ text: `${item.cellName}: `, bold: true }, { text: item.text }]));
}

function notVisited(model: AnyReport): Block[] {
  if (model.notVisited.length === 0) {
    return [paragraph('Tất cả chi bộ thuộc chỉ tiêu đã được dự sinh hoạt.')];
  }
  return [
    numberedTable(
      [
        { title: 'Chi bộ', width: 30, align: 'left' },
        { title: 'Đơn vị', width: 23, align: 'left' },
        { title: 'Lý do', width: 40, align: 'left' },
      ],
      model.notVisited.map((n) => [n.cellName, n.unitName ?? '', n.reason]),
    ),
  ];
}

/** The subject line under "BÁO CÁO". */
export const reportSubject = (model: AnyReport) =>
  `Kết quả dự sinh hoạt chi bộ ${inSentence(model.period.label.vi)}`;

/** "Nơi nhận" and the signature: for the collective, or (a frozen older report) by the preparer. */
function closing(model: AnyReport): Block {
  if ('signature' in model) {
    const { onBehalf, title, name } = model.signature;
    return {
      kind: 'columns',
      left: recipientsColumn(model.recipients),
      right: signatureColumn({ onBehalf, title: [title], name }),
    };
  }
  return {
    kind: 'columns',
    left: recipientsColumn([
      `Ban Thường vụ ${model.committeeName} (để báo cáo)`,
      'Các tổ công tác, đồng chí được phân công dự sinh hoạt',
      'Các tổ chức cơ sở đảng có chi bộ được dự',
      'Lưu VT',
    ]),
    right: signatureColumn({ title: ['NGƯỜI LẬP BÁO CÁO'], name: model.preparedBy, hint: true }),
  };
}

/** The report as layout blocks. */
export function supervisionReportBlocks(model: AnyReport): Block[] {
  const period = model.period;
  const blocks: Block[] = [
    headerBlock({
      superior: model.parentName ?? '',
      issuer: model.committeeName,
      number: documentNumber(model.documentNumber),
      placeDate: model.placeDateLine,
    }),
    { kind: 'title', text: 'BÁO CÁO' },
    { kind: 'subtitle', text: reportSubject(model) },
    { kind: 'rule' },
    paragraph(
      `${model.committeeName} báo cáo kết quả dự sinh hoạt chi bộ ${inSentence(period.label.vi)} ` +
        `(từ ngày ${formatVietnameseDate(period.from)} đến ngày ${formatVietnameseDate(period.to)}) như sau:`,
    ),
  ];
  let part = 0;
  const section = (title: string, body: Block[]) => {
    part += 1;
    blocks.push({ kind: 'heading', text: numberedHeading(part, title) }, ...body);
  };
  section('TÌNH HÌNH CHUNG', coverage(model));
  section('KẾT QUẢ DỰ SINH HOẠT', [
    subheading('1. Kết quả theo đơn vị'),
    byUnit(model),
    subheading('2. Chất lượng các buổi sinh hoạt được dự'),
    ...perVisit(model),
    subheading('3. Xếp loại chất lượng: chi bộ tự xếp loại và người dự xếp loại'),
    ...levels(model),
    subheading('4. Lượt dự của người dự và tổ công tác'),
    ...load(model),
  ]);
  section(
    'KIẾN NGHỊ, ĐỀ XUẤT CỦA ĐẢNG VIÊN',
    notes(model.recommendations, 'Không có kiến nghị, đề xuất của đảng viên.'),
  );
  section('NHỮNG VẤN ĐỀ CẦN CẤP ỦY CHỈ ĐẠO', notes(model.issues, 'Không có vấn đề cần cấp ủy chỉ đạo.'));
  section('CHI BỘ CHƯA ĐƯỢC DỰ SINH HOẠT', notVisited(model));

  blocks.push(closing(model));
  return blocks;
}

/** The report as a DOCX (Times New Roman, A4, HD 36 layout). Same model, same bytes. */
export function renderSupervisionReportDocx(model: AnyReport): Promise<Buffer> {
  return renderBlocksDocx(supervisionReportBlocks(model), {
    title: `BÁO CÁO ${reportSubject(model)}`,
    subject: documentNumber(model.documentNumber),
    header: { placeDate: model.placeDateLine },
  });
}
