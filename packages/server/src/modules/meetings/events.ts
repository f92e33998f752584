import type { AuditKind } from '@nennep/core';
import type { Db } from '../../db/client.ts';
import { meetingEvents } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';

/**
 * Writes what happened to a meeting into its history (meeting_events) and the audit trail, in the
 * command's transaction: every meeting write calls it (plan, run, minutes, adoption, corrections).
 */
export async function recordMeetingEvent(
  tx: Db,
  actor: Actor | null,
  meeting: { id: number; orgPath: string },
  kind: AuditKind<'meeting'>,
  data: Record<string, unknown> = {},
) {
  await tx.insert(meetingEvents).values({ meetingId: meeting.id, kind, data, actorId: actor?.id ?? null });
  await audit(tx, actor, {
    action: `meeting.${kind}`,
    entityType: 'meeting',
    entityId: meeting.id,
    orgPath: meeting.orgPath,
    detail: data,
  });
}
