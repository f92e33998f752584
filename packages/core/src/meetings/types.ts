/**
 * Meetings (sinh hoạt chi bộ), domain.md §3: the shared vocabulary of the rules engine, the server and
 * the documents. Everything here is plain data; the rules are pure functions beside it.
 */

export const MEETING_KINDS = ['regular', 'thematic', 'cell_committee', 'extraordinary', 'model'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** How people name each kind of meeting, in both languages (calendars, notices, messages). */
export const MEETING_KIND_LABELS: Record<MeetingKind, { vi: string; en: string }> = {
  regular: { vi: 'Sinh hoạt chi bộ thường kỳ', en: 'Regular cell meeting' },
  thematic: { vi: 'Sinh hoạt chuyên đề', en: 'Thematic meeting' },
  cell_committee: { vi: 'Họp chi ủy', en: 'Cell committee meeting' },
  extraordinary: { vi: 'Sinh hoạt chi bộ bất thường', en: 'Extraordinary meeting' },
  model: { vi: 'Sinh hoạt chi bộ mẫu', en: 'Model meeting' },
};

export const MEETING_STATUSES = [
  'planned',
  'prepared',
  'in_progress',
  'held',
  'adopted',
  'cancelled',
] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Roll call of one member (điểm danh). */
export const ATTENDANCE_STATUSES = [
  'present',
  'absent_excused',
  'absent_unexcused',
  'exempt',
  'attached_elsewhere',
] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/**
 * What a vote decides; recognition and admission need two thirds, the rest more than half. 'minutes' is the
 * meeting's adoption of its own minutes after they are read back (thông qua biên bản, HD 12-HD/BTCTW).
 */
export const VOTE_SUBJECTS = [
  'resolution',
  'recognition',
  'admission',
  'exemption',
  'minutes',
  'other',
] as const;
export type VoteSubject = (typeof VOTE_SUBJECTS)[number];

export interface Bilingual {
  vi: string;
  en: string;
}

/** One member's line in the roll call, with what the vote rules need to know. */
export interface AttendanceFact {
  memberId: number;
  status: AttendanceStatus;
  memberStatus: 'official' | 'probationary';
  /** Suspended (đình chỉ sinh hoạt) or detained (tạm giam) on the day. */
  suspended?: boolean;
  reason?: string | null;
  /**
   * A member of another cell attending this one for a while (sinh hoạt tạm thời): counted in this cell's
   * attendance, but votes only in the home cell (domain.md §2; QĐ 24-QĐ/TW point 9.3.2).
   */
  attachedHere?: boolean;
  /**
   * For an absence with a reason: whether the cell accepts the reason (default yes). Only an accepted
   * reason makes it "vắng mặt có lý do" (HD 12-HD/BTCTW point 2.1; QĐ 24-QĐ/TW point 9.3.2).
   */
  reasonAccepted?: boolean;
}

/** The automatic facts a score sheet reads; the server computes them from what was recorded. */
export interface MeetingFacts {
  kind: MeetingKind;
  /** Actual duration in minutes (end − start); null when not recorded. */
  durationMinutes: number | null;
  /** Minimum for this meeting under its rule set (90, or 120 when thematic and regular are combined). */
  minDurationMinutes: number;
  /** Members expected (exempt members left out), present among them. */
  expected: number;
  present: number;
  unexcusedAbsences: number;
  /** Someone absent (even excused) more than 3 times in a row this year, counting this meeting. */
  anyoneAbsentOverThreeInRow: boolean;
  /** Distinct members present who spoke. */
  speakers: number;
  /** Materials published at least 1 day before the start. */
  materialsPublishedDayBefore: boolean;
  /**
   * Set when the materials criterion is met by the package posted on the Sổ tay đảng viên điện tử app
   * (HD 42-HD/BTCTW) rather than by publication in Nền Nếp.
   */
  materialsVia?: 'so_tay';
  /** The cell committee met before this meeting (or the cell has no cell committee). */
  cellCommitteeMetBefore: boolean;
  /** Share of the previous resolution's tasks done, 0–100; null when there was no previous resolution. */
  previousTasksDonePercent: number | null;
}

export const FACT_KEYS = [
  'durationShortfallMinutes',
  'durationPercent',
  'attendancePercent',
  'unexcusedAbsences',
  'absentOverThreeInRow',
  'speakingPercent',
  'materialsPublishedDayBefore',
  'cellCommitteeMetBefore',
  'previousTasksDonePercent',
] as const;
export type FactKey = (typeof FACT_KEYS)[number];

/** An option of a criterion: points given when the fact lies in [min, max) (bounds optional). */
export interface CriterionOption {
  label: Bilingual;
  points: number;
  /** For automatic criteria: inclusive lower bound of the fact's value. */
  min?: number;
  /** For automatic criteria: exclusive upper bound of the fact's value. */
  below?: number;
  /** For boolean facts: the value that selects this option. */
  equals?: boolean;
  /** For automatic criteria: exclusive lower bound ("more than 50%"), where `min` would be inclusive. */
  above?: number;
  /**
   * The fact this option reads when it is not the criterion's own: the duration criterion reads the
   * shortfall in minutes for "short by ≤ 15 min" and the share of the minimum for "at least half".
   */
  fact?: FactKey;
  /** Selects this option when the fact is unknown (null), e.g. "no previous resolution → full points". */
  whenMissing?: boolean;
}

export interface Criterion {
  id: string;
  group: string;
  label: Bilingual;
  max: number;
  /** `auto`: read from a fact; `manual`: entered by the cell (and, separately, by a visitor). */
  kind: 'auto' | 'manual';
  fact?: FactKey;
  /** For auto criteria: when true, any unexcused absence caps this criterion at its lowest option. */
  capOnUnexcused?: boolean;
  options: CriterionOption[];
}

export interface ScoreSheet {
  criteria: Criterion[];
  /** Headings of the criterion groups, in print order (optional: a sheet may leave groups unlabelled). */
  groups?: { id: string; label: Bilingual }[];
}

export const QUALITY_LEVELS = ['good', 'fair', 'average', 'poor'] as const;
export type QualityLevel = (typeof QUALITY_LEVELS)[number];

export interface LevelRules {
  /** Inclusive lower bounds: Tốt ≥ good, Khá ≥ fair, Trung bình ≥ average, else Kém. */
  good: number;
  fair: number;
  average: number;
  /** Criteria that must be at their maximum for "Tốt". */
  requiredAtMaxForGood: string[];
}

export interface AgendaTemplateItem {
  title: Bilingual;
  /** Section of the standard order: opening, content, closing. */
  section: 'opening' | 'content' | 'closing';
}

/**
 * The meetings' part of a rule set: what the meeting rules read. The whole rule set, with the supervision
 * and recommendation parts, is `RuleSetContent` (rule-set-content.ts), composed above the three features.
 */
export interface MeetingRules {
  /** Days of the month on which regular meetings are held, inclusive. */
  meetingWindow: { fromDay: number; toDay: number };
  defaultStartTime: string;
  minDurationMinutes: { regular: number; combined: number; thematic: number; other: number };
  /** A thematic meeting at least once every this many months. */
  thematicEveryMonths: number;
  /**
   * Official members from which a cell elects a chi ủy (9, Điều lệ Đảng art. 24). Advice only: a large cell
   * without one is told to elect one; whether a cell has a chi ủy is who was elected (`hasCellCommittee`).
   */
  cellCommitteeFrom: number;
  /** Days before the cell meeting that its preparation meeting (the chi ủy's, or the secretaries') is held. */
  cellCommitteeDaysBefore: number;
  /**
   * How the period's thematic meeting is held (HD 42-HD/BTCTW): `combined` — one session with the month's
   * regular meeting (one roll call, one minutes in two parts, one score, the combined minimum duration);
   * `separate` — an evening of its own, `thematicDaysAfter` days after the regular meeting. Absent in rule
   * sets written before it existed: combined.
   */
  thematicMode?: 'combined' | 'separate';
  thematicDaysAfter?: number;
  /**
   * Minutes adopted while manual criteria of the score sheet are unscored: `refuse` (the default), or
   * `confirm` — allowed once the secretary confirms the level it gives.
   */
  unscoredAdoption?: 'refuse' | 'confirm';
  agendaTemplates: Record<MeetingKind, AgendaTemplateItem[]>;
  scoreSheet: ScoreSheet;
  levels: LevelRules;
}

export interface CriterionScore {
  criterionId: string;
  points: number;
  max: number;
  /** One line of explanation, as printed in the minutes. */
  explanation: Bilingual;
}

export interface QualityScore {
  total: number;
  max: number;
  level: QualityLevel;
  criteria: CriterionScore[];
}

export interface VoteCount {
  for: number;
  against: number;
  abstain: number;
}

export interface VoteOutcome {
  /** Official members whose votes count (QĐ 24-QĐ/TW point 9.3.2). */
  eligible: number;
  /** Votes needed to pass. */
  needed: number;
  passed: boolean;
  rule: 'majority' | 'two_thirds';
  statement: Bilingual;
}

/** How a cell's regular meeting of a month stands, in the committee's monthly overview. */
export const OVERVIEW_STATES = ['on_time', 'late', 'not_held', 'planned', 'upcoming'] as const;
export type OverviewState = (typeof OVERVIEW_STATES)[number];

/** One active cell's regular meeting of the month, as the committee sees it. */
export interface OverviewRow {
  orgCode: string;
  orgName: string;
  parentName: string | null;
  meetingId: number | null;
  date: string | null;
  state: OverviewState;
  level: QualityLevel | null;
  total: number | null;
  attendancePercent: number | null;
  speakingPercent: number | null;
}

export interface OverviewSummary {
  cells: number;
  onTime: number;
  late: number;
  notHeld: number;
  byLevel: Record<QualityLevel, number>;
}

/** A month's overview of a node: the summary of every active cell under it, and one page of its cells. */
export interface OverviewDto {
  org: { code: string; name: string };
  month: string;
  summary: OverviewSummary;
  items: OverviewRow[];
  /** Active cells under the node (all pages); `items` starts at `offset` in Vietnamese name order. */
  total: number;
  offset: number;
}

/**
 * The quality and attendance figures of one child node of the node read (or of the node itself when it is a
 * cell), over the active cells at or under it, for a month: the overview's states and levels counted.
 */
export interface QualityLine extends OverviewSummary {
  orgCode: string;
  orgName: string;
  /** The child has cells under it: the overview drills down into it. */
  drill: boolean;
  /** Mean total score of the adopted minutes of the month (one decimal), null when none. */
  meanScore: number | null;
  /** Members present ÷ roll-call base, summed over the meetings held, in percent (one decimal). */
  attendancePercent: number | null;
}

/** Quality figures per level of the tree: one line per child node, and the node's own totals. */
export interface QualityFiguresDto {
  org: { code: string; name: string };
  month: string;
  lines: QualityLine[];
  summary: Omit<QualityLine, 'orgCode' | 'orgName' | 'drill'>;
}

/** Who an invitation to a meeting reaches: the cell's members and the committee members who follow it. */
export interface InvitationListDto {
  /** Every member on the cell's list; `inApp` when the invitation reaches an account of theirs. */
  members: { name: string; inApp: boolean }[];
  /** Committee members sent to this meeting (`visit`) or assigned to follow the cell (`assignment`). */
  followers: { name: string; why: 'visit' | 'assignment' }[];
  /** Accounts the invitation reaches. */
  recipients: number;
}

/** A committee's plan spreading its cells' regular meetings over the window (preview, then apply). */
export interface MeetingDaysCellDto {
  code: string;
  name: string;
  /** The coverage target names the cell: the rotation must reach it. */
  target: boolean;
  /** Its meeting of the month is held, under way or already past: it keeps its day. */
  settled: boolean;
  /** The day of its regular meeting of the month now (ISO), or null when none is planned yet. */
  current: string | null;
  /** The day the plan gives it (ISO). */
  date: string;
  /** The day is the one it usually meets on. */
  kept: boolean;
  /** A target cell on a day the visitors can still attend. */
  covered: boolean;
  /** Applying moves (or first plans) its meeting. */
  changed: boolean;
}

export interface MeetingDaysDto {
  orgCode: string;
  orgName: string;
  month: string;
  /** The window of regular meetings that month, and the days of it still open (today on). */
  window: { from: string; to: string };
  days: number[];
  /** No day gets more cells than this. */
  perDayLimit: number;
  /** Visitors the committee can send, and the target cells of one day they can reach over the rotation. */
  visitors: number;
  capacityPerDay: number;
  /** In the committee's order. */
  cells: MeetingDaysCellDto[];
  /** Names of the target cells the visitors cannot reach with the days left. */
  uncovered: string[];
  /** Meetings applying would move or plan. */
  changes: number;
}

export interface MeetingDaysAppliedDto {
  moved: number;
  planned: number;
  plan: MeetingDaysDto;
}

/**
 * A probationary member of the cell with the twelve months against the meeting's day (Điều lệ Đảng art. 5),
 * shown beside the recognition vote (server `probationOf`, web `RecognitionNote`).
 */
export interface ProbationLine {
  memberCode: string;
  fullName: string;
  admissionDate: string;
  probationEnds: string;
  /** The meeting comes before the twelve months end: a recognition vote asks to confirm. */
  early: boolean;
}
