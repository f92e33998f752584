import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { bytea, bytewiseText } from './types.ts';

/**
 * Supervision (domain.md §4): working groups of a superior committee, who answers for which cells,
 * the rotation plan of each period, the visits and the visitors' reports.
 */
export const workingGroups = pgTable(
  'working_groups',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    committeeOrgId: bigint('committee_org_id', { mode: 'number' }).notNull(),
    committeePath: bytewiseText('committee_path').notNull(),
    name: text('name').notNull(),
    leaderAccountId: bigint('leader_account_id', { mode: 'number' }),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('working_groups_committee_idx').on(t.committeePath)],
);

export const workingGroupMembers = pgTable(
  'working_group_members',
  {
    groupId: bigint('group_id', { mode: 'number' }).notNull(),
    accountId: bigint('account_id', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.accountId] }), index('wgm_account_idx').on(t.accountId)],
);

/** A person or a group answering for an organisation's cells: standing (no dates) or for a period. */
export const visitAssignments = pgTable(
  'visit_assignments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    committeeOrgId: bigint('committee_org_id', { mode: 'number' }).notNull(),
    committeePath: bytewiseText('committee_path').notNull(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    accountId: bigint('account_id', { mode: 'number' }),
    groupId: bigint('group_id', { mode: 'number' }),
    fromDate: date('from_date'),
    toDate: date('to_date'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('visit_assignments_committee_idx').on(t.committeePath),
    index('visit_assignments_account_idx').on(t.accountId),
    index('visit_assignments_group_idx').on(t.groupId),
  ],
);

/** Dates a visitor has said he or she cannot go. */
export const visitorUnavailability = pgTable(
  'visitor_unavailability',
  {
    accountId: bigint('account_id', { mode: 'number' }).notNull(),
    day: date('day').notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.day] })],
);

export const visitPlans = pgTable(
  'visit_plans',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    committeeOrgId: bigint('committee_org_id', { mode: 'number' }).notNull(),
    committeePath: bytewiseText('committee_path').notNull(),
    periodKey: text('period_key').notNull(),
    status: text('status').notNull().default('draft'),
    ruleSetId: bigint('rule_set_id', { mode: 'number' }),
    /** The planner's explanation of every cell left uncovered, and its figures, as last planned. */
    uncovered: jsonb('uncovered').notNull().default([]),
    stats: jsonb('stats').notNull().default({}),
    plannedAt: timestamp('planned_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('visit_plans_period').on(t.committeeOrgId, t.periodKey)],
);

export const visits = pgTable(
  'visits',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    planId: bigint('plan_id', { mode: 'number' }).notNull(),
    committeeOrgId: bigint('committee_org_id', { mode: 'number' }).notNull(),
    committeePath: bytewiseText('committee_path').notNull(),
    periodKey: text('period_key').notNull(),
    cellOrgId: bigint('cell_org_id', { mode: 'number' }).notNull(),
    cellPath: bytewiseText('cell_path').notNull(),
    meetingId: bigint('meeting_id', { mode: 'number' }),
    accountId: bigint('account_id', { mode: 'number' }).notNull(),
    groupId: bigint('group_id', { mode: 'number' }),
    scheduledDate: date('scheduled_date').notNull(),
    startTime: text('start_time').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    status: text('status').notNull().default('planned'),
    locked: boolean('locked').notNull().default(false),
    repeat: boolean('repeat').notNull().default(false),
    cancelReason: text('cancel_reason'),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('visits_plan_idx').on(t.planId),
    index('visits_account_idx').on(t.accountId, t.scheduledDate),
    index('visits_cell_idx').on(t.cellPath, t.scheduledDate),
    // The visits of a meeting whose score changed (roll-up triggers, 0014).
    index('visits_meeting_idx').on(t.meetingId),
  ],
);

/** The visitor's report: filed once, never edited; corrections are dated addenda. */
export const visitReports = pgTable('visit_reports', {
  visitId: bigint('visit_id', { mode: 'number' }).primaryKey(),
  attended: boolean('attended').notNull(),
  absenceReason: text('absence_reason'),
  score: jsonb('score'),
  total: integer('total'),
  level: text('level'),
  contentNotes: text('content_notes'),
  opinionNotes: text('opinion_notes'),
  recommendations: jsonb('recommendations').$type<string[]>().notNull().default([]),
  issuesForDirection: text('issues_for_direction'),
  submittedBy: bigint('submitted_by', { mode: 'number' }).notNull(),
  submittedByName: text('submitted_by_name').notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
});

export const visitReportAddenda = pgTable(
  'visit_report_addenda',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    visitId: bigint('visit_id', { mode: 'number' }).notNull(),
    text: text('text').notNull(),
    accountId: bigint('account_id', { mode: 'number' }).notNull(),
    accountName: text('account_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('visit_report_addenda_visit_idx').on(t.visitId)],
);

/** The quarterly report once issued: numbered, its model frozen, the SHA-256 of its DOCX; never edited. */
export const supervisionReports = pgTable(
  'supervision_reports',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    committeeOrgId: bigint('committee_org_id', { mode: 'number' }).notNull(),
    periodKey: text('period_key').notNull(),
    number: text('number').notNull(),
    model: jsonb('model').notNull(),
    sha256: text('sha256').notNull(),
    /** The DOCX issued, kept: a later change of layout never changes it. */
    docx: bytea('docx'),
    issuedBy: bigint('issued_by', { mode: 'number' }),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('supervision_reports_period').on(t.committeeOrgId, t.periodKey)],
);
