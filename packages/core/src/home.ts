/**
 * The home page of each role (issue "the day of a secretary"): the next job first. Plain data only, so that
 * the web takes it through the `@nennep/core/home` subpath.
 */
import type { MeetingKind, MeetingStatus, QualityLevel } from './meetings/types.ts';

/** What makes a meeting ready (HD 12-HD/BTCTW: chuẩn bị sinh hoạt chi bộ). */
export interface ReadinessDto {
  /** The agenda has content beyond the opening and closing items. */
  agenda: boolean;
  /** At least one material published a full day before the meeting. */
  materials: boolean;
  /**
   * A preparation meeting was held (or is under way) in the two weeks before: the chi ủy's, or in a cell
   * without one the bí thư and phó bí thư's (HD 12-HD/BTCTW) — the same fact the score reads.
   */
  preparation: boolean;
  /** Who prepares it: the chi ủy where the cell elected one, else the bí thư and phó bí thư. */
  preparedBy: 'cell_committee' | 'secretaries';
  /** That preparation meeting (held, or on the calendar to hold), to open; null when none is planned. */
  preparationMeetingId: number | null;
  /** The cell has the size to elect a chi ủy (9 official members, Điều lệ Đảng art. 24) but has none. */
  electCommittee: boolean;
  /** Invitations sent. */
  invitations: boolean;
}

export interface HomeMeetingDto {
  id: number;
  kind: MeetingKind;
  combined: boolean;
  status: MeetingStatus;
  /** Its own title, when it has one (else the web names it by kind and date). */
  title: string | null;
  date: string;
  startTime: string;
  place: string | null;
}

/** What is due at the cell's next meeting. */
export interface DueItemsDto {
  /** Probationary members whose 12 months end by a month after the meeting: to recognise. */
  recognitions: { name: string; probationEnds: string }[];
  /** Answers to the cell's recommendations, to give back at the meeting. */
  answers: { id: number; text: string; answeredBy: string }[];
  /** Tasks the cell's meetings gave, past their deadline. */
  overdueTasks: { id: number; text: string; deadline: string; memberName: string | null }[];
  /** Members absent from each of the cell's last meetings (at least two in a row). */
  absentees: { name: string; times: number }[];
}

export interface SecretaryHomeDto {
  orgCode: string;
  orgName: string;
  /** The next job: minutes to finish first, else the next meeting to prepare or run. */
  next: (HomeMeetingDto & { phase: 'prepare' | 'run' | 'minutes'; readiness: ReadinessDto }) | null;
  due: DueItemsDto;
}

export interface MemberHomeDto {
  orgCode: string;
  orgName: string;
  next: (HomeMeetingDto & { materials: { id: number; name: string }[]; reply: string | null }) | null;
  tasks: { id: number; text: string; deadline: string | null; overdue: boolean; meetingId: number }[];
  recommendations: { id: number; text: string; status: string; raisedOn: string }[];
  recommendationCount: number;
}

export interface CommitteeHomeDto {
  orgCode: string;
  orgName: string;
  /** "2026-12". */
  month: string;
  cells: number;
  /** Cells without a regular meeting held this month; `late` once the month's window has passed. */
  notMet: { code: string; name: string; late: boolean; nextDate: string | null }[];
  notMetCount: number;
  /** Meetings of the last three months adopted at "Trung bình" or "Kém". */
  weak: { code: string; name: string; meetingId: number; date: string; level: QualityLevel; total: number }[];
  overdueRecommendations: number;
  /** Visits of the committee planned for the coming seven days, and reports past their due day. */
  visitsSoon: number;
  reportsOverdue: number;
}

export interface HomeDto {
  today: string;
  secretary: SecretaryHomeDto[];
  member: MemberHomeDto | null;
  committees: CommitteeHomeDto[];
}
