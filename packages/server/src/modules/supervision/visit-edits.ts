import { randomUUID } from 'node:crypto';
import type { updateVisitSchema } from '@nennep/core';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Db, rows } from '../../db/client.ts';
import { visits } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { conflict } from '../../http/errors.ts';
import { notify } from '../inbox/service.ts';
import { meetingRefusal } from './meeting-refusal.ts';
import type { VisitRow } from './queries.ts';
import { assertFree, assertMaySend, rulesOfVisit } from './visits.ts';

type VisitPatch = z.infer<typeof updateVisitSchema>;

/** Hand edits of a planned visit: another visitor or meeting (then it is locked), lock, or cancel. */
export async function editVisit(tx: Db, actor: Actor, visit: VisitRow, patch: VisitPatch) {
  if (visit.status !== 'planned') {
    throw conflict({
      vi: 'Chỉ sửa được lượt dự chưa diễn ra.',
      en: 'Only a visit still planned can be changed.',
    });
  }
  const rules = await rulesOfVisit(tx, visit);
  const values: Partial<typeof visits.$inferInsert> = {};
  let slot = { date: visit.date, startTime: visit.startTime, durationMinutes: visit.durationMinutes };
  if (patch.meetingId !== undefined && patch.meetingId !== visit.meetingId) {
    const [meeting] = await rows<{
      orgId: number;
      date: string;
      startTime: string;
      status: string;
      kind: string;
      combined: boolean;
    }>(
      tx,
      sql`SELECT org_id::int AS "orgId", scheduled_date::text AS date, start_time AS "startTime", status, kind, combined
          FROM meetings WHERE id = ${patch.meetingId}`,
    );
    if (
      !meeting ||
      meeting.orgId !== visit.cellOrgId ||
      meeting.status === 'cancelled' ||
      meeting.kind === 'cell_committee'
    ) {
      throw await meetingRefusal(tx, patch.meetingId, {
        path: visit.cellPath,
        name: { vi: `lịch họp của ${visit.cellName}`, en: `the meetings of ${visit.cellName}` },
      });
    }
    slot = { date: meeting.date, startTime: meeting.startTime, durationMinutes: visit.durationMinutes };
    Object.assign(values, {
      meetingId: patch.meetingId,
      scheduledDate: meeting.date,
      startTime: meeting.startTime,
      locked: true,
    });
  }
  const accountId = patch.visitorAccountId ?? visit.accountId;
  if (patch.visitorAccountId !== undefined && patch.visitorAccountId !== visit.accountId) {
    await assertMaySend(tx, visit, patch.visitorAccountId, rules);
    Object.assign(values, { accountId: patch.visitorAccountId, locked: true, repeat: false });
  }
  if (values.accountId !== undefined || values.meetingId !== undefined)
    await assertFree(tx, accountId, slot, rules, visit.id);
  if (patch.locked !== undefined) values.locked = patch.locked;
  if (patch.cancelReason) Object.assign(values, { status: 'cancelled', cancelReason: patch.cancelReason });
  if (Object.keys(values).length === 0) return;
  await tx.update(visits).set(values).where(eq(visits.id, visit.id));
  await audit(tx, actor, {
    action: patch.cancelReason ? 'supervision.visit_cancelled' : 'supervision.visit_edited',
    entityType: 'visit',
    entityId: visit.id,
    orgPath: visit.cellPath,
    detail: { ...patch, before: { accountId: visit.accountId, meetingId: visit.meetingId } },
  });
  if (visit.planStatus === 'published') await tellOfChange(tx, visit, values);
}

/** Visitors of a published plan hear when their visit is cancelled, moved, or given to someone else. */
async function tellOfChange(tx: Db, visit: VisitRow, values: Partial<typeof visits.$inferInsert>) {
  const link = `/supervision/visits/${visit.id}`;
  const date = (values.scheduledDate ?? visit.date).split('-').reverse().join('/');
  const when = `${values.startTime ?? visit.startTime} ngày ${date}`;
  // Each change is its own notice: the key is unique per change, not per clock tick.
  const key = `visit-change:${visit.id}:${randomUUID()}`;
  if (
    values.status === 'cancelled' ||
    (values.accountId !== undefined && values.accountId !== visit.accountId)
  ) {
    await notify(tx, [visit.accountId], {
      kind: 'visit_changed',
      title: `Thôi dự sinh hoạt ${visit.cellName}`,
      body: `Lượt dự sinh hoạt ${visit.cellName} ngày ${visit.date.split('-').reverse().join('/')} không còn giao cho đồng chí.`,
      link: null,
      dedupeKey: `${key}:old`,
    });
  }
  if (values.status === 'cancelled') return;
  const current = values.accountId ?? visit.accountId;
  if (values.accountId !== undefined || values.meetingId !== undefined) {
    await notify(tx, [current], {
      kind: 'visit_planned',
      title: `Dự sinh hoạt ${visit.cellName}: ${when}`,
      body: 'Xem chi bộ, thời gian, địa điểm và tài liệu trong mục Lượt dự của tôi.',
      link,
      dedupeKey: `${key}:new`,
    });
  }
}
