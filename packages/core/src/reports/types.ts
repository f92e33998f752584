/**
 * Reports upward (báo cáo định kỳ): a committee's quarterly or half-year report on the meetings of the
 * cells of its subtree ("thực hiện nghiêm chế độ thông tin, báo cáo"). Figures are drafted from the facts,
 * the words are edited by the committee, and the whole model is frozen when the report is issued.
 * Plain data only (no zod, type-only imports), so that the web can import it.
 */
import type { PartyDocumentHeader } from '../meetings/minutes-model.ts';
import type { Bilingual, QualityLevel } from '../meetings/types.ts';

/** A report covers a quarter (2026-Q3) or a half year (2026-H1); months and whole years are refused. */
export const REPORT_PERIOD_KINDS = ['quarter', 'half_year'] as const;
export type ReportPeriodKind = (typeof REPORT_PERIOD_KINDS)[number];

/** The words of a report the committee edits; each has a default drafted from the figures. */
export const REPORT_WORD_FIELDS = [
  'assessment',
  'shortcomings',
  'directions',
  'proposals',
  'signerName',
  'signerTitle',
] as const;
export type ReportWordField = (typeof REPORT_WORD_FIELDS)[number];
export type ReportWords = Record<ReportWordField, string>;

/** Longest text of each field, in characters: the API refuses more, the form stops there. */
export const REPORT_LIMITS: Readonly<Record<ReportWordField, number>> = {
  assessment: 8000,
  shortcomings: 8000,
  directions: 8000,
  proposals: 4000,
  signerName: 100,
  signerTitle: 100,
};

export const REPORT_STATUSES = ['none', 'draft', 'issued'] as const;
/** `none`: nothing saved yet; `draft`: words saved, not issued; `issued`: numbered and frozen. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface ReportPeriod {
  /** 2026-Q3, 2026-H1 */
  key: string;
  kind: ReportPeriodKind;
  from: string;
  to: string;
  label: Bilingual;
}

/** One month of the period: the regular meetings of the subtree's cells (the committee view's states). */
export interface ReportMonthFigures {
  /** 2026-07 */
  month: string;
  onTime: number;
  late: number;
  notHeld: number;
  /** The month's meeting window is not over yet (planned or not yet scheduled). */
  pending: number;
}

export type LevelCounts = Record<QualityLevel, number>;

/** A row of the table per unit below the committee: a child committee's cells, or one cell. */
export interface ReportUnitFigures {
  code: string;
  name: string;
  cells: number;
  /** Regular meetings due: cells × months of the period. */
  expected: number;
  /** Held on time or late. */
  held: number;
  onTime: number;
  notHeld: number;
  levels: LevelCounts;
  attendancePercent: number | null;
}

/** Supervision coverage of the period, per period of the committee's supervision target. */
export interface ReportSupervisionFigures {
  /** "Mỗi chi bộ thôn, tổ dân phố, cụm dân cư được dự 1 lần mỗi quý." */
  target: string;
  periods: {
    key: string;
    label: string;
    targetCells: number;
    visited: number;
    toVisit: number;
    overdue: number;
  }[];
}

export interface ReportFigures {
  /** The day the figures were read (the issue date once frozen). */
  asOf: string;
  /** Active cells of the subtree. */
  cells: number;
  months: ReportMonthFigures[];
  regular: {
    expected: number;
    onTime: number;
    late: number;
    notHeld: number;
    pending: number;
    /** Cells that held their regular meeting (on time or late) in every month of the period. */
    fullCells: number;
  };
  /** Quality levels of adopted regular meetings. */
  levels: LevelCounts;
  /** Averages over held regular meetings with a roll call, in percent with one decimal. */
  attendancePercent: number | null;
  speakingPercent: number | null;
  /** Thematic meetings held or adopted in the period, and how many cells held at least one. */
  thematic: { meetings: number; cells: number };
  /** Null when the committee's supervision target has no period inside this one. */
  supervision: ReportSupervisionFigures | null;
  /** Recommendations raised in the period under the subtree. */
  recommendations: { raised: number; answered: number; open: number; overdue: number };
  /** Whether the units below are committees (a province's communes) or cells (a commune's cells). */
  unitKind: 'committees' | 'cells';
  units: ReportUnitFigures[];
}

/** Everything the DOCX and XLSX print; frozen in `committee_reports.model` when issued. */
export interface CommitteeReportModel {
  header: PartyDocumentHeader;
  /** "Đảng ủy xã Tân Hội": the body that reports, as a sentence names it. */
  issuerName: string;
  committeeCode: string;
  /** "T/M BAN THƯỜNG VỤ" */
  onBehalf: string;
  /** "Nơi nhận:" lines, without the leading dash. */
  recipients: string[];
  period: ReportPeriod;
  figures: ReportFigures;
  words: ReportWords;
}

export interface ReportIssuedDto {
  number: string;
  issuedAt: string;
  issuedBy: string | null;
  sha256: string;
}

/** GET /api/reports: the draft (figures live, words stored or default) or the frozen issued report. */
export interface CommitteeReportDto {
  committee: { code: string; name: string; issuerName: string };
  period: ReportPeriod;
  status: ReportStatus;
  figures: ReportFigures;
  words: ReportWords;
  /** The words drafted from the figures (what a field goes back to when cleared). */
  defaults: ReportWords;
  /** Fields whose words were edited (stored) rather than drafted. */
  edited: ReportWordField[];
  issued: ReportIssuedDto | null;
  updatedAt: string | null;
  updatedBy: string | null;
  abilities: { edit: boolean; issue: boolean };
}

export interface ReportStatusLine {
  code: string;
  name: string;
  status: ReportStatus;
  number: string | null;
  issuedAt: string | null;
  issuedBy: string | null;
}

/** GET /api/reports/status: the org's own report and each child committee's, for one period. */
export interface ReportStatusDto {
  org: { code: string; name: string };
  period: ReportPeriod;
  own: ReportStatusLine;
  children: ReportStatusLine[];
}
