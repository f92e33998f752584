/** Types of the meetings API (mirrors packages/core/src/meetings/types.ts and the server's presenters). */
import type { RecommendationRules } from '@nennep/core/recommendations/types';
import type { SupervisionRules } from '@nennep/core/supervision/types';
import type { Position } from './types';

export type {
  AttendanceStatus,
  Bilingual,
  CriterionScore,
  MeetingKind,
  MeetingStatus,
  ProbationLine,
  QualityLevel,
  QualityScore,
  VoteOutcome,
  VoteSubject,
} from '@nennep/core/meetings/types';
// The vocabulary comes from core itself (a file without dependencies, so no zod reaches the bundle).
export {
  ATTENDANCE_STATUSES,
  MEETING_KINDS,
  MEETING_STATUSES,
  QUALITY_LEVELS,
  VOTE_SUBJECTS,
} from '@nennep/core/meetings/types';

import type {
  AttendanceStatus,
  Bilingual,
  MeetingKind,
  MeetingStatus,
  ProbationLine,
  QualityLevel,
  QualityScore,
  VoteSubject,
} from '@nennep/core/meetings/types';

export const TASK_STATUSES = ['open', 'done', 'dropped'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type AgendaSection = 'opening' | 'content' | 'closing';

export interface MeetingSummary {
  id: number;
  orgCode: string;
  orgName: string;
  kind: MeetingKind;
  status: MeetingStatus;
  combined: boolean;
  title: string | null;
  date: string;
  startTime: string;
  place: string | null;
  total: number | null;
  level: QualityLevel | null;
}

export interface AgendaItem {
  title: string;
  section: AgendaSection;
  /** The chair's conclusion on the item, once recorded (PUT …/agenda/{index}/conclusion). */
  conclusion?: string;
}

export interface RollCallLine {
  memberCode: string;
  fullName: string;
  position: Position;
  memberStatus: 'official' | 'probationary';
  status: AttendanceStatus;
  reason: string | null;
  /** For an excused absence: whether the cell accepted the reason (HD 12-HD/BTCTW point 2.1). */
  reasonAccepted?: boolean;
  reply: 'confirm' | 'excuse' | null;
  suspended?: boolean;
  /** A member of another cell attending this one temporarily (sinh hoạt tạm thời): no vote here. */
  attachedHere?: boolean;
}

export interface Opinion {
  id: number;
  agendaIndex: number;
  speaker: string;
  memberCode: string | null;
  summary: string;
}

export interface MeetingTask {
  id: number;
  member: string | null;
  memberCode: string | null;
  text: string;
  deadline: string | null;
  status: TaskStatus;
}

export interface VoteRecord {
  id: number;
  subject: VoteSubject;
  text: string;
  member: string | null;
  for: number;
  against: number;
  abstain: number;
  eligible: number;
  passed: boolean;
  statement: Bilingual;
}

export interface MeetingRecord {
  chairMemberCode: string | null;
  minuteTakerMemberCode: string | null;
  rollCall: RollCallLine[];
  guests: { id: number; name: string; role: string | null }[];
  opinions: Opinion[];
  tasks: MeetingTask[];
  votes: VoteRecord[];
  /** The cell's probationary members, shown beside a recognition vote. */
  probation: ProbationLine[];
  manualScores: Record<string, number>;
  conclusion: string | null;
  score: QualityScore | null;
  addenda: { id: number; date: string; text: string; createdAt: string }[];
  history: { kind: string; at: string; data: Record<string, unknown> | null; actorName: string | null }[];
}

export interface MeetingDetail extends MeetingSummary {
  startedAt: string | null;
  endedAt: string | null;
  agenda: AgendaItem[];
  materials: { id: number; fileName: string; size: number; publishAt: string }[];
  documents: { docType: string; number: string; sha256: string | null }[];
  contentHash: string | null;
  abilities: { readRecord: boolean; run: boolean; adopt: boolean; addendum: boolean };
  record: MeetingRecord | null;
}

/* Rule sets: the part of `RuleSetContent` the web reads and edits (looser than core's, with index
   signatures); the rest is sent back untouched. */
export interface CriterionOption {
  label: Bilingual;
  points: number;
  [bound: string]: unknown;
}

export interface Criterion {
  id: string;
  group: string;
  label: Bilingual;
  max: number;
  kind: 'auto' | 'manual';
  fact?: string;
  options: CriterionOption[];
  [extra: string]: unknown;
}

export interface RuleSetContent {
  meetingWindow: { fromDay: number; toDay: number };
  defaultStartTime: string;
  minDurationMinutes: { regular: number; combined: number; thematic: number; other: number };
  thematicEveryMonths: number;
  cellCommitteeFrom: number;
  cellCommitteeDaysBefore: number;
  thematicMode?: 'combined' | 'separate';
  thematicDaysAfter?: number;
  unscoredAdoption?: 'refuse' | 'confirm';
  agendaTemplates: Partial<Record<MeetingKind, { title: Bilingual; section: AgendaSection }[]>>;
  scoreSheet: { criteria: Criterion[]; groups?: { id: string; label: Bilingual }[] };
  levels: { good: number; fair: number; average: number; requiredAtMaxForGood: string[] };
  /** The supervision coverage target; absent in rule sets written before supervision existed. */
  supervision?: SupervisionRules;
  /** Recommendation categories and their time limits; absent in rule sets written before them. */
  recommendations?: RecommendationRules;
}

export interface RuleSet {
  id: number;
  orgCode: string;
  name: string;
  effectiveFrom: string;
  content: RuleSetContent;
  inherited: boolean;
}
