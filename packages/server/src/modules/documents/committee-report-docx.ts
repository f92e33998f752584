/**
 * A committee's periodic report upward (báo cáo tình hình sinh hoạt chi bộ, quarter or half year) as a
 * Party document: header, "BÁO CÁO" and its subject, then I. the figures (regular meetings month by
 * month, quality, thematic meetings, supervision, recommendations, each unit below), II.–V. the
 * committee's words, recipients and the signature for the collective. Every word of the header, the
 * recipients and the signature comes from the model, which took them from the organisation naming.
 */
import {
  type CommitteeReportModel,
  decimalText,
  formatVietnameseDate,
  levelLabel,
  levelTotal,
  percentOf,
  QUALITY_LEVELS,
  reportPeriodText,
  shareText,
} from '@nennep/core';
import { renderBlocksDocx } from './docx-blocks.ts';
import {
  type Block,
  headerBlock,
  labelled,
  numberedHeading,
  paragraph,
  type Run,
  recipientsColumn,
  signatureColumn,
  type TableColumn,
  textBlocks,
} from './party-layout.ts';

type Figures = CommitteeReportModel['figures'];

/** "2026-07" → "Tháng 7/2026". */
export const monthLabel = (month: string) => `Tháng ${Number(month.slice(5, 7))}/${month.slice(0, 4)}`;

const percentOrDash = (value: number | null) => (value === null ? '–' : decimalText(value));
const sum = <T>(items: readonly T[], value: (item: T) => number) =>
  items.reduce((total, item) => total + value(item), 0);

const subheading = (text: string): Block => ({
  kind: 'paragraph',
  runs: [{ text, bold: true }],
  spaceBefore: true,
});

/** A table with a leading "TT" column and a bold "Cộng" footer when `totals` is given. */
function numberedTable(columns: TableColumn[], rows: string[][], totals?: string[]): Block {
  const footer: Run[][] | undefined = totals
    ? [[{ text: '' }, { text: 'Cộng', bold: true }, ...totals.map((text) => ({ text, bold: true }))]]
    : undefined;
  return {
    kind: 'table',
    columns: [{ title: 'TT', width: 6, align: 'center' }, ...columns],
    rows: rows.map((row, i) => [String(i + 1), ...row]),
    footer,
  };
}

const count = (title: string, width = 15): TableColumn => ({ title, width, align: 'center' });

function regular(f: Figures): Block[] {
  const m = f.months;
  return [
    subheading('1. Sinh hoạt chi bộ thường kỳ'),
    numberedTable(
      [
        { title: 'Tháng', width: 34, align: 'left' },
        count('Đúng thời gian'),
        count('Muộn'),
        count('Không sinh hoạt'),
        count('Chưa đến hạn'),
      ],
      m.map((x) => [
        monthLabel(x.month),
        String(x.onTime),
        String(x.late),
        String(x.notHeld),
        String(x.pending),
      ]),
      [
        sum(m, (x) => x.onTime),
        sum(m, (x) => x.late),
        sum(m, (x) => x.notHeld),
        sum(m, (x) => x.pending),
      ].map(String),
    ),
    labelled(
      'Chi bộ sinh hoạt thường kỳ đầy đủ các tháng trong kỳ',
      shareText(f.regular.fullCells, f.cells, 'chi bộ'),
    ),
  ];
}

function quality(f: Figures): Block[] {
  const rated = levelTotal(f.levels);
  return [
    subheading('2. Chất lượng sinh hoạt chi bộ thường kỳ'),
    numberedTable(
      [{ title: 'Xếp loại', width: 44, align: 'left' }, count('Số buổi', 25), count('Tỷ lệ (%)', 25)],
      QUALITY_LEVELS.map((l) => [
        levelLabel(l, 'vi'),
        String(f.levels[l]),
        percentOrDash(percentOf(f.levels[l], rated)),
      ]),
      [String(rated), rated > 0 ? '100' : '–'],
    ),
    labelled(
      'Tỷ lệ đảng viên dự sinh hoạt bình quân',
      f.attendancePercent === null ? 'chưa có số liệu' : `${decimalText(f.attendancePercent)}%`,
    ),
    labelled(
      'Tỷ lệ đảng viên dự họp phát biểu ý kiến bình quân',
      f.speakingPercent === null ? 'chưa có số liệu' : `${decimalText(f.speakingPercent)}%`,
    ),
  ];
}

function supervision(f: Figures): Block[] {
  const heading = subheading('4. Cấp ủy cấp trên dự sinh hoạt chi bộ');
  const s = f.supervision;
  if (!s) return [heading, paragraph('Chỉ tiêu dự sinh hoạt chi bộ không tính theo kỳ báo cáo này.')];
  const p = s.periods;
  return [
    heading,
    labelled('Chỉ tiêu', s.target),
    numberedTable(
      [
        { title: 'Kỳ', width: 30, align: 'left' },
        count('Chi bộ thuộc chỉ tiêu', 16),
        count('Đã dự', 16),
        count('Chưa dự', 16),
        count('Quá hạn', 16),
      ],
      p.map((x) => [x.label, String(x.targetCells), String(x.visited), String(x.toVisit), String(x.overdue)]),
      p.length > 1
        ? [
            sum(p, (x) => x.targetCells),
            sum(p, (x) => x.visited),
            sum(p, (x) => x.toVisit),
            sum(p, (x) => x.overdue),
          ].map(String)
        : undefined,
    ),
  ];
}

function units(f: Figures): Block[] {
  if (f.units.length === 0) return [];
  const u = f.units;
  const small = (title: string) => count(title, 7);
  return [
    subheading('6. Kết quả theo đơn vị'),
    numberedTable(
      [
        { title: f.unitKind === 'cells' ? 'Chi bộ' : 'Đơn vị', width: 28, align: 'left' },
        count('Số chi bộ', 8),
        count('Đã / phải sinh hoạt', 12),
        count('Đúng thời gian', 9),
        small('Tốt'),
        small('Khá'),
        small('TB'),
        small('Kém'),
        count('Dự họp (%)', 9),
      ],
      u.map((x) => [
        x.name,
        String(x.cells),
        `${x.held}/${x.expected}`,
        String(x.onTime),
        ...QUALITY_LEVELS.map((l) => String(x.levels[l])),
        percentOrDash(x.attendancePercent),
      ]),
      [
        String(sum(u, (x) => x.cells)),
        `${sum(u, (x) => x.held)}/${sum(u, (x) => x.expected)}`,
        String(sum(u, (x) => x.onTime)),
        ...QUALITY_LEVELS.map((l) => String(sum(u, (x) => x.levels[l]))),
        percentOrDash(f.attendancePercent),
      ],
    ),
  ];
}

function facts(model: CommitteeReportModel): Block[] {
  const f = model.figures;
  const r = f.recommendations;
  return [
    labelled('Tổng số chi bộ', `${f.cells} chi bộ`),
    labelled('Số liệu tính đến ngày', formatVietnameseDate(f.asOf)),
    ...regular(f),
    ...quality(f),
    subheading('3. Sinh hoạt chuyên đề'),
    labelled(
      'Chi bộ tổ chức sinh hoạt chuyên đề',
      `${shareText(f.thematic.cells, f.cells, 'chi bộ')}; ${f.thematic.meetings} buổi`,
    ),
    ...supervision(f),
    subheading('5. Kiến nghị, đề xuất của đảng viên'),
    labelled(
      'Số kiến nghị, đề xuất tiếp nhận',
      `${r.raised} (đã trả lời: ${r.answered}; đang giải quyết: ${r.open}, trong đó quá hạn: ${r.overdue})`,
    ),
    ...units(f),
  ];
}

/** The subject line under "BÁO CÁO": "Tình hình sinh hoạt chi bộ quý III năm 2026". */
export const committeeReportSubject = (model: CommitteeReportModel) =>
  `Tình hình sinh hoạt chi bộ ${reportPeriodText(model.period)}`;

const words = (text: string, none: string): Block[] => {
  const blocks = textBlocks(text);
  return blocks.length > 0 ? blocks : [paragraph(none)];
};

/** The report as layout blocks. */
export function committeeReportBlocks(model: CommitteeReportModel): Block[] {
  const { period, words: w } = model;
  const blocks: Block[] = [
    headerBlock(model.header),
    { kind: 'title', text: 'BÁO CÁO' },
    { kind: 'subtitle', text: committeeReportSubject(model) },
    { kind: 'rule' },
    paragraph(
      `Thực hiện chế độ thông tin, báo cáo, ${model.issuerName} báo cáo tình hình sinh hoạt chi bộ ` +
        `${reportPeriodText(period)} (từ ngày ${formatVietnameseDate(period.from)} đến ngày ` +
        `${formatVietnameseDate(period.to)}) như sau:`,
    ),
  ];
  let part = 0;
  const section = (title: string, body: Block[]) => {
    part += 1;
    blocks.push({ kind: 'heading', text: numberedHeading(part, title) }, ...body);
  };
  section('TÌNH HÌNH SINH HOẠT CHI BỘ', facts(model));
  section('ĐÁNH GIÁ CHUNG', words(w.assessment, 'Không có.'));
  section('HẠN CHẾ, NGUYÊN NHÂN', words(w.shortcomings, 'Không có.'));
  section('PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI', words(w.directions, 'Không có.'));
  section('KIẾN NGHỊ, ĐỀ XUẤT', words(w.proposals, 'Không có kiến nghị, đề xuất.'));

  blocks.push({
    kind: 'columns',
    left: recipientsColumn(model.recipients),
    right: signatureColumn({ onBehalf: model.onBehalf, title: [w.signerTitle], name: w.signerName }),
  });
  return blocks;
}

/** The report as a DOCX (Times New Roman, A4, HD 36 layout). Same model, same bytes. */
export function renderCommitteeReportDocx(model: CommitteeReportModel): Promise<Buffer> {
  return renderBlocksDocx(committeeReportBlocks(model), {
    title: `BÁO CÁO ${committeeReportSubject(model)}`,
    subject: model.header.number,
    header: { placeDate: model.header.placeDate },
  });
}
