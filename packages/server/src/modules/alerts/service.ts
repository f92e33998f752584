import {
  ALERT_KINDS,
  type AlertKind,
  DEFAULT_RULE_SET,
  formatVietnameseDate,
  lastDayOfMonth,
  monthWindow,
  parseVietnameseDate,
  type Role,
  type RuleSetContent,
  type SessionLine,
  sessionAttendance,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { duesArrearsAlerts } from '../dues/alerts.ts';
import { notify } from '../inbox/service.ts';
import { passOnAlerts } from '../pass-on/alerts.ts';
import { escalateRecommendations } from '../recommendations/escalate.ts';
import { pick, ruleSetsFor } from '../rule-sets/service.ts';
import { visitAlerts } from '../supervision/alerts.ts';
import { type Cell, type RuleContext, within } from './rule.ts';

/**
 * Alerts of domain.md §3 raised into the inbox of the secretaries and the committee above. Every rule reads
 * the clock only through `today` (an ISO date, Vietnam time), so a run can be replayed for any day; each
 * alert carries a dedupe key, so running twice on the same day raises nothing new.
 */

export interface AlertRun {
  /** Alerts that reached at least one account for the first time. */
  raised: number;
  byKind: Record<AlertKind, number>;
  /** Inbox notices written (one alert reaches several accounts). */
  notified: number;
}

const SECRETARIES: readonly Role[] = ['cell_secretary'];
const COMMITTEE: readonly Role[] = ['admin', 'committee_member'];
/** Meetings of the whole cell, whose roll call counts for "absent 3 times in a row" (HD 12-HD/BTCTW). */
const CELL_MEETING_KINDS = sql`('regular', 'thematic', 'model', 'extraordinary')`;
const HELD = sql`('held', 'adopted')`;
const DAY_MS = 86_400_000;

/** "2026-02" moved by `delta` months. */
export function shiftMonth(month: string, delta: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The accounts holding a role on a node or above it, from one read of the staff grants. */
async function recipientsReader(tx: Db) {
  const list = await rows<{ accountId: number; role: Role; path: string }>(
    tx,
    sql`SELECT g.account_id::int AS "accountId", g.role, o.path FROM grants g
        JOIN orgs o ON o.id = g.org_id JOIN accounts a ON a.id = g.account_id
        WHERE a.disabled = false AND g.role IN ('admin', 'committee_member', 'cell_secretary')`,
  );
  return (path: string, roles: readonly Role[]) => [
    ...new Set(list.filter((g) => roles.includes(g.role) && path.startsWith(g.path)).map((g) => g.accountId)),
  ];
}

/** One period of `months` months (a quarter by default) containing `month`, as first and last month. */
export function periodOf(month: string, months: number): { first: string; last: string; label: string } {
  const year = Number(month.slice(0, 4));
  const index = Math.floor((Number(month.slice(5, 7)) - 1) / months);
  const first = `${year}-${String(index * months + 1).padStart(2, '0')}`;
  const last = shiftMonth(first, months - 1);
  const labels: Record<number, string> = {
    1: `M${month.slice(5, 7)}`,
    3: `Q${index + 1}`,
    6: `H${index + 1}`,
  };
  return { first, last, label: months === 12 ? `${year}` : `${year}${labels[months] ?? `P${index + 1}`}` };
}

/**
 * Runs every alert rule for `today` over the cells inside `scopes` (null: the whole database) and puts the
 * new alerts in the inboxes. Returns how many alerts were newly raised, per kind.
 */
export async function runAlerts(
  tx: Db,
  today: string,
  scopes: readonly string[] | null = null,
): Promise<AlertRun> {
  if (parseVietnameseDate(today) !== today) throw new RangeError(`today: "${today}" is not an ISO date`);
  const result: AlertRun = {
    raised: 0,
    notified: 0,
    byKind: Object.fromEntries(ALERT_KINDS.map((k) => [k, 0])) as AlertRun['byKind'],
  };
  const cells = await rows<Cell>(
    tx,
    sql`SELECT id::int AS id, code, name, path FROM orgs
        WHERE kind IN ('cell', 'grassroots_cell') AND status = 'active' AND ${within(sql`path`, scopes)}
        ORDER BY path`,
  );
  if (cells.length === 0) return result;
  const recipients = await recipientsReader(tx);
  const ruleSets = await ruleSetsFor(tx, '/');
  const rulesOn = (cell: Cell, date: string): RuleSetContent =>
    pick(ruleSets, cell.path, date)?.content ?? DEFAULT_RULE_SET;
  const raise = async (
    kind: AlertKind,
    accounts: number[],
    notice: { title: string; body: string; link: string; key: string },
  ) => {
    const written = await notify(tx, accounts, {
      kind: `alert.${kind}`,
      title: notice.title,
      body: notice.body,
      link: notice.link,
      dedupeKey: notice.key,
    });
    if (written === 0) return;
    result.raised += 1;
    result.byKind[kind] += 1;
    result.notified += written;
  };
  const context: RuleContext = { tx, today, scopes, cells, recipients, rulesOn, raise };
  await absentThreeTimes(context);
  await noRegularMeeting(context);
  await lateMaterials(context);
  await noThematicMeeting(context);
  await visitAlerts(context);
  await escalateRecommendations(context);
  await passOnAlerts(context);
  await duesArrearsAlerts(context);
  return result;
}

const staff = (c: RuleContext, cell: Cell) => c.recipients(cell.path, [...SECRETARIES, ...COMMITTEE]);

/**
 * A member absent (excused or not) from 3 sessions of the cell in a row this year (HD 12-HD/BTCTW
 * (06/7/2018)): a regular and a thematic meeting held together are one session (core `sessionAttendance`).
 * The alert names the meeting that made the third absence, so a longer run is one alert and a new run later
 * is another.
 */
async function absentThreeTimes(c: RuleContext) {
  const year = c.today.slice(0, 4);
  const lines = await rows<
    SessionLine & { orgId: number; meetingId: number; date: string; memberCode: string; fullName: string }
  >(
    c.tx,
    sql`SELECT mt.org_id::int AS "orgId", mt.id::int AS "meetingId", mt.scheduled_date::text AS date,
          a.member_id::int AS "memberId", mb.member_code AS "memberCode", mb.full_name AS "fullName", a.status,
          mt.org_id::text || ' ' || mt.scheduled_date::text || ' ' || mt.start_time AS session
        FROM attendance a JOIN meetings mt ON mt.id = a.meeting_id JOIN members mb ON mb.id = a.member_id
        WHERE mt.kind IN ${CELL_MEETING_KINDS} AND mt.status IN ${HELD}
          AND mt.scheduled_date BETWEEN ${`${year}-01-01`} AND ${c.today}
          AND mb.org_id = mt.org_id AND ${within(sql`mt.org_path`, c.scopes)}
        ORDER BY mt.org_id, mt.scheduled_date, mt.start_time, mt.id`,
  );
  const cells = new Map(c.cells.map((cell) => [cell.id, cell]));
  const runs = new Map<string, number>();
  for (const { absent, last: line } of sessionAttendance(lines)) {
    const cell = cells.get(line.orgId);
    if (!cell) continue;
    const key = `${line.orgId}:${line.memberId}`;
    const run = absent ? (runs.get(key) ?? 0) + 1 : 0;
    runs.set(key, run);
    if (run !== 3) continue;
    await c.raise('absent3', staff(c, cell), {
      key: `absent3:${line.memberId}:${year}:${line.meetingId}`,
      title: `Đảng viên vắng mặt 3 lần liên tiếp: ${line.fullName}`,
      body: `Đồng chí ${line.fullName} (${line.memberCode}), ${cell.name}, đã vắng mặt 3 buổi sinh hoạt liên tiếp trong năm ${year}, gần nhất ngày ${formatVietnameseDate(line.date)}.`,
      link: `/meetings/${line.meetingId}`,
    });
  }
}

/** Cells with no regular meeting held in a month whose window has passed (this month and the last). */
async function noRegularMeeting(c: RuleContext) {
  const current = c.today.slice(0, 7);
  const months = [shiftMonth(current, -1), current];
  const held = await rows<{ orgId: number; month: string }>(
    c.tx,
    sql`SELECT DISTINCT org_id::int AS "orgId", left(scheduled_date::text, 7) AS month FROM meetings
        WHERE kind IN ('regular', 'model') AND status IN ${HELD}
          AND scheduled_date BETWEEN ${`${months[0]}-01`} AND ${lastDayOfMonth(current)}
          AND ${within(sql`org_path`, c.scopes)}`,
  );
  const done = new Set(held.map((h) => `${h.orgId}:${h.month}`));
  for (const cell of c.cells) {
    for (const month of months) {
      const window = monthWindow(
        Number(month.slice(0, 4)),
        Number(month.slice(5, 7)),
        c.rulesOn(cell, `${month}-01`),
      );
      if (c.today <= window.to || done.has(`${cell.id}:${month}`)) continue;
      const label = `${month.slice(5, 7)}/${month.slice(0, 4)}`;
      await c.raise('nomeeting', staff(c, cell), {
        key: `nomeeting:${cell.id}:${month}`,
        title: `Chưa sinh hoạt chi bộ thường kỳ tháng ${label}: ${cell.name}`,
        body: `${cell.name} chưa tổ chức sinh hoạt chi bộ thường kỳ tháng ${label}; theo quy định phải họp chậm nhất ngày ${formatVietnameseDate(window.to)}.`,
        link: `/orgs/${encodeURIComponent(cell.code)}`,
      });
    }
  }
}

/**
 * Materials must be published at least 1 day before a meeting starts. Checked once that deadline falls by the
 * end of `today`, for meetings still to come and those already held (since the start of last month);
 * planned meetings left in the past without being held are the "no meeting" alert's business.
 */
async function lateMaterials(c: RuleContext) {
  const endOfToday = new Date(`${c.today}T23:59:59.999+07:00`);
  const since = `${shiftMonth(c.today.slice(0, 7), -1)}-01`;
  const until = new Date(endOfToday.getTime() + DAY_MS).toISOString().slice(0, 10);
  const list = await rows<{
    id: number;
    orgId: number;
    kind: string;
    status: string;
    date: string;
    startTime: string;
    startedAt: Date | string | null;
    files: number;
    lastPublish: Date | string | null;
  }>(
    c.tx,
    sql`SELECT m.id::int AS id, m.org_id::int AS "orgId", m.kind, m.status, m.scheduled_date::text AS date,
          m.start_time AS "startTime", m.started_at AS "startedAt",
          (SELECT count(*)::int FROM materials x WHERE x.meeting_id = m.id) AS files,
          (SELECT max(x.publish_at) FROM materials x WHERE x.meeting_id = m.id) AS "lastPublish"
        FROM meetings m
        WHERE m.kind IN ${CELL_MEETING_KINDS} AND m.status <> 'cancelled'
          AND m.scheduled_date BETWEEN ${since} AND ${until} AND ${within(sql`m.org_path`, c.scopes)}
        ORDER BY m.scheduled_date, m.id`,
  );
  const cells = new Map(c.cells.map((cell) => [cell.id, cell]));
  for (const meeting of list) {
    const cell = cells.get(meeting.orgId);
    if (!cell) continue;
    const started =
      meeting.status === 'in_progress' || meeting.status === 'held' || meeting.status === 'adopted';
    if (!started && meeting.date < c.today) continue;
    const start = meeting.startedAt
      ? new Date(meeting.startedAt)
      : new Date(`${meeting.date}T${meeting.startTime}:00+07:00`);
    const deadline = start.getTime() - DAY_MS;
    if (deadline > endOfToday.getTime()) continue;
    const late = meeting.lastPublish !== null && new Date(meeting.lastPublish).getTime() > deadline;
    if (meeting.files > 0 && !late) continue;
    const when = `${meeting.startTime} ngày ${formatVietnameseDate(meeting.date)}`;
    await c.raise('materials', c.recipients(cell.path, SECRETARIES), {
      key: `materials:${meeting.id}`,
      title: `Tài liệu sinh hoạt chưa công bố trước 1 ngày: ${cell.name}`,
      body:
        meeting.files === 0
          ? `Cuộc họp lúc ${when} của ${cell.name} chưa có tài liệu; tài liệu phải được công bố trước ít nhất 1 ngày.`
          : `Tài liệu cuộc họp lúc ${when} của ${cell.name} được công bố muộn (chưa đủ 1 ngày trước giờ họp).`,
      link: `/meetings/${meeting.id}`,
    });
  }
}

/**
 * No thematic meeting held in a period (a quarter under the default rules) once the meeting window of the
 * period's last month has passed: the current period and the one before.
 */
async function noThematicMeeting(c: RuleContext) {
  const since = `${Number(c.today.slice(0, 4)) - 1}-01-01`;
  const held = await rows<{ orgId: number; month: string }>(
    c.tx,
    sql`SELECT DISTINCT org_id::int AS "orgId", left(scheduled_date::text, 7) AS month FROM meetings
        WHERE (kind = 'thematic' OR (kind = 'regular' AND combined)) AND status IN ${HELD}
          AND scheduled_date BETWEEN ${since} AND ${c.today}
          AND ${within(sql`org_path`, c.scopes)}`,
  );
  const monthsHeld = new Map<number, string[]>();
  for (const h of held) monthsHeld.set(h.orgId, [...(monthsHeld.get(h.orgId) ?? []), h.month]);
  for (const cell of c.cells) {
    const every = c.rulesOn(cell, c.today).thematicEveryMonths;
    const current = periodOf(c.today.slice(0, 7), every);
    for (const period of [periodOf(shiftMonth(current.first, -1), every), current]) {
      const rules = c.rulesOn(cell, `${period.first}-01`);
      const window = monthWindow(Number(period.last.slice(0, 4)), Number(period.last.slice(5, 7)), rules);
      if (c.today <= window.to) continue;
      const done = (monthsHeld.get(cell.id) ?? []).some((m) => m >= period.first && m <= period.last);
      if (done) continue;
      const name = describePeriod(period, every);
      await c.raise('thematic', staff(c, cell), {
        key: `thematic:${cell.id}:${period.label}`,
        title: `Chưa sinh hoạt chuyên đề ${name}: ${cell.name}`,
        body: `${cell.name} chưa tổ chức buổi sinh hoạt chuyên đề nào trong ${name} (từ tháng ${period.first.slice(5, 7)}/${period.first.slice(0, 4)} đến tháng ${period.last.slice(5, 7)}/${period.last.slice(0, 4)}).`,
        link: `/orgs/${encodeURIComponent(cell.code)}`,
      });
    }
  }
}

function describePeriod(period: { first: string; last: string }, every: number): string {
  const year = period.first.slice(0, 4);
  const index = Math.floor((Number(period.first.slice(5, 7)) - 1) / every) + 1;
  if (every === 3) return `quý ${index}/${year}`;
  if (every === 6) return `6 tháng ${index === 1 ? 'đầu' : 'cuối'} năm ${year}`;
  if (every === 12) return `năm ${year}`;
  if (every === 1) return `tháng ${period.first.slice(5, 7)}/${year}`;
  return `kỳ ${index}/${year}`;
}
