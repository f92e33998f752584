/**
 * The package the secretary posts on the Sổ tay đảng viên điện tử app (issue 17 item 4; HD 42-HD/BTCTW
 * (28/10/2025): the meeting's materials reach the members on the app at least one day before). The app has
 * no public interface, so Nền Nếp prepares one PDF: first the agenda (written by pdfmake in the serif of the
 * Party documents, documents/pdf-fonts.ts), then the pages of every material that is a PDF (appended with
 * pdf-lib) and each JPEG or PNG picture as a page; other files (DOCX, spreadsheets …) are listed on the
 * agenda as "đính kèm riêng". Same input, same bytes: no clock is read, the PDF's dates are the meeting's.
 */
import { AGENDA_SECTIONS, SO_TAY_LIMITS } from '@nennep/core';
import { PDFDocument, type PDFPage } from 'pdf-lib';
import pdfMake from 'pdfmake';
import type { Content } from 'pdfmake/interfaces';
import { invalidField } from '../../http/errors.ts';
import { printable } from '../documents/party-layout.ts';
import { PDF_FONT, serifFonts } from '../documents/pdf-fonts.ts';

export interface PackageMaterial {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

export interface PackageInput {
  heading: { superior: string; issuer: string };
  /** "Sinh hoạt thường kỳ ngày 05/11/2026 của Chi bộ …". */
  meetingName: string;
  /** yyyy-mm-dd and hh:mm, Vietnam time. */
  date: string;
  startTime: string;
  place: string | null;
  /** The items in order; `section` is opening, content or closing (core `AGENDA_SECTIONS`). */
  agenda: readonly { title: string; section: string }[];
  materials: readonly PackageMaterial[];
}

type MaterialKind = 'pdf' | 'jpeg' | 'png' | 'separate';

const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** What becomes of a material in the package, by its bytes first, then by its declared type or name. */
export function materialKind(m: PackageMaterial): MaterialKind {
  if (startsWith(m.bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (m.contentType === 'application/pdf' || /\.pdf$/i.test(m.fileName)) return 'pdf';
  if (startsWith(m.bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(m.bytes, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  return 'separate';
}

const tooLarge = () => {
  const mb = SO_TAY_LIMITS.packageMaxBytes / 1024 / 1024;
  return invalidField('materials', {
    vi: `Gói tài liệu vượt quá ${mb} MB: hãy bớt hoặc thu nhỏ tài liệu.`,
    en: `The package exceeds ${mb} MB: remove or shrink some materials.`,
  });
};

const unreadable = (fileName: string) =>
  invalidField('materials', {
    vi: `Không đọc được tài liệu "${fileName}" (tệp hỏng hoặc có mật khẩu): hãy tải lên bản khác.`,
    en: `The material "${fileName}" cannot be read (damaged or password-protected): upload another copy.`,
  });

/** A material read for the package: its pages (PDF), its picture (JPEG/PNG), or nothing (sent apart). */
type Loaded =
  | { kind: 'pdf'; fileName: string; doc: PDFDocument; pages: number }
  | { kind: 'jpeg' | 'png'; fileName: string; bytes: Buffer; pages: 1 }
  | { kind: 'separate'; fileName: string; pages: 0 };

async function load(m: PackageMaterial): Promise<Loaded> {
  const kind = materialKind(m);
  if (kind === 'separate') return { kind, fileName: m.fileName, pages: 0 };
  if (kind !== 'pdf') return { kind, fileName: m.fileName, bytes: m.bytes, pages: 1 };
  try {
    const doc = await PDFDocument.load(m.bytes, { updateMetadata: false });
    const pages = doc.getPageCount();
    if (pages === 0) throw unreadable(m.fileName);
    return { kind, fileName: m.fileName, doc, pages };
  } catch {
    throw unreadable(m.fileName);
  }
}

const mm = (n: number) => (n * 72) / 25.4;
/** A4 with the margins of the Party documents (left 30 mm, right 15 mm), as documents/party-layout.ts. */
const MARGINS: [number, number, number, number] = [mm(30), mm(20), mm(15), mm(20)];
const RIGHT_COLUMN = ((595.28 - MARGINS[0] - MARGINS[2]) * 55) / 100;
const RULE_WIDTH = mm(46);
const RULE_X = (RIGHT_COLUMN - RULE_WIDTH) / 2;

const SECTION_TITLES: Record<(typeof AGENDA_SECTIONS)[number], string> = {
  opening: 'I. PHẦN MỞ ĐẦU',
  content: 'II. PHẦN NỘI DUNG',
  closing: 'III. PHẦN KẾT THÚC',
};

const pages = (first: number, count: number) =>
  count === 1 ? `trang ${first}` : `trang ${first}–${first + count - 1}`;

/** The agenda page(s): who meets, when and where, the items in order, and the materials with their pages. */
function agendaContent(input: PackageInput, loaded: readonly Loaded[], agendaPages: number): Content[] {
  const [y, mo, d] = input.date.split('-');
  const [h, mi] = input.startTime.split(':');
  let next = agendaPages + 1;
  const materialLines = loaded.map((m, i) => {
    let where: string;
    if (m.kind === 'separate') where = 'đính kèm riêng';
    else {
      where = `kèm theo, ${pages(next, m.pages)}`;
      next += m.pages;
    }
    return { text: printable(`${i + 1}. ${m.fileName} — ${where}`), margin: [0, 0, 0, 1] } as Content;
  });
  let number = 0;
  const agendaLines: Content[] = AGENDA_SECTIONS.flatMap((section) => {
    const items = input.agenda.filter((item) => item.section === section);
    if (items.length === 0) return [];
    return [
      { text: SECTION_TITLES[section], bold: true, margin: [0, 4, 0, 1] } as Content,
      ...items.map((item) => {
        number += 1;
        return { text: printable(`${number}. ${item.title}`), margin: [0, 0, 0, 1] } as Content;
      }),
    ];
  });
  return [
    {
      columns: [
        {
          width: '45%',
          stack: [
            { text: printable(input.heading.superior), alignment: 'center', fontSize: 14 },
            { text: printable(input.heading.issuer), alignment: 'center', fontSize: 14, bold: true },
            { text: '*', alignment: 'center', fontSize: 14 },
          ],
        },
        {
          width: '55%',
          stack: [
            { text: 'ĐẢNG CỘNG SẢN VIỆT NAM', alignment: 'center', fontSize: 15, bold: true },
            // The short rule under the Party's name (HD 36-HD/VPTW), centred in the right column.
            { canvas: [{ type: 'line', x1: RULE_X, y1: 2, x2: RULE_X + RULE_WIDTH, y2: 2, lineWidth: 0.7 }] },
          ],
        },
      ],
    },
    { text: 'CHƯƠNG TRÌNH SINH HOẠT', bold: true, fontSize: 16, alignment: 'center', margin: [0, 14, 0, 2] },
    { text: printable(input.meetingName), bold: true, alignment: 'center', margin: [0, 0, 0, 10] },
    { text: `Thời gian: ${h} giờ ${mi}, ngày ${d}/${mo}/${y}` },
    { text: printable(`Địa điểm: ${input.place?.trim() || 'chưa xác định'}`), margin: [0, 0, 0, 6] },
    { text: 'NỘI DUNG SINH HOẠT', bold: true, margin: [0, 6, 0, 2] },
    ...(agendaLines.length > 0 ? agendaLines : [{ text: 'Chưa có nội dung.', italics: true }]),
    { text: 'TÀI LIỆU', bold: true, margin: [0, 8, 0, 2] },
    ...(materialLines.length > 0 ? materialLines : [{ text: 'Không có tài liệu.', italics: true }]),
    {
      text:
        'Gói tài liệu chuẩn bị để đăng lên Sổ tay đảng viên điện tử ít nhất 01 ngày trước buổi sinh hoạt ' +
        '(Hướng dẫn 42-HD/BTCTW ngày 28/10/2025).',
      italics: true,
      fontSize: 11,
      margin: [0, 12, 0, 0],
    },
  ];
}

/** The agenda as a PDF, its dates fixed to the meeting's day (pdfkit's file ID is a hash of `info`). */
function renderAgenda(input: PackageInput, content: Content[]): Promise<Buffer> {
  pdfMake.setFonts({ [PDF_FONT]: serifFonts() });
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy(() => false);
  const date = new Date(`${input.date}T00:00:00Z`);
  return pdfMake
    .createPdf({
      pageSize: 'A4',
      pageMargins: MARGINS,
      info: {
        title: printable(`Chương trình sinh hoạt — ${input.meetingName}`),
        subject: 'Sổ tay đảng viên điện tử',
        author: printable(input.heading.issuer),
        creator: 'Nền Nếp',
        producer: 'Nền Nếp',
        creationDate: date,
        modDate: date,
      },
      defaultStyle: { font: PDF_FONT, fontSize: 13, lineHeight: 1.1 },
      content,
    })
    .getBuffer();
}

/** A picture on an A4 page of its own, as large as the margins allow, centred. */
async function addPicture(out: PDFDocument, m: Extract<Loaded, { kind: 'jpeg' | 'png' }>) {
  let image: Awaited<ReturnType<PDFDocument['embedJpg']>>;
  try {
    image = m.kind === 'jpeg' ? await out.embedJpg(m.bytes) : await out.embedPng(m.bytes);
  } catch {
    throw unreadable(m.fileName);
  }
  const page: PDFPage = out.addPage([595.28, 841.89]);
  const margin = 36;
  const scale = Math.min((595.28 - 2 * margin) / image.width, (841.89 - 2 * margin) / image.height, 1);
  const width = image.width * scale;
  const height = image.height * scale;
  page.drawImage(image, { x: (595.28 - width) / 2, y: (841.89 - height) / 2, width, height });
}

/**
 * The package: the agenda first, then the materials in order. Refused (400 naming `materials`) when the
 * materials or the result exceed `SO_TAY_LIMITS.packageMaxBytes`, or a PDF or picture cannot be read.
 */
export async function buildSoTayPackage(input: PackageInput): Promise<Buffer> {
  const embedded = input.materials.filter((m) => materialKind(m) !== 'separate');
  const size = embedded.reduce((sum, m) => sum + m.bytes.length, 0);
  if (size > SO_TAY_LIMITS.packageMaxBytes) throw tooLarge();
  const loaded: Loaded[] = [];
  for (const m of input.materials) loaded.push(await load(m));
  // The agenda names the pages of each material, which follow the agenda's own pages: render until the
  // count it assumed is the count it has (once, for an agenda of one page).
  let agendaPages = 1;
  let agenda = await renderAgenda(input, agendaContent(input, loaded, agendaPages));
  for (let round = 0; round < 3; round++) {
    const counted = (await PDFDocument.load(agenda, { updateMetadata: false })).getPageCount();
    if (counted === agendaPages) break;
    agendaPages = counted;
    agenda = await renderAgenda(input, agendaContent(input, loaded, agendaPages));
  }
  const out = await PDFDocument.load(agenda, { updateMetadata: false });
  for (const m of loaded) {
    if (m.kind === 'pdf') {
      const copied = await out.copyPages(m.doc, m.doc.getPageIndices());
      for (const page of copied) out.addPage(page);
    } else if (m.kind !== 'separate') await addPicture(out, m);
  }
  const bytes = Buffer.from(await out.save());
  if (bytes.length > SO_TAY_LIMITS.packageMaxBytes) throw tooLarge();
  return bytes;
}
