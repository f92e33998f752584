import { customType } from 'drizzle-orm/pg-core';

/**
 * Text compared byte by byte (`COLLATE "C"`): materialised paths and Vietnamese sort keys.
 * A plain btree index on such a column serves both `LIKE 'prefix%'` and range scans,
 * the same on PGlite and on PostgreSQL whatever the database's default collation.
 */
export const bytewiseText = customType<{ data: string }>({
  dataType: () => 'text COLLATE "C"',
});
