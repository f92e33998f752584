import { bigint, boolean, index, integer, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { bytewiseText } from './types.ts';

/**
 * "Chi bộ bốn tốt" (the four-good cell, domain.md §8): a cell registers for the model for a year, once per
 * cell and year (HD 12-HD/BTCTW (06/7/2018) and local practice). Its criteria are rule-set data
 * (`content.fourGood`); their statuses are computed from the year's meetings, ratings and members, with the
 * committee's assessments of the manual criteria in `four_good_assessments`. The committee records the
 * final result; its reason is required when it differs from the computed one, which is kept beside it.
 */
export const fourGoodRegistrations = pgTable(
  'four_good_registrations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    year: integer('year').notNull(),
    /** The cell registered. */
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    /** The cell's path when registered, for one-range subtree scans. */
    orgPath: bytewiseText('org_path').notNull(),
    /** `registered` or `withdrawn`. */
    status: text('status').notNull().default('registered'),
    note: text('note'),
    registeredBy: bigint('registered_by', { mode: 'number' }),
    registeredByName: text('registered_by_name'),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
    withdrawnReason: text('withdrawn_reason'),
    withdrawnBy: bigint('withdrawn_by', { mode: 'number' }),
    withdrawnByName: text('withdrawn_by_name'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    /** The committee's final result: `achieved` or `not_achieved`; null while the year is tracked. */
    result: text('result'),
    /** The computed result when the final one was recorded (`achieved`, `not_achieved`, `tracking`). */
    resultComputed: text('result_computed'),
    /** Required when `result` differs from `result_computed`. */
    resultReason: text('result_reason'),
    resultBy: bigint('result_by', { mode: 'number' }),
    resultByName: text('result_by_name'),
    resultAt: timestamp('result_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('four_good_registrations_org_year').on(t.orgId, t.year),
    index('four_good_registrations_path_idx').on(t.orgPath, t.year),
  ],
);

/** The committee's assessment of one manual criterion of a registration (the latest one stands). */
export const fourGoodAssessments = pgTable(
  'four_good_assessments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    registrationId: bigint('registration_id', { mode: 'number' }).notNull(),
    criterionId: text('criterion_id').notNull(),
    met: boolean('met').notNull(),
    note: text('note'),
    assessedBy: bigint('assessed_by', { mode: 'number' }),
    assessedByName: text('assessed_by_name'),
    assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('four_good_assessments_criterion').on(t.registrationId, t.criterionId)],
);
