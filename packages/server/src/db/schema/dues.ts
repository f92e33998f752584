import { bigint, boolean, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bytewiseText } from './types.ts';

/**
 * Party dues (domain.md §7; QĐ 01-QĐ/TW of 03/02/2026). Every table is append-only: nothing is updated or
 * deleted, a correction is a new row (a basis with the same `from_month`, a decision covering the same months,
 * a negative payment). Months are 'YYYY-MM' text, as the imports and the API write them.
 */

/**
 * A member's basis from a month: the category and the amount the rate applies to, and who declared it — the
 * member (members declare their income truthfully, QĐ 01-QĐ/TW) or the secretary — and when.
 */
export const duesBases = pgTable(
  'dues_bases',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: bigint('member_id', { mode: 'number' }).notNull(),
    fromMonth: text('from_month').notNull(),
    category: text('category').notNull(),
    amountVnd: bigint('amount_vnd', { mode: 'number' }).notNull(),
    /** The account that entered it; null for the command line. */
    declaredBy: bigint('declared_by', { mode: 'number' }),
    declaredByName: text('declared_by_name').notNull(),
    /** The member declared it himself or herself. */
    byMember: boolean('by_member').notNull().default(false),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dues_bases_member_idx').on(t.memberId, t.fromMonth)],
);

/**
 * A relief decided by the cell (a resolution item of its meeting, `meeting_id`): exemption for a social
 * pension allowance or hardship, a reduction by `percent`, or `none` ending an earlier one; hardship relief
 * for at most 12 months (QĐ 01-QĐ/TW), so `until_month` is set for it.
 */
export const duesReliefs = pgTable(
  'dues_reliefs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: bigint('member_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    percent: integer('percent').notNull().default(0),
    fromMonth: text('from_month').notNull(),
    untilMonth: text('until_month'),
    meetingId: bigint('meeting_id', { mode: 'number' }),
    reason: text('reason').notNull(),
    recordedBy: bigint('recorded_by', { mode: 'number' }),
    recordedByName: text('recorded_by_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dues_reliefs_member_idx').on(t.memberId, t.fromMonth)],
);

/**
 * The ledger's entries (sổ thu đảng phí): a payment for a month, in cash to the cell (at the meeting's dues
 * item, `meeting_id`, or any time) or through the National Public Service Portal; negative = a correction.
 * `org_id`/`org_path`: the cell that collected it, for the receipts and the remittance up the tree.
 */
export const duesPayments = pgTable(
  'dues_payments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: bigint('member_id', { mode: 'number' }).notNull(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    orgPath: bytewiseText('org_path').notNull(),
    month: text('month').notNull(),
    paidVnd: bigint('paid_vnd', { mode: 'number' }).notNull(),
    paidOn: date('paid_on').notNull(),
    channel: text('channel').notNull(),
    meetingId: bigint('meeting_id', { mode: 'number' }),
    recordedBy: bigint('recorded_by', { mode: 'number' }),
    recordedByName: text('recorded_by_name').notNull(),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dues_payments_member_idx').on(t.memberId, t.month),
    index('dues_payments_org_idx').on(t.orgPath, t.month),
    index('dues_payments_meeting_idx').on(t.meetingId),
  ],
);

/**
 * Why a member did not pay for a month, as the cell recorded it: a month with a reason does not count toward
 * the three unpaid months that lead to removal (QĐ 01-QĐ/TW, Điều 2 khoản 1). The latest entry is the reason.
 */
export const duesReasons = pgTable(
  'dues_reasons',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: bigint('member_id', { mode: 'number' }).notNull(),
    month: text('month').notNull(),
    reason: text('reason').notNull(),
    recordedBy: bigint('recorded_by', { mode: 'number' }),
    recordedByName: text('recorded_by_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dues_reasons_member_idx').on(t.memberId, t.month)],
);
