import type { Role } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { notifications } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { notFound } from '../../http/errors.ts';

export interface Notice {
  kind: string;
  title: string;
  body?: string | null;
  link?: string | null;
  /** The same key reaches an account once: alerts raised again by a later run are not repeated. */
  dedupeKey?: string | null;
}

/** Puts a notice in the in-app inbox of each account (once per dedupe key). Returns how many were new. */
export async function notify(tx: Db, accountIds: number[], notice: Notice): Promise<number> {
  const unique = [...new Set(accountIds)];
  if (unique.length === 0) return 0;
  const inserted = await tx
    .insert(notifications)
    .values(
      unique.map((accountId) => ({
        accountId,
        kind: notice.kind,
        title: notice.title,
        body: notice.body ?? null,
        link: notice.link ?? null,
        dedupeKey: notice.dedupeKey ?? null,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id, accountId: notifications.accountId });
  await enqueueMail(
    tx,
    inserted.map((n) => n.accountId),
    notice,
  );
  return inserted.length;
}

/** Queues the notice as an email for those of the accounts that have an address. */
async function enqueueMail(tx: Db, accountIds: number[], notice: Notice) {
  if (accountIds.length === 0) return;
  const body =
    [notice.body ?? '', notice.link ? `\nXem: ${notice.link}` : ''].join('').trim() || notice.title;
  await tx.execute(sql`INSERT INTO mail_outbox (account_id, to_address, subject, body)
    SELECT id, email, ${notice.title}, ${body} FROM accounts
    WHERE id IN (${sql.join(
      accountIds.map((id) => sql`${id}`),
      sql`, `,
    )}) AND email IS NOT NULL AND disabled = false`);
}

/**
 * Accounts holding one of the roles on a node or above it (the node's own secretary, the committees that
 * follow it). `below: true` also takes accounts granted inside the node's subtree.
 */
export async function accountsFor(
  tx: Db,
  path: string,
  roles: readonly Role[],
  below = false,
): Promise<number[]> {
  const list = await rows<{ id: number }>(
    tx,
    sql`SELECT DISTINCT g.account_id::int AS id FROM grants g JOIN orgs o ON o.id = g.org_id
        JOIN accounts a ON a.id = g.account_id
        WHERE a.disabled = false AND g.role IN (${sql.join(
          roles.map((r) => sql`${r}`),
          sql`, `,
        )})
          AND (${path} LIKE o.path || '%' ${below ? sql`OR o.path LIKE ${`${path}%`}` : sql``})`,
  );
  return list.map((r) => r.id);
}

/** Accounts linked to the members of a cell (the members' own accounts). */
export async function memberAccountsOf(tx: Db, orgId: number): Promise<number[]> {
  const list = await rows<{ id: number }>(
    tx,
    sql`SELECT a.id::int AS id FROM accounts a JOIN members m ON m.id = a.member_id
        WHERE m.org_id = ${orgId} AND m.status IN ('official', 'probationary') AND a.disabled = false`,
  );
  return list.map((r) => r.id);
}

export function inboxOf(db: Db, accountId: number, limit = 100) {
  return rows<{
    id: number;
    kind: string;
    title: string;
    body: string | null;
    link: string | null;
    createdAt: string;
    readAt: string | null;
  }>(
    db,
    sql`SELECT id::int AS id, kind, title, body, link, created_at AS "createdAt", read_at AS "readAt"
        FROM notifications WHERE account_id = ${accountId} ORDER BY created_at DESC, id DESC LIMIT ${limit}`,
  );
}

/**
 * Marks one of the actor's own notices read (the first reading is kept), with its audit event, in one
 * transaction; another account's notice is not found.
 */
export async function markRead(db: Db, actor: Actor, notificationId: number) {
  await db.transaction(async (tx) => {
    const updated = await rows<{ id: number }>(
      tx,
      sql`UPDATE notifications SET read_at = COALESCE(read_at, now())
          WHERE id = ${notificationId} AND account_id = ${actor.id} RETURNING id`,
    );
    if (updated.length === 0) throw notFound('notification');
    await audit(tx, actor, {
      action: 'notification.read',
      entityType: 'notification',
      entityId: notificationId,
      orgPath: '/',
    });
  });
}
