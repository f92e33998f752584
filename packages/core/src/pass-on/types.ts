/**
 * Superior documents passed on to every cell (phổ biến chủ trương, văn bản của cấp trên; domain.md §3, issue
 * 17 item 2): a committee registers a document, its cells pass it on at their next meeting, the committee
 * follows which did. Plain data only (no zod), so that the web can import it.
 */
import type { OrgCategory, OrgKind } from '../orgs/types.ts';

/** Longest text of each field, in characters (the file in bytes): the API refuses more. */
export const PASS_ON_LIMITS = {
  number: 60,
  title: 500,
  presenter: 200,
  /** The document's file: a PDF or DOCX of a superior resolution, well under this. */
  fileBytes: 20 * 1024 * 1024,
} as const;

/** To every cell of the committee's subtree, or only to the chosen kinds/categories of cell. */
export const PASS_ON_AUDIENCES = ['subtree', 'chosen'] as const;
export type PassOnAudience = (typeof PASS_ON_AUDIENCES)[number];

/** Who it is addressed to: with `chosen`, a cell matches when its kind or its category is among those chosen. */
export interface PassOnAddress {
  audience: PassOnAudience;
  cellKinds: OrgKind[];
  cellCategories: OrgCategory[];
}

/** That a cell passed the document on: at which meeting, on which day, by whom. */
export interface PassedOnDto {
  meetingId: number;
  passedOn: string;
  presenter: string;
  recordedBy: string;
}

export interface PassOnDocumentDto extends PassOnAddress {
  id: number;
  /** The committee that registered it. */
  orgCode: string;
  orgName: string;
  number: string;
  title: string;
  issuedOn: string;
  passOnBy: string;
  fileName: string;
  size: number;
  /** The file, for whoever may see the document. */
  fileUrl: string;
  /** In a cell's list: whether and when that cell passed it on. */
  passed?: PassedOnDto | null;
}

export interface PassOnPendingDto {
  orgCode: string;
  orgName: string;
  /** The cell's next planned meeting (ISO date), or null when none is planned. */
  nextMeeting: string | null;
}

export interface PassOnStatusDto {
  /** Addressed active cells seen. */
  cells: number;
  /** How many of them passed it on. */
  passedOn: number;
  passed: ({ orgCode: string; orgName: string } & PassedOnDto)[];
  pending: PassOnPendingDto[];
}

/** A document due at a meeting, shown under the agenda's superior-documents item with the reason. */
export interface MeetingPassOnItemDto {
  documentId: number;
  number: string;
  title: string;
  issuedOn: string;
  passOnBy: string;
  orgName: string;
  /** The index of the agenda's "Phổ biến … văn bản của cấp trên" item, or null when the agenda has none. */
  agendaIndex: number | null;
  reason: string;
  passed: PassedOnDto | null;
}
