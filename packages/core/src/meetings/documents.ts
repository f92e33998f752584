import { isoDateInVietnam, VIETNAM_TIME_ZONE } from '../dates.ts';
import { parseIsoDate } from './calendar.ts';
import { SECRETARIES_PREPARATION_TITLE } from './preparation.ts';
import type { MeetingKind } from './types.ts';

/**
 * Party document formatting (QĐ 399-QĐ/TW 2026; layout HD 36-HD/VPTW 2018, domain.md §3). These strings
 * are printed in adopted minutes, which must stay reproducible byte for byte: change them only with care.
 */

/** Document type codes: nghị quyết, biên bản, báo cáo, kế hoạch, quyết định, thông báo, kết luận,
 * chương trình, tờ trình, hướng dẫn. */
export const DOCUMENT_TYPES = ['NQ', 'BB', 'BC', 'KH', 'QĐ', 'TB', 'KL', 'CTr', 'TTr', 'HD'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/**
 * "Số 05-NQ/CB": the sequence number (at least two digits; it runs from 01 per type per committee term),
 * the type code and the issuer's code (CB for a cell).
 */
export function documentNumber(seq: number, type: DocumentType, issuer = 'CB'): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`document number: ${seq} is not 1 or more`);
  return `Số ${String(seq).padStart(2, '0')}-${type}/${issuer}`;
}

// The leading zero on days 1–9 and months 1–2 is the format's guard against a number being extended
// by hand ("tháng 1" → "tháng 11"); months 3–9 cannot be lengthened into a real month, so they have none.
const dayText = (day: number): string => String(day).padStart(2, '0');
const monthText = (month: number): string => (month <= 2 ? String(month).padStart(2, '0') : String(month));

/** "ngày 05 tháng 02 năm 2026", "ngày 15 tháng 3 năm 2026". */
export function vietnameseDateText(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate);
  return `ngày ${dayText(day)} tháng ${monthText(month)} năm ${year}`;
}

/** The place and date line under the Party's name: "Tân Hội, ngày 05 tháng 02 năm 2026". */
export function placeDateLine(place: string, isoDate: string): string {
  return `${place.trim()}, ${vietnameseDateText(isoDate)}`;
}

/** "tháng 02 năm 2026" — the month a meeting or resolution is about. */
export function monthYearText(isoDate: string): string {
  const { year, month } = parseIsoDate(isoDate);
  return `tháng ${monthText(month)} năm ${year}`;
}

/**
 * The subtitle of a meeting's minutes: "Sinh hoạt chi bộ thường kỳ tháng 02 năm 2026", "Sinh hoạt chuyên
 * đề tháng 3 năm 2026". An extraordinary meeting is named by its day, as a month may hold several. The
 * preparation meeting of a cell without a chi ủy (`hasCommittee` false) is the bí thư and phó bí thư's
 * (HD 12-HD/BTCTW (06/7/2018); HD 42-HD/BTCTW (28/10/2025)), not a "họp chi ủy".
 */
export function meetingSubtitle(
  kind: MeetingKind,
  isoDate: string,
  combined = false,
  hasCommittee = true,
): string {
  switch (kind) {
    case 'regular':
      return combined
        ? `Sinh hoạt chi bộ thường kỳ kết hợp sinh hoạt chuyên đề ${monthYearText(isoDate)}`
        : `Sinh hoạt chi bộ thường kỳ ${monthYearText(isoDate)}`;
    case 'thematic':
      return `Sinh hoạt chuyên đề ${monthYearText(isoDate)}`;
    case 'model':
      return `Sinh hoạt chi bộ mẫu ${monthYearText(isoDate)}`;
    case 'cell_committee':
      return hasCommittee
        ? `Họp chi ủy ${monthYearText(isoDate)}`
        : `${SECRETARIES_PREPARATION_TITLE} ${monthYearText(isoDate)}`;
    case 'extraordinary':
      return `Sinh hoạt chi bộ bất thường ${vietnameseDateText(isoDate)}`;
  }
}

/**
 * A date inside a document's text, as Party documents write it: "14/11/2023" (dd/mm/yyyy, HD 36-HD/VPTW),
 * never the ISO form. Throws a RangeError for a date that does not exist.
 */
export function shortDateText(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** "16 giờ 30 phút": the hour and minute of an instant in Vietnam (Asia/Ho_Chi_Minh), two digits each. */
export function timeOfDayText(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: VIETNAM_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('hour')} giờ ${part('minute')} phút`;
}

/** "14 giờ 00 phút, ngày 04/11/2023": when a meeting started, as the minutes state it (Vietnam time). */
export function clockText(at: Date): string {
  return `${timeOfDayText(at)}, ngày ${shortDateText(isoDateInVietnam(at))}`;
}

/**
 * The minutes' one closing line (HD 12-HD/BTCTW of 06/7/2018, point 2.3: the meeting closes; the minutes
 * state when): "Buổi sinh hoạt kết thúc lúc 16 giờ 30 phút cùng ngày." — or with the date when the meeting
 * ended on another day than it started ("…lúc 00 giờ 15 phút, ngày 05/11/2023.").
 */
export function closingLine(endedAt: Date, startedAt: Date): string {
  const sameDay = isoDateInVietnam(endedAt) === isoDateInVietnam(startedAt);
  const when = sameDay ? `${timeOfDayText(endedAt)} cùng ngày` : clockText(endedAt);
  return `Buổi sinh hoạt kết thúc lúc ${when}.`;
}

/**
 * The minutes' own reading and adoption, the last words before the signatures (HD 12-HD/BTCTW point 2.3:
 * "thông qua biên bản"; decided by more than half, QĐ 24-QĐ/TW point 9.3.2). `votes` is the vote that
 * adopted them: those in favour over the official members present, who alone vote (Điều lệ Đảng, Điều 5:
 * a probationary member has every right but to vote) — so a unanimous cell reads "16/16", not "16/17"
 * beside a probationary member. Without a vote yet, blanks to fill by hand: "…/…".
 */
export function minutesAdoptionText(votes: { for: number; voters: number } | null): string {
  const share = votes ? `${votes.for}/${votes.voters}` : '…/…';
  return `Biên bản đã được đọc lại trước chi bộ và được ${share} đồng chí đảng viên chính thức dự họp tán thành thông qua.`;
}
