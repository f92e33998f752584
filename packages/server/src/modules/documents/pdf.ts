/**
 * The minutes and the resolution as PDF, written by pdfmake from the same layout blocks as the DOCX.
 * Liberation Serif (SIL OFL 1.1, shipped in packages/server/assets/fonts) stands in for Times New Roman:
 * its widths are Times New Roman's, so the PDF prints HD 36's sizes (`HD36`) as the DOCX does and wraps
 * its lines alike, on a machine without Microsoft's fonts.
 *
 * Repeatable bytes: pdfkit's file ID is an MD5 of the `info` dictionary and nothing else reads the clock
 * or a random source, so fixing `creationDate`/`modDate` (to the document's own date) makes two renders of
 * one model byte-equal.
 */
import type { MinutesModel, PartyDocumentHeader, ResolutionModel } from '@nennep/core';
import pdfMake from 'pdfmake';
import type { Content, CustomTableLayout, TableCell } from 'pdfmake/interfaces';
import { documentDate } from './deterministic.ts';
import { minutesBlocks } from './minutes-docx.ts';
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
import { PDF_FONT, serifFonts } from './pdf-fonts.ts';
import { type FrozenResolutionModel, resolutionBlocks } from './resolution-docx.ts';

const pt = (mm: number) => (mm * 72) / 25.4;
const TEXT_WIDTH = pt(PAGE.widthMm - PAGE.leftMm - PAGE.rightMm);
const FIRST_LINE = pt(10);

const FLUSH: CustomTableLayout = {
  defaultBorder: false,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 0,
};
const GRID: CustomTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/**
 * pdfmake is a module-wide singleton that other code may configure too: set its fonts and access policies
 * right before each document (createPdf reads them synchronously). It may read no URL and no local file;
 * the fonts come from its virtual file system.
 */
function printer(): typeof pdfMake {
  pdfMake.setFonts({ [PDF_FONT]: serifFonts() });
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy(() => false);
  return pdfMake;
}

const inline = (runs: Run[]) =>
  runs.map((run) => ({
    text: printable(run.text),
    bold: run.bold ?? false,
    italics: run.italics ?? false,
    decoration: run.underline ? ('underline' as const) : undefined,
  }));

/** A centred line of the header, typed as HD 36 sets `element`. */
function line(text: string, element: Hd36Element, top = 0): Content {
  const style = styleOf(element);
  return {
    text: printable(text),
    fontSize: style.size,
    bold: style.bold,
    italics: style.italics,
    decoration: style.underline ? 'underline' : undefined,
    alignment: 'center',
    margin: [0, top, 0, 0],
  };
}

function twoColumns(left: Content[], right: Content[], leftShare: number, marginTop = 0): Content {
  const leftWidth = (TEXT_WIDTH * leftShare) / 100;
  return {
    table: {
      widths: [leftWidth, TEXT_WIDTH - leftWidth],
      body: [[{ stack: left }, { stack: right }]],
      dontBreakRows: true,
    },
    layout: FLUSH,
    margin: [0, marginTop, 0, 0],
  };
}

function header(h: PartyDocumentHeader): Content {
  const leftShare = HEADER_LEFT_SHARE;
  const rightWidth = TEXT_WIDTH * (1 - leftShare / 100);
  const rule = pt(46);
  return twoColumns(
    [line(h.superior, 'superior'), line(h.issuer, 'issuer'), line('*', 'star'), line(h.number, 'number')],
    [
      line(PARTY_NAME, 'party'),
      {
        canvas: [
          {
            type: 'line',
            x1: (rightWidth - rule) / 2,
            y1: 2,
            x2: (rightWidth + rule) / 2,
            y2: 2,
            lineWidth: 0.7,
          },
        ],
      },
      line(h.placeDate, 'placeDate', 8),
    ],
    leftShare,
  );
}

function column(lines: ColumnLine[]): Content[] {
  return lines.map((item) => {
    const { size, ...style } = columnStyle(item.role);
    return {
      text: item.text.length > 0 ? inline([{ text: item.text, ...style }]) : ' ',
      fontSize: size,
      alignment: item.align ?? 'left',
    };
  });
}

function table(block: Extract<Block, { kind: 'table' }>): Content {
  const cell = (runs: Run[], alignment: Align): TableCell => ({ text: inline(runs), alignment });
  const body: TableCell[][] = [
    block.columns.map((c) => cell([{ text: c.title, bold: true }], 'center')),
    ...block.rows.map((row) => block.columns.map((c, i) => cell([{ text: row[i] ?? '' }], c.align))),
    ...(block.footer ?? []).map((row) => block.columns.map((c, i) => cell(row[i] ? [row[i]] : [], c.align))),
  ];
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      // pdfmake's widths leave out each cell's padding (4 + 4) and its rule (0.5).
      widths: block.columns.map((c) => (TEXT_WIDTH * c.width) / 100 - 8.5),
      body,
    },
    layout: GRID,
    fontSize: SIZE.table,
    margin: [0, 2, 0, 6],
  };
}

function blockToPdf(block: Block): Content {
  switch (block.kind) {
    case 'header':
      return header(block.header);
    case 'title':
      return {
        text: printable(block.text),
        bold: HD36.typeName.bold,
        fontSize: HD36.typeName.size,
        alignment: 'center',
        margin: [0, 18, 0, 0],
      };
    case 'subtitle':
      return {
        text: printable(block.text),
        bold: HD36.subject.bold,
        fontSize: HD36.subject.size,
        alignment: 'center',
        margin: [0, 0, 0, 6],
      };
    case 'rule': {
      const rule = pt(40);
      return {
        canvas: [
          {
            type: 'line',
            x1: (TEXT_WIDTH - rule) / 2,
            y1: 0,
            x2: (TEXT_WIDTH + rule) / 2,
            y2: 0,
            lineWidth: 0.7,
          },
        ],
        margin: [0, 0, 0, 10],
      };
    }
    case 'heading':
      return {
        text: printable(block.text),
        bold: HD36.heading.bold,
        fontSize: HD36.heading.size,
        alignment: block.align ?? 'left',
        margin: [0, block.spaceBefore ? 24 : 8, 0, 3],
      };
    case 'paragraph': {
      const runs = block.bullet ? [{ text: '- ' }, ...block.runs] : block.runs;
      return {
        text: inline(runs),
        alignment: block.align ?? 'justify',
        leadingIndent: block.indent || block.bullet ? FIRST_LINE : 0,
        margin: [0, block.spaceBefore ? 6 : 0, 0, 3],
      };
    }
    case 'table':
      return table(block);
    case 'columns':
      return twoColumns(column(block.left), column(block.right), 45, 8);
  }
}

async function renderBlocksPdf(
  blocks: Block[],
  meta: { title: string; subject: string; header: PartyDocumentHeader },
) {
  const date = documentDate(meta.header.placeDate);
  const doc = printer().createPdf({
    pageSize: 'A4',
    pageMargins: [pt(PAGE.leftMm), pt(PAGE.topMm), pt(PAGE.rightMm), pt(PAGE.bottomMm)],
    info: {
      title: meta.title,
      subject: meta.subject,
      author: meta.header.issuer,
      creator: PRODUCER,
      producer: PRODUCER,
      creationDate: date,
      modDate: date,
    },
    defaultStyle: { font: PDF_FONT, fontSize: HD36.body.size, lineHeight: 1.15 },
    content: blocks.map(blockToPdf),
  });
  return doc.getBuffer();
}

/** The minutes as a PDF. Same model, same bytes. */
export function renderMinutesPdf(model: MinutesModel): Promise<Buffer> {
  return renderBlocksPdf(minutesBlocks(model), {
    title: `${model.title} ${model.subtitle}`,
    subject: model.header.number,
    header: model.header,
  });
}

/** The resolution as a PDF. Same model, same bytes. */
export function renderResolutionPdf(model: ResolutionModel | FrozenResolutionModel): Promise<Buffer> {
  return renderBlocksPdf(resolutionBlocks(model), {
    title: `${model.title} ${model.subtitle}`,
    subject: model.header.number,
    header: model.header,
  });
}
