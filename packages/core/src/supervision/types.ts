/**
 * Supervision (domain.md §4): superior committees' members and working groups attend cells' meetings.
 * Plain data only (no zod), so that the web can import it without the validation library.
 */
import type { Bilingual, LevelRules, QualityLevel, QualityScore } from '../meetings/types.ts';
import type { OrgCategory } from '../orgs/types.ts';

/** How often every target cell must be visited, and inside which part of the period. */
export const SUPERVISION_PERIODS = ['month', 'quarter', 'half_year', 'year'] as const;
export type SupervisionPeriodKind = (typeof SUPERVISION_PERIODS)[number];

/**
 * The coverage target and the planner's constraints, kept in a rule set (configurable, dated, owned by a
 * committee). Defaults: the Đan Phượng practice of domain.md §4.
 */
export interface SupervisionRules {
  /** Categories of the cells the target covers (village, street_group, residential_cluster). */
  targetCategories: OrgCategory[];
  period: SupervisionPeriodKind;
  /** Visits fall in the first this many months of the period (1 = "first month of each quarter"). */
  windowMonths: number;
  /** Visits each target cell gets per period. */
  visitsPerCell: number;
  /** Each committee member attends at least this many meetings a year. */
  committeeMemberVisitsPerYear: number;
  /** Never send a visitor to the cell he or she is a member of. */
  excludeHomeCell: boolean;
  /** A visitor attends at most this many meetings on one day (1 = never two visits the same day). */
  maxVisitsPerDay: number;
  /** Avoid sending a visitor to the cell he or she visited last period when another can go. */
  avoidRepeat: boolean;
  /** A visit report is due this many days after the meeting. */
  reportDueDays: number;
}

export const DEFAULT_SUPERVISION_RULES: SupervisionRules = {
  targetCategories: ['village', 'street_group', 'residential_cluster'],
  period: 'quarter',
  windowMonths: 1,
  visitsPerCell: 1,
  committeeMemberVisitsPerYear: 6,
  excludeHomeCell: true,
  maxVisitsPerDay: 1,
  avoidRepeat: true,
  reportDueDays: 7,
};

/** One period of the target: "Quý I/2027" runs 2027-01-01…2027-03-31, its window 2027-01-01…2027-01-31. */
export interface SupervisionPeriod {
  /** 2027-Q1, 2027-M01, 2027-H1, 2027 */
  key: string;
  kind: SupervisionPeriodKind;
  from: string;
  to: string;
  windowFrom: string;
  windowTo: string;
  label: Bilingual;
}

/* ------------------------------------------------------------------------------------------------------ */
/* Rotation planner                                                                                        */
/* ------------------------------------------------------------------------------------------------------ */

/** A meeting a visitor could attend: one of the cell's meetings inside the window. */
export interface PlannerMeeting {
  meetingId: number | null;
  /** ISO date. */
  date: string;
  /** HH:MM */
  startTime: string;
  durationMinutes: number;
}

export interface PlannerCell {
  id: number;
  meetings: PlannerMeeting[];
}

export interface PlannerVisitor {
  id: number;
  /** Cells the visitor is a member of (never sent there when the rules say so). */
  homeCellIds: number[];
  /** ISO dates on which the visitor cannot go. */
  unavailableDates: string[];
  /** The cells the visitor may be sent to (from assignments); null when every cell of the plan is open. */
  candidateCellIds: number[] | null;
}

/** A visit fixed by hand: the planner keeps it as it is and counts it in the visitor's load. */
export interface LockedVisit {
  cellId: number;
  visitorId: number;
  meetingId: number | null;
  date: string;
  startTime: string;
  durationMinutes: number;
}

export interface PlannerInput {
  cells: PlannerCell[];
  visitors: PlannerVisitor[];
  /** Last period's visits: who went where. */
  previous: { cellId: number; visitorId: number }[];
  locked: LockedVisit[];
  rules: Pick<SupervisionRules, 'maxVisitsPerDay' | 'excludeHomeCell' | 'avoidRepeat'>;
}

export interface PlannedVisit {
  cellId: number;
  visitorId: number;
  meetingId: number | null;
  date: string;
  startTime: string;
  durationMinutes: number;
  locked: boolean;
  /** The same visitor as last period (only when nobody else could go). */
  repeat: boolean;
}

/** Why a cell is left without a visit. */
export const UNCOVERED_REASONS = [
  /** No meeting of the cell is scheduled inside the window. */
  'no_meeting',
  /** No visitor may be sent there (no assignment covers it, or no visitors at all). */
  'no_visitor',
  /** The only visitors who could go are members of the cell. */
  'home_only',
  /** The visitors who could go are unavailable on every date the cell meets. */
  'unavailable',
  /** Visitors could go, but every one of them is already booked on those dates. */
  'capacity',
] as const;
export type UncoveredReason = (typeof UNCOVERED_REASONS)[number];

export interface UncoveredCell {
  cellId: number;
  reason: UncoveredReason;
  /** The meeting dates considered (empty for no_meeting). */
  dates: string[];
  /** How many visitors were candidates before home/availability/capacity ruled them out. */
  candidates: number;
}

export interface PlannerResult {
  visits: PlannedVisit[];
  uncovered: UncoveredCell[];
  /** Visits per visitor (locked ones included), every visitor listed, in input order. */
  load: { visitorId: number; visits: number }[];
  stats: {
    cells: number;
    visitors: number;
    covered: number;
    maxLoad: number;
    minLoad: number;
    /** ⌈covered ÷ visitors⌉: no plan of this coverage can do better than this maximum. */
    lowerBound: number;
    repeats: number;
  };
}

/* ------------------------------------------------------------------------------------------------------ */
/* API shapes                                                                                              */
/* ------------------------------------------------------------------------------------------------------ */

export interface VisitorDto {
  accountId: number;
  displayName: string;
  /** committee_member or visitor */
  role: string;
  groupIds: number[];
}

export interface WorkingGroupDto {
  id: number;
  committeeCode: string;
  name: string;
  leaderAccountId: number | null;
  members: { accountId: number; displayName: string; leader: boolean }[];
  /** Organisations the group is assigned to (standing or for a period). */
  assignments: AssignmentDto[];
  active: boolean;
}

export interface AssignmentDto {
  id: number;
  committeeCode: string;
  orgCode: string;
  orgName: string;
  accountId: number | null;
  accountName: string | null;
  groupId: number | null;
  groupName: string | null;
  /** Null on both sides: a standing assignment. */
  from: string | null;
  to: string | null;
}

export const VISIT_STATUSES = ['planned', 'checked_in', 'reported', 'missed', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export interface VisitDto {
  id: number;
  periodKey: string;
  committeeCode: string;
  cellCode: string;
  cellName: string;
  parentName: string | null;
  visitorAccountId: number;
  visitorName: string;
  groupId: number | null;
  groupName: string | null;
  meetingId: number | null;
  date: string;
  startTime: string;
  place: string | null;
  status: VisitStatus;
  locked: boolean;
  repeat: boolean;
  checkedInAt: string | null;
  /** Report due date; overdue when past and not reported. */
  reportDue: string;
  overdue: boolean;
  /** addendum: the visitor may add a dated correction to the filed report. */
  abilities: { checkIn: boolean; report: boolean; edit: boolean; addendum: boolean };
}

/** A visit with what the visitor needs on the way: agenda and published materials of the meeting. */
export interface VisitDetailDto extends VisitDto {
  agenda: { title: string; section: string }[];
  materials: { id: number; title: string; url: string | null }[];
  /** The cell's own score of the meeting, when it has scored it. */
  cellScore: { total: number; level: QualityLevel } | null;
  /** The score sheet to fill, from the rule set in force on the meeting's date. */
  sheet: { id: string; group: string; label: Bilingual; max: number }[];
  /** Headings of the sheet's criterion groups, and the level bounds, to preview the level as scored. */
  sheetGroups: { id: string; label: Bilingual }[];
  levels: LevelRules;
  report: VisitReportDto | null;
}

export interface VisitReportDto {
  visitId: number;
  attended: boolean;
  absenceReason: string | null;
  score: QualityScore | null;
  contentNotes: string | null;
  opinionNotes: string | null;
  recommendations: string[];
  issuesForDirection: string | null;
  submittedAt: string;
  submittedBy: string;
  addenda: { at: string; by: string; text: string }[];
}

export interface PlanDto {
  id: number | null;
  committeeCode: string;
  period: SupervisionPeriod;
  status: 'none' | 'draft' | 'published';
  visits: VisitDto[];
  uncovered: (UncoveredCell & { cellCode: string; cellName: string; explanation: Bilingual })[];
  load: { accountId: number; displayName: string; visits: number }[];
  stats: PlannerResult['stats'] & { targetCells: number };
  rules: SupervisionRules;
}

/** Coverage and quality of one period, for the committee and any node below it (drill down). */
export interface CoverageDto {
  orgCode: string;
  orgName: string;
  period: SupervisionPeriod;
  totals: {
    targetCells: number;
    visited: number;
    planned: number;
    toVisit: number;
    overdue: number;
    reportsOverdue: number;
  };
  /** Children of the node, each with the same totals (for the drill down). */
  children: {
    orgCode: string;
    orgName: string;
    /** Whether it is a committee with cells below (drill down) rather than a cell. */
    drill: boolean;
    targetCells: number;
    visited: number;
    toVisit: number;
    overdue: number;
  }[];
  byVisitor: { accountId: number; displayName: string; planned: number; reported: number }[];
  byGroup: { groupId: number; name: string; planned: number; reported: number }[];
  /** Cells' own level beside the visitors' level, per visited cell, and the gap in points. */
  quality: {
    cellCode: string;
    cellName: string;
    parentName: string | null;
    visitId: number;
    cellLevel: QualityLevel | null;
    cellTotal: number | null;
    visitorLevel: QualityLevel | null;
    visitorTotal: number | null;
    /** Visitor minus cell, in points: negative when the visitor judged the meeting lower. */
    gap: number | null;
  }[];
  /** Levels counted both ways, for the chart. */
  levels: { cell: Record<QualityLevel, number>; visitor: Record<QualityLevel, number> };
  /** Cells of the target still without a reported visit, with their state. */
  pending: {
    cellCode: string;
    cellName: string;
    parentName: string | null;
    state: 'planned' | 'unplanned' | 'overdue';
    visitId: number | null;
    date: string | null;
  }[];
  /**
   * How many reported visits (`quality`), cells still to visit (`pending`) and visitors (`byVisitor`) there are
   * in all: at a province's root the lists stop at the server's limit (COVERAGE_LIST_LIMIT) and the web says so.
   */
  listed: { quality: number; pending: number; byVisitor: number };
  /** The period's report once issued (numbered, frozen); null while it is still a draft. */
  report?: { number: string; issuedAt: string; sha256: string } | null;
  /** Committee members below their yearly minimum of visits (committeeMemberVisitsPerYear). */
  committeeMembersBelowTarget: {
    accountId: number;
    displayName: string;
    visitsThisYear: number;
    target: number;
  }[];
}

/** Everything the quarterly report (DOCX and XLSX) prints; built by the server, rendered byte-stable. */
export interface SupervisionReportModel {
  /** The superior organisation ("Đảng bộ tỉnh …") printed above the issuing committee ("Đảng ủy xã …"). */
  parentName: string | null;
  committeeName: string;
  committeeCode: string;
  /** "Đan Phượng, ngày 05 tháng 4 năm 2027" */
  placeDateLine: string;
  documentNumber: string;
  period: SupervisionPeriod;
  rulesSummary: string;
  totals: CoverageDto['totals'] & { visits: number; reported: number; attended: number };
  byUnit: { name: string; targetCells: number; visited: number; toVisit: number; overdue: number }[];
  byVisitor: { name: string; planned: number; reported: number }[];
  byGroup: { name: string; planned: number; reported: number }[];
  levels: CoverageDto['levels'];
  /** Visited cells, each with both scores. */
  visits: {
    cellName: string;
    unitName: string | null;
    date: string;
    visitorName: string;
    attended: boolean;
    cellTotal: number | null;
    cellLevel: QualityLevel | null;
    visitorTotal: number | null;
    visitorLevel: QualityLevel | null;
  }[];
  notVisited: { cellName: string; unitName: string | null; reason: string }[];
  /** Members' recommendations heard on visits, and issues needing the committee's direction. */
  recommendations: { cellName: string; text: string }[];
  issues: { cellName: string; text: string }[];
  /** Who compiled the figures (the account that drafted or issued the report); not printed as a signer. */
  preparedBy: string;
  /**
   * The collective signature (HD 36-HD/VPTW, "thể thức đề ký"; domain.md §1): "T/M BAN THƯỜNG VỤ" or "T/M
   * ĐẢNG ỦY" from the committee's naming, then the title and name of who signs, as given when issuing.
   */
  signature: { onBehalf: string; title: string; name: string };
  /** "Nơi nhận": the superior's leading body, the committee's members, those visited, the office's file. */
  recipients: string[];
}

/** The signer of a supervision report as the committee gives it when issuing (titles in upper case). */
export interface SupervisionReportSigner {
  title: string;
  name: string;
}
