/**
 * Request schemas of the dues commands (issue 16 points 2–4): a member's basis, the cell's relief decisions,
 * payments (several members at the meeting's dues item at once), the reason for an unpaid month. One schema
 * per operation for the server, OpenAPI and the web. Checks that need the rules (categories, percentages,
 * the 12 months of relief) are the server's, inside the command.
 */
import { z } from 'zod';
import { memberCodeSchema } from '../members/schemas.ts';
import { DUES_RELIEF_KINDS } from './relief.ts';
import { duesMonthSchema } from './schemas.ts';
import { DUES_CHANNELS, DUES_LIMITS } from './types.ts';

const note = z.string().trim().max(DUES_LIMITS.reason);
const meetingId = z.number().int().positive();

/** `POST /api/dues/basis`: the category and amount from a month, declared by the member or the secretary. */
export const recordDuesBasisSchema = z.object({
  memberCode: memberCodeSchema,
  fromMonth: duesMonthSchema,
  category: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'category' }),
  /** Required by a percentage category; ignored by a fixed one (students). */
  amountVnd: z.number().int().min(0).max(DUES_LIMITS.amountVnd).optional(),
  note: note.optional(),
});
export type RecordDuesBasisInput = z.input<typeof recordDuesBasisSchema>;

/** `POST /api/dues/relief`: an exemption, a reduction, or the end of one, decided by the cell. */
export const recordDuesReliefSchema = z.object({
  memberCode: memberCodeSchema,
  reliefKind: z.enum(DUES_RELIEF_KINDS),
  /** The reduction's percentage (`reduction` only). */
  percent: z.number().int().min(1).max(99).optional(),
  fromMonth: duesMonthSchema,
  /** The last month; for hardship relief at most 12 months from `fromMonth` (the default). */
  untilMonth: duesMonthSchema.optional(),
  /** The meeting whose resolution decided it. */
  meetingId: meetingId.optional(),
  reason: note.min(1),
});
export type RecordDuesReliefInput = z.input<typeof recordDuesReliefSchema>;

/** `POST /api/dues/payments`: payments of one or several members, in one transaction. */
export const recordDuesPaymentsSchema = z.object({
  /** The meeting at whose dues item the cash was collected (thu nộp đảng phí). */
  meetingId: meetingId.optional(),
  /** The day paid; today when left out. */
  paidOn: z.iso.date().optional(),
  entries: z
    .array(
      z.object({
        memberCode: memberCodeSchema,
        month: duesMonthSchema,
        /** VND; negative corrects an earlier entry; never 0. */
        paidVnd: z.number().int().min(-DUES_LIMITS.paidVnd).max(DUES_LIMITS.paidVnd),
        channel: z.enum(DUES_CHANNELS).default('cash'),
        note: note.optional(),
      }),
    )
    .min(1)
    .max(DUES_LIMITS.paymentsPerBatch),
});
export type RecordDuesPaymentsInput = z.input<typeof recordDuesPaymentsSchema>;

/** `POST /api/dues/reasons`: why a member did not pay for a month, as the cell recorded it. */
export const recordDuesReasonSchema = z.object({
  memberCode: memberCodeSchema,
  month: duesMonthSchema,
  reason: note.min(1),
});
export type RecordDuesReasonInput = z.input<typeof recordDuesReasonSchema>;

/** `GET /api/dues/mine?year=YYYY`. */
export const duesStatementQuerySchema = z.object({
  year: z.coerce.number().int().min(1900).max(2100),
});
