import type { ReportWordField } from '@nennep/core';
import { bigint, jsonb, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { bytea } from './types.ts';

/**
 * A committee's periodic report upward (quarter or half year): the words of the draft as edited (a field
 * absent = drafted from the figures), then, once issued, its number, its whole model frozen and the
 * SHA-256 of its DOCX. One row per committee and period; an issued row is never changed again.
 */
export const committeeReports = pgTable(
  'committee_reports',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    committeeOrgId: bigint('committee_org_id', { mode: 'number' }).notNull(),
    periodKey: text('period_key').notNull(),
    words: jsonb('words').$type<Partial<Record<ReportWordField, string>>>().notNull().default({}),
    /** draft | issued */
    status: text('status').notNull().default('draft'),
    number: text('number'),
    model: jsonb('model'),
    sha256: text('sha256'),
    /** The DOCX issued, kept: a later change of layout never changes it. */
    docx: bytea('docx'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedBy: bigint('issued_by', { mode: 'number' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: bigint('updated_by', { mode: 'number' }),
  },
  (t) => [unique('committee_reports_period').on(t.committeeOrgId, t.periodKey)],
);
