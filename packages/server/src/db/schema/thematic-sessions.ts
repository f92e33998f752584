import { bigint, date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytewiseText } from './types.ts';

/**
 * The committee-wide thematic session (seed 004; domain.md §6; issue 17 item 1; HD 12-HD/BTCTW (06/7/2018), its
 * part on sinh hoạt chuyên đề): a committee's session with each cell's paper (a `thematic_registrations` row
 * with `session_id`), and the committee's draft thematic resolution, sent to the subtree's members for
 * comments, then issued (frozen) and registered as a document to pass on (`pass_on_documents`).
 */
export const thematicSessions = pgTable(
  'thematic_sessions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** The committee holding it; the cells of its subtree present the papers. */
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    orgPath: bytewiseText('org_path').notNull(),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    title: text('title').notNull(),
    /** One of the committee's published topics; null when the session has none. */
    topicId: bigint('topic_id', { mode: 'number' }),
    date: date('date').notNull(),
    /** HH:MM, Vietnam time. */
    time: text('time').notNull(),
    place: text('place').notNull(),
    /** When the first draft of the resolution was sent to the members for comments. */
    resolutionSharedAt: timestamp('resolution_shared_at', { withTimezone: true }),
    /** Ban hành: the issued version never changes again (corrections are addenda). */
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedVersion: integer('issued_version'),
    issuedNumber: text('issued_number'),
    issuedOn: date('issued_on'),
    passOnDocumentId: bigint('pass_on_document_id', { mode: 'number' }),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('thematic_sessions_path_year_idx').on(t.orgPath, t.year)],
);

/** The draft resolution, version by version: a new version is a new row, never an overwrite. */
export const thematicSessionDrafts = pgTable(
  'thematic_session_drafts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sessionId: bigint('session_id', { mode: 'number' }).notNull(),
    version: integer('version').notNull(),
    text: text('text').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sharedAt: timestamp('shared_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('thematic_session_drafts_version_idx').on(t.sessionId, t.version)],
);

/** A member of the subtree's comment on a version of the draft resolution sent for comments. */
export const thematicSessionComments = pgTable(
  'thematic_session_comments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sessionId: bigint('session_id', { mode: 'number' }).notNull(),
    draftId: bigint('draft_id', { mode: 'number' }).notNull(),
    memberId: bigint('member_id', { mode: 'number' }).notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('thematic_session_comments_session_idx').on(t.sessionId)],
);
