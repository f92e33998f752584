/**
 * The agenda prepared for the secretary (pure, no I/O): beside the rule set's template, items pre-filled from
 * what is due for the cell at the meeting, each saying why it is there ("Vì sao có mục này").
 *
 * Sources: HD 12-HD/BTCTW (06/7/2018) point 2.2 — the content of a regular meeting (superior documents passed
 * on, review of the tasks assigned, answers to members' recommendations, personnel matters, dues collection);
 * HD 42-HD/BTCTW (28/10/2025) — the secretary prepares the content before the meeting.
 */
import { formatVietnameseDate } from '../dates.ts';
import { passOnReason, superiorDocumentsIndex } from '../pass-on/rules.ts';
import { type AgendaItem, type AgendaItemSource, insertAgendaItem } from './agenda.ts';
import { MEETING_LIMITS } from './api-types.ts';
import { ANSWER_AGENDA_TITLE } from './minutes-build.ts';
import { probationEndsOn } from './recognition.ts';

/** A pre-filled item: an agenda item with its source and reason always set. */
export type PrefillItem = AgendaItem & { source: AgendaItemSource; reason: string };

/** The key a source is remembered by (a dropped item stays dropped when the agenda is prepared again). */
export const sourceKey = (source: AgendaItemSource): string => `${source.kind}:${source.ref}`;

/**
 * Sessions missed in a row from which a member is put on the agenda: HD 12-HD/BTCTW (06/7/2018) counts
 * "absent more than 3 times in a row" against a meeting's quality (the alerts run warns at the third); the
 * rule sets carry no threshold of their own, so this is it.
 */
export const ABSENCE_RUN_THRESHOLD = 3;

const clip = (text: string) =>
  text.length <= MEETING_LIMITS.agendaItemTitle
    ? text
    : `${text.slice(0, MEETING_LIMITS.agendaItemTitle - 1)}…`;
const months = (list: readonly string[]) => list.map((m) => `${m.slice(5, 7)}/${m.slice(0, 4)}`).join(', ');

/** A superior document still to pass on (HD 12-HD/BTCTW point 2.2; HD 42-HD/BTCTW). */
export function passOnItem(
  doc: {
    documentId: number;
    number: string;
    title: string;
    orgName: string;
    issuedOn: string;
    passOnBy: string;
  },
  meetingDate: string,
): PrefillItem {
  return {
    title: clip(`Phổ biến văn bản số ${doc.number}: ${doc.title}`),
    section: 'content',
    source: { kind: 'pass_on', ref: String(doc.documentId) },
    reason: passOnReason(doc, meetingDate),
  };
}

/** Answers to the cell's recommendations to give back at this meeting (HD 12-HD/BTCTW point 2.2). */
export function answersItem(answers: readonly { id: number; text: string }[]): PrefillItem | null {
  if (answers.length === 0) return null;
  const list = answers.map(
    (a) => `số ${a.id} (“${a.text.length > 80 ? `${a.text.slice(0, 79)}…` : a.text}”)`,
  );
  return {
    title: ANSWER_AGENDA_TITLE,
    section: 'closing',
    source: { kind: 'answers', ref: 'answers' },
    reason: `Cấp có thẩm quyền đã trả lời ${answers.length} kiến nghị của chi bộ, cần thông báo lại cho đảng viên: ${list.join('; ')} (HD 12-HD/BTCTW ngày 06/7/2018, điểm 2.2).`,
  };
}

/**
 * A probationary member whose twelve months end by the meeting: the cell considers recognition (Điều lệ Đảng
 * art. 5; HD 01-HD/TW (28/9/2021) point 3.5 — within 30 days after the end). Null when not yet due.
 */
export function recognitionItem(
  member: { memberCode: string; fullName: string; admissionDate: string },
  meetingDate: string,
): PrefillItem | null {
  const ends = probationEndsOn(member.admissionDate);
  if (ends > meetingDate) return null;
  return {
    title: clip(`Xét công nhận đảng viên chính thức: đồng chí ${member.fullName}`),
    section: 'closing',
    source: { kind: 'recognition', ref: member.memberCode },
    reason: `Đồng chí ${member.fullName} (${member.memberCode}) được kết nạp ngày ${formatVietnameseDate(member.admissionDate)}, hết 12 tháng dự bị ngày ${formatVietnameseDate(ends)}; chi bộ xét công nhận đảng viên chính thức trong 30 ngày (Điều lệ Đảng, Điều 5; HD 01-HD/TW, điểm 3.5).`,
  };
}

/** Tasks assigned at earlier meetings, still open past their deadline (HD 12-HD/BTCTW point 2.2). */
export function overdueTasksItem(
  tasks: readonly { id: number; text: string; deadline: string; assignee: string | null }[],
): PrefillItem | null {
  if (tasks.length === 0) return null;
  const list = tasks.map(
    (t) =>
      `nhiệm vụ số ${t.id} “${t.text.length > 80 ? `${t.text.slice(0, 79)}…` : t.text}”${t.assignee ? ` (đồng chí ${t.assignee})` : ''}, hạn ${formatVietnameseDate(t.deadline)}`,
  );
  return {
    title: 'Kiểm điểm các nhiệm vụ quá hạn chưa hoàn thành',
    section: 'content',
    source: { kind: 'overdue_tasks', ref: 'tasks' },
    reason: `${tasks.length} nhiệm vụ đã quá hạn mà chưa hoàn thành: ${list.join('; ')} (HD 12-HD/BTCTW ngày 06/7/2018, điểm 2.2: đánh giá việc thực hiện nhiệm vụ được giao).`,
  };
}

/**
 * Members absent from `ABSENCE_RUN_THRESHOLD` sessions or more in a row this year (HD 12-HD/BTCTW point 2.1
 * and the quality criterion); unexcused absences are named, as Điều lệ Đảng art. 8 point 2 has the cell
 * consider striking off a member who misses party activity three months in a year without good reason.
 */
export function absencesItem(
  members: readonly { memberCode: string; fullName: string; run: number; unexcused: number }[],
): PrefillItem | null {
  const due = members.filter((m) => m.run >= ABSENCE_RUN_THRESHOLD);
  if (due.length === 0) return null;
  const list = due.map(
    (m) =>
      `đồng chí ${m.fullName} (${m.memberCode}) vắng ${m.run} buổi liên tiếp${m.unexcused > 0 ? `, ${m.unexcused} buổi không lý do trong năm` : ''}`,
  );
  return {
    title: 'Xem xét đảng viên vắng sinh hoạt nhiều lần',
    section: 'content',
    source: { kind: 'absences', ref: 'absences' },
    reason: `${list.join('; ')}. Vắng từ ${ABSENCE_RUN_THRESHOLD} buổi liên tiếp trở lên (HD 12-HD/BTCTW ngày 06/7/2018, điểm 2.1); bỏ sinh hoạt đảng 3 tháng trong năm không có lý do chính đáng thì chi bộ xem xét xóa tên (Điều lệ Đảng, Điều 8, khoản 2).`,
  };
}

/** Members with unpaid months of dues this year (QĐ 01-QĐ/TW, Điều 2 khoản 1). */
export function duesArrearsItem(
  rows: readonly { memberCode: string; fullName: string; unpaidMonths: readonly string[] }[],
): PrefillItem | null {
  if (rows.length === 0) return null;
  const list = rows.map((r) => `đồng chí ${r.fullName} (${r.memberCode}): tháng ${months(r.unpaidMonths)}`);
  return {
    title: 'Nhắc đảng viên nộp đảng phí còn nợ',
    section: 'closing',
    source: { kind: 'dues_arrears', ref: 'dues' },
    reason: `${rows.length} đảng viên chưa nộp đủ đảng phí: ${list.join('; ')} (QĐ 01-QĐ/TW, Điều 2, khoản 1).`,
  };
}

const lower = (item: AgendaItem) => item.title.toLocaleLowerCase('vi');
/** The closing items that wrap the meeting up: pre-filled closing items go before them. */
const WRAP_UP = ['chất lượng', 'biên bản', 'bế mạc'];
/** The template item each kind goes after (lower-case words of its title). */
const ANCHORS: Partial<Record<AgendaItemSource['kind'], string>> = {
  answers: 'trả lời kiến nghị',
  recognition: 'công tác nhân sự',
  dues_arrears: 'thu đảng phí',
  // The quarter's topic heads the thematic part (agenda-thematic.ts).
  thematic: 'trình bày chuyên đề',
};

/** Where a new pre-filled item goes: after its anchor and the items of its kind already there. */
function placeOf(agenda: readonly AgendaItem[], item: PrefillItem): number | null {
  const kind = item.source.kind;
  let anchor = -1;
  if (kind === 'pass_on') anchor = superiorDocumentsIndex(agenda) ?? -1;
  else {
    const words = ANCHORS[kind];
    if (words) anchor = agenda.findIndex((a) => a.section === item.section && lower(a).includes(words));
    // Before the presentation, not after it: the topic's title opens the thematic part.
    if (kind === 'thematic' && anchor >= 0) return anchor;
  }
  if (anchor < 0) {
    const own = agenda.map((a, i) => (a.source?.kind === kind ? i : -1)).filter((i) => i >= 0);
    const last = own[own.length - 1];
    if (last !== undefined) return last + 1;
    if (item.section !== 'closing') return null;
    const wrap = agenda.findIndex(
      (a) => a.section === 'closing' && WRAP_UP.some((w) => lower(a).includes(w)),
    );
    return wrap < 0 ? agenda.length : wrap;
  }
  let at = anchor + 1;
  while (agenda[at]?.source?.kind === kind) at++;
  return at;
}

/**
 * The agenda prepared again from what is due: pre-filled items still due keep their place (reason and title
 * renewed, conclusion kept); those no longer due leave; an item of the template or added by hand with the
 * same title as a due one takes its source and reason; new ones go after their anchor (documents under
 * "Phổ biến … văn bản của cấp trên", recognition under personnel matters, arrears after dues collection;
 * the quarter's thematic topic just before its presentation), else at the end of their section (closing
 * ones before the wrap-up items). Items whose source was dropped by the secretary (`dropped`, keys of
 * `sourceKey`) never come back. At most `MEETING_LIMITS.agendaItems`.
 */
export function prefillAgenda(
  agenda: readonly AgendaItem[],
  due: readonly PrefillItem[],
  dropped: ReadonlySet<string>,
): AgendaItem[] {
  const pending = new Map(
    due.filter((d) => !dropped.has(sourceKey(d.source))).map((d) => [sourceKey(d.source), d]),
  );
  let result: AgendaItem[] = [];
  for (const item of agenda) {
    if (item.source) {
      const fresh = pending.get(sourceKey(item.source));
      if (!fresh) continue;
      pending.delete(sourceKey(item.source));
      result.push({ ...item, title: fresh.title, source: fresh.source, reason: fresh.reason });
      continue;
    }
    const same = [...pending.values()].find((d) => d.title === item.title && d.section === item.section);
    if (same) {
      pending.delete(sourceKey(same.source));
      result.push({ ...item, source: same.source, reason: same.reason });
    } else result.push(item);
  }
  for (const item of pending.values()) {
    if (result.length >= MEETING_LIMITS.agendaItems) break;
    result = placePrefilledItem(result, item);
  }
  return result;
}

/** The heading superior documents are passed on under, in the default template's words. */
const SUPERIOR_DOCUMENTS_HEADING: AgendaItem = {
  title: 'Phổ biến, quán triệt văn bản của cấp trên',
  section: 'content',
};

/**
 * A document to pass on goes under "Phổ biến … văn bản của cấp trên", where the minutes record it passed on
 * (pass-on commands.ts): an agenda without that item nor a document yet (a thematic meeting's template) takes
 * it at the end of its content part first, room permitting (HD 12-HD/BTCTW (06/7/2018) point 2.2; issue 17
 * item 2: the document appears on the cell's next agenda under that heading).
 */
function withSuperiorDocumentsHeading(
  agenda: readonly AgendaItem[],
  item: PrefillItem,
): readonly AgendaItem[] {
  if (item.source.kind !== 'pass_on' || superiorDocumentsIndex(agenda) !== null) return agenda;
  if (agenda.some((a) => a.source?.kind === 'pass_on')) return agenda;
  if (agenda.length + 2 > MEETING_LIMITS.agendaItems) return agenda;
  return insertAgendaItem(agenda, SUPERIOR_DOCUMENTS_HEADING).agenda;
}

/** The agenda with one pre-filled item put at its place (after its anchor; closing ones before the wrap-up). */
export function placePrefilledItem(agenda: readonly AgendaItem[], item: PrefillItem): AgendaItem[] {
  const list = withSuperiorDocumentsHeading(agenda, item);
  const at = placeOf(list, item);
  return at === null ? insertAgendaItem(list, item).agenda : [...list.slice(0, at), item, ...list.slice(at)];
}

/** The agenda with item `from` moved to place `to` (both 0-based); RangeError when either is outside it. */
export function moveAgendaItem(agenda: readonly AgendaItem[], from: number, to: number): AgendaItem[] {
  for (const i of [from, to]) {
    if (!Number.isInteger(i) || i < 0 || i >= agenda.length) {
      throw new RangeError(`agenda item ${i}: the agenda has ${agenda.length} items`);
    }
  }
  const list = [...agenda];
  const [item] = list.splice(from, 1);
  if (item) list.splice(to, 0, item);
  return list;
}
