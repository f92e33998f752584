import type { RecommendationEventKind } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { recommendationEvents } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';

/** Appends a step to a recommendation's event log (in the caller's transaction). */
export async function logEvent(
  tx: Db,
  actor: Actor | null,
  recommendationId: number,
  kind: RecommendationEventKind,
  detail: { fromOrgId?: number | null; toOrgId?: number | null; note?: string | null } = {},
) {
  await tx.insert(recommendationEvents).values({
    recommendationId,
    kind,
    fromOrgId: detail.fromOrgId ?? null,
    toOrgId: detail.toOrgId ?? null,
    note: detail.note ?? null,
    actorId: actor?.id ?? null,
    actorName: actor?.displayName ?? 'Hệ thống',
  });
}

/** The event kinds that hand a recommendation to an organisation (its `to_org_id` held it from then on). */
export const HOLDING_EVENTS: readonly RecommendationEventKind[] = [
  'received',
  'assigned',
  'forwarded',
  'escalated',
];

const holding = sql.join(
  HOLDING_EVENTS.map((k) => sql`${k}`),
  sql`, `,
);

/** SQL: the recommendation `r` was held, at some step, by one of these organisations. */
export function heldBySql(orgIds: number[]) {
  if (orgIds.length === 0) return sql`FALSE`;
  return sql`EXISTS (SELECT 1 FROM recommendation_events e WHERE e.recommendation_id = r.id
    AND e.kind IN (${holding}) AND e.to_org_id IN (${sql.join(
      orgIds.map((id) => sql`${id}`),
      sql`, `,
    )}))`;
}

/** The organisations that held a recommendation before the one holding it now, from its event log. */
export async function heldBefore(tx: Db, rec: { id: number; handlerOrgId: number }): Promise<number[]> {
  const found = await rows<{ id: number }>(
    tx,
    sql`SELECT DISTINCT to_org_id::int AS id FROM recommendation_events
        WHERE recommendation_id = ${rec.id} AND kind IN (${holding}) AND to_org_id IS NOT NULL
          AND to_org_id <> ${rec.handlerOrgId}
        ORDER BY 1`,
  );
  return found.map((f) => f.id);
}
