import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea, bytewiseText } from './types.ts';

/**
 * Recommendations (domain.md §5): raised by a cell, answered by the level that can (`handler_org_id`),
 * and reported back to the cell at a following meeting. Nothing is deleted; every step is an event.
 */
export const recommendations = pgTable(
  'recommendations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    orgPath: bytewiseText('org_path').notNull(),
    source: text('source').notNull(),
    meetingId: bigint('meeting_id', { mode: 'number' }),
    visitId: bigint('visit_id', { mode: 'number' }),
    raisedByMemberId: bigint('raised_by_member_id', { mode: 'number' }),
    raisedBy: text('raised_by').notNull(),
    raisedOn: date('raised_on').notNull(),
    text: text('text').notNull(),
    /** Accent-folded text for search and likely duplicates (pg_trgm). */
    searchText: text('search_text').notNull(),
    category: text('category').notNull(),
    status: text('status').notNull().default('received'),
    handlerOrgId: bigint('handler_org_id', { mode: 'number' }).notNull(),
    handlerPath: bytewiseText('handler_path').notNull(),
    outsideBody: text('outside_body'),
    dueDate: date('due_date'),
    escalations: integer('escalations').notNull().default(0),
    mergedIntoId: bigint('merged_into_id', { mode: 'number' }),
    declinedReason: text('declined_reason'),
    answer: text('answer'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredOn: date('answered_on'),
    answeredBy: text('answered_by'),
    answerMeetingId: bigint('answer_meeting_id', { mode: 'number' }),
    answerGiven: boolean('answer_given').notNull().default(false),
    reportedBackAt: timestamp('reported_back_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('recommendations_org_idx').on(t.orgPath, t.raisedOn),
    index('recommendations_handler_idx').on(t.handlerPath, t.status),
    index('recommendations_answer_meeting_idx').on(t.answerMeetingId),
    index('recommendations_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    // Nearest texts first (`<->`), for the likely duplicates kept in recommendation_likes (0014).
    index('recommendations_search_gist_idx').using('gist', sql`${t.searchText} gist_trgm_ops`),
  ],
);

export const recommendationEvents = pgTable(
  'recommendation_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    recommendationId: bigint('recommendation_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    fromOrgId: bigint('from_org_id', { mode: 'number' }),
    toOrgId: bigint('to_org_id', { mode: 'number' }),
    note: text('note'),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recommendation_events_idx').on(t.recommendationId)],
);

export const recommendationAttachments = pgTable(
  'recommendation_attachments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    recommendationId: bigint('recommendation_id', { mode: 'number' }).notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    bytes: bytea('bytes').notNull(),
    uploadedBy: bigint('uploaded_by', { mode: 'number' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recommendation_attachments_idx').on(t.recommendationId)],
);
