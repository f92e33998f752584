/**
 * The commands of ICS feed links: a secret link made or deleted by its owner, each in one transaction with
 * its audit event. The audit log names a feed by a digest: the token itself opens the calendar and is never
 * logged.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { calendarFeeds } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { AppError, conflict } from '../../http/errors.ts';
import { assertCanRead } from '../orgs/policy.ts';
import { lockOrg } from '../orgs/queries.ts';

const MAX_FEEDS = 20;

export const feedNotFound = () =>
  new AppError(404, 'not_found', { entity: { vi: 'lịch', en: 'Calendar feed' } });
export const feedRef = (token: string) => createHash('sha256').update(token).digest('hex').slice(0, 16);

/**
 * A new secret link for the actor, of one organisation the actor sees (404 otherwise) or of everything the
 * actor sees. The account's row is locked, so two requests at once cannot pass the limit of links together.
 */
export function createFeed(db: Db, actor: Actor, orgCode: string | undefined) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT id FROM accounts WHERE id = ${actor.id} FOR UPDATE`);
    const org = orgCode ? assertCanRead(actor, await lockOrg(tx, orgCode, 'share')) : null;
    const token = randomBytes(32).toString('base64url');
    const [count] = await rows<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM calendar_feeds WHERE account_id = ${actor.id}`,
    );
    if ((count?.n ?? 0) >= MAX_FEEDS) {
      throw conflict(
        {
          vi: `Mỗi tài khoản có tối đa ${MAX_FEEDS} liên kết lịch: hãy xóa bớt liên kết cũ.`,
          en: `An account has at most ${MAX_FEEDS} calendar links: delete an old one first.`,
        },
        'orgCode',
      );
    }
    await tx.insert(calendarFeeds).values({ token, accountId: actor.id, orgId: org?.id ?? null });
    await audit(tx, actor, {
      action: 'calendar_feed.created',
      entityType: 'calendar_feed',
      entityId: feedRef(token),
      orgPath: org?.path ?? actor.grants[0]?.path ?? '/',
      detail: { org: org?.code ?? null },
    });
    return { token, org };
  });
}

/** Deletes one of the actor's own links (another's is not found): the calendar program stops at once. */
export async function deleteFeed(db: Db, actor: Actor, token: string) {
  await db.transaction(async (tx) => {
    const [gone] = await rows<{ path: string | null }>(
      tx,
      sql`DELETE FROM calendar_feeds f WHERE f.token = ${token} AND f.account_id = ${actor.id}
          RETURNING (SELECT path FROM orgs WHERE id = f.org_id) AS path`,
    );
    if (!gone) throw feedNotFound();
    await audit(tx, actor, {
      action: 'calendar_feed.deleted',
      entityType: 'calendar_feed',
      entityId: feedRef(token),
      orgPath: gone.path ?? actor.grants[0]?.path ?? '/',
    });
  });
}
