/**
 * The layout of a Party document (HD 36-HD/VPTW of 03/4/2018, domain.md §3), independent of the output
 * format: the minutes and the resolution are first laid out as a list of blocks, then written as DOCX
 * (`docx-blocks.ts`) and PDF (`pdf.ts`). Both outputs therefore print the same words in the same order.
 */
import type { CriterionScore, PartyDocumentHeader, QualityLevel } from '@nennep/core';

/** A4, with the margins of HD 36 (top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm). */
export const PAGE = {
  widthMm: 210,
  heightMm: 297,
  topMm: 20,
  bottomMm: 20,
  leftMm: 30,
  rightMm: 15,
} as const;

/** How HD 36 prescribes one element of a Party document: its size in points and its style. */
export interface TypeSpec {
  /** The element as HD 36's table names it. */
  element: string;
  /** The sizes HD 36 allows, in points: [smallest, largest]. */
  allowed: readonly [number, number];
  /** The size we print, in points (the same in the DOCX and the PDF). */
  size: number;
  upperCase: boolean;
  bold: boolean;
  italics: boolean;
  underline: boolean;
}

const spec = (
  element: string,
  allowed: readonly [number, number],
  size: number,
  style: { upperCase?: boolean; bold?: boolean; italics?: boolean; underline?: boolean } = {},
): TypeSpec => ({
  element,
  allowed,
  size,
  upperCase: style.upperCase ?? false,
  bold: style.bold ?? false,
  italics: style.italics ?? false,
  underline: style.underline ?? false,
});

/**
 * The type of each element of a Party document: HD 36-HD/VPTW (03/4/2018), appendix "Phông chữ, cỡ chữ,
 * kiểu chữ trình bày văn bản", in Times New Roman (TCVN 6909:2001). One table: the DOCX and the PDF print
 * from it, layout.test.ts checks the DOCX's XML against it, and docs/DOCUMENTS.md states it in words (the
 * test reads that page too). Where HD 36 allows a range we take the usual size of real documents.
 */
export const HD36 = {
  party: spec('Tiêu đề "ĐẢNG CỘNG SẢN VIỆT NAM"', [15, 15], 15, { upperCase: true, bold: true }),
  superior: spec('Tên cơ quan cấp trên', [14, 14], 14, { upperCase: true }),
  issuer: spec('Tên cơ quan ban hành', [14, 14], 14, { upperCase: true, bold: true }),
  star: spec('Dấu sao (*)', [14, 14], 14),
  number: spec('Số và ký hiệu văn bản', [14, 14], 14),
  placeDate: spec('Địa điểm, ngày tháng năm', [14, 14], 14, { italics: true }),
  typeName: spec('Tên loại văn bản', [15, 16], 16, { upperCase: true, bold: true }),
  subject: spec('Trích yếu nội dung', [14, 15], 14, { bold: true }),
  body: spec('Nội dung văn bản', [14, 15], 14),
  heading: spec('Phần, mục của nội dung', [14, 15], 14, { upperCase: true, bold: true }),
  authority: spec('Quyền hạn ký (T/M)', [14, 14], 14, { upperCase: true, bold: true }),
  signerTitle: spec('Chức vụ người ký', [14, 14], 14, { upperCase: true, bold: true }),
  signerName: spec('Họ tên người ký', [14, 14], 14, { bold: true }),
  recipientsLabel: spec('"Nơi nhận:"', [14, 14], 14, { underline: true }),
  recipients: spec('Tên nơi nhận', [12, 12], 12),
} as const satisfies Record<string, TypeSpec>;

export type Hd36Element = keyof typeof HD36;

/** Sizes HD 36's table does not set: table cells and the small notes under a signature. */
export const SIZE = {
  table: 12,
  note: 12,
} as const;

/** Share of the text width taken by the header's left column (superior, issuer, number). */
export const HEADER_LEFT_SHARE = 48;

export const PARTY_NAME = 'ĐẢNG CỘNG SẢN VIỆT NAM';
export const PRODUCER = 'Nền Nếp';

// Characters XML 1.0 forbids (a DOCX would not open) and that no font draws; tabs and line breaks are split
// into paragraphs before text gets here, so they go too.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to remove.
const UNPRINTABLE = /[\u0000-\u001F\u007F\uFFFE\uFFFF]/g;

/** Text as both formats print it: NFC (precomposed Vietnamese letters), without control characters. */
export const printable = (text: string) => text.normalize('NFC').replace(UNPRINTABLE, '');

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface Run {
  text: string;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
}

/**
 * What a line of a signature or recipients column is; its type follows from `HD36` (a hint under a
 * signature is a small italic note, `room` a blank line to sign in).
 */
export type ColumnRole =
  | 'authority'
  | 'signerTitle'
  | 'signerName'
  | 'recipientsLabel'
  | 'recipients'
  | 'hint'
  | 'room';

export interface ColumnLine {
  text: string;
  role: ColumnRole;
  align?: Align;
}

/** Size in points and style of a printed line. */
export interface LineStyle {
  size: number;
  bold: boolean;
  italics: boolean;
  underline: boolean;
}

export const styleOf = (element: Hd36Element): LineStyle => {
  const { size, bold, italics, underline } = HD36[element];
  return { size, bold, italics, underline };
};

/** The type of a signature or recipients line, from HD 36's table. */
export function columnStyle(role: ColumnRole): LineStyle {
  if (role === 'hint') return { size: SIZE.note, bold: false, italics: true, underline: false };
  return styleOf(role === 'room' ? 'body' : role);
}

export interface TableColumn {
  title: string;
  /** Share of the text width, in percent; the columns of a table add up to 100. */
  width: number;
  align: Align;
}

export type Block =
  | { kind: 'header'; header: PartyDocumentHeader }
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  /** A short centred rule, as under a resolution's subtitle. */
  | { kind: 'rule' }
  /** `spaceBefore`: a wide gap, as before an addendum. */
  | { kind: 'heading'; text: string; align?: Align; spaceBefore?: boolean }
  /** `indent`: first-line indent of body text; `bullet`: a hanging "- " item. */
  | {
      kind: 'paragraph';
      runs: Run[];
      align?: Align;
      indent?: boolean;
      bullet?: boolean;
      spaceBefore?: boolean;
    }
  | { kind: 'table'; columns: TableColumn[]; rows: string[][]; footer?: Run[][] }
  | { kind: 'columns'; left: ColumnLine[]; right: ColumnLine[] };

/** The header block; the organisations print in upper case whatever the model holds. */
export const headerBlock = (header: PartyDocumentHeader): Block => ({
  kind: 'header',
  header: {
    ...header,
    superior: header.superior.toLocaleUpperCase('vi'),
    issuer: header.issuer.toLocaleUpperCase('vi'),
  },
});

export const paragraph = (text: string, options: { indent?: boolean; bold?: boolean } = {}): Block => ({
  kind: 'paragraph',
  runs: [{ text, bold: options.bold }],
  align: 'justify',
  indent: options.indent ?? true,
});

/** "Label: value" with the label bold, as the minutes print their facts. */
export const labelled = (label: string, value: string): Block => ({
  kind: 'paragraph',
  runs: [{ text: `${label}: `, bold: true }, { text: value }],
  align: 'justify',
  indent: true,
});

export const bullet = (runs: Run[]): Block => ({ kind: 'paragraph', runs, align: 'justify', bullet: true });

/** Multi-line text from the model (paragraphs separated by line breaks) as body paragraphs. */
export function textBlocks(text: string): Block[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => paragraph(line));
}

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** 1 → "I", 14 → "XIV": Party documents number their parts with Roman numerals. */
export function roman(n: number): string {
  let rest = Math.max(1, Math.floor(n));
  let out = '';
  for (const [value, numeral] of ROMAN) {
    while (rest >= value) {
      out += numeral;
      rest -= value;
    }
  }
  return out;
}

/** Numbers headings "I.", "II.", … unless the model's heading is already numbered. */
export function numberedHeading(index: number, text: string): string {
  return /^[IVXLCDM]+\.\s/.test(text) ? text : `${roman(index)}. ${text}`;
}

/** A person as printed: "đồng chí Nguyễn Văn Thành – Bí thư Chi bộ". */
export function personLine(person: { name: string; role?: string }): string {
  return person.role ? `Đồng chí ${person.name} – ${person.role}` : `Đồng chí ${person.name}`;
}

/**
 * A score line split into the score-sheet table's columns. `CriterionScore` carries no label: the rules
 * engine writes one line, "Tỷ lệ dự họp 17/17 (100%): từ 90% trở lên — 4/4 điểm". The part before the
 * first ": " is the criterion, the rest the explanation, less the points the table prints in their own
 * columns. A line of another shape is printed whole, under the criterion's id.
 */
export function scoreLine(score: CriterionScore): { criterion: string; explanation: string } {
  const text = score.explanation.vi.replace(/\s+—\s+[\d.,]+\/[\d.,]+ điểm$/u, '').trim();
  const colon = text.indexOf(': ');
  if (colon <= 0) return { criterion: score.criterionId, explanation: text };
  return { criterion: text.slice(0, colon), explanation: text.slice(colon + 2) };
}

/** "05" from 5: points and counts print without decimals; fractional points keep one decimal. */
export function points(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1).replace('.', ',');
}

/**
 * A signature column (HD 36, "thể thức đề ký"): the authority ("T/M CHI BỘ"), the signer's title
 * ("BÍ THƯ"), room to sign, the name; `hint` adds "(Ký, ghi rõ họ tên)" as the minutes print it.
 */
export function signatureColumn(lines: {
  onBehalf?: string;
  title: string[];
  name: string;
  hint?: boolean;
}): ColumnLine[] {
  const center = (text: string, role: ColumnRole): ColumnLine => ({ text, role, align: 'center' });
  const authority = lines.onBehalf ? [center(lines.onBehalf, 'authority')] : [];
  const hint = lines.hint ? [center('(Ký, ghi rõ họ tên)', 'hint')] : [];
  const room = [1, 2, 3, 4].map(() => center('', 'room'));
  return [
    ...authority,
    ...lines.title.filter((t) => t.trim() !== '').map((text) => center(text, 'signerTitle')),
    ...hint,
    ...room,
    center(lines.name, 'signerName'),
  ];
}

/**
 * The recipients column (HD 36, "nơi nhận"): "Nơi nhận:" underlined, then one "- " line per recipient,
 * each ending with a comma and the last with a full stop.
 */
export function recipientsColumn(recipients: string[]): ColumnLine[] {
  const last = recipients.length - 1;
  return [
    { text: 'Nơi nhận:', role: 'recipientsLabel' },
    ...recipients.map(
      (text, i): ColumnLine => ({
        text: `- ${text.replace(/[\s,.;]+$/u, '')}${i === last ? '.' : ','}`,
        role: 'recipients',
      }),
    ),
  ];
}

/** The level in words when the model leaves `levelText` empty. */
export const LEVEL_TEXT: Record<QualityLevel, string> = {
  good: 'Tốt',
  fair: 'Khá',
  average: 'Trung bình',
  poor: 'Kém',
};

/** The tasks table (member, task, deadline), in the minutes and in the resolution. */
export function tasksTable(tasks: { member: string; task: string; deadline: string | null }[]): Block {
  return {
    kind: 'table',
    columns: [
      { title: 'TT', width: 7, align: 'center' },
      { title: 'Đảng viên', width: 25, align: 'left' },
      { title: 'Nhiệm vụ', width: 50, align: 'left' },
      { title: 'Thời hạn', width: 18, align: 'center' },
    ],
    rows: tasks.map((task, i) => [String(i + 1), task.member, task.task, task.deadline ?? '']),
  };
}
