/**
 * Who is invited to a meeting (HD 12: "members and the superior committee member who follows the cell are
 * notified"): the cell's members (in the app when they have an account) and the committee members who follow
 * that cell — those its working groups or a personal assignment send to it, and those with a visit planned
 * to this very meeting. Not every account above it. The secretary sees the list before sending.
 */
import { formatVietnameseDate, type InvitationListDto } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { notify } from '../inbox/service.ts';
import { findOrgById } from '../orgs/queries.ts';
import { recordMeetingEvent } from './events.ts';
import type { MeetingRow } from './queries.ts';

export async function invitationList(db: Db, meeting: MeetingRow, today: string): Promise<InvitationListDto> {
  const members = await rows<{ name: string; accountId: number | null }>(
    db,
    sql`SELECT m.full_name AS name, a.id::int AS "accountId"
        FROM members m LEFT JOIN accounts a ON a.member_id = m.id AND a.disabled = false
        WHERE m.org_id = ${meeting.orgId} AND m.status IN ('official', 'probationary')
        ORDER BY m.sort_key, m.member_code`,
  );
  const followers = await followersOf(db, meeting, today);
  const withAccount = members.filter((m) => m.accountId !== null);
  const recipients = new Set([
    ...withAccount.map((m) => m.accountId as number),
    ...followers.map((f) => f.accountId),
  ]);
  return {
    members: members.map((m) => ({ name: m.name, inApp: m.accountId !== null })),
    followers: followers.map((f) => ({ name: f.name, why: f.why })),
    recipients: recipients.size,
  };
}

/** Sends the invitation to the list above; answers how many accounts it reached for the first time. */
export async function sendInvitations(tx: Db, actor: Actor, meeting: MeetingRow, today: string) {
  const list = await invitationList(tx, meeting, today);
  const accounts = await rows<{ id: number }>(
    tx,
    sql`SELECT a.id::int AS id FROM accounts a JOIN members m ON m.id = a.member_id
        WHERE m.org_id = ${meeting.orgId} AND m.status IN ('official', 'probationary') AND a.disabled = false`,
  );
  const followerIds = (await followersOf(tx, meeting, today)).map((f) => f.accountId);
  const org = await findOrgById(tx, meeting.orgId);
  const when = `${meeting.startTime} ngày ${formatVietnameseDate(meeting.scheduledDate)}`;
  const sent = await notify(tx, [...new Set([...accounts.map((a) => a.id), ...followerIds])], {
    kind: 'meeting_invitation',
    title: `Mời dự sinh hoạt chi bộ: ${org?.name ?? ''}, ${when}`,
    body: [
      meeting.place ? `Địa điểm: ${meeting.place}` : null,
      ...meeting.agenda.map((a, i) => `${i + 1}. ${a.title}`),
    ]
      .filter(Boolean)
      .join('\n'),
    link: `/meetings/${meeting.id}`,
    dedupeKey: `invite:${meeting.id}:${meeting.scheduledDate}:${meeting.startTime}`,
  });
  await recordMeetingEvent(tx, actor, meeting, 'notified', { recipients: sent, listed: list.recipients });
  return { sent, recipients: list.recipients };
}

/** The committee members who follow the cell: sent to this meeting, or assigned to the cell. */
function followersOf(db: Db, meeting: MeetingRow, today: string) {
  return rows<{ accountId: number; name: string; why: 'visit' | 'assignment' }>(
    db,
    sql`SELECT DISTINCT ON (x.account_id) x.account_id::int AS "accountId", a.display_name AS name, x.why FROM (
          SELECT v.account_id, 'visit' AS why, 0 AS rank FROM visits v JOIN visit_plans p ON p.id = v.plan_id
          WHERE v.meeting_id = ${meeting.id} AND v.status IN ('planned', 'checked_in') AND p.status = 'published'
          UNION ALL
          SELECT COALESCE(s.account_id, wm.account_id), 'assignment', 1 FROM visit_assignments s
          JOIN orgs o ON o.id = s.org_id
          LEFT JOIN working_groups g ON g.id = s.group_id AND g.active
          LEFT JOIN working_group_members wm ON wm.group_id = g.id
          WHERE s.ended_at IS NULL AND ${meeting.orgPath} LIKE o.path || '%'
            AND (s.from_date IS NULL OR s.from_date <= ${meeting.scheduledDate})
            AND (s.to_date IS NULL OR s.to_date >= ${today})
            AND COALESCE(s.account_id, wm.account_id) IS NOT NULL
        ) x JOIN accounts a ON a.id = x.account_id AND a.disabled = false
        ORDER BY x.account_id, x.rank`,
  );
}
