import { parseIsoDate } from './calendar.ts';
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
 * đề tháng 3 năm 2026". An extraordinary meeting is named by its day, as a month may hold several.
 */
export function meetingSubtitle(kind: MeetingKind, isoDate: string, combined = false): string {
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
      return `Họp chi ủy ${monthYearText(isoDate)}`;
    case 'extraordinary':
      return `Sinh hoạt chi bộ bất thường ${vietnameseDateText(isoDate)}`;
  }
}
