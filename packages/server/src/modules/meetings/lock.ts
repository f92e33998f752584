/**
 * The one way a command changes a meeting: inside its own transaction, the meeting's row is locked
 * (`SELECT … FOR UPDATE`) and read again under the lock, then checked. Adoption takes the same lock, so a
 * write either commits before the adoption reads the record, or waits for it and then finds the minutes
 * adopted (409): adopted minutes never change (HD 12-HD/BTCTW (06/7/2018): the meeting adopts its minutes
 * as it closes; domain.md §3 "Minutes": once adopted they are locked, corrections are dated addenda). A
 * check made before the transaction (or through another connection) would let a write slip in after the
 * adoption on PostgreSQL.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { meetings } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { notFound } from '../../http/errors.ts';
import { assertNotAdopted, runnableBy } from './policy.ts';
import type { MeetingRow } from './queries.ts';

/**
 * The meeting's row, locked until the transaction ends. `guard` checks the caller's rights on the fresh row
 * first (a 404 or 403 is told before the status, so a stranger learns nothing of it).
 */
export async function lockMeetingRow(
  tx: Db,
  id: number,
  guard: (meeting: MeetingRow) => void = () => {},
): Promise<MeetingRow> {
  const [row] = await tx.select().from(meetings).where(eq(meetings.id, id)).for('update');
  if (!row) throw notFound('meeting');
  guard(row);
  return row;
}

/** As `lockMeetingRow`, for a change: an adopted (or cancelled) meeting answers 409 and nothing is written. */
export async function lockMeeting(
  tx: Db,
  id: number,
  guard: (meeting: MeetingRow) => void = () => {},
): Promise<MeetingRow> {
  const row = await lockMeetingRow(tx, id, guard);
  assertNotAdopted(row);
  return row;
}

/**
 * Runs a change of the meeting in one transaction of its own, on its row locked and read again under the
 * lock: the actor sees the meeting and may run it (404, 403), and it is neither adopted nor cancelled (409).
 * Every command that changes a meeting goes through here; inside `change`, read through `tx` only (on PGlite
 * a query through another handle would wait for the transaction).
 */
export function changeMeeting<T>(
  db: Db,
  actor: Actor,
  id: number,
  change: (tx: Db, meeting: MeetingRow) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => change(tx, await lockMeeting(tx, id, runnableBy(actor))));
}
