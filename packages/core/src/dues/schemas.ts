/**
 * Dues schemas: the rules as rule-set content, the API queries and answers (issue 16 point 6). The import
 * rows are in rows.ts. One schema per operation, shared by the server, OpenAPI and the web.
 */
import { z } from 'zod';
import { orgCodeSchema } from '../orgs/schemas.ts';
import { isMonth } from './months.ts';
import { DUES_LIMITS, DUES_ROUNDING_MODES, REMIT_LEVELS } from './types.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const bilingual = z.object({ vi: text(300), en: text(300) });
const sourced = { source: text(500), verify: z.boolean().optional() };
const vnd = z.number().int().min(0).max(DUES_LIMITS.amountVnd);
const percent = z.number().int().min(0).max(100);
/** 'YYYY-MM'; the message `month` is a check code the server words in both languages (CHECK_MESSAGES). */
export const duesMonthSchema = z.string().trim().refine(isMonth, { message: 'month' });

const rateSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('percent'),
    basisPoints: z.number().int().min(1).max(DUES_LIMITS.basisPoints),
    minimumVnd: vnd.optional(),
  }),
  z.object({ kind: z.literal('fixed'), amountVnd: vnd }),
]);

/** `RuleSetContent.dues`: the dues rules of a rule set (types.ts `DuesRules`). */
export const duesRulesSchema = z
  .object({
    regulation: z.object({
      code: text(40),
      issued: z.iso.date(),
      effectiveFrom: duesMonthSchema,
      replaces: text(40),
    }),
    categories: z
      .array(
        z.object({
          id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'category' }),
          label: bilingual,
          overseas: z.boolean(),
          rate: rateSchema,
          ...sourced,
        }),
      )
      .min(1)
      .max(40),
    rounding: z.object({
      unitVnd: z.number().int().min(1).max(100_000),
      mode: z.enum(DUES_ROUNDING_MODES),
      ...sourced,
    }),
    exemption: z.object({
      membershipYears: z.number().int().min(1).max(100),
      firstMonth: z.enum(['anniversary_month', 'next_month']),
      ...sourced,
    }),
    relief: z.object({
      reductionPercents: z.array(z.number().int().min(1).max(99)).min(1).max(10),
      maxMonths: z.number().int().min(1).max(120),
      ...sourced,
    }),
    remittance: z.object({
      shares: z
        .array(
          z.object({
            level: z.enum(REMIT_LEVELS),
            label: bilingual,
            keepPercent: percent,
            range: z.object({ min: percent, max: percent }).optional(),
            ...sourced,
          }),
        )
        .max(REMIT_LEVELS.length),
      ...sourced,
    }),
    arrears: z.object({ alertUnpaidMonths: z.number().int().min(1).max(12), ...sourced }),
  })
  .superRefine((rules, ctx) => {
    const ids = new Set<string>();
    rules.categories.forEach((c, i) => {
      if (ids.has(c.id))
        ctx.addIssue({
          code: 'custom',
          path: ['categories', i, 'id'],
          message: `category ${c.id} appears twice`,
        });
      ids.add(c.id);
    });
    const levels = new Set<string>();
    rules.remittance.shares.forEach((s, i) => {
      if (levels.has(s.level))
        ctx.addIssue({
          code: 'custom',
          path: ['remittance', 'shares', i, 'level'],
          message: 'a remittance level appears twice',
        });
      levels.add(s.level);
      if (
        s.range &&
        (s.range.min > s.range.max || s.keepPercent < s.range.min || s.keepPercent > s.range.max)
      )
        ctx.addIssue({
          code: 'custom',
          path: ['remittance', 'shares', i, 'keepPercent'],
          message: 'the share must lie within its range',
        });
    });
  });

/** `GET /api/dues/ledger?org=CODE&month=YYYY-MM`. */
export const duesLedgerQuerySchema = z.object({ org: orgCodeSchema, month: duesMonthSchema });
export type DuesLedgerQuery = z.infer<typeof duesLedgerQuerySchema>;

/** `GET /api/dues/arrears?org=CODE&year=YYYY`. */
export const duesArrearsQuerySchema = z.object({
  org: orgCodeSchema,
  year: z.coerce.number().int().min(1900).max(2100),
});
export type DuesArrearsQuery = z.infer<typeof duesArrearsQuerySchema>;

const amount = z.number().int();

/** The answer of `GET /api/dues/ledger` (types.ts `DuesLedgerDto`), for the route's response schema. */
export const duesLedgerSchema = z.object({
  rows: z.array(
    z.object({
      memberCode: z.string(),
      dueVnd: amount.min(0),
      paidVnd: amount,
      exempt: z.boolean(),
      reductionPercent: percent,
    }),
  ),
  totals: z.object({ dueVnd: amount.min(0), paidVnd: amount }),
});

/** The answer of `GET /api/dues/arrears` (types.ts `DuesArrearsDto`). */
export const duesArrearsSchema = z.object({
  rows: z.array(z.object({ memberCode: z.string(), unpaidMonths: z.array(duesMonthSchema) })),
});
