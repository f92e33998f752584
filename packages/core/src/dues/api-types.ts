/**
 * The answers of the dues API beyond the ledger and the arrears (types.ts): a member's own statement and
 * what a write returns. Plain data (no zod): the web reads them as types.
 */
import type { Month } from './months.ts';
import type { RemitLevel } from './types.ts';

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

/** The figures of one node over its subtree. kept + sent = collected. */
export interface DuesRemittanceFigures {
  expectedVnd: number;
  collectedVnd: number;
  /** collected / expected in percent, one decimal; null when nothing was due. */
  ratePercent: number | null;
  membersInArrears: number;
  /** Kept by this level and the levels below it, of what its subtree collected. */
  keptVnd: number;
  /** Kept by this level itself (its share of what reached it). */
  ownKeptVnd: number;
  /** Sent above this node. */
  sentVnd: number;
}

export interface DuesRemittanceRowDto extends DuesRemittanceFigures {
  code: string;
  name: string;
  kind: string;
  /** The level whose share the node keeps; null for a party group (it hands everything to its cell). */
  level: RemitLevel | null;
  hasChildren: boolean;
}

export interface DuesRemittanceMonthDto extends Omit<DuesRemittanceFigures, 'membersInArrears'> {
  month: Month;
}

/** `GET /api/dues/remittance`: the node, its children, and the node's months. */
export interface DuesRemittanceDto {
  year: number;
  month: Month | null;
  /** The months counted: those of the period up to the current month. */
  months: Month[];
  org: DuesRemittanceRowDto;
  children: DuesRemittanceRowDto[];
  byMonth: DuesRemittanceMonthDto[];
}
