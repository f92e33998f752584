/**
 * The meetings API beside its zod schemas (schemas.ts): the vocabulary of its requests, the limits of their
 * fields and the DTOs it answers with. Plain data only (no zod, type-only imports), so that the web can
 * import it; the domain's own vocabulary (kinds, statuses, the rule set) is in types.ts.
 */
import type { Position } from '../members/types.ts';
import type { RuleSetContent } from '../rule-set-content.ts';
import { type AgendaItem, ITEM_CONCLUSION_MAX } from './agenda.ts';
import type {
  AttendanceStatus,
  Bilingual,
  MeetingKind,
  MeetingStatus,
  ProbationLine,
  QualityLevel,
  QualityScore,
  VoteSubject,
} from './types.ts';

/** The three parts of the standard order of a meeting (HD 12-HD/BTCTW point 2). */
export const AGENDA_SECTIONS = ['opening', 'content', 'closing'] as const;
export type AgendaSection = (typeof AGENDA_SECTIONS)[number];

export const TASK_STATUSES = ['open', 'done', 'dropped'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** A member's answer to the invitation: coming, or excused (with a reason). */
export const INVITATION_REPLIES = ['confirm', 'excuse'] as const;
export type InvitationReply = (typeof INVITATION_REPLIES)[number];

/** Longest text of each field, in characters (and the largest counts): the API refuses more, the form stops there. */
export const MEETING_LIMITS = {
  place: 200,
  title: 300,
  /** Why a meeting was moved or cancelled, an invitation declined, how it was prepared. */
  reason: 500,
  agendaItemTitle: 300,
  agendaItems: 40,
  itemConclusion: ITEM_CONCLUSION_MAX,
  attendanceReason: 300,
  guestName: 120,
  guestRole: 200,
  opinion: 4000,
  task: 1000,
  vote: 2000,
  /** Votes cast for, against or abstaining on one question. */
  votes: 10000,
  conclusion: 8000,
  addendum: 4000,
  /** The name of a rule set (bộ quy tắc). */
  ruleSetName: 200,
} as const;

/** A line of a meeting list or calendar. */
export interface MeetingSummaryDto {
  id: number;
  orgCode: string;
  orgName: string;
  kind: MeetingKind;
  status: MeetingStatus;
  /** Held with the month's thematic meeting in one session (HD 42-HD/BTCTW). */
  combined: boolean;
  title: string | null;
  date: string;
  startTime: string;
  place: string | null;
  total: number | null;
  level: QualityLevel | null;
}

export interface RollCallLineDto {
  memberCode: string;
  fullName: string;
  position: Position;
  memberStatus: 'official' | 'probationary';
  status: AttendanceStatus;
  reason: string | null;
  /** For an excused absence: whether the cell accepted the reason (HD 12-HD/BTCTW point 2.1). */
  reasonAccepted: boolean;
  reply: InvitationReply | null;
  suspended: boolean;
  /**
   * A member of another cell attending this one temporarily (sinh hoạt tạm thời): counted in attendance
   * here, votes in the home cell (domain.md §2; QĐ 24-QĐ/TW point 9.3.2).
   */
  attachedHere: boolean;
}

export interface OpinionDto {
  id: number;
  agendaIndex: number;
  /** The member's full name, or the guest's name. */
  speaker: string;
  memberCode: string | null;
  summary: string;
}

export interface MeetingTaskDto {
  id: number;
  /** The member's full name, when the task is a member's. */
  member: string | null;
  memberCode: string | null;
  text: string;
  deadline: string | null;
  status: TaskStatus;
}

export interface VoteRecordDto {
  id: number;
  subject: VoteSubject;
  text: string;
  /** The member voted on (admission, recognition, …), by full name. */
  member: string | null;
  for: number;
  against: number;
  abstain: number;
  eligible: number;
  passed: boolean;
  statement: Bilingual;
}

export interface MeetingMaterialDto {
  id: number;
  fileName: string;
  contentType: string;
  size: number;
  /** Members see it from then on (published the day before the meeting, or later). */
  publishAt: string;
  uploadedAt: string;
}

/**
 * The record that the meeting's package was posted on the Sổ tay đảng viên điện tử app (HD 42-HD/BTCTW):
 * when, and who recorded it.
 */
export interface SoTayPostingDto {
  postedAt: string;
  /** At least one day before the start: it meets the materials criterion (core `soTayPostedEarly`). */
  early: boolean;
  recordedBy: string | null;
  recordedAt: string;
}

export interface IssuedDocumentDto {
  docType: string;
  number: string;
  sha256: string | null;
  issuedAt: string;
}

/** What the meeting records: shown to those who may read the record (`abilities.readRecord`). */
export interface MeetingRecordDto {
  chairMemberCode: string | null;
  minuteTakerMemberCode: string | null;
  rollCall: RollCallLineDto[];
  guests: { id: number; name: string; role: string | null }[];
  opinions: OpinionDto[];
  tasks: MeetingTaskDto[];
  votes: VoteRecordDto[];
  /** The cell's probationary members with their twelve months, shown beside a recognition vote. */
  probation: ProbationLine[];
  manualScores: Record<string, number>;
  conclusion: string | null;
  score: QualityScore | null;
  addenda: { id: number; date: string; text: string; createdAt: string }[];
  history: { kind: string; at: string; data: Record<string, unknown>; actorName: string | null }[];
}

export interface MeetingAbilitiesDto {
  readRecord: boolean;
  run: boolean;
  adopt: boolean;
  addendum: boolean;
  /** Records (or undoes) the posting on the Sổ tay đảng viên điện tử app (HD 42-HD/BTCTW). */
  recordSoTay: boolean;
}

/**
 * The meeting page: members see the schedule, published materials and, once adopted, the resolution;
 * those who may read the record see the roll call, opinions, votes and score as well (`record`).
 */
export interface MeetingDetailDto extends MeetingSummaryDto {
  startedAt: string | null;
  endedAt: string | null;
  agenda: AgendaItem[];
  materials: MeetingMaterialDto[];
  /** The package posted on the Sổ tay đảng viên điện tử app, if recorded. */
  soTay: SoTayPostingDto | null;
  documents: IssuedDocumentDto[];
  contentHash: string | null;
  /** The rule set the meeting is planned and scored with (labels of its score sheet come from it). */
  ruleSetId: number | null;
  /** The signed-in member's own answer to the invitation, if any. */
  myReply: { reply: InvitationReply; reason: string | null } | null;
  abilities: MeetingAbilitiesDto;
  record: MeetingRecordDto | null;
}

/** A dated rule set as the rule-sets API lists it along the tree. */
export interface RuleSetDto {
  id: number;
  orgCode: string;
  name: string;
  effectiveFrom: string;
  content: RuleSetContent;
  /** Owned by a node above the asked one. */
  inherited: boolean;
}
