/**
 * The committee-wide thematic session (seed 004; domain.md §6; issue 17 item 1): the whole Đảng bộ meets on a
 * topic, each cell presents a paper (tham luận) prepared by named members and commented on by its cell first,
 * and the committee's draft thematic resolution goes to every member of the subtree for comments before it is
 * issued and passed on like any superior document. HD 12-HD/BTCTW (06/7/2018), its part on sinh hoạt chuyên
 * đề. Plain data only (no zod): the web imports it.
 */
import type { ThematicPresenterDto } from './types.ts';

/** Longest text of each field, in characters: the API refuses more. */
export const SESSION_LIMITS = {
  title: 300,
  place: 300,
  papers: 200,
  resolution: 100_000,
  comment: 2000,
  number: 60,
  signer: 120,
} as const;

/**
 * Where the session stands: `preparing` (the cells draft their papers, the committee its draft resolution),
 * `consulting` (a draft resolution was sent to the members for comments — "gửi lấy ý kiến"), `issued`
 * (ban hành: frozen, registered as a document to pass on).
 */
export const SESSION_STATUSES = ['preparing', 'consulting', 'issued'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** A cell's paper: assigned (nothing drafted), drafted (versions, none shared), shared with the cell's members. */
export const SESSION_PAPER_STATUSES = ['assigned', 'drafted', 'shared'] as const;
export type SessionPaperStatus = (typeof SESSION_PAPER_STATUSES)[number];

export interface ThematicSessionPaperDto {
  /** The cell's registration linked to the session: the paper is drafted, shared and commented on there. */
  registrationId: number;
  orgCode: string;
  orgName: string;
  title: string;
  presenters: ThematicPresenterDto[];
  status: SessionPaperStatus;
  versions: number;
  comments: number;
}

export interface SessionResolutionDraftDto {
  version: number;
  text: string;
  createdBy: string;
  createdAt: string;
  sharedAt: string | null;
}

export interface SessionCommentDto {
  id: number;
  version: number;
  memberCode: string;
  fullName: string;
  orgName: string;
  text: string;
  createdAt: string;
}

export interface ThematicSessionSummaryDto {
  id: number;
  orgCode: string;
  orgName: string;
  title: string;
  date: string;
  time: string;
  place: string;
  year: number;
  quarter: number;
  status: SessionStatus;
  papers: number;
}

export interface ThematicSessionDto extends ThematicSessionSummaryDto {
  topicId: number | null;
  topicTitle: string | null;
  papers: number;
  cells: ThematicSessionPaperDto[];
  resolution: {
    /** The latest version (the committee) or the latest sent for comments (the members); null when none. */
    draft: SessionResolutionDraftDto | null;
    versions: number;
    comments: SessionCommentDto[];
    number: string | null;
    issuedOn: string | null;
    /** The document to pass on registered at issue: its status is `GET /api/documents-to-pass-on/{id}/status`. */
    passOnDocumentId: number | null;
  };
  /** What the asking account may do with the session, in its present state (server session-policy.ts). */
  abilities: ThematicSessionAbilities;
}

/** Why the resolution may not be issued yet, for a manager of the session. */
export type IssueBlocked = 'not_held' | 'no_draft' | 'not_shared';

/** The steps of a session the asking account may take (server session-policy.ts `sessionAbilities`). */
export interface ThematicSessionAbilities {
  /** Assign papers and write the draft resolution (the committee's staff or a committee's above; until issued). */
  manage: boolean;
  /** Send the latest draft for comments (managers, while the latest version is not sent yet). */
  share: boolean;
  /** Issue the resolution (managers, from the session's day, once the latest version was sent for comments). */
  issue: boolean;
  /**
   * Why a manager may not issue it yet (core session.ts `issueRefusal`, the server's own refusal): the
   * session's day has not come, no draft, or the latest draft not sent for comments; null when it may be
   * issued or the actor does not manage the session.
   */
  issueBlocked: IssueBlocked | null;
  /** Comment on the draft sent for comments (a member of the subtree; until issued). */
  comment: boolean;
}

/** The sessions a node takes part in for a year, with whether the asking account may create one there. */
export interface ThematicSessionListDto {
  items: ThematicSessionSummaryDto[];
  abilities: { create: boolean };
}
