import {
  bigint,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { bytewiseText } from './types.ts';

const score = (name: string) => numeric(name, { precision: 4, scale: 1, mode: 'number' });
/** A step's points per group of the rating sheet (`{ groupId: points }`); null for rows given as a total only. */
const sheet = (name: string) => jsonb(name).$type<Record<string, number>>();

/**
 * The year's review (domain.md §8, QĐ 366-QĐ/TW of 30/8/2025): one row per subject (an organisation or a
 * member) and period (the year, or a quarter Q1–Q3), with each step kept as it was given — the
 * self-assessment, the cell's (organisation's) proposal at its year-end meeting, the competent committee's
 * decision, whose reason is required when it differs from the proposal — or why the subject is not rated.
 * Only the decision's level counts in the summary; the steps before it stay beside it.
 */
export const ratings = pgTable(
  'ratings',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    year: integer('year').notNull(),
    /** `year`, `Q1`, `Q2`, `Q3` (the fourth quarter is merged into the year). */
    period: text('period').notNull(),
    /** `org` or `member`. */
    subject: text('subject').notNull(),
    /** The organisation's id, or the member's. */
    subjectId: bigint('subject_id', { mode: 'number' }).notNull(),
    /** The organisation rated, or the member's cell when the row was made. */
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    /** That organisation's path, for one-range subtree scans (summary, lists, scopes). */
    orgPath: bytewiseText('org_path').notNull(),
    selfScore: score('self_score'),
    selfLevel: text('self_level'),
    selfText: text('self_text'),
    selfSheet: sheet('self_sheet'),
    selfBy: bigint('self_by', { mode: 'number' }),
    selfByName: text('self_by_name'),
    selfAt: timestamp('self_at', { withTimezone: true }),
    proposalScore: score('proposal_score'),
    proposalLevel: text('proposal_level'),
    proposalText: text('proposal_text'),
    proposalSheet: sheet('proposal_sheet'),
    /** The year-end (or quarter's) meeting where the cell reviewed and proposed, when recorded through it. */
    proposalMeetingId: bigint('proposal_meeting_id', { mode: 'number' }),
    proposalBy: bigint('proposal_by', { mode: 'number' }),
    proposalByName: text('proposal_by_name'),
    proposalAt: timestamp('proposal_at', { withTimezone: true }),
    decisionScore: score('decision_score'),
    decisionLevel: text('decision_level'),
    /** Required when the decision's level differs from the proposal's. */
    decisionReason: text('decision_reason'),
    decisionSheet: sheet('decision_sheet'),
    decisionBy: bigint('decision_by', { mode: 'number' }),
    decisionByName: text('decision_by_name'),
    decisionAt: timestamp('decision_at', { withTimezone: true }),
    /** How the decision came: `app`, or `import` (results rated on paper). */
    decisionSource: text('decision_source'),
    /** Not rated in this period (exempt, suspended, newly admitted, long leave, other); null = rated. */
    notRatedReason: text('not_rated_reason'),
    notRatedNote: text('not_rated_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('ratings_subject_period').on(t.year, t.period, t.subject, t.subjectId),
    index('ratings_org_path_idx').on(t.orgPath, t.year, t.period),
  ],
);
