/**
 * The minutes (biên bản) of a cell meeting: its content as layout blocks, in the order domain.md §3 gives
 * (time and place, composition and roll call, agenda, each item's opinions and conclusion, tasks,
 * personnel, resolution and vote, quality rating, close, signatures, then dated addenda), and its DOCX.
 */
import type { MinutesModel } from '@nennep/core';
import { renderBlocksDocx } from './docx-blocks.ts';
import {
  type Block,
  bullet,
  headerBlock,
  LEVEL_TEXT,
  labelled,
  numberedHeading,
  paragraph,
  personLine,
  points,
  scoreLine,
  signatureColumn,
  tasksTable,
  textBlocks,
} from './party-layout.ts';

const count = (n: number) => `${n} đồng chí`;

/** What the minutes say under an agenda item nobody spoke on. */
export const NO_OPINION = 'Không có ý kiến.';

/**
 * The roll call of minutes frozen before temporary attendance was modelled: a count (always 0) where the
 * names now are. Adopted minutes never change (domain.md §3), so they print as they were adopted.
 */
interface FrozenRollCall {
  total: number;
  official: number;
  probationary: number;
  attachedHere: number;
  exempt: number;
  present: number;
  presentOfficial: number;
  presentProbationary: number;
  absentExcused: { name: string; reason: string }[];
  absentUnexcused: string[];
}

const isFrozenRollCall = (r: MinutesModel['rollCall'] | FrozenRollCall): r is FrozenRollCall =>
  typeof r.attachedHere === 'number';

/** "2 đồng chí: đồng chí A, đồng chí B", or "0 đồng chí". */
const named = (names: string[]) =>
  names.length > 0 ? `${count(names.length)}: ${names.map((n) => `đồng chí ${n}`).join(', ')}` : count(0);

/**
 * Who took part, as Party minutes state it (domain.md §3): the cell's total with all its own members
 * (those attending another cell meanwhile included and named), the members of other cells attending here
 * temporarily (named, counted among those present), exempt members, those present, the absences with a
 * reason the cell accepted (each with the reason) and without one — a reason the cell did not accept
 * counts as none (HD 12-HD/BTCTW point 2.1) and is given in brackets.
 */
function composition(model: MinutesModel): Block[] {
  const r: MinutesModel['rollCall'] | FrozenRollCall = model.rollCall;
  const blocks: Block[] = [
    labelled('Chủ trì', personLine(model.chair)),
    labelled('Người ghi biên bản', personLine(model.secretary)),
  ];
  if (model.guests.length > 0) {
    blocks.push(labelled('Đại biểu dự', `${count(model.guests.length)}`));
    for (const guest of model.guests) blocks.push(bullet([{ text: personLine(guest) }]));
  }
  blocks.push(
    labelled(
      'Tổng số đảng viên của chi bộ',
      `${count(r.total)} (chính thức: ${r.official}; dự bị: ${r.probationary})`,
    ),
  );
  if (isFrozenRollCall(r)) {
    blocks.push(labelled('Đảng viên sinh hoạt tạm thời', count(r.attachedHere)));
  } else {
    blocks.push(
      labelled('Đảng viên đi sinh hoạt tạm thời nơi khác', named(r.attachedElsewhere)),
      labelled('Đảng viên sinh hoạt tạm thời tại chi bộ', named(r.attachedHere)),
    );
  }
  const temporary =
    isFrozenRollCall(r) || r.attachedHere.length === 0
      ? ''
      : `; sinh hoạt tạm thời: ${r.presentAttachedHere}`;
  blocks.push(
    labelled('Đảng viên miễn công tác và sinh hoạt đảng', count(r.exempt)),
    labelled(
      'Có mặt',
      `${count(r.present)} (chính thức: ${r.presentOfficial}; dự bị: ${r.presentProbationary}${temporary})`,
    ),
    labelled('Vắng mặt có lý do', count(r.absentExcused.length)),
  );
  for (const absent of r.absentExcused) {
    blocks.push(bullet([{ text: `Đồng chí ${absent.name}: `, bold: true }, { text: absent.reason }]));
  }
  const refused = isFrozenRollCall(r)
    ? []
    : r.absentReasonNotAccepted.map((a) => `${a.name} (${a.reason}; lý do không được chấp nhận)`);
  blocks.push(labelled('Vắng mặt không có lý do', named([...r.absentUnexcused, ...refused])));
  return blocks;
}

function discussion(model: MinutesModel): Block[] {
  const blocks: Block[] = [];
  model.discussion.forEach((entry, i) => {
    // Numbered as in the agenda when the item is one of its lines, so "4." means the same in both parts.
    const inAgenda = model.agenda.indexOf(entry.item);
    const n = inAgenda >= 0 ? inAgenda + 1 : i + 1;
    blocks.push({
      kind: 'paragraph',
      runs: [{ text: `${n}. ${entry.item}`, bold: true }],
      spaceBefore: true,
    });
    for (const opinion of entry.opinions) {
      blocks.push(bullet([{ text: `Đồng chí ${opinion.speaker}: `, bold: true }, { text: opinion.text }]));
    }
    // What was recorded at the item itself (the dues collected: QĐ 01-QĐ/TW, issue 16).
    const notes = entry.notes ?? [];
    for (const note of notes) blocks.push(bullet([{ text: note }]));
    // Every item of the agenda is minuted, also one nobody spoke on (HD 12-HD/BTCTW point 2.3).
    if (entry.opinions.length === 0 && notes.length === 0) {
      blocks.push(bullet([{ text: NO_OPINION, italics: true }]));
    }
    if (entry.conclusion) {
      blocks.push({
        kind: 'paragraph',
        runs: [{ text: 'Kết luận của chủ trì: ', bold: true, italics: true }, { text: entry.conclusion }],
        align: 'justify',
        indent: true,
      });
    }
  });
  return blocks;
}

function quality(model: MinutesModel): Block[] {
  const score = model.score;
  if (!score) return [paragraph('Buổi sinh hoạt chưa được đánh giá, xếp loại chất lượng.')];
  const level = model.levelText ?? LEVEL_TEXT[score.level];
  return [
    {
      kind: 'table',
      columns: [
        { title: 'TT', width: 6, align: 'center' },
        { title: 'Tiêu chí', width: 36, align: 'left' },
        { title: 'Điểm tối đa', width: 11, align: 'center' },
        { title: 'Điểm đạt', width: 11, align: 'center' },
        { title: 'Giải thích', width: 36, align: 'left' },
      ],
      rows: score.criteria.map((c, i) => {
        const line = scoreLine(c);
        return [String(i + 1), line.criterion, points(c.max), points(c.points), line.explanation];
      }),
      footer: [
        [
          { text: '' },
          { text: 'Tổng cộng', bold: true },
          { text: points(score.max), bold: true },
          { text: points(score.total), bold: true },
          { text: `Xếp loại: ${level}`, bold: true },
        ],
      ],
    },
    labelled('Tổng số điểm', `${points(score.total)}/${points(score.max)} điểm`),
    labelled('Xếp loại chất lượng buổi sinh hoạt', level),
  ];
}

/** The minutes as layout blocks; the DOCX and the PDF are both written from these. */
export function minutesBlocks(model: MinutesModel): Block[] {
  const blocks: Block[] = [
    headerBlock(model.header),
    { kind: 'title', text: model.title },
    { kind: 'subtitle', text: model.subtitle },
  ];
  let part = 0;
  const section = (title: string, body: Block[]) => {
    part += 1;
    blocks.push({ kind: 'heading', text: numberedHeading(part, title) }, ...body);
  };

  section('THỜI GIAN, ĐỊA ĐIỂM', [
    labelled('Thời gian bắt đầu', model.startedAt),
    labelled('Địa điểm', model.place),
  ]);
  section('THÀNH PHẦN', composition(model));
  section(
    'CHƯƠNG TRÌNH SINH HOẠT',
    model.agenda.map((item, i) => paragraph(`${i + 1}. ${item}`)),
  );
  section('DIỄN BIẾN VÀ NỘI DUNG SINH HOẠT', discussion(model));
  if (model.tasks.length > 0) section('PHÂN CÔNG NHIỆM VỤ', [tasksTable(model.tasks)]);
  if (model.personnel.length > 0) {
    section(
      'CÔNG TÁC ĐẢNG VIÊN',
      model.personnel.flatMap((item) => [bullet([{ text: item.text }]), labelled('Kết quả', item.result)]),
    );
  }
  if (model.resolution) {
    section('NGHỊ QUYẾT VÀ KẾT QUẢ BIỂU QUYẾT', [
      ...textBlocks(model.resolution.text),
      labelled('Kết quả biểu quyết', model.resolution.vote),
    ]);
  }
  section('ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG BUỔI SINH HOẠT', quality(model));
  // One closing line (the end time), then the minutes' own reading and adoption (HD 12-HD/BTCTW point 2.3).
  section('KẾT THÚC', [
    ...(model.endedAt ? textBlocks(model.closing) : []),
    ...(model.adoption ? [paragraph(model.adoption)] : []),
  ]);

  const { left, right } = model.signatures;
  blocks.push({
    kind: 'columns',
    left: signatureColumn({ title: [left.title], name: left.name, hint: true }),
    right: signatureColumn({ title: [right.title], name: right.name, hint: true }),
  });

  for (const addendum of model.addenda) {
    blocks.push(
      {
        kind: 'heading',
        text: `PHỤ LỤC ĐÍNH CHÍNH ngày ${addendum.date}`,
        align: 'center',
        spaceBefore: true,
      },
      ...textBlocks(addendum.text),
    );
  }
  return blocks;
}

/** The minutes as a DOCX (Times New Roman, A4, HD 36 layout). Same model, same bytes. */
export function renderMinutesDocx(model: MinutesModel): Promise<Buffer> {
  return renderBlocksDocx(minutesBlocks(model), {
    title: `${model.title} ${model.subtitle}`,
    subject: model.header.number,
    header: model.header,
  });
}
