import { bigint, jsonb, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';

/**
 * How the columns of a file of a given shape (its set of headers) were mapped to the import's columns,
 * remembered per organisation so the next file of the same shape maps itself (modules/imports/mapping*.ts).
 * Holds header words and column keys only, never a cell of the file.
 */
export const importMappings = pgTable(
  'import_mappings',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    /** 'orgs' or 'members'. */
    kind: text('kind').notNull(),
    /** SHA-256 of the file's folded headers, sorted and deduplicated. */
    shape: text('shape').notNull(),
    /** Folded header → column key, or null for a column the import ignores. */
    columns: jsonb('columns').$type<Record<string, string | null>>().notNull(),
    accountId: bigint('account_id', { mode: 'number' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('import_mappings_shape').on(t.orgId, t.kind, t.shape)],
);
