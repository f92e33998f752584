/**
 * The thematic topic of the quarter on the prepared agenda (issue 17 items 1 and 3): a thematic meeting, or
 * a regular one held as the combined session (core `isThematicSession`), takes the cell's registration for
 * the meeting's quarter — the one linked to this meeting first, else one not linked (or linked to a meeting
 * since cancelled) planned in the quarter; a live topic before a pending one before the latest refused one.
 * HD 12-HD/BTCTW (06/7/2018), its part on sinh hoạt chuyên đề: one thematic meeting per quarter at least.
 *
 * When its item is put on the agenda, a live registration not linked yet is linked to the meeting in the
 * caller's transaction, with the audit event the thematic module writes for it (`thematic.meeting_linked`).
 */
import {
  isoDateInVietnam,
  isThematicSession,
  type MeetingKind,
  type PrefillItem,
  quarterBounds,
  quarterOf,
  type RegistrationStatus,
  thematicItem,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import type { MeetingRow } from './queries.ts';

interface Found {
  id: number;
  year: number;
  quarter: number;
  title: string;
  status: RegistrationStatus;
  own: boolean;
  refusalReason: string | null;
  presenterMemberIds: number[];
  paperSharedAt: string | Date | null;
}

/** The item of the quarter's topic for a thematic session of the cell; null for another meeting or none. */
export async function thematicDue(tx: Db, meeting: MeetingRow): Promise<PrefillItem | null> {
  if (!isThematicSession({ kind: meeting.kind as MeetingKind, combined: meeting.combined })) return null;
  const year = Number(meeting.scheduledDate.slice(0, 4));
  const quarter = quarterOf(meeting.scheduledDate);
  const { from, to } = quarterBounds(year, quarter);
  const [reg] = await rows<Found>(
    tx,
    sql`SELECT r.id::int AS id, r.year, r.quarter, r.title, r.status, (r.topic_id IS NULL) AS own,
          r.refusal_reason AS "refusalReason", r.presenter_member_ids AS "presenterMemberIds",
          r.paper_shared_at AS "paperSharedAt"
        FROM thematic_registrations r LEFT JOIN meetings lm ON lm.id = r.meeting_id
        WHERE r.org_id = ${meeting.orgId} AND r.year = ${year} AND r.quarter = ${quarter}
          -- A paper for the committee-wide session is not the cell's own topic of the quarter.
          AND r.session_id IS NULL
          AND (r.meeting_id = ${meeting.id}
            OR ((r.meeting_id IS NULL OR lm.status = 'cancelled') AND r.planned_date BETWEEN ${from} AND ${to}))
        ORDER BY (r.meeting_id IS NOT DISTINCT FROM ${meeting.id}) DESC,
          CASE r.status WHEN 'registered' THEN 0 WHEN 'approved' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END,
          r.id DESC
        LIMIT 1`,
  );
  if (!reg) return null;
  const names = reg.presenterMemberIds.length
    ? await rows<{ id: number; fullName: string }>(
        tx,
        sql`SELECT id::int AS id, full_name AS "fullName" FROM members
            WHERE id IN (${sql.join(
              reg.presenterMemberIds.map((m) => sql`${m}`),
              sql`, `,
            )})`,
      )
    : [];
  return thematicItem({
    ...reg,
    presenters: reg.presenterMemberIds.flatMap((m) => names.find((n) => n.id === m)?.fullName ?? []),
    paperSharedOn: reg.paperSharedAt ? isoDateInVietnam(new Date(reg.paperSharedAt)) : null,
  });
}

/**
 * Links the registration of the thematic item now on the agenda to the meeting, when it is live and not
 * linked yet (or linked to a cancelled meeting): the registration locked `FOR UPDATE`, the update and the
 * audit event in the caller's transaction (the shape of thematic/registrations.ts `linkMeeting`).
 */
export async function linkThematicRegistration(
  tx: Db,
  actor: Actor | null,
  meeting: MeetingRow,
  registrationId: number,
): Promise<boolean> {
  const [reg] = await rows<{ orgPath: string; linkable: boolean }>(
    tx,
    sql`SELECT r.org_path AS "orgPath",
          (r.status IN ('registered', 'approved') AND (r.meeting_id IS NULL OR
            (r.meeting_id <> ${meeting.id} AND
              (SELECT status FROM meetings WHERE id = r.meeting_id) = 'cancelled'))) AS linkable
        FROM thematic_registrations r
        WHERE r.id = ${registrationId} AND r.org_id = ${meeting.orgId} AND r.session_id IS NULL FOR UPDATE`,
  );
  if (!reg?.linkable) return false;
  await tx.execute(
    sql`UPDATE thematic_registrations SET meeting_id = ${meeting.id} WHERE id = ${registrationId}`,
  );
  await audit(tx, actor, {
    action: 'thematic.meeting_linked',
    entityType: 'thematic_registration',
    entityId: registrationId,
    orgPath: reg.orgPath,
    detail: { meetingId: meeting.id, date: meeting.scheduledDate, by: 'agenda_prepared' },
  });
  return true;
}
