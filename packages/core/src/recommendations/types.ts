/**
 * Recommendations (kiến nghị, đề xuất), domain.md §5: raised in a meeting, on a visit or entered by staff,
 * routed to the level able to answer, followed to the answer and back to the cell. Plain data only (no zod),
 * so that the web can import it.
 */
import type { Bilingual } from '../meetings/types.ts';

export const RECOMMENDATION_STATUSES = [
  'received',
  'assigned',
  'in_progress',
  'answered',
  'reported_back',
  'merged',
  'declined',
] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/** Statuses still waiting for an answer: these have a due date and escalate when it passes. */
export const OPEN_RECOMMENDATION_STATUSES: readonly RecommendationStatus[] = [
  'received',
  'assigned',
  'in_progress',
];

export const RECOMMENDATION_SOURCES = ['meeting', 'visit', 'staff', 'member'] as const;
export type RecommendationSource = (typeof RECOMMENDATION_SOURCES)[number];

/** The level answering: the cell itself, the grassroots committee, a superior committee, or an outside body. */
export const RECOMMENDATION_LEVELS = ['cell', 'grassroots', 'superior', 'outside'] as const;
export type RecommendationLevel = (typeof RECOMMENDATION_LEVELS)[number];

export interface RecommendationCategory {
  id: string;
  label: Bilingual;
  /** Days the answering level has to answer, from the day it receives the recommendation. */
  answerDays: number;
}

/** Configurable (rule-set data, `content.recommendations`): the categories and their time limits. */
export interface RecommendationRules {
  categories: RecommendationCategory[];
}

export const DEFAULT_RECOMMENDATION_RULES: RecommendationRules = {
  categories: [
    { id: 'party_work', label: { vi: 'Công tác đảng', en: 'Party work' }, answerDays: 15 },
    { id: 'policy', label: { vi: 'Chủ trương, chính sách', en: 'Policy' }, answerDays: 30 },
    { id: 'infrastructure', label: { vi: 'Hạ tầng, giao thông', en: 'Infrastructure' }, answerDays: 30 },
    { id: 'land', label: { vi: 'Đất đai, môi trường', en: 'Land and environment' }, answerDays: 45 },
    { id: 'social', label: { vi: 'An sinh xã hội, đời sống', en: 'Social welfare' }, answerDays: 30 },
    { id: 'other', label: { vi: 'Khác', en: 'Other' }, answerDays: 30 },
  ],
};

export const RECOMMENDATION_EVENT_KINDS = [
  'received',
  'assigned',
  'forwarded',
  'in_progress',
  'escalated',
  'answered',
  'put_on_agenda',
  'answer_given',
  'reported_back',
  'merged',
  'declined',
  'attachment',
] as const;
export type RecommendationEventKind = (typeof RECOMMENDATION_EVENT_KINDS)[number];

export interface RecommendationEventDto {
  kind: RecommendationEventKind;
  at: string;
  actorName: string;
  fromOrgName: string | null;
  toOrgName: string | null;
  note: string | null;
}

export interface RecommendationDto {
  id: number;
  /** The cell that raised it. */
  cellCode: string;
  cellName: string;
  source: RecommendationSource;
  meetingId: number | null;
  visitId: number | null;
  raisedBy: string;
  raisedOn: string;
  text: string;
  category: string;
  categoryLabel: Bilingual;
  status: RecommendationStatus;
  level: RecommendationLevel;
  /** The organisation answering (or tracking an outside body's answer). */
  handlerCode: string;
  handlerName: string;
  outsideBody: string | null;
  dueDate: string | null;
  overdue: boolean;
  escalations: number;
  answer: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
  /** The cell meeting where the answer is (or was) given back. */
  answerMeetingId: number | null;
  answerGiven: boolean;
  reportedBackAt: string | null;
  mergedIntoId: number | null;
  declinedReason: string | null;
  attachments: { id: number; fileName: string; size: number }[];
  /** act: forward, start, answer, decline, merge; attach: add files (the cell or the level answering, while open). */
  abilities: { act: boolean; attach: boolean };
}

export interface RecommendationDetailDto extends RecommendationDto {
  events: RecommendationEventDto[];
  /** Where the level answering may send it: the committee directly above, or back down towards the cell. */
  routes: { code: string; name: string; level: RecommendationLevel }[];
}

export interface RecommendationDashboardDto {
  orgCode: string;
  orgName: string;
  from: string;
  to: string;
  totals: {
    raised: number;
    open: number;
    overdue: number;
    answered: number;
    reportedBack: number;
    closed: number;
  };
  byCategory: {
    category: string;
    label: Bilingual;
    raised: number;
    open: number;
    overdue: number;
    answered: number;
  }[];
  byLevel: { level: RecommendationLevel; open: number; overdue: number; answered: number }[];
  /** Days from raising to answering, over those answered in the period. */
  timeToAnswer: { count: number; medianDays: number | null; p90Days: number | null };
  oldestOpen: RecommendationDto[];
  /** Pairs whose texts look alike once accents are folded (pg_trgm similarity). */
  duplicates: { a: RecommendationDto; b: RecommendationDto; similarity: number }[];
}
