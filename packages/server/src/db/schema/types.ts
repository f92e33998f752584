import { customType } from 'drizzle-orm/pg-core';

/**
 * Text compared byte by byte (`COLLATE "C"`): materialised paths and Vietnamese sort keys.
 * A plain btree index on such a column serves both `LIKE 'prefix%'` and range scans,
 * the same on PGlite and on PostgreSQL whatever the database's default collation.
 */
export const bytewiseText = customType<{ data: string }>({
  dataType: () => 'text COLLATE "C"',
});

/** Bytes (uploaded files), as a Buffer whichever driver reads them. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
