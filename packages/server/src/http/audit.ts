import type { AuditAction } from '@nennep/core';
import type { Db } from '../db/client.ts';
import { auditEvents } from '../db/schema/index.ts';
import type { Actor } from './access.ts';

export interface AuditEntry {
  /** One of core's registry (audit/actions.ts): the web names each. */
  action: AuditAction;
  entityType: string;
  entityId: string | number;
  /** Path of the organisation the entity belongs to. */
  orgPath: string;
  /** What changed; never personal data (dates of birth, citizen IDs, phones). */
  detail?: Record<string, unknown>;
}

/** Records an audit event inside the caller's transaction. */
export async function audit(tx: Db, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: actor?.id ?? null,
    actorName: actor?.username ?? 'system',
    action: entry.action,
    entityType: entry.entityType,
    entityId: String(entry.entityId),
    orgPath: entry.orgPath,
    detail: entry.detail ?? {},
  });
}
