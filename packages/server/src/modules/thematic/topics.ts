/**
 * A committee's thematic topics for the year (HD 12-HD/BTCTW (06/7/2018), its part on sinh hoạt chuyên đề:
 * the superior committee sets the topics; domain.md §6): drafted, published to its cells, withdrawn once
 * published (never deleted, since cells may have registered them); a draft no cell has seen may be deleted.
 * Each write is one transaction with its audit event, the topic row locked.
 */
import type { CreateTopic } from '@nennep/core';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { thematicTopics } from '../../db/schema/index.ts';
import { type Actor, ANY_ROLE, can } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { conflict, forbidden, invalidField, notFound } from '../../http/errors.ts';
import { lockReadableOrg } from '../orgs/policy.ts';
import { canPublishAt, isCellKind } from './policy.ts';
import { findTopic, type TopicRow } from './queries.ts';

/** A committee drafts a topic: the committee read and held `FOR SHARE` (404 unseen, 403 unless its staff). */
export function createTopic(db: Db, actor: Actor, input: CreateTopic): Promise<number> {
  return db.transaction(async (tx) => {
    const org = await lockReadableOrg(tx, actor, input.committeeCode, 'share');
    if (isCellKind(org.kind)) {
      throw invalidField('committeeCode', {
        vi: 'Chuyên đề do cấp ủy cấp trên định hướng cho các chi bộ trực thuộc, không phải chi bộ.',
        en: 'Topics are set by a committee for the cells below it, not by a cell.',
      });
    }
    if (!canPublishAt(actor, org)) throw forbidden();
    const [row] = await tx
      .insert(thematicTopics)
      .values({
        orgId: org.id,
        orgPath: org.path,
        year: input.year,
        title: input.title,
        purpose: input.purpose,
        materials: input.materials,
        cellCategories: input.cellCategories,
        createdBy: actor.id,
      })
      .returning({ id: thematicTopics.id });
    if (!row) throw new Error('thematic topic not inserted');
    await audit(tx, actor, {
      action: 'thematic.topic_created',
      entityType: 'thematic_topic',
      entityId: row.id,
      orgPath: org.path,
      detail: { year: input.year, title: input.title },
    });
    return row.id;
  });
}

/** The topic locked `FOR UPDATE`, 404 when its committee is unseen, 403 unless the actor publishes there. */
async function lockOwnTopic(tx: Db, actor: Actor, id: number): Promise<TopicRow> {
  const topic = await findTopic(tx, id, 'update');
  if (!topic || !can(actor, ANY_ROLE, topic.orgPath)) throw notFound('thematic_topic');
  if (!canPublishAt(actor, { kind: 'committee', path: topic.orgPath })) throw forbidden();
  return topic;
}

const stepRefused = (vi: string, en: string) => conflict({ vi, en }, 'status');

/** Publishes a draft: the cells of the subtree see it and may register it. */
export function publishTopic(db: Db, actor: Actor, id: number, now: Date): Promise<void> {
  return db.transaction(async (tx) => {
    const topic = await lockOwnTopic(tx, actor, id);
    if (topic.status !== 'draft')
      throw stepRefused('Chỉ công bố được chuyên đề đang dự thảo.', 'Only a draft topic can be published.');
    await tx
      .update(thematicTopics)
      .set({ status: 'published', publishedAt: now })
      .where(eq(thematicTopics.id, id));
    await audit(tx, actor, {
      action: 'thematic.topic_published',
      entityType: 'thematic_topic',
      entityId: id,
      orgPath: topic.orgPath,
      detail: { year: topic.year, title: topic.title },
    });
  });
}

/** Withdraws a published topic: no new registration; those made keep it (it is never deleted). */
export function withdrawTopic(db: Db, actor: Actor, id: number, now: Date): Promise<void> {
  return db.transaction(async (tx) => {
    const topic = await lockOwnTopic(tx, actor, id);
    if (topic.status !== 'published')
      throw stepRefused('Chỉ rút lại được chuyên đề đã công bố.', 'Only a published topic can be withdrawn.');
    await tx
      .update(thematicTopics)
      .set({ status: 'withdrawn', withdrawnAt: now })
      .where(eq(thematicTopics.id, id));
    await audit(tx, actor, {
      action: 'thematic.topic_withdrawn',
      entityType: 'thematic_topic',
      entityId: id,
      orgPath: topic.orgPath,
      detail: { year: topic.year, title: topic.title },
    });
  });
}

/** Deletes a draft; a published topic is withdrawn instead (409). */
export function deleteTopic(db: Db, actor: Actor, id: number): Promise<void> {
  return db.transaction(async (tx) => {
    const topic = await lockOwnTopic(tx, actor, id);
    if (topic.status !== 'draft') {
      throw stepRefused(
        'Chuyên đề đã công bố không xóa được; hãy rút lại.',
        'A published topic cannot be deleted; withdraw it instead.',
      );
    }
    await tx.execute(sql`DELETE FROM thematic_topics WHERE id = ${id}`);
    await audit(tx, actor, {
      action: 'thematic.topic_deleted',
      entityType: 'thematic_topic',
      entityId: id,
      orgPath: topic.orgPath,
      detail: { year: topic.year, title: topic.title },
    });
  });
}
