import { fileURLToPath } from 'node:url';
import {
  CHECK_MESSAGES,
  DEFAULT_RULE_SET,
  ENTITY_LABELS,
  FIELD_LABELS,
  type Locale,
  MESSAGE_CODES,
  message,
  ORG_KIND_LABELS,
} from '@nennep/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseRuleSetContent } from '../modules/rule-sets/service.ts';
import {
  bilingualFunctions,
  bilingualLiterals,
  checkMessages,
  sourceFiles,
} from '../test/bilingual-literals.ts';
import { notEnglish, notVietnamese, pairProblems } from '../test/language.ts';
import { AppError, zodFieldErrors } from './errors.ts';

const packages = fileURLToPath(new URL('../../../', import.meta.url));

/** `label → problems` for every pair that fails, so one run lists them all. */
function failures(
  pairs: Iterable<readonly [string, { readonly vi: string; readonly en: string }]>,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [label, pair] of pairs) {
    const problems = pairProblems(pair.vi, pair.en);
    if (problems.length) out[label] = [...problems, `vi: ${pair.vi}`, `en: ${pair.en}`];
  }
  return out;
}

describe('the language check itself', () => {
  it('catches English in Vietnamese and Vietnamese in English', () => {
    expect(notVietnamese('Không tìm thấy meeting số {id}.')).toEqual(['meeting']);
    expect(notVietnamese('Đầu vào không hợp lệ: mong đợi string, nhận được undefined')).toEqual([
      'string',
      'undefined',
    ]);
    expect(notVietnamese('Ngày sinh (dd/mm/yyyy), mã CCCD, tệp DOCX')).toEqual([]);
    expect(notEnglish('Cell not found: Chi bộ số 3 of Đảng bộ xã')).toEqual(['bộ', 'số', 'Đảng', 'bộ', 'xã']);
    expect(notEnglish('Sex: male, female (Nam, Nữ); the app is Nền Nếp')).toEqual([]);
    expect(notEnglish('Saved in {{name}}.')).toEqual([]);
    expect(pairProblems('Lưu', 'Lưu')).toContain('same text in both languages');
    expect(pairProblems('PDF', 'PDF')).toEqual([]);
  });
});

describe('server messages', () => {
  it('every message code reads in one language each', () => {
    const params = { minutes: 5, detail: '', entity: '' };
    const pairs = MESSAGE_CODES.map(
      (code) => [code, { vi: message(code, 'vi', params), en: message(code, 'en', params) }] as const,
    ).filter(([code]) => code !== 'conflict');
    expect(failures(pairs)).toEqual({});
  });

  it('every field label, check message, entity and kind name reads in one language each', () => {
    expect(failures(Object.entries(FIELD_LABELS).map(([k, v]) => [`field ${k}`, v]))).toEqual({});
    expect(failures(Object.entries(CHECK_MESSAGES).map(([k, v]) => [`check ${k}`, v]))).toEqual({});
    expect(failures(Object.entries(ENTITY_LABELS).map(([k, v]) => [`entity ${k}`, v]))).toEqual({});
    expect(failures(Object.entries(ORG_KIND_LABELS).map(([k, v]) => [`kind ${k}`, v]))).toEqual({});
  });

  it('every bilingual text written in the server and core sources', () => {
    const files = [`${packages}server/src`, `${packages}core/src`].flatMap(sourceFiles);
    const functions = bilingualFunctions(files);
    expect([...functions.keys()]).toEqual(expect.arrayContaining(['add', 'unreadable', 't', 'opening']));
    const literals = files.flatMap((file) => bilingualLiterals(file, packages, functions));
    expect(literals.length).toBeGreaterThan(300);
    // `{ vi: '', en: '' }` is an absent suffix (a hint added to a message only when it applies).
    const texts = literals.filter((l) => l.vi !== '' || l.en !== '');
    expect(failures(texts.map((l) => [`${l.file}:${l.line}`, l]))).toEqual({});
  });

  it('every check of the core schemas words its refusal by a code of CHECK_MESSAGES', () => {
    const found = sourceFiles(`${packages}core/src`).flatMap((file) => checkMessages(file, packages));
    expect(found.length).toBeGreaterThan(10);
    const unknown = found.filter((f) => !CHECK_MESSAGES[f.message]).map((f) => f.message);
    // Left to the owners of these checks: built from a criterion's id, they cannot be codes as they
    // are; the server says "không hợp lệ" in Vietnamese and their own words in English. No new ones.
    const knownTemplates = [
      'criterion maxima sum to {…}, not {…}',
      'criterion {…} appears twice',
      'criterion {…}: group {…} is not listed',
      'criterion {…}: an automatic criterion needs a fact and options',
      'criterion {…}: option above {…}',
      'criterion {…}: {…}',
      'no criterion {…}',
      'category {…} appears twice',
    ];
    expect(unknown.filter((m) => !knownTemplates.includes(m))).toEqual([]);
  });

  it('no bilingual text shows an internal id: things are named by what people know', () => {
    const files = [`${packages}server/src`, `${packages}core/src`].flatMap(sourceFiles);
    const functions = bilingualFunctions(files);
    const withIds = files
      .flatMap((file) => bilingualLiterals(file, packages, functions))
      .filter((l) => l.expressions.some((e) => /(^|\.)(id|[a-z]\w*Id)$/.test(e)))
      .map((l) => `${l.file}:${l.line} ${l.vi}`);
    expect(withIds).toEqual([]);
  });
});

/** One failing value for each kind of check our schemas make. */
const SAMPLES: [string, z.ZodType, unknown][] = [
  ['missing', z.string(), undefined],
  ['wrong type', z.number(), 'abc'],
  ['text too long', z.string().max(5), 'abcdefgh'],
  ['text too short', z.string().min(3), 'a'],
  ['empty text', z.string().min(1), ''],
  ['number too big', z.number().int().max(10), 12],
  ['number too small', z.number().int().min(1), 0],
  ['not an integer', z.number().int(), 1.5],
  ['too many items', z.array(z.string()).max(1), ['a', 'b']],
  ['too few items', z.array(z.string()).min(1), []],
  ['not one of', z.enum(['month', 'quarter']), 'week'],
  ['not the value', z.literal(true), false],
  ['date format', z.iso.date(), '05/12/2026'],
  ['date-time format', z.iso.datetime(), 'tomorrow'],
  ['email', z.email(), 'nobody'],
  ['uuid', z.uuid(), 'x'],
  ['pattern', z.string().regex(/^\d+$/), 'x'],
  ['unknown keys', z.strictObject({ a: z.string() }), { a: 'x', b: 1 }],
  ['union', z.union([z.string(), z.number()]), true],
  ['refinement', z.string().refine((v) => v === 'x', { message: 'time' }), 'y'],
];

describe('validation messages', () => {
  const issuesOf = (schema: z.ZodType, value: unknown) => {
    const result = schema.safeParse(value);
    if (result.success) throw new Error('the sample should fail');
    // Through Fastify the issues arrive without their input (zod keeps it only on request).
    return result.error.issues.map(({ ...issue }) => {
      delete (issue as { input?: unknown }).input;
      return issue;
    });
  };

  it.each(SAMPLES)('%s: in plain words, each language in its own', (_, schema, value) => {
    const [error] = zodFieldErrors(issuesOf(schema, value), 'body.date');
    expect(error && pairProblems(error.message.vi, error.message.en)).toEqual([]);
  });

  it('names every field by its label in both languages', () => {
    const misnamed = Object.entries(FIELD_LABELS).filter(([field, label]) => {
      const [error] = zodFieldErrors(issuesOf(z.string(), undefined), `body.${field}`);
      return (
        error?.message.vi !== `${label.vi}: không được để trống` ||
        error.message.en !== `${label.en}: is required`
      );
    });
    expect(misnamed.map(([field]) => field)).toEqual([]);
  });

  it('names the parts of a rule set it refuses in both languages', () => {
    const content = structuredClone(DEFAULT_RULE_SET);
    content.meetingWindow = { fromDay: 20, toDay: 10 };
    content.defaultStartTime = '7h30';
    let refusal: unknown;
    try {
      parseRuleSetContent(content);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).fields[0]?.message).toEqual({
      vi: 'Giờ họp mặc định: giờ theo dạng HH:MM, ví dụ 19:30; Đến ngày: ngày kết thúc của kỳ họp phải từ ngày bắt đầu trở đi',
      en: 'Default start time: a time as HH:MM, e.g. 19:30; To day: the meeting window must not end before it starts',
    });
  });

  it('reads as people write: "Ngày: …" and "Date: …"', () => {
    const words = (schema: z.ZodType, value: unknown, locale: Locale) =>
      zodFieldErrors(issuesOf(schema, value), 'body.date')[0]?.message[locale];
    expect(words(z.string(), undefined, 'vi')).toBe('Ngày: không được để trống');
    expect(words(z.string(), undefined, 'en')).toBe('Date: is required');
    expect(words(z.string().max(5), 'abcdefgh', 'vi')).toBe('Ngày: dài quá 5 ký tự');
    expect(words(z.string().max(5), 'abcdefgh', 'en')).toBe('Date: is longer than 5 characters');
    expect(words(z.iso.date(), '05/12/2026', 'vi')).toBe('Ngày: không phải một ngày hợp lệ');
    expect(words(z.iso.date(), '05/12/2026', 'en')).toBe('Date: is not a valid date');
  });
});

describe('the web dictionaries', async () => {
  // Imported by path: the web's i18n index needs the DOM types the server's tsc does not load.
  const viPath = `${packages}web/src/app/i18n/vi.ts`;
  const enPath = `${packages}web/src/app/i18n/en.ts`;
  const vi = ((await import(viPath)) as { vi: unknown }).vi;
  const en = ((await import(enPath)) as { en: unknown }).en;

  const leaves = (value: unknown, prefix = ''): Map<string, unknown> => {
    const out = new Map<string, unknown>();
    if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        for (const [k, v] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
      }
    } else out.set(prefix, value);
    return out;
  };
  const viLeaves = leaves(vi);
  const enLeaves = leaves(en);
  /** The switch shows each language's name in that language, whatever the interface language. */
  const ENDONYMS = ['lang.vi', 'lang.en'];
  /** The default subject of an "other" vote is left for the secretary to write. */
  const LEFT_EMPTY = ['votes.defaultText.other'];

  it('have the same keys, each a non-empty text', () => {
    expect([...viLeaves.keys()].filter((k) => !enLeaves.has(k))).toEqual([]);
    expect([...enLeaves.keys()].filter((k) => !viLeaves.has(k))).toEqual([]);
    const empty = [...viLeaves, ...enLeaves].filter(
      ([k, v]) => typeof v !== 'string' || (!v.trim() && !LEFT_EMPTY.includes(k)),
    );
    expect(empty.map(([k]) => k)).toEqual([]);
  });

  it('say each thing in one language each', () => {
    const pairs: [string, { vi: string; en: string }][] = [...viLeaves]
      .filter(([key]) => !ENDONYMS.includes(key) && !LEFT_EMPTY.includes(key))
      .map(([key, value]) => [key, { vi: String(value), en: String(enLeaves.get(key) ?? '') }]);
    expect(failures(pairs)).toEqual({});
  });
});
