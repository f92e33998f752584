import type { OrgNamingOverrides } from '@nennep/core';
import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bytewiseText } from './types.ts';

/**
 * The organisation tree. `path` is the materialised path of ids ("/1/7/42/"), so
 * "everything under node N" is `path LIKE '/1/7/%'` over a `text_pattern_ops` index.
 */
export const orgs = pgTable(
  'orgs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    category: text('category'),
    parentId: bigint('parent_id', { mode: 'number' }),
    path: bytewiseText('path').notNull(),
    depth: integer('depth').notNull(),
    sortKey: bytewiseText('sort_key').notNull(),
    status: text('status').notNull().default('active'),
    mergedIntoId: bigint('merged_into_id', { mode: 'number' }),
    /** How documents name the node and its leading body, where it differs from the default (org-naming.ts). */
    naming: jsonb('naming').$type<OrgNamingOverrides>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('orgs_path_idx').on(t.path), index('orgs_parent_idx').on(t.parentId, t.sortKey)],
);

/** History of every change to a node: created, renamed, moved, merged, split, dissolved. */
export const orgEvents = pgTable(
  'org_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    actorId: bigint('actor_id', { mode: 'number' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('org_events_org_idx').on(t.orgId, t.at)],
);
