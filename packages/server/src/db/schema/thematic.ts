import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { bytewiseText } from './types.ts';

/**
 * The thematic programme (sinh hoạt chuyên đề, HD 12-HD/BTCTW (06/7/2018), its part on it; domain.md §6;
 * issue 17 item 1): a committee's topics for a year, each cell's registration per quarter, the topic paper's
 * versions and the members' comments on them.
 */
export const thematicTopics = pgTable(
  'thematic_topics',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** The committee that publishes it; its subtree's cells may register it. */
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    orgPath: bytewiseText('org_path').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    purpose: text('purpose').notNull(),
    materials: text('materials').notNull().default(''),
    /** The cell categories it is meant for; empty: every cell. */
    cellCategories: jsonb('cell_categories').$type<string[]>().notNull().default([]),
    /** `draft` → `published` → `withdrawn` (never deleted once published). */
    status: text('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('thematic_topics_path_year_idx').on(t.orgPath, t.year)],
);

/** A cell's topic for a quarter: once per cell and quarter, a refused one aside. */
export const thematicRegistrations = pgTable(
  'thematic_registrations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    orgPath: bytewiseText('org_path').notNull(),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    /** The committee's topic; null for the cell's own. */
    topicId: bigint('topic_id', { mode: 'number' }),
    title: text('title').notNull(),
    purpose: text('purpose').notNull().default(''),
    /** `registered` (a committee topic), `pending` → `approved` / `refused` (the cell's own). */
    status: text('status').notNull(),
    refusalReason: text('refusal_reason'),
    decidedBy: bigint('decided_by', { mode: 'number' }),
    presenterMemberIds: jsonb('presenter_member_ids').$type<number[]>().notNull().default([]),
    plannedDate: date('planned_date').notNull(),
    meetingId: bigint('meeting_id', { mode: 'number' }),
    /**
     * The committee-wide session (thematic-sessions.ts) whose paper this is; null for the cell's own topic of
     * the quarter. A session's paper is besides the cell's quarterly topic, so it is outside the once-per-quarter
     * index below and once per session and cell instead.
     */
    sessionId: bigint('session_id', { mode: 'number' }),
    paperSharedAt: timestamp('paper_shared_at', { withTimezone: true }),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('thematic_registrations_cell_quarter_idx')
      .on(t.orgId, t.year, t.quarter)
      .where(sql`status <> 'refused' AND session_id IS NULL`),
    uniqueIndex('thematic_registrations_session_cell_idx')
      .on(t.sessionId, t.orgId)
      .where(sql`session_id IS NOT NULL`),
    index('thematic_registrations_path_idx').on(t.orgPath, t.year, t.quarter),
  ],
);

/** The topic paper (tham luận), version by version: a new version is a new row, never an overwrite. */
export const thematicPapers = pgTable(
  'thematic_papers',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    registrationId: bigint('registration_id', { mode: 'number' }).notNull(),
    version: integer('version').notNull(),
    text: text('text').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sharedAt: timestamp('shared_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('thematic_papers_version_idx').on(t.registrationId, t.version)],
);

/** A member's comment on a shared version of the paper. */
export const thematicComments = pgTable(
  'thematic_comments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    registrationId: bigint('registration_id', { mode: 'number' }).notNull(),
    paperId: bigint('paper_id', { mode: 'number' }).notNull(),
    memberId: bigint('member_id', { mode: 'number' }).notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('thematic_comments_registration_idx').on(t.registrationId)],
);
