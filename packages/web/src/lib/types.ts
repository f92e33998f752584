/**
 * Shapes of the API answers the web reads. They mirror the DTOs of `@nennep/core`; the web keeps its
 * own copy so that the bundle never pulls server-side code (zod schemas) into the browser.
 */
export type OrgKind =
  | 'committee'
  | 'grassroots_committee'
  | 'sub_committee'
  | 'grassroots_cell'
  | 'cell'
  | 'party_group';
export const ORG_KINDS: readonly OrgKind[] = [
  'committee',
  'grassroots_committee',
  'sub_committee',
  'grassroots_cell',
  'cell',
  'party_group',
];
export type OrgCategory =
  | 'village'
  | 'street_group'
  | 'residential_cluster'
  | 'agency'
  | 'public_service'
  | 'school'
  | 'health'
  | 'enterprise'
  | 'cooperative'
  | 'credit_fund'
  | 'armed_forces'
  | 'other';
export const ORG_CATEGORIES: readonly OrgCategory[] = [
  'village',
  'street_group',
  'residential_cluster',
  'agency',
  'public_service',
  'school',
  'health',
  'enterprise',
  'cooperative',
  'credit_fund',
  'armed_forces',
  'other',
];
export type OrgStatus = 'active' | 'dissolved' | 'merged';

export type MemberStatus = 'official' | 'probationary' | 'removed' | 'expelled' | 'deceased';
export const MEMBER_STATUSES: readonly MemberStatus[] = [
  'official',
  'probationary',
  'removed',
  'expelled',
  'deceased',
];
export type Sex = 'male' | 'female';
export const SEXES: readonly Sex[] = ['male', 'female'];
export type Position = 'secretary' | 'deputy_secretary' | 'committee_member' | 'member';
export const POSITIONS: readonly Position[] = ['secretary', 'deputy_secretary', 'committee_member', 'member'];
export type Role = 'admin' | 'committee_member' | 'cell_secretary' | 'visitor' | 'member';
export const ROLES: readonly Role[] = ['admin', 'committee_member', 'cell_secretary', 'visitor', 'member'];

export interface Grant {
  role: Role;
  orgCode: string;
  orgName: string;
}

export interface Me {
  username: string;
  displayName: string;
  memberCode: string | null;
  locale: 'vi' | 'en';
  grants: Grant[];
  csrfToken: string;
}

export interface OrgTreeNode {
  code: string;
  name: string;
  kind: OrgKind;
  category: OrgCategory | null;
  status: OrgStatus;
  childCount: number;
  memberCount: number;
  cellCount: number;
}

export interface OrgAbilities {
  update: boolean;
  manageMembers: boolean;
  manageAccounts: boolean;
  readAudit: boolean;
}

export interface OrgDetail {
  id: number;
  code: string;
  name: string;
  kind: OrgKind;
  category: OrgCategory | null;
  parentCode: string | null;
  path: string;
  depth: number;
  status: OrgStatus;
  childCount: number;
  ancestors: { code: string; name: string }[];
  abilities: OrgAbilities;
}

export interface OrgStats {
  grassrootsOrgs: number;
  byKind: Record<string, number>;
  cellsByCategory: Record<string, number>;
  members: { total: number; official: number; probationary: number; exempt: number };
}

export interface HistoryItem {
  kind: string;
  /** When it was recorded. */
  at: string;
  /** Effective day (member events), if different from `at`. */
  date?: string | null;
  /** Cell names for member transfers. */
  fromOrg?: string | null;
  toOrg?: string | null;
  data: Record<string, unknown> | null;
  actorName: string | null;
}

export interface OrgSearchItem {
  code: string;
  name: string;
  kind: OrgKind;
}

export interface MemberListItem {
  memberCode: string;
  fullName: string;
  sex: Sex;
  orgCode: string;
  orgName: string;
  status: MemberStatus;
  position: Position;
  admissionDate: string;
  officialDate: string | null;
  exempt: boolean;
}

export interface Page<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}

export interface MemberPeriod {
  kind: 'exempt' | 'attached';
  from: string;
  to: string | null;
  orgCode: string | null;
  orgName: string | null;
  reason: string | null;
}

export interface MemberDetail extends MemberListItem {
  birthDate?: string | null;
  partyCardNo?: string | null;
  notes?: string | null;
  abilities: { update: boolean; readPersonal: boolean };
  periods: MemberPeriod[];
}

/** Sensitive fields (Decree 13/2023): only fetched on demand, and the server logs each read. */
export type MemberPersonal = Record<string, string | number | boolean | null>;

export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

export interface ImportPreview {
  jobId: string;
  fileName: string;
  total: number;
  valid: boolean;
  errors: ImportRowError[];
  summary: { create: number; update: number; unchanged: number };
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportJob {
  status: string;
  total: number;
  processed: number;
  result?: ImportResult | null;
  error?: string | null;
}

export interface Account {
  id: number;
  username: string;
  displayName: string;
  memberCode: string | null;
  disabled: boolean;
  lockedUntil: string | null;
  grants: Grant[];
}

export interface AuditItem {
  id?: number;
  at: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | number | null;
  detail: unknown;
}

/* Meetings (sinh hoạt chi bộ), mirroring `@nennep/core` meetings/types.ts and the meetings presenters. */
export const MEETING_KINDS = ['regular', 'thematic', 'cell_committee', 'extraordinary', 'model'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_STATUSES = [
  'planned',
  'prepared',
  'in_progress',
  'held',
  'adopted',
  'cancelled',
] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const ATTENDANCE_STATUSES = [
  'present',
  'absent_excused',
  'absent_unexcused',
  'exempt',
  'attached_elsewhere',
] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const VOTE_SUBJECTS = ['resolution', 'recognition', 'admission', 'exemption', 'other'] as const;
export type VoteSubject = (typeof VOTE_SUBJECTS)[number];
export const QUALITY_LEVELS = ['good', 'fair', 'average', 'poor'] as const;
export type QualityLevel = (typeof QUALITY_LEVELS)[number];
export const TASK_STATUSES = ['open', 'done', 'dropped'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type AgendaSection = 'opening' | 'content' | 'closing';

export interface Bilingual {
  vi: string;
  en: string;
}

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
}

export interface RollCallLine {
  memberCode: string;
  fullName: string;
  position: Position;
  memberStatus: 'official' | 'probationary';
  status: AttendanceStatus;
  reason: string | null;
  reply: 'confirm' | 'excuse' | null;
  suspended?: boolean;
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

export interface CriterionScore {
  criterionId: string;
  points: number;
  max: number;
  explanation: Bilingual;
}

export interface QualityScore {
  total: number;
  max: number;
  level: QualityLevel;
  criteria: CriterionScore[];
}

export interface MeetingRecord {
  chairMemberCode: string | null;
  minuteTakerMemberCode: string | null;
  rollCall: RollCallLine[];
  guests: { id: number; name: string; role: string | null }[];
  opinions: Opinion[];
  tasks: MeetingTask[];
  votes: VoteRecord[];
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
  documents: { docType: string; number: string; sha256: string }[];
  contentHash: string | null;
  abilities: { readRecord: boolean; run: boolean; adopt: boolean; addendum: boolean };
  record: MeetingRecord | null;
}

export interface VoteOutcome {
  eligible: number;
  needed: number;
  passed: boolean;
  rule: 'majority' | 'two_thirds';
  statement: Bilingual;
}

/* Rule sets: the part of `RuleSetContent` the web reads and edits; the rest is sent back untouched. */
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
  agendaTemplates: Partial<Record<MeetingKind, { title: Bilingual; section: AgendaSection }[]>>;
  scoreSheet: { criteria: Criterion[]; groups?: { id: string; label: Bilingual }[] };
  levels: { good: number; fair: number; average: number; requiredAtMaxForGood: string[] };
}

export interface RuleSet {
  id: number;
  orgCode: string;
  name: string;
  effectiveFrom: string;
  content: RuleSetContent;
  inherited: boolean;
}
