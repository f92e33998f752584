/**
 * The thematic programme (sinh hoạt chuyên đề; domain.md §6, issue 17 item 1): a committee publishes topics
 * for the year, each cell registers its topic per quarter, a topic paper (tham luận) is drafted, shared with
 * the members for comments, and the committee follows coverage per quarter. HD 12-HD/BTCTW (06/7/2018), on
 * sinh hoạt chuyên đề: a cell holds a thematic meeting at least once per quarter. Plain data only (no zod):
 * the web imports it.
 */
import type { OrgCategory } from '../orgs/types.ts';

/** Longest text of each field, in characters: the API refuses more. */
export const THEMATIC_LIMITS = {
  title: 300,
  purpose: 2000,
  materials: 4000,
  paper: 100_000,
  comment: 2000,
  reason: 1000,
  presenters: 10,
} as const;

/** A committee's topic: drafted, published to its cells, and withdrawn (never deleted) once published. */
export const TOPIC_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type TopicStatus = (typeof TOPIC_STATUSES)[number];

/**
 * A cell's registration for a quarter: `registered` for one of the committee's topics; the cell's own topic
 * is `pending` until the committee approves it (`approved`) or refuses it with a reason (`refused`).
 */
export const REGISTRATION_STATUSES = ['registered', 'pending', 'approved', 'refused'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Where a cell stands in the quarter, as the committee's coverage view shows it. */
export const COVERAGE_STATUSES = [
  'none',
  'pending',
  'refused',
  'registered',
  'approved',
  'paper_shared',
  'held',
  'resolution_adopted',
] as const;
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

export interface ThematicTopicDto {
  id: number;
  orgCode: string;
  orgName: string;
  year: number;
  title: string;
  purpose: string;
  materials: string;
  cellCategories: OrgCategory[];
  status: TopicStatus;
  publishedAt: string | null;
  withdrawnAt: string | null;
  /** What the asking account may do with this topic (server modules/thematic/policy.ts). */
  abilities: ThematicTopicAbilities;
}

/** The steps of a topic the asking account may take: only its committee's staff, each in its status. */
export interface ThematicTopicAbilities {
  publish: boolean;
  withdraw: boolean;
  delete: boolean;
}

/**
 * What the asking account may do at the node a thematic list is for (server modules/thematic/policy.ts
 * `nodeAbilities`; the web shows buttons from it and never re-derives a rule). HD 12-HD/BTCTW (06/7/2018), on
 * sinh hoạt chuyên đề: the committee above sets the topics and agrees a cell's own topic; the cell's secretary
 * registers it.
 */
export interface ThematicNodeAbilities {
  /** Draft, publish and withdraw the node's own topics (a committee's staff, or a committee's above). */
  publish: boolean;
  /** Register the cell's topic of a quarter (a cell: its secretary, or the committee above). */
  register: boolean;
  /** Approve or refuse the own topics of the cells of the node (the staff of a committee above them). */
  decide: boolean;
}

/** The topics of a node for a year, with what the asking account may do there. */
export interface ThematicTopicListDto {
  items: ThematicTopicDto[];
  abilities: ThematicNodeAbilities;
}

/**
 * What the asking account may do with a registration, in its present state (server policy.ts
 * `registrationAbilities`).
 */
export interface ThematicRegistrationAbilities {
  /** Change the presenters and the planned date (the cell's managers; not once refused or held). */
  replan: boolean;
  /** Link the cell's meeting (the cell's managers; never a paper for a committee-wide session). */
  linkMeeting: boolean;
  /** Approve or refuse the cell's own topic (the staff of a committee above the cell, while pending). */
  decide: boolean;
  /** Save a new version of the paper (the cell's managers and its presenters, while the paper is open). */
  draft: boolean;
  /** Share the latest version with the cell's members (the cell's managers, before the meeting). */
  share: boolean;
  /** Comment on the latest shared version (a member of the cell, while the paper is open). */
  comment: boolean;
}

export interface ThematicPresenterDto {
  memberCode: string;
  fullName: string;
}

export interface ThematicPaperDto {
  version: number;
  text: string;
  createdBy: string;
  createdAt: string;
  sharedAt: string | null;
}

export interface ThematicCommentDto {
  id: number;
  version: number;
  memberCode: string;
  fullName: string;
  text: string;
  createdAt: string;
}

export interface ThematicRegistrationDto {
  id: number;
  orgCode: string;
  orgName: string;
  year: number;
  quarter: number;
  topicId: number | null;
  title: string;
  purpose: string;
  own: boolean;
  status: RegistrationStatus;
  refusalReason: string | null;
  presenters: ThematicPresenterDto[];
  plannedDate: string;
  meetingId: number | null;
  /** The latest version (the secretary and presenters) or the latest shared one (the members); null when none. */
  paper: ThematicPaperDto | null;
  versions: number;
  comments: ThematicCommentDto[];
  /** The committee-wide session this paper (tham luận) is for; null for the cell's own topic of the quarter. */
  sessionId: number | null;
  abilities: ThematicRegistrationAbilities;
}

/** A registration in a list (the cell's year, or the committee's pending own topics): no paper. */
export interface ThematicRegistrationSummaryDto {
  id: number;
  orgCode: string;
  orgName: string;
  year: number;
  quarter: number;
  title: string;
  own: boolean;
  status: RegistrationStatus;
  plannedDate: string;
  meetingId: number | null;
  /** The committee-wide session this paper is for; null for the cell's own topic of the quarter. */
  sessionId: number | null;
}

/** The registrations of a node for a year, with what the asking account may do there. */
export interface ThematicRegistrationListDto {
  items: ThematicRegistrationSummaryDto[];
  abilities: ThematicNodeAbilities;
}

export interface ThematicCoverageCellDto {
  orgCode: string;
  orgName: string;
  registrationId: number | null;
  title: string | null;
  status: CoverageStatus;
  meetingId: number | null;
  /** The meeting's quality level (tốt / khá / …) once held and scored; null otherwise. */
  level: string | null;
}

export interface ThematicCoverageDto {
  year: number;
  quarter: number;
  cells: ThematicCoverageCellDto[];
  counts: {
    cells: number;
    registered: number;
    pending: number;
    paperShared: number;
    held: number;
    resolutionAdopted: number;
    none: number;
  };
  abilities: ThematicNodeAbilities;
}
