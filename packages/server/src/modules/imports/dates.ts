/**
 * Dates of import files, in the styles Vietnamese spreadsheets hold them: dd/mm/yyyy and d/m/yyyy (also
 * with `-` or `.`, as in "05.02.1975"), ISO yyyy-mm-dd (what date cells become, see xlsx.ts), yyyy/mm/dd,
 * "ngày 5 tháng 2 năm 1975", each optionally followed by a time of day (database exports often write
 * "05/02/1975 00:00:00"). Day first, always: Vietnam never writes the month first.
 */
import { foldForSearch } from '@nennep/core';
import type { Bilingual } from '../../http/errors.ts';

export type DateReading = { iso: string } | { problem: Bilingual };

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`);
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})${TIME}$`);
const IN_WORDS = /^ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})$/;

/** Accepted styles, for messages. */
export const DATE_STYLES: Bilingual = {
  vi: 'dd/mm/yyyy, d/m/yyyy, dd.mm.yyyy, yyyy-mm-dd hoặc ô kiểu ngày của Excel',
  en: 'dd/mm/yyyy, d/m/yyyy, dd.mm.yyyy, yyyy-mm-dd or an Excel date cell',
};

/** The parts of a date as written, day first; null when the text is no date style we know. */
function partsOf(text: string): [day: number, month: number, year: number] | null {
  let match = YEAR_FIRST.exec(text);
  if (match) return [Number(match[3]), Number(match[2]), Number(match[1])];
  match = DAY_FIRST.exec(text) ?? IN_WORDS.exec(foldForSearch(text));
  if (match) return [Number(match[1]), Number(match[2]), Number(match[3])];
  return null;
}

/** Reads one date cell: its ISO form, or why it cannot be read (an unknown style, or no such day). */
export function readDate(raw: string): DateReading {
  const text = raw.trim();
  const parts = partsOf(text);
  if (!parts) {
    return {
      problem: {
        vi: `Ngày "${text}" không hợp lệ: không đọc được, hãy ghi theo ${DATE_STYLES.vi}.`,
        en: `Invalid date "${text}": unreadable; write it as ${DATE_STYLES.en}.`,
      },
    };
  }
  const [day, month, year] = parts;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0;
  if (year < 1900 || year > 2100) {
    return {
      problem: {
        vi: `Ngày "${text}" không hợp lệ: năm ${year} nằm ngoài khoảng 1900–2100.`,
        en: `Invalid date "${text}": the year ${year} is outside 1900–2100.`,
      },
    };
  }
  if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] ?? 31) + leap) {
    return {
      problem: {
        vi: `Ngày "${text}" không hợp lệ: không có ngày ${day} tháng ${month} năm ${year}.`,
        en: `Invalid date "${text}": there is no day ${day} of month ${month} in ${year}.`,
      },
    };
  }
  return { iso: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** Whether a cell looks like a date of any accepted style (used to weigh column guesses). */
export const looksLikeDate = (text: string) => partsOf(text.trim()) !== null;
