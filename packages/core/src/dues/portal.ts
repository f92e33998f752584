/**
 * The statement of dues paid through the National Public Service Portal (Cổng Dịch vụ công quốc gia; QĐ
 * 01-QĐ/TW of 03/02/2026: dues are paid monthly through the portal or in cash to the cell; issue 16 point 3):
 * its columns as the portal names them, the mapping suggested from the headers (folded, unaccented), the
 * checks of a mapping, and one row read into typed values or the reason it cannot be imported.
 */
import { parseVietnameseDate } from '../dates.ts';
import type { Bilingual } from '../meetings/types.ts';
import { foldForSearch } from '../text/vietnamese.ts';
import { isMonth } from './months.ts';
import { parseVnd } from './rows.ts';
import { DUES_LIMITS } from './types.ts';

/** The fields a statement column can be mapped to. */
export const PORTAL_FIELDS = [
  'full_name',
  'member_code',
  'party_card_no',
  'citizen_id',
  'birth_date',
  'month',
  'paid_vnd',
  'paid_on',
  'transaction_id',
] as const;
export type PortalField = (typeof PORTAL_FIELDS)[number];
/** One field (or null: the column is ignored) per column of the file, in the file's order. */
export type PortalMapping = (PortalField | null)[];

export const PORTAL_FIELD_LABELS: Record<PortalField, Bilingual> = {
  full_name: { vi: 'Họ và tên', en: 'Full name' },
  member_code: { vi: 'Mã đảng viên', en: 'Member code' },
  party_card_no: { vi: 'Số thẻ đảng viên', en: 'Party card number' },
  citizen_id: { vi: 'Số CCCD', en: 'Citizen ID' },
  birth_date: { vi: 'Ngày sinh', en: 'Date of birth' },
  month: { vi: 'Kỳ nộp (tháng)', en: 'Month paid for' },
  paid_vnd: { vi: 'Số tiền (đồng)', en: 'Amount (VND)' },
  paid_on: { vi: 'Ngày nộp', en: 'Paid on' },
  transaction_id: { vi: 'Mã giao dịch', en: 'Transaction ID' },
};

/** Header names seen on portal statements, folded (lowercase, unaccented, punctuation as spaces). */
const SYNONYMS: Record<PortalField, string[]> = {
  full_name: ['ho va ten', 'ho ten', 'ten dang vien', 'ho ten dang vien', 'nguoi nop', 'ten nguoi nop'],
  member_code: ['ma dang vien', 'ma dv', 'ma so dang vien', 'member code'],
  party_card_no: ['so the dang vien', 'so the dang', 'so the', 'the dang vien'],
  citizen_id: [
    'so cccd',
    'cccd',
    'so can cuoc',
    'so can cuoc cong dan',
    'so dinh danh',
    'so dinh danh ca nhan',
  ],
  birth_date: ['ngay sinh', 'ngay thang nam sinh', 'nam sinh'],
  month: ['ky nop', 'thang', 'ky', 'thang nop', 'dong cho thang', 'ky dang phi', 'nop cho thang'],
  paid_vnd: ['so tien', 'so tien nop', 'so tien da nop', 'so tien dong', 'thanh tien', 'so tien thanh toan'],
  paid_on: ['ngay nop', 'ngay giao dich', 'ngay thanh toan', 'ngay dong', 'thoi gian nop'],
  transaction_id: ['ma giao dich', 'ma gd', 'so giao dich', 'ma thanh toan', 'ma ho so', 'so bien lai'],
};

/** A header folded for matching: unaccented, lowercase, a bracketed unit ("(đồng)") and punctuation dropped. */
export const foldHeader = (header: string) =>
  foldForSearch(header.replace(/\([^)]*\)/g, ' '))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The mapping suggested for a file's header: each field at most once, an exact name first, then a prefix. */
export function suggestPortalMapping(header: readonly string[]): PortalMapping {
  const folded = header.map(foldHeader);
  const mapping: PortalMapping = header.map(() => null);
  const taken = new Set<PortalField>();
  const place = (test: (name: string, synonym: string) => boolean) => {
    folded.forEach((name, i) => {
      if (mapping[i] !== null || name === '') return;
      const field = PORTAL_FIELDS.find((f) => !taken.has(f) && SYNONYMS[f].some((s) => test(name, s)));
      if (field) {
        mapping[i] = field;
        taken.add(field);
      }
    });
  };
  place((name, s) => name === s || name === s.replace(/ /g, '_'));
  place((name, s) => s.length >= 5 && name.startsWith(`${s} `));
  return mapping;
}

/** A mapping's problem, naming the field. */
export interface PortalMappingError {
  field: string;
  message: Bilingual;
}

/**
 * What a mapping lacks: each field at most once; the month, the amount and the day paid; and a way to find
 * the member (member code or party card number, citizen ID, or full name with date of birth).
 */
export function portalMappingErrors(mapping: PortalMapping): PortalMappingError[] {
  const errors: PortalMappingError[] = [];
  const chosen = mapping.filter((f): f is PortalField => f !== null);
  for (const field of PORTAL_FIELDS) {
    const label = PORTAL_FIELD_LABELS[field];
    if (chosen.filter((f) => f === field).length > 1)
      errors.push({
        field,
        message: {
          vi: `${label.vi}: chỉ được gán cho một cột.`,
          en: `${label.en}: map it to one column only.`,
        },
      });
  }
  for (const field of ['month', 'paid_vnd', 'paid_on'] as const) {
    const label = PORTAL_FIELD_LABELS[field];
    if (!chosen.includes(field))
      errors.push({
        field,
        message: { vi: `${label.vi}: chưa chọn cột nào.`, en: `${label.en}: no column is mapped to it.` },
      });
  }
  const has = (f: PortalField) => chosen.includes(f);
  const identified =
    has('member_code') ||
    has('party_card_no') ||
    has('citizen_id') ||
    (has('full_name') && has('birth_date'));
  if (!identified)
    errors.push({
      field: has('full_name') ? 'birth_date' : 'member_code',
      message: {
        vi: 'Cần cột mã đảng viên, số thẻ đảng viên, số CCCD, hoặc họ và tên cùng ngày sinh để tìm đảng viên.',
        en: 'Map the member code, party card number, citizen ID, or full name with date of birth to find members.',
      },
    });
  return errors;
}

/** Why a statement row is not imported. */
export const PORTAL_REASONS = {
  no_identity: { vi: 'Thiếu thông tin để tìm đảng viên', en: 'Nothing to find the member by' },
  unknown_member: { vi: 'Không tìm thấy đảng viên', en: 'No such member' },
  ambiguous_member: {
    vi: 'Nhiều đảng viên cùng họ tên và ngày sinh',
    en: 'Several members share the name and date of birth',
  },
  inactive: { vi: 'Đảng viên không còn sinh hoạt đảng', en: 'The member is no longer active' },
  bad_month: { vi: 'Tháng không hợp lệ', en: 'The month is not valid' },
  before_admission: { vi: 'Tháng trước khi kết nạp', en: 'The month is before admission' },
  too_far_ahead: { vi: 'Đóng trước quá 12 tháng', en: 'More than 12 months ahead' },
  bad_amount: { vi: 'Số tiền không hợp lệ', en: 'The amount is not valid' },
  bad_date: { vi: 'Ngày nộp không hợp lệ', en: 'The day paid is not valid' },
  future_date: { vi: 'Ngày nộp sau hôm nay', en: 'The day paid is after today' },
  duplicate: { vi: 'Trùng giao dịch', en: 'Duplicate transaction' },
} as const satisfies Record<string, Bilingual>;
export type PortalReason = keyof typeof PORTAL_REASONS;

/**
 * A month as statements write it: 2026-03, 03/2026, 3-2026, "Tháng 3/2026", "T03/2026", "Kỳ 3/2026", or a
 * day (its month: a spreadsheet date cell). Null when it is none of them.
 */
export function parsePortalMonth(text: string): string | null {
  const value = foldForSearch(text)
    .replace(/^(thang|ky|t)\s*/, '')
    .trim();
  if (isMonth(value)) return value;
  const mY = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(value);
  if (mY) {
    const month = `${mY[2]}-${String(mY[1]).padStart(2, '0')}`;
    return isMonth(month) ? month : null;
  }
  const day = parseVietnameseDate(value);
  return day ? day.slice(0, 7) : null;
}

/** A citizen ID as stored: digits only; one a spreadsheet kept as a number gets its leading zeros back. */
export function normalCitizenId(text: string): string {
  const digits = text.replace(/[\s.-]/g, '');
  return /^\d{10,11}$/.test(digits) ? digits.padStart(12, '0') : digits;
}

/** A statement row read: who (as given), what month, how much, when, and the portal's transaction. */
export interface PortalRow {
  memberCode: string | null;
  partyCardNo: string | null;
  citizenId: string | null;
  fullName: string | null;
  birthDate: string | null;
  month: string;
  paidVnd: number;
  paidOn: string;
  transactionId: string | null;
}

export type PortalRowResult =
  | { ok: true; value: PortalRow }
  | { ok: false; field: string; reason: PortalReason };

/** Reads one statement row (cells by field); the first problem found is the one reported. */
export function parsePortalRow(cells: Partial<Record<PortalField, string>>): PortalRowResult {
  const text = (f: PortalField) => {
    const t = (cells[f] ?? '').trim();
    return t === '' ? null : t;
  };
  const citizen = text('citizen_id');
  const row = {
    memberCode: text('member_code'),
    partyCardNo: text('party_card_no'),
    citizenId: citizen === null ? null : normalCitizenId(citizen),
    fullName: text('full_name'),
    birthDate: parseVietnameseDate(text('birth_date') ?? ''),
  };
  if (!row.memberCode && !row.partyCardNo && !row.citizenId && !(row.fullName && row.birthDate))
    return { ok: false, field: 'member_code', reason: 'no_identity' };
  const month = parsePortalMonth(text('month') ?? '');
  if (!month) return { ok: false, field: 'month', reason: 'bad_month' };
  // The portal collects payments only: a statement line is a positive amount (corrections go by the cell).
  const paid = parseVnd((text('paid_vnd') ?? '').replace(/\s*(vnd|đ|đồng)$/i, ''));
  if (paid === null || paid <= 0 || paid > DUES_LIMITS.paidVnd)
    return { ok: false, field: 'paid_vnd', reason: 'bad_amount' };
  const paidOn = parseVietnameseDate((text('paid_on') ?? '').split(/[\sT]/)[0] ?? '');
  if (!paidOn) return { ok: false, field: 'paid_on', reason: 'bad_date' };
  return { ok: true, value: { ...row, month, paidVnd: paid, paidOn, transactionId: text('transaction_id') } };
}
