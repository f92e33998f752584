import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_RULES } from './default-rules.ts';
import {
  parseRatingImportRow,
  parseRatingLevel,
  parseRatingPeriod,
  parseRatingSubject,
} from './import-row.ts';
import { RATING_LEVEL_LABELS, RATING_LEVELS } from './types.ts';

const rules = DEFAULT_RATING_RULES;
const row = {
  year: '2026',
  period: '',
  subject: 'org',
  code: 'CB01',
  score: '92',
  level: 'excellent',
  notes: '',
};

describe('a ratings import row', () => {
  it('reads the columns of issue 15 point 4', () => {
    expect(parseRatingImportRow(row, rules)).toEqual({
      ok: true,
      row: {
        year: 2026,
        period: 'year',
        subject: 'org',
        code: 'CB01',
        score: 92,
        level: 'excellent',
        notes: null,
      },
    });
    const quarter = parseRatingImportRow(
      {
        ...row,
        period: 'q2',
        subject: 'Đảng viên',
        score: '75,5',
        level: 'Hoàn thành TỐT nhiệm vụ',
        notes: ' x ',
      },
      rules,
    );
    expect(quarter).toEqual({
      ok: true,
      row: {
        year: 2026,
        period: 'Q2',
        subject: 'member',
        code: 'CB01',
        score: 75.5,
        level: 'good',
        notes: 'x',
      },
    });
  });

  it('takes the level from the score when only the score is given, and the level alone', () => {
    expect(parseRatingImportRow({ ...row, level: '' }, rules)).toMatchObject({
      ok: true,
      row: { level: 'excellent' },
    });
    expect(parseRatingImportRow({ ...row, score: '', level: 'hoan thanh' }, rules)).toMatchObject({
      ok: true,
      row: { score: null, level: 'completed' },
    });
  });

  it('names every column at fault', () => {
    const bad = parseRatingImportRow(
      { year: '26', period: 'Q4', subject: 'cell', code: '', score: '101', level: 'great', notes: '' },
      rules,
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.map((e) => e.field)).toEqual(['year', 'period', 'subject', 'code', 'score', 'level']);
    expect(parseRatingImportRow({ ...row, score: '', level: '' }, rules)).toMatchObject({
      ok: false,
      errors: [{ field: 'level' }],
    });
  });

  it('refuses a score outside the level given, in both languages', () => {
    const result = parseRatingImportRow({ ...row, score: '85' }, rules);
    expect(result).toMatchObject({ ok: false, errors: [{ field: 'score' }] });
    if (result.ok) return;
    expect(result.errors[0]?.message.vi).toContain('85');
    expect(result.errors[0]?.message.en).toContain('good');
    expect(parseRatingImportRow({ ...row, score: '95', level: 'good' }, rules).ok).toBe(true);
  });

  it('refuses a quarter the rules do not rate', () => {
    const yearOnly = { ...rules, quarters: [] };
    expect(parseRatingImportRow({ ...row, period: 'Q1' }, yearOnly)).toMatchObject({
      ok: false,
      errors: [{ field: 'period' }],
    });
  });
});

describe('the words of a level, a period and a subject', () => {
  it('reads the codes and the Vietnamese names whatever the marks and case', () => {
    for (const level of RATING_LEVELS) {
      expect(parseRatingLevel(level)).toBe(level);
      expect(parseRatingLevel(RATING_LEVEL_LABELS[level].vi)).toBe(level);
      expect(parseRatingLevel(RATING_LEVEL_LABELS[level].vi.toUpperCase())).toBe(level);
    }
    expect(parseRatingLevel('xuất sắc')).toBe('excellent');
    expect(parseRatingLevel('KHÔNG hoàn thành.')).toBe('failed');
    expect(parseRatingLevel('hoàn thành tốt')).toBe('good');
    expect(parseRatingLevel('tốt lắm')).toBeNull();
    expect(parseRatingPeriod('')).toBe('year');
    expect(parseRatingPeriod('Năm')).toBe('year');
    expect(parseRatingPeriod('Quý 3')).toBe('Q3');
    expect(parseRatingPeriod('Q4')).toBeNull();
    expect(parseRatingSubject('Tổ chức')).toBe('org');
    expect(parseRatingSubject('MEMBER')).toBe('member');
  });

  it('a folded, upper-cased or lower-cased label reads as the same level', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RATING_LEVELS), fc.boolean(), fc.boolean(), (level, upper, spaces) => {
        let text = RATING_LEVEL_LABELS[level].vi;
        if (upper) text = text.toUpperCase();
        if (spaces) text = `  ${text.replace(/ /g, '  ')} `;
        expect(parseRatingLevel(text)).toBe(level);
      }),
    );
  });
});
