/**
 * Writes layout blocks (`party-layout.ts`) as a DOCX in Times New Roman, and makes its bytes repeatable.
 * The minutes and the resolution share this; only their blocks differ.
 */
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { coreXml, documentDate, normaliseZip } from './deterministic.ts';
import {
  type Align,
  type Block,
  type ColumnLine,
  columnStyle,
  HD36,
  type Hd36Element,
  HEADER_LEFT_SHARE,
  PAGE,
  PARTY_NAME,
  PRODUCER,
  printable,
  type Run,
  SIZE,
  styleOf,
} from './party-layout.ts';

const FONT = 'Times New Roman';
const twip = (mm: number) => Math.round(convertMillimetersToTwip(mm));
const TEXT_WIDTH = twip(PAGE.widthMm - PAGE.leftMm - PAGE.rightMm);
const FIRST_LINE = twip(10);
const half = (pt: number) => pt * 2;

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

const LINE = { single: 240, body: 276 };
/** Paragraph spacing in twips; the line height is a multiple of single spacing (240 = single). */
const spacing = (before: number, after: number, line: number = LINE.single) => ({
  before,
  after,
  line,
  lineRule: LineRuleType.AUTO,
});
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const CELL_BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN };

function runs(items: Run[], size: number): TextRun[] {
  return items.map(
    (run) =>
      new TextRun({
        text: printable(run.text),
        bold: run.bold,
        italics: run.italics,
        underline: run.underline ? {} : undefined,
        size: half(size),
      }),
  );
}

/** A centred line of the header, typed as HD 36 sets `element`. */
function line(text: string, element: Hd36Element): Paragraph {
  const { size, ...style } = styleOf(element);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: spacing(0, 0, LINE.single),
    children: runs([{ text, ...style }], size),
  });
}

/** A borderless table: the header block and the signature block are laid out in two columns. */
function twoColumns(left: Paragraph[], right: Paragraph[], leftShare: number): Table {
  const leftWidth = Math.round((TEXT_WIDTH * leftShare) / 100);
  const widths = [leftWidth, TEXT_WIDTH - leftWidth];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [left, right].map(
          (children, i) =>
            new TableCell({
              children,
              width: { size: widths[i] ?? 0, type: WidthType.DXA },
              borders: TableBorders.NONE,
            }),
        ),
      }),
    ],
  });
}

/** The Party header: superior, issuer, "*", number on the left; the Party's name and place-date on the right. */
function header(block: Extract<Block, { kind: 'header' }>): Table {
  const h = block.header;
  const left = [
    line(h.superior, 'superior'),
    line(h.issuer, 'issuer'),
    line('*', 'star'),
    line(h.number, 'number'),
  ];
  const right = [
    line(PARTY_NAME, 'party'),
    // The rule under the Party's name: a bottom border on an empty, narrowed, tiny paragraph.
    new Paragraph({
      alignment: AlignmentType.CENTER,
      indent: { left: twip(16), right: twip(16) },
      spacing: spacing(0, 0, LINE.single),
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
      run: { size: 4 },
      children: [],
    }),
    new Paragraph({ spacing: spacing(0, 0, LINE.single), run: { size: 16 }, children: [] }),
    line(h.placeDate, 'placeDate'),
  ];
  return twoColumns(left, right, HEADER_LEFT_SHARE);
}

function table(block: Extract<Block, { kind: 'table' }>): Table {
  const widths = block.columns.map((column) => Math.round((TEXT_WIDTH * column.width) / 100));
  const cell = (children: Paragraph[], i: number) =>
    new TableCell({
      children,
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      borders: CELL_BORDERS,
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
    });
  const para = (items: Run[], align: Align) =>
    new Paragraph({
      alignment: ALIGN[align],
      spacing: spacing(0, 0, LINE.single),
      children: runs(items, SIZE.table),
    });
  const head = new TableRow({
    tableHeader: true,
    children: block.columns.map((column, i) =>
      cell([para([{ text: column.title, bold: true }], 'center')], i),
    ),
  });
  const body = block.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: block.columns.map((column, i) => cell([para([{ text: row[i] ?? '' }], column.align)], i)),
      }),
  );
  const footer = (block.footer ?? []).map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: block.columns.map((column, i) => cell([para(row[i] ? [row[i]] : [], column.align)], i)),
      }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [head, ...body, ...footer],
  });
}

function column(lines: ColumnLine[]): Paragraph[] {
  return lines.map((item) => {
    const { size, ...style } = columnStyle(item.role);
    return new Paragraph({
      alignment: ALIGN[item.align ?? 'left'],
      spacing: spacing(0, 0, LINE.single),
      children: item.text ? runs([{ text: item.text, ...style }], size) : [],
    });
  });
}

function blockToDocx(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'header':
      return [header(block)];
    case 'title':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: spacing(360, 0),
          keepNext: true,
          children: runs([{ text: block.text, ...styleOf('typeName') }], HD36.typeName.size),
        }),
      ];
    case 'subtitle':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: spacing(0, 120),
          keepNext: true,
          children: runs([{ text: block.text, ...styleOf('subject') }], HD36.subject.size),
        }),
      ];
    case 'rule':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          indent: { left: twip(62), right: twip(62) },
          spacing: spacing(0, 240, LINE.single),
          border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
          run: { size: 4 },
          children: [],
        }),
      ];
    case 'heading':
      return [
        new Paragraph({
          alignment: ALIGN[block.align ?? 'left'],
          spacing: spacing(block.spaceBefore ? 480 : 160, 60, LINE.body),
          keepNext: true,
          children: runs([{ text: block.text, ...styleOf('heading') }], HD36.heading.size),
        }),
      ];
    case 'paragraph': {
      const items = block.bullet ? [{ text: '- ' }, ...block.runs] : block.runs;
      return [
        new Paragraph({
          alignment: ALIGN[block.align ?? 'justify'],
          indent: block.indent || block.bullet ? { firstLine: FIRST_LINE } : undefined,
          spacing: spacing(block.spaceBefore ? 120 : 0, 60, LINE.body),
          children: runs(items, HD36.body.size),
        }),
      ];
    }
    case 'table':
      return [table(block), new Paragraph({ spacing: spacing(0, 60), children: [] })];
    case 'columns':
      return [
        new Paragraph({ spacing: spacing(120, 0), children: [] }),
        twoColumns(column(block.left), column(block.right), 45),
      ];
  }
}

export interface DocxMeta {
  title: string;
  subject: string;
  header: { placeDate: string };
}

/** The DOCX of a list of blocks, with fixed document properties and zip entry dates. */
export async function renderBlocksDocx(blocks: Block[], meta: DocxMeta): Promise<Buffer> {
  const doc = new Document({
    creator: PRODUCER,
    lastModifiedBy: PRODUCER,
    title: meta.title,
    subject: meta.subject,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: half(HD36.body.size) },
          paragraph: { spacing: spacing(0, 0) },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twip(PAGE.widthMm), height: twip(PAGE.heightMm) },
            margin: {
              top: twip(PAGE.topMm),
              bottom: twip(PAGE.bottomMm),
              left: twip(PAGE.leftMm),
              right: twip(PAGE.rightMm),
              header: twip(10),
              footer: twip(10),
            },
          },
        },
        children: blocks.flatMap(blockToDocx),
      },
    ],
  });
  const date = documentDate(meta.header.placeDate);
  const core = { path: 'docProps/core.xml', data: coreXml({ ...meta, creator: PRODUCER, date }) };
  const zipped = await Packer.toBuffer(doc, false, [core]);
  return normaliseZip(zipped, date);
}
