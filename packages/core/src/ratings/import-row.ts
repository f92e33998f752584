/**
 * One row of a ratings import (issue 15 point 4), for committees that rate on paper:
 * `year, period, subject, code, score, level, notes`. Read the same by the CLI (`nennep import ratings FILE`)
 * and the web; the checks that need the database (who may be rated, the quota) come after, on all rows.
 */
import type { Bilingual } from '../meetings/types.ts';
import { foldForSearch } from '../text/vietnamese.ts';
import { ratingLevelOf, scoreFitsLevel } from './rules.ts';
import type { RatingLevel, RatingPeriod, RatingRules, RatingSubject } from './types.ts';

export const RATING_IMPORT_COLUMNS = [
  'year',
  'period',
  'subject',
  'code',
  'score',
  'level',
  'notes',
] as const;
export type RatingImportColumn = (typeof RATING_IMPORT_COLUMNS)[number];

export interface RatingImportRow {
  year: number;
  period: RatingPeriod;
  subject: RatingSubject;
  code: string;
  score: number | null;
  level: RatingLevel;
  notes: string | null;
}

export interface RatingImportError {
  field: RatingImportColumn;
  message: Bilingual;
}

export type RatingImportResult =
  | { ok: true; row: RatingImportRow }
  | { ok: false; errors: RatingImportError[] };

/** Words for each level once accents are folded and case lowered: the code, the full term, its short forms. */
const LEVEL_WORDS: Record<RatingLevel, readonly string[]> = {
  excellent: ['excellent', 'hoan thanh xuat sac nhiem vu', 'hoan thanh xuat sac', 'xuat sac', 'htxsnv'],
  good: ['good', 'hoan thanh tot nhiem vu', 'hoan thanh tot', 'tot', 'httnv'],
  completed: ['completed', 'hoan thanh nhiem vu', 'hoan thanh', 'htnv'],
  failed: ['failed', 'not completed', 'khong hoan thanh nhiem vu', 'khong hoan thanh', 'khtnv'],
};

/** A level from its code or its Vietnamese words, diacritics and case tolerated ("Hoàn thành tốt" → good). */
export function parseRatingLevel(text: string): RatingLevel | null {
  const folded = foldForSearch(text).replace(/[.,;:]+$/u, '');
  for (const [level, words] of Object.entries(LEVEL_WORDS) as [RatingLevel, readonly string[]][]) {
    if (words.includes(folded)) return level;
  }
  return null;
}

/** '' or `year` (also năm) the annual rating; Q1–Q3 a quarter's (quý 1 …). */
export function parseRatingPeriod(text: string): RatingPeriod | null {
  const folded = foldForSearch(text);
  if (folded === '' || folded === 'year' || folded === 'nam' || folded === 'ca nam') return 'year';
  const quarter = /^(?:q|quy)\s*([123])$/u.exec(folded);
  return quarter ? (`Q${quarter[1]}` as RatingPeriod) : null;
}

/** `org` (tổ chức) or `member` (đảng viên). */
export function parseRatingSubject(text: string): RatingSubject | null {
  const folded = foldForSearch(text);
  if (folded === 'org' || folded === 'to chuc') return 'org';
  if (folded === 'member' || folded === 'dang vien') return 'member';
  return null;
}

const say = (vi: string, en: string): Bilingual => ({ vi, en });

/**
 * Reads one row: every field checked, every fault named by its column. A missing level is the score's (the
 * disqualifying conditions are not in the file); a score and level given must fit (`scoreFitsLevel`).
 */
export function parseRatingImportRow(
  raw: Partial<Record<RatingImportColumn, string>>,
  rules: RatingRules,
): RatingImportResult {
  const errors: RatingImportError[] = [];
  const cell = (column: RatingImportColumn) => (raw[column] ?? '').trim();

  const yearText = cell('year');
  const year = /^\d{4}$/u.test(yearText) ? Number(yearText) : null;
  if (year === null || year < 2000 || year > 2100)
    errors.push({ field: 'year', message: say('Năm phải có 4 chữ số.', 'The year must have 4 digits.') });

  const period = parseRatingPeriod(cell('period'));
  if (!period || (period !== 'year' && !rules.quarters.includes(period)))
    errors.push({
      field: 'period',
      message: say(
        'Kỳ đánh giá: để trống (cả năm) hoặc Q1–Q3.',
        'Period: empty or year (the whole year), or Q1–Q3.',
      ),
    });

  const subject = parseRatingSubject(cell('subject'));
  if (!subject)
    errors.push({
      field: 'subject',
      message: say('Đối tượng: tổ chức hoặc đảng viên.', 'Subject: org or member.'),
    });

  const code = cell('code');
  if (code === '' || code.length > 40)
    errors.push({ field: 'code', message: say('Mã không được để trống.', 'The code is required.') });

  const scoreText = cell('score').replace(',', '.');
  let score: number | null = null;
  if (scoreText !== '') {
    score = /^\d{1,3}(?:\.\d)?$/u.test(scoreText) ? Number(scoreText) : Number.NaN;
    if (Number.isNaN(score) || score > 100) {
      errors.push({
        field: 'score',
        message: say('Điểm là số từ 0 đến 100.', 'The score is a number from 0 to 100.'),
      });
      score = null;
    }
  }

  const levelText = cell('level');
  let level = levelText === '' ? null : parseRatingLevel(levelText);
  if (levelText !== '' && !level)
    errors.push({
      field: 'level',
      message: say(
        'Mức xếp loại: hoàn thành xuất sắc, hoàn thành tốt, hoàn thành hoặc không hoàn thành nhiệm vụ.',
        'Level: excellent, good, completed or failed (or the Vietnamese name of the level).',
      ),
    });
  if (levelText === '' && score === null && !errors.some((e) => e.field === 'score'))
    errors.push({
      field: 'level',
      message: say('Cần có điểm hoặc mức xếp loại.', 'A score or a level is required.'),
    });
  if (!level && levelText === '' && score !== null) level = ratingLevelOf(score, false, rules.levels);
  if (level && score !== null && !scoreFitsLevel(score, level, rules.levels))
    errors.push({ field: 'score', message: scoreOutsideLevel(score, level, rules) });

  const notes = cell('notes');
  if (notes.length > 1000)
    errors.push({
      field: 'notes',
      message: say('Ghi chú dài quá 1000 ký tự.', 'Notes longer than 1000 characters.'),
    });

  if (errors.length || year === null || !period || !subject || !level) return { ok: false, errors };
  return { ok: true, row: { year, period, subject, code, score, level, notes: notes || null } };
}

/** "85 points do not reach excellent (from 90)": the same words for the app and the import. */
export function scoreOutsideLevel(score: number, level: RatingLevel, rules: RatingRules): Bilingual {
  const given = ratingLevelOf(score, false, rules.levels);
  return say(
    `Điểm ${score} ứng với mức ${LEVEL_VI[given]}, không khớp mức ${LEVEL_VI[level]} đã ghi.`,
    `A score of ${score} gives the level ${given}, not the level ${level} given.`,
  );
}

const LEVEL_VI: Record<RatingLevel, string> = {
  excellent: 'hoàn thành xuất sắc',
  good: 'hoàn thành tốt',
  completed: 'hoàn thành',
  failed: 'không hoàn thành',
};
