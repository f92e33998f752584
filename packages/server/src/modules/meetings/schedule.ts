/**
 * Dates that hold (issue "the day of a secretary"): nothing is planned in the past, a cell never has two
 * meetings at once nor two regular meetings in a month, and a meeting that moves takes its planned
 * supervision visit with it — or the visit is marked as clashing and the committee is told.
 */
import {
  formatVietnameseDate,
  MEETING_KIND_LABELS,
  type MeetingKind,
  minDurationFor,
  type RuleSetContent,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { visits } from '../../db/schema/index.ts';
import { conflict, invalidField } from '../../http/errors.ts';
import { accountsFor, notify } from '../inbox/service.ts';

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
/** How long a meeting holds its evening: its rule-set minimum, and at least an hour. */
const lengthOf = (rules: RuleSetContent, kind: MeetingKind, combined: boolean) =>
  Math.max(60, minDurationFor(rules, kind, combined));

export function assertNotPast(date: string, today: string, field = 'date') {
  if (date < today) {
    throw invalidField(field, {
      vi: `Ngày ${formatVietnameseDate(date)} đã qua: chỉ lên lịch từ hôm nay (${formatVietnameseDate(today)}).`,
      en: `${date} has passed: meetings are planned from today (${today}) on.`,
    });
  }
}

/**
 * Refuses a slot the cell already uses (a meeting not cancelled whose time overlaps on that day) and a second
 * regular meeting in one month. `except` is the meeting being moved.
 */
export async function assertSlotFree(
  tx: Db,
  slot: { orgId: number; kind: MeetingKind; date: string; startTime: string; combined: boolean },
  rules: RuleSetContent,
  except: number | null = null,
) {
  const others = await rows<{ kind: MeetingKind; date: string; startTime: string; combined: boolean }>(
    tx,
    sql`SELECT kind, scheduled_date::text AS date, start_time AS "startTime", combined FROM meetings
        WHERE org_id = ${slot.orgId} AND status <> 'cancelled' AND id <> ${except ?? 0}
          AND (scheduled_date = ${slot.date}
               OR (kind = 'regular' AND ${slot.kind} = 'regular'
                   AND date_trunc('month', scheduled_date) = date_trunc('month', ${slot.date}::date)))`,
  );
  const start = minutesOf(slot.startTime);
  const end = start + lengthOf(rules, slot.kind, slot.combined);
  for (const other of others) {
    const when = `${other.startTime} ngày ${formatVietnameseDate(other.date)}`;
    const label = MEETING_KIND_LABELS[other.kind];
    if (other.date === slot.date) {
      const otherStart = minutesOf(other.startTime);
      const otherEnd = otherStart + lengthOf(rules, other.kind, other.combined);
      if (start < otherEnd && otherStart < end) {
        throw conflict(
          {
            vi: `Chi bộ đã có ${label.vi.toLocaleLowerCase('vi')} lúc ${when}: hãy chọn giờ hoặc ngày khác.`,
            en: `The cell already has a ${label.en.toLocaleLowerCase()} at ${other.startTime} on ${other.date}: choose another time or day.`,
          },
          'startTime',
        );
      }
    }
    if (
      slot.kind === 'regular' &&
      other.kind === 'regular' &&
      other.date.slice(0, 7) === slot.date.slice(0, 7)
    ) {
      throw conflict(
        {
          vi: `Chi bộ đã có cuộc họp thường kỳ tháng ${other.date.slice(5, 7)}/${other.date.slice(0, 4)} (${when}): mỗi tháng một cuộc; cuộc họp khác là họp bất thường.`,
          en: `The cell already has its regular meeting of ${other.date.slice(0, 7)} (${other.date}): one a month; another is an extraordinary meeting.`,
        },
        'kind',
      );
    }
  }
}

/**
 * A meeting moved to another day or time: its planned visits move with it when the visitor is free then;
 * otherwise the visit is withdrawn as clashing (cancelled, the reason saying so) and the committee that
 * planned it is told, so that re-planning sends someone free. The visitor hears either way.
 */
export async function moveVisits(
  tx: Db,
  meeting: { id: number; orgName: string },
  to: { date: string; startTime: string },
) {
  const planned = await rows<{
    id: number;
    accountId: number;
    committeePath: string;
    durationMinutes: number;
  }>(
    tx,
    sql`SELECT id::int AS id, account_id::int AS "accountId", committee_path AS "committeePath",
          duration_minutes AS "durationMinutes"
        FROM visits WHERE meeting_id = ${meeting.id} AND status = 'planned'`,
  );
  const when = `${to.startTime} ngày ${formatVietnameseDate(to.date)}`;
  for (const visit of planned) {
    const [busy] = await rows<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM visits WHERE account_id = ${visit.accountId} AND id <> ${visit.id}
            AND status IN ('planned', 'checked_in') AND scheduled_date = ${to.date}`,
    );
    const clash = (busy?.n ?? 0) > 0;
    await tx
      .update(visits)
      .set(
        clash
          ? { status: 'cancelled', cancelReason: `Trùng lịch: chi bộ đổi ngày họp sang ${when}` }
          : { scheduledDate: to.date, startTime: to.startTime },
      )
      .where(sql`id = ${visit.id}`);
    await notify(tx, [visit.accountId], {
      kind: 'visit_moved',
      title: clash
        ? `Buổi dự sinh hoạt ${meeting.orgName} đổi sang ${when}, trùng lịch dự khác của đồng chí: lượt dự được rút`
        : `Buổi dự sinh hoạt ${meeting.orgName} đổi sang ${when}`,
      body: clash ? 'Cấp ủy sẽ cử người khác hoặc sắp xếp lại.' : 'Lịch dự của đồng chí đã được cập nhật.',
      link: `/supervision/visits/${visit.id}`,
    });
    if (clash) {
      await notify(tx, await accountsFor(tx, visit.committeePath, ['admin', 'committee_member']), {
        kind: 'visit_conflict',
        title: `Cần cử người dự ${meeting.orgName} ${when}`,
        body: 'Chi bộ đã đổi ngày họp; người được cử có lịch dự khác cùng ngày nên lượt dự được rút. Hãy cử người khác hoặc lập lại kế hoạch.',
        link: `/supervision/visits/${visit.id}`,
      });
    }
  }
}

/** A meeting called off: its planned visits are cancelled and the visitors told. */
export async function cancelVisits(
  tx: Db,
  meeting: { id: number; orgName: string; date: string },
  reason: string,
) {
  const planned = await rows<{ id: number; accountId: number }>(
    tx,
    sql`SELECT id::int AS id, account_id::int AS "accountId" FROM visits
        WHERE meeting_id = ${meeting.id} AND status = 'planned'`,
  );
  for (const visit of planned) {
    await tx
      .update(visits)
      .set({ status: 'cancelled', cancelReason: `Chi bộ hoãn sinh hoạt: ${reason}` })
      .where(sql`id = ${visit.id}`);
    await notify(tx, [visit.accountId], {
      kind: 'visit_moved',
      title: `${meeting.orgName} hoãn sinh hoạt ngày ${formatVietnameseDate(meeting.date)}`,
      body: `Lượt dự của đồng chí được hủy. Lý do: ${reason}`,
      link: `/supervision/visits/${visit.id}`,
    });
  }
}
