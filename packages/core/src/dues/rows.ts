/**
 * The rows of `npx nennep import dues-basis FILE` and `npx nennep import dues FILE` (issue 16 point 6): cells
 * as the sheet gives them (text) in, typed values out, or errors naming the column in Vietnamese and English.
 */
import { z } from 'zod';
import { parseVietnameseDate } from '../dates.ts';
import type { Bilingual } from '../meetings/types.ts';
import { memberCodeSchema } from '../members/schemas.ts';
import { addMonths, isMonth } from './months.ts';
import {
  DEFAULT_DUES_RULES,
  DUES_CHANNELS,
  DUES_EXEMPTIONS,
  DUES_LIMITS,
  type DuesBasis,
  type DuesPayment,
  type DuesRules,
} from './types.ts';

/** Columns of the `dues-basis` import, in template order. */
export const DUES_BASIS_COLUMNS = [
  'member_code',
  'from_month',
  'category',
  'amount_vnd',
  'exemption',
  'reduction_percent',
  'reduction_until',
] as const;
/** Columns of the `dues` (payments) import, in template order. */
export const DUES_PAYMENT_COLUMNS = ['member_code', 'month', 'paid_vnd', 'paid_on', 'channel'] as const;

/** The columns' names, for the errors and the templates. */
export const DUES_FIELD_LABELS: Record<string, Bilingual> = {
  member_code: { vi: 'Mã đảng viên', en: 'Member code' },
  from_month: { vi: 'Áp dụng từ tháng', en: 'From month' },
  category: { vi: 'Đối tượng đóng đảng phí', en: 'Dues category' },
  amount_vnd: { vi: 'Số tiền làm căn cứ (đồng)', en: 'Basis amount (VND)' },
  exemption: { vi: 'Miễn đóng đảng phí', en: 'Exemption' },
  reduction_percent: { vi: 'Mức giảm (%)', en: 'Reduction (%)' },
  reduction_until: { vi: 'Giảm, miễn đến tháng', en: 'Relief until' },
  month: { vi: 'Đóng cho tháng', en: 'Month paid for' },
  paid_vnd: { vi: 'Số tiền đã đóng (đồng)', en: 'Amount paid (VND)' },
  paid_on: { vi: 'Ngày đóng', en: 'Paid on' },
  channel: { vi: 'Hình thức đóng', en: 'Channel' },
};

/** A column's problem: the column key and the words, naming the column, in both languages. */
export interface DuesFieldError {
  field: string;
  message: Bilingual;
}

export type DuesRowResult<T> = { ok: true; value: T } | { ok: false; errors: DuesFieldError[] };

/** A basis row as imported: a `DuesBasis` for a member. */
export type DuesBasisRow = DuesBasis & { memberCode: string };

const formatVnd = (n: number) => n.toLocaleString('vi-VN');

/** The words of each check code, some of them drawn from the rules (categories, percentages, months). */
function checkWords(code: string, rules: DuesRules): Bilingual {
  const categories = rules.categories.map((c) => c.id).join(', ');
  const percents = rules.relief.reductionPercents.join(', ');
  const words: Record<string, Bilingual> = {
    required: { vi: 'không được để trống', en: 'is required' },
    too_long: { vi: 'dài quá mức cho phép', en: 'is too long' },
    code: { vi: 'chỉ gồm chữ không dấu, chữ số và . _ -', en: 'only unaccented letters, digits and . _ -' },
    month: { vi: 'tháng theo dạng NNNN-TT, ví dụ 2026-02', en: 'a month as YYYY-MM, e.g. 2026-02' },
    amount: {
      vi: `số nguyên đồng từ 0 đến ${formatVnd(DUES_LIMITS.amountVnd)}`,
      en: `whole VND from 0 to ${DUES_LIMITS.amountVnd.toLocaleString('en')}`,
    },
    paid: {
      vi: `số nguyên đồng khác 0, tối đa ${formatVnd(DUES_LIMITS.paidVnd)} (số âm để điều chỉnh một khoản đã ghi)`,
      en: `whole VND other than 0, at most ${DUES_LIMITS.paidVnd.toLocaleString('en')} (negative to correct an entry)`,
    },
    category: { vi: `một trong: ${categories}`, en: `one of: ${categories}` },
    exemption: {
      vi: `để trống hoặc một trong: ${DUES_EXEMPTIONS.join(', ')}`,
      en: `empty or one of: ${DUES_EXEMPTIONS.join(', ')}`,
    },
    reduction_percent: { vi: `để trống hoặc một trong: ${percents}`, en: `empty or one of: ${percents}` },
    until_order: { vi: 'không được trước tháng áp dụng', en: 'must not be before the from month' },
    until_max: {
      vi: `mỗi lần giảm, miễn tối đa ${rules.relief.maxMonths} tháng kể từ tháng áp dụng`,
      en: `each relief lasts at most ${rules.relief.maxMonths} months from the from month`,
    },
    until_alone: {
      vi: 'chỉ ghi khi có mức giảm hoặc khi miễn vì hoàn cảnh khó khăn',
      en: 'only with a reduction or a hardship exemption',
    },
    exempt_and_reduced: {
      vi: 'đảng viên được miễn thì không ghi mức giảm',
      en: 'an exempt member has no reduction',
    },
    date: { vi: 'ngày theo dạng dd/mm/yyyy hoặc yyyy-mm-dd', en: 'a date as dd/mm/yyyy or yyyy-mm-dd' },
    channel: { vi: `một trong: ${DUES_CHANNELS.join(', ')}`, en: `one of: ${DUES_CHANNELS.join(', ')}` },
  };
  return words[code] ?? { vi: 'không hợp lệ', en: 'is not valid' };
}

/** Reads whole VND as typed: 5000000, 5.000.000, 5,000,000 or 5 000 000 (a leading - for a correction). */
export function parseVnd(text: string): number | null {
  const value = text.trim();
  if (!/^-?(\d+|\d{1,3}([., ]\d{3})+)$/.test(value)) return null;
  const n = Number(value.replace(/[., ]/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}

/** A cell: text trimmed, numbers as text, empty as absent. */
const cell = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => {
    const t = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : v;
    return t === '' || t === null ? undefined : t;
  }, schema);
const required = () => z.string({ error: 'required' });
const month = () => required().refine(isMonth, { message: 'month' });
const vndIn = (min: number, max: number, message: string) =>
  required()
    .refine(
      (t) => {
        const n = parseVnd(t);
        return n !== null && n >= min && n <= max;
      },
      { message },
    )
    .transform((t) => parseVnd(t) ?? 0);

function basisRowSchema(rules: DuesRules) {
  const categories = new Set(rules.categories.map((c) => c.id));
  return z
    .object({
      member_code: cell(memberCodeSchema),
      from_month: cell(month()),
      category: cell(required().transform((t) => t.toLowerCase())),
      amount_vnd: cell(vndIn(0, DUES_LIMITS.amountVnd, 'amount').optional()),
      exemption: cell(
        z
          .string()
          .transform((t) => t.toLowerCase())
          .pipe(z.enum(DUES_EXEMPTIONS, { error: 'exemption' }))
          .optional(),
      ),
      reduction_percent: cell(
        z
          .string()
          .refine(
            (t) => /^\d{1,3}%?$/.test(t) && rules.relief.reductionPercents.includes(Number.parseInt(t, 10)),
            {
              message: 'reduction_percent',
            },
          )
          .transform((t) => Number.parseInt(t, 10))
          .optional(),
      ),
      reduction_until: cell(z.string().refine(isMonth, { message: 'month' }).optional()),
    })
    .superRefine((row, ctx) => {
      const at = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
      if (!categories.has(row.category)) at('category', 'category');
      const rate = rules.categories.find((c) => c.id === row.category)?.rate;
      // A percentage needs the amount it applies to; a fixed amount (students) needs none.
      if (rate?.kind === 'percent' && row.amount_vnd === undefined && row.exemption === undefined)
        at('amount_vnd', 'required');
      if (row.exemption !== undefined && row.reduction_percent !== undefined)
        at('reduction_percent', 'exempt_and_reduced');
      const until = row.reduction_until;
      if (until === undefined) return;
      // QĐ 01-QĐ/TW: hardship relief (exemption or 30/50/70 % reduction) is decided for at most 12 months.
      if (row.reduction_percent === undefined && row.exemption !== 'hardship')
        at('reduction_until', 'until_alone');
      else if (until < row.from_month) at('reduction_until', 'until_order');
      else if (until > addMonths(row.from_month, rules.relief.maxMonths - 1))
        at('reduction_until', 'until_max');
    })
    .transform(
      (row): DuesBasisRow => ({
        memberCode: row.member_code,
        from: row.from_month,
        category: row.category,
        amountVnd: row.amount_vnd ?? 0,
        exemption: row.exemption ?? null,
        reductionPercent: row.reduction_percent ?? 0,
        reductionUntil: row.reduction_until ?? null,
      }),
    );
}

const paymentRowSchema = z
  .object({
    member_code: cell(memberCodeSchema),
    month: cell(month()),
    paid_vnd: cell(
      vndIn(-DUES_LIMITS.paidVnd, DUES_LIMITS.paidVnd, 'paid').refine((n) => n !== 0, { message: 'paid' }),
    ),
    paid_on: cell(
      required()
        .refine((t) => parseVietnameseDate(t) !== null, { message: 'date' })
        .transform((t) => parseVietnameseDate(t) ?? t),
    ),
    channel: cell(
      required()
        .transform((t) => t.toLowerCase())
        .pipe(z.enum(DUES_CHANNELS, { error: 'channel' })),
    ),
  })
  .transform(
    (row): DuesPayment => ({
      memberCode: row.member_code,
      month: row.month,
      paidVnd: row.paid_vnd,
      paidOn: row.paid_on,
      channel: row.channel,
    }),
  );

/** Turns zod issues of a row into errors naming the column, in both languages ("Mã đảng viên: …"). */
export function duesFieldErrors(issues: readonly z.core.$ZodIssue[], rules: DuesRules = DEFAULT_DUES_RULES) {
  const seen = new Set<string>();
  const errors: DuesFieldError[] = [];
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    // One error per column: the first problem found is the one to fix.
    if (seen.has(field)) continue;
    seen.add(field);
    // A cell's type can only be wrong by being empty: the preprocessing turns everything else into text.
    const code =
      issue.code === 'invalid_type' ? 'required' : issue.code === 'too_big' ? 'too_long' : issue.message;
    const words = checkWords(code, rules);
    const label = DUES_FIELD_LABELS[field] ?? { vi: field, en: field };
    errors.push({ field, message: { vi: `${label.vi}: ${words.vi}`, en: `${label.en}: ${words.en}` } });
  }
  return errors;
}

function result<T>(parsed: z.ZodSafeParseResult<T>, rules: DuesRules): DuesRowResult<T> {
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: duesFieldErrors(parsed.error.issues, rules) };
}

/** Reads one row of the `dues-basis` import (cells by column key) under the rules' categories and relief. */
export function parseDuesBasisRow(
  cells: Record<string, unknown>,
  rules: DuesRules = DEFAULT_DUES_RULES,
): DuesRowResult<DuesBasisRow> {
  return result(basisRowSchema(rules).safeParse(cells), rules);
}

/** Reads one row of the `dues` (payments) import: cash to the cell or the portal's statement. */
export function parseDuesPaymentRow(cells: Record<string, unknown>): DuesRowResult<DuesPayment> {
  return result(paymentRowSchema.safeParse(cells), DEFAULT_DUES_RULES);
}

/** The schema of a `dues-basis` row under given rules (categories, reduction percentages, relief months). */
export const duesBasisRowSchema = (rules: DuesRules = DEFAULT_DUES_RULES) => basisRowSchema(rules);
/** The schema of a `dues` (payments) row. */
export const duesPaymentRowSchema = paymentRowSchema;
