/**
 * The commands of single visits (domain.md §4): added and edited by hand by the committee, checked in and
 * reported by the visitor (phone first), dated addenda after the report; and the visitor's own days away.
 * Each owns its transaction: the visit's row is locked inside it and read again under the lock, the actor's
 * rights (sees it, else 404; manages it or is its visitor) and its state are checked there, then the change
 * and its audit are written together — a report cannot be filed twice, nor a visit edited as it is reported.
 */
import type { addVisitSchema, updateVisitSchema, visitReportSchema } from '@nennep/core';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { visitorUnavailability } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { forbidden } from '../../http/errors.ts';
import { addVisit } from './plans.ts';
import { assertCanSeeVisit, canManage, managedCommittee } from './policy.ts';
import { lockVisit, type VisitRow } from './queries.ts';
import { editVisit } from './visit-edits.ts';
import { addAddendum, checkIn, fileReport } from './visits.ts';

/** Runs `change` on the visit, locked, once the actor may see it. */
function onVisit<T>(db: Db, actor: Actor, id: number, change: (tx: Db, visit: VisitRow) => Promise<T>) {
  return db.transaction(async (tx) => change(tx, assertCanSeeVisit(actor, await lockVisit(tx, id))));
}

/** A visit added by hand (locked: re-planning keeps it); the committee's row held for the transaction. */
export function addVisitByHand(db: Db, actor: Actor, input: z.output<typeof addVisitSchema>) {
  return db.transaction(async (tx) => {
    const committee = await managedCommittee(tx, actor, input.committeeCode, 'committeeCode', 'update');
    return addVisit(tx, actor, committee, input);
  });
}

/** The committee's hand edit of one visit (visitor, day, time; cancel): 403 for its visitor alone. */
export const changeVisit = (db: Db, actor: Actor, id: number, patch: z.output<typeof updateVisitSchema>) =>
  onVisit(db, actor, id, async (tx, visit) => {
    if (!canManage(actor, visit.committeePath)) throw forbidden();
    await editVisit(tx, actor, visit, patch);
  });

/** The visitor checks in at the meeting, at `at`. */
export const checkInVisit = (db: Db, actor: Actor, id: number, today: string, at: Date) =>
  onVisit(db, actor, id, (tx, visit) => checkIn(tx, actor, visit, today, at));

/** The visitor files the report (once). */
export const fileVisitReport = (
  db: Db,
  actor: Actor,
  id: number,
  input: z.output<typeof visitReportSchema>,
  today: string,
) => onVisit(db, actor, id, (tx, visit) => fileReport(tx, actor, visit, input, today));

/** A dated addendum to a filed report. Returns the visit as it was read under the lock. */
export const addVisitAddendum = (db: Db, actor: Actor, id: number, text: string) =>
  onVisit(db, actor, id, async (tx, visit) => {
    await addAddendum(tx, actor, visit, text);
    return visit;
  });

/** The days the visitor cannot attend, replacing those set before (the planner keeps off them). */
export function setAvailability(db: Db, actor: Actor, dates: string[]) {
  return db.transaction(async (tx) => {
    await tx.delete(visitorUnavailability).where(eq(visitorUnavailability.accountId, actor.id));
    if (dates.length > 0) {
      await tx.insert(visitorUnavailability).values(dates.map((day) => ({ accountId: actor.id, day })));
    }
    await audit(tx, actor, {
      action: 'supervision.availability_set',
      entityType: 'account',
      entityId: actor.id,
      orgPath: '/',
      detail: { dates: dates.length },
    });
  });
}
