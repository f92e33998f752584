/**
 * The commands of the level that holds a recommendation: forward, start, answer, decline, merge, attach a
 * file. Each owns its transaction: the recommendation's row is locked inside it and read again under the
 * lock, the actor's rights (visible, else 404; held by a level the actor answers for, else 403) and its state
 * (open, else 409) are checked there, then the change, its event and its audit are written together, so two
 * levels acting at once never both move it (HD 12-HD/BTCTW: each level answers what it holds).
 */
import type { forwardRecommendationSchema } from '@nennep/core';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { recommendationAttachments } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { invalidField } from '../../http/errors.ts';
import { logEvent } from './events.ts';
import { answer, decline } from './outcome.ts';
import { assertCanAct, assertCanSee, canAttach } from './policy.ts';
import { assertOpen, lockRecommendation, type RecommendationRow, rulesReader } from './queries.ts';
import { forward, merge, startWork } from './routing.ts';

/** Runs `act` on the recommendation, locked, once the actor may act for the level that holds it. */
function actOn<T>(
  db: Db,
  actor: Actor,
  id: number,
  act: (tx: Db, rec: RecommendationRow) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const rec = assertCanAct(actor, assertCanSee(actor, await lockRecommendation(tx, id)));
    return act(tx, rec);
  });
}

/** Up or down the tree, or to an outside body; due again from today under the cell's rules. */
export const forwardRecommendation = (
  db: Db,
  actor: Actor,
  id: number,
  input: z.output<typeof forwardRecommendationSchema>,
  today: string,
) =>
  actOn(db, actor, id, async (tx, rec) => {
    const rules = (await rulesReader(tx))(rec.orgPath, rec.raisedOn);
    await forward(tx, actor, rec, input, rules, today);
  });

export const startRecommendation = (db: Db, actor: Actor, id: number, note: string | null) =>
  actOn(db, actor, id, (tx, rec) => startWork(tx, actor, rec, note));

export const answerRecommendation = (
  db: Db,
  actor: Actor,
  id: number,
  text: string,
  now: Date,
  today: string,
) => actOn(db, actor, id, (tx, rec) => answer(tx, actor, rec, text, now, today));

export const declineRecommendation = (db: Db, actor: Actor, id: number, reason: string) =>
  actOn(db, actor, id, (tx, rec) => decline(tx, actor, rec, reason));

/**
 * Merges a duplicate into another recommendation the actor can also see. Both rows are locked, in the
 * order of their ids so that two opposite merges wait for each other instead of deadlocking.
 */
export function mergeRecommendation(db: Db, actor: Actor, id: number, intoId: number) {
  return db.transaction(async (tx) => {
    const [first, second] = id <= intoId ? [id, intoId] : [intoId, id];
    const locked = [await lockRecommendation(tx, first), await lockRecommendation(tx, second)];
    const rec = assertCanAct(actor, assertCanSee(actor, locked[first === id ? 0 : 1]));
    const into = locked[first === id ? 1 : 0];
    if (!into) throw invalidField('intoId', { vi: 'Không có kiến nghị này.', en: 'No such recommendation.' });
    assertCanSee(actor, into);
    await merge(tx, actor, rec, into);
  });
}

/**
 * May the actor add a file to this recommendation now: the level holding it or the cell that raised it
 * (else 403), while it is open (else 409). Checked before the upload is read, and again under the lock.
 */
export function assertMayAttach(actor: Actor, rec: RecommendationRow) {
  if (!canAttach(actor, rec)) assertCanAct(actor, rec);
  assertOpen(rec);
}

/** A file added to an open recommendation, with its event and audit (the name as sent). */
export function attachToRecommendation(
  db: Db,
  actor: Actor,
  id: number,
  file: { fileName: string; contentType: string; bytes: Buffer },
) {
  return db.transaction(async (tx) => {
    const rec = assertCanSee(actor, await lockRecommendation(tx, id));
    assertMayAttach(actor, rec);
    await tx.insert(recommendationAttachments).values({
      recommendationId: rec.id,
      fileName: file.fileName || 'dinh-kem',
      contentType: file.contentType || 'application/octet-stream',
      size: file.bytes.length,
      bytes: file.bytes,
      uploadedBy: actor.id,
    });
    await logEvent(tx, actor, rec.id, 'attachment', { note: file.fileName });
    await audit(tx, actor, {
      action: 'recommendation.attachment_added',
      entityType: 'recommendation',
      entityId: rec.id,
      orgPath: rec.orgPath,
      detail: { fileName: file.fileName, size: file.bytes.length },
    });
  });
}
