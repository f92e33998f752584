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
import { bytea, bytewiseText } from './types.ts';

/**
 * Superior documents a committee passes on to its cells (phổ biến văn bản của cấp trên, HD 12-HD/BTCTW
 * (06/7/2018) point 2.2; issue 17 item 2): the document with its file, and to whom it is addressed.
 */
export const passOnDocuments = pgTable(
  'pass_on_documents',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** The committee that registered it; its subtree holds the addressed cells. */
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    orgPath: bytewiseText('org_path').notNull(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    issuedOn: date('issued_on').notNull(),
    passOnBy: date('pass_on_by').notNull(),
    /** `subtree`, or `chosen`: only cells whose kind or category is listed. */
    audience: text('audience').notNull(),
    cellKinds: jsonb('cell_kinds').$type<string[]>().notNull().default([]),
    cellCategories: jsonb('cell_categories').$type<string[]>().notNull().default([]),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    bytes: bytea('bytes').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('pass_on_documents_path_idx').on(t.orgPath),
    index('pass_on_documents_due_idx').on(t.passOnBy),
  ],
);

/** That a cell passed a document on: once per document and cell, at a meeting, by a named person. */
export const passOnRecords = pgTable(
  'pass_on_records',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    documentId: bigint('document_id', { mode: 'number' }).notNull(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    meetingId: bigint('meeting_id', { mode: 'number' }).notNull(),
    passedOn: date('passed_on').notNull(),
    presenterMemberId: bigint('presenter_member_id', { mode: 'number' }),
    presenter: text('presenter').notNull(),
    recordedBy: bigint('recorded_by', { mode: 'number' }),
    recordedByName: text('recorded_by_name').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('pass_on_records_doc_org_idx').on(t.documentId, t.orgId),
    index('pass_on_records_meeting_idx').on(t.meetingId),
    index('pass_on_records_org_idx').on(t.orgId),
  ],
);
