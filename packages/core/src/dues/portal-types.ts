/**
 * What the portal statement import answers (issue 16 point 3): the headers and the suggested mapping (step 1),
 * the rows matched to members and those not (step 2), what a commit wrote (step 3).
 */
import type { PortalField, PortalMapping, PortalReason } from './portal.ts';

export type { PortalField, PortalMapping, PortalReason };

/** Step 1: the file's headers, the mapping suggested, the fields to choose from. */
export interface PortalHeadersDto {
  fileName: string;
  total: number;
  header: string[];
  mapping: PortalMapping;
  fields: { key: PortalField; label: string }[];
}

/** A row matched to a member: what it pays against what is due for the month. */
export interface PortalMatchedRowDto {
  row: number;
  memberCode: string;
  fullName: string;
  /** How the member was found. */
  matchedBy: 'member_code' | 'party_card_no' | 'citizen_id' | 'name_birth';
  month: string;
  paidVnd: number;
  paidOn: string;
  transactionId: string | null;
  dueVnd: number;
  /** Recorded for the month before this statement. */
  paidBeforeVnd: number;
}

/** A row not imported: its field and the reason, in the reader's language. */
export interface PortalUnmatchedRowDto {
  row: number;
  field: string;
  reason: PortalReason;
  message: string;
}

/** Step 2 (and what step 3 reports): the rows matched, those not, the sum of the matched. */
export interface PortalPreviewDto {
  fileName: string;
  total: number;
  matched: PortalMatchedRowDto[];
  unmatched: PortalUnmatchedRowDto[];
  totalVnd: number;
}

/** Step 3: the matched rows written (all or none) and the rows left out. */
export interface PortalCommitDto extends PortalPreviewDto {
  written: number;
}
