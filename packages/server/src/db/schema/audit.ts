import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bytewiseText } from './types.ts';

/** Every write, and every opening of a member's personal data. Never holds the personal data itself. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** Path of the organisation the entity belongs to, for subtree reads of the log. */
    orgPath: bytewiseText('org_path').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_org_path_idx').on(t.orgPath, t.at),
    index('audit_entity_idx').on(t.entityType, t.entityId),
  ],
);

/** Import jobs: the uploaded rows wait here between preview and commit. */
export const importJobs = pgTable('import_jobs', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  accountId: bigint('account_id', { mode: 'number' }).notNull(),
  fileName: text('file_name').notNull(),
  status: text('status').notNull(),
  total: bigint('total', { mode: 'number' }).notNull().default(0),
  processed: bigint('processed', { mode: 'number' }).notNull().default(0),
  rows: jsonb('rows').$type<unknown[]>(),
  report: jsonb('report').$type<Record<string, unknown>>(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
