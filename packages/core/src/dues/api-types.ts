/**
 * The answers of the dues API beyond the ledger and the arrears (types.ts): a member's own statement and
 * what a write returns. Plain data (no zod): the web reads them as types.
 */
import type { Month } from './months.ts';

/** One month of a member's statement. */
export interface DuesStatementMonthDto {
  month: Month;
  dueVnd: number;
  paidVnd: number;
  exempt: boolean;
  reductionPercent: number;
}

/** `GET /api/dues/mine?year=YYYY`: the member's own months of the year, totals and unpaid months so far. */
export interface DuesStatementDto {
  memberCode: string;
  fullName: string;
  year: number;
  months: DuesStatementMonthDto[];
  totals: { dueVnd: number; paidVnd: number };
  /** Months of the year already over with less paid than due (`unpaidMonths`). */
  unpaidMonths: Month[];
}

/** What a dues write returns: the entries recorded (ids in the order given). */
export interface DuesRecordedDto {
  ids: number[];
}
