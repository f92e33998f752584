/**
 * Helpers for seeding through the services as the demo's people: an `Actor` for an account (the services
 * take one; grants are not needed to write), and `stamped`, which dates what a step wrote — audit events,
 * recommendation events, notices, visit reports — to the moment the step stands for, since the services
 * write the time of the call.
 */
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../db/client.ts';
import type { Actor } from '../http/access.ts';

export async function demoActor(db: Db, username: string | null, accountId?: number): Promise<Actor> {
  const where = username ? sql`username = ${username}` : sql`id = ${accountId ?? 0}`;
  const [row] = await rows<{ id: number; username: string; displayName: string; memberId: number | null }>(
    db,
    sql`SELECT id::int AS id, username, display_name AS "displayName", member_id::int AS "memberId"
        FROM accounts WHERE ${where}`,
  );
  if (!row) throw new Error(`demo account ${username ?? accountId} missing`);
  return { ...row, locale: 'vi', grants: [], visitorOf: [], csrfToken: '' };
}

/** Tables whose rows a step appends, with their id and time columns. */
const LOGS = [
  ['audit_events', 'at'],
  ['recommendation_events', 'at'],
  ['notifications', 'created_at'],
] as const;

/** Runs a seeding step and dates the rows it appended to `at` (the notices of past days as read). */
export async function stamped<T>(db: Db, at: Date, step: () => Promise<T>): Promise<T> {
  const [before] = await rows<Record<string, number>>(
    db,
    sql.raw(
      `SELECT ${LOGS.map(([table]) => `(SELECT coalesce(max(id), 0)::int FROM ${table}) AS ${table}`).join(', ')}`,
    ),
  );
  const result = await step();
  const when = at.toISOString();
  for (const [table, column] of LOGS) {
    await db.execute(
      sql`UPDATE ${sql.raw(table)} SET ${sql.raw(column)} = ${when}::timestamptz WHERE id > ${before?.[table] ?? 0}`,
    );
  }
  await db.execute(sql`UPDATE notifications SET read_at = ${when}::timestamptz + interval '1 day'
    WHERE id > ${before?.notifications ?? 0} AND ${when}::timestamptz < now() - interval '10 days'`);
  await db.execute(
    sql`UPDATE visit_reports SET submitted_at = ${when}::timestamptz WHERE submitted_at = now()`,
  );
  await db.execute(
    sql`UPDATE recommendations SET created_at = ${when}::timestamptz WHERE created_at = now()`,
  );
  return result;
}
