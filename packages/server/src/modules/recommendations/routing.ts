import { dueDateFor, type RecommendationRules } from '@nennep/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { recommendations } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { invalidField } from '../../http/errors.ts';
import { notify } from '../inbox/service.ts';
import { findOrg, type OrgRow } from '../orgs/queries.ts';
import { logEvent } from './events.ts';
import { handlersOf, mayForwardTo } from './policy.ts';
import { assertOpen, type RecommendationRow } from './queries.ts';

/**
 * Sends a recommendation to the level that can answer: an organisation on the path from the cell up to the
 * top (up or back down), or an outside body whose answer the current level follows. Due again from today.
 */
export async function forward(
  tx: Db,
  actor: Actor,
  rec: RecommendationRow,
  input: { forwardTo?: string | null; outsideBody?: string | null; note?: string | null },
  rules: RecommendationRules,
  today: string,
) {
  assertOpen(rec);
  let target: OrgRow | null = null;
  if (input.forwardTo) {
    target = await findOrg(tx, input.forwardTo);
    if (target?.status !== 'active' || !mayForwardTo(rec, target)) {
      throw invalidField('forwardTo', {
        vi: `Chỉ chuyển lên cấp ủy trực tiếp cấp trên của ${rec.handlerName}, hoặc trả về cấp dưới trên đường đến ${rec.cellName}.`,
        en: `Forward to the committee directly above ${rec.handlerName}, or back down towards ${rec.cellName}.`,
      });
    }
  }
  const handler = target ?? { id: rec.handlerOrgId, path: rec.handlerPath, name: rec.handlerName };
  await tx
    .update(recommendations)
    .set({
      status: 'assigned',
      handlerOrgId: handler.id,
      handlerPath: handler.path,
      outsideBody: input.outsideBody ?? null,
      dueDate: dueDateFor(rules, rec.category, today),
    })
    .where(eq(recommendations.id, rec.id));
  const note = input.outsideBody
    ? `Chuyển ${input.outsideBody}${input.note ? `: ${input.note}` : ''}`
    : input.note;
  await logEvent(tx, actor, rec.id, rec.status === 'received' && !target ? 'assigned' : 'forwarded', {
    fromOrgId: rec.handlerOrgId,
    toOrgId: handler.id,
    note,
  });
  await audit(tx, actor, {
    action: 'recommendation.forwarded',
    entityType: 'recommendation',
    entityId: rec.id,
    orgPath: rec.orgPath,
    detail: {
      from: rec.handlerCode,
      to: target?.code ?? rec.handlerCode,
      outsideBody: input.outsideBody ?? null,
    },
  });
  if (target) {
    await notify(tx, await handlersOf(tx, target.path), {
      kind: 'recommendation.assigned',
      title: `Kiến nghị chuyển đến ${target.name}: ${rec.cellName}`,
      body: `${rec.text.slice(0, 240)}${note ? `\nGhi chú: ${note}` : ''}`,
      link: `/recommendations/${rec.id}`,
    });
  }
}

export async function startWork(tx: Db, actor: Actor, rec: RecommendationRow, note: string | null) {
  assertOpen(rec);
  await tx.update(recommendations).set({ status: 'in_progress' }).where(eq(recommendations.id, rec.id));
  await logEvent(tx, actor, rec.id, 'in_progress', { toOrgId: rec.handlerOrgId, note });
  await audit(tx, actor, {
    action: 'recommendation.in_progress',
    entityType: 'recommendation',
    entityId: rec.id,
    orgPath: rec.orgPath,
  });
}

/** Merges a duplicate into another recommendation the actor can also see; the other carries on. */
export async function merge(tx: Db, actor: Actor, rec: RecommendationRow, into: RecommendationRow) {
  assertOpen(rec);
  if (into.id === rec.id || into.status === 'merged') {
    throw invalidField('intoId', {
      vi: 'Không gộp được vào kiến nghị này.',
      en: 'Cannot merge into this one.',
    });
  }
  await tx
    .update(recommendations)
    .set({ status: 'merged', mergedIntoId: into.id })
    .where(eq(recommendations.id, rec.id));
  await logEvent(tx, actor, rec.id, 'merged', { note: `#${into.id}` });
  await audit(tx, actor, {
    action: 'recommendation.merged',
    entityType: 'recommendation',
    entityId: rec.id,
    orgPath: rec.orgPath,
    detail: { into: into.id },
  });
}
