import { bigint, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';

/**
 * The answers of writes sent with an `Idempotency-Key` header (issue 18 item 2; http/idempotency.ts): a phone
 * that lost the network sends its queued write again with the same key, and gets the first answer back
 * instead of a second opinion or vote. Keys are per account; a row lives `NENNEP_IDEMPOTENCY_DAYS` (30).
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    accountId: bigint('account_id', { mode: 'number' })
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    method: text('method').notNull(),
    /** The URL's path the key was used on (not an organisation path: no subtree move rewrites it). */
    route: text('route').notNull(),
    /** SHA-256 (hex) of the method, the URL and the body with its keys sorted: the same key for another
     * request is refused (422), never answered with the first one's result. */
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    /** The answer as it was sent (JSON text as a rule); personal data: never logged. */
    responseBody: text('response_body').notNull(),
    contentType: text('content_type'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'idempotency_keys_pk', columns: [t.accountId, t.key] }),
    index('idempotency_keys_expires_idx').on(t.expiresAt),
  ],
);
