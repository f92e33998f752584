/**
 * A committee spreads its cells' regular meetings over the days of the month's window so that its visitors
 * can attend (issue "the day of a secretary"): the plan comes from `spreadMeetingDays` in core, is shown
 * first, and applying it moves the planned meetings (their visits follow) and plans those not yet planned.
 */
import {
  addDays,
  CELL_KINDS,
  isoDate,
  lastDayOfMonth,
  laterDate,
  type MeetingDaysCellDto,
  type MeetingDaysDto,
  monthWindow,
  spreadMeetingDays,
  supervisionRulesOf,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { forbidden, invalidField } from '../../http/errors.ts';
import { assertCanRead, canSpreadDays } from '../orgs/policy.ts';
import { lockOrg, type OrgRow } from '../orgs/queries.ts';
import { rulesAt } from '../supervision/planner-input.ts';
import { visitorPool } from '../supervision/queries.ts';
import { planSubtree, reschedule } from './plan.ts';
import { findMeeting } from './queries.ts';

interface CellRow {
  id: number;
  code: string;
  name: string;
  category: string | null;
  /** The month's regular meeting, if any. */
  meetingId: number | null;
  status: string | null;
  date: string | null;
  /** The day of the month the cell last held (or planned) a regular meeting before this month. */
  usualDay: number | null;
}

const dayOf = (iso: string) => Number(iso.slice(8, 10));

function cellsOf(db: Db, committee: OrgRow, monthStart: string, monthEnd: string) {
  return rows<CellRow>(
    db,
    sql`SELECT o.id::int AS id, o.code, o.name, o.category,
          m.id::int AS "meetingId", m.status, m.scheduled_date::text AS date,
          (SELECT extract(day FROM p.scheduled_date)::int FROM meetings p
            WHERE p.org_id = o.id AND p.kind = 'regular' AND p.status <> 'cancelled' AND p.scheduled_date < ${monthStart}
            ORDER BY p.scheduled_date DESC LIMIT 1) AS "usualDay"
        FROM orgs o
        LEFT JOIN LATERAL (SELECT id, status, scheduled_date FROM meetings
          WHERE org_id = o.id AND kind = 'regular' AND status <> 'cancelled'
            AND scheduled_date BETWEEN ${monthStart} AND ${monthEnd}
          ORDER BY scheduled_date LIMIT 1) m ON true
        WHERE o.path LIKE ${`${committee.path}%`} AND o.kind IN ('cell', 'grassroots_cell') AND o.status = 'active'
        ORDER BY o.sort_key, o.id`,
  );
}

/** The plan for a month: which day each cell would meet on, and what applying it would change. */
export async function meetingDaysPlan(
  db: Db,
  committee: OrgRow,
  month: string,
  today: string,
): Promise<MeetingDaysDto> {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const monthStart = isoDate(year, monthNumber, 1);
  const { content } = await rulesAt(db, committee.path, monthStart);
  const window = monthWindow(year, monthNumber, content);
  // Meetings move with notice: from tomorrow on, never onto today.
  const tomorrow = addDays(today, 1);
  const first = laterDate(window.from, tomorrow);
  if (first > window.to) {
    throw invalidField('month', {
      vi: `Các ngày họp của tháng ${monthNumber}/${year} (từ ${dayOf(window.from)} đến ${dayOf(window.to)}) đã qua hoặc là hôm nay: không còn ngày để dàn.`,
      en: `The meeting days of ${month} (${dayOf(window.from)}–${dayOf(window.to)}) have passed or are today: no day is left to spread over.`,
    });
  }
  const days: number[] = [];
  for (let d = first; d <= window.to; d = addDays(d, 1)) days.push(dayOf(d));
  const supervision = supervisionRulesOf(content);
  const visitors = (await visitorPool(db, committee.id, committee.path)).length;
  // A day repeats in every month of the visiting window, and each visitor attends maxVisitsPerDay a day.
  const capacityPerDay = Math.floor(
    (visitors * supervision.maxVisitsPerDay * supervision.windowMonths) / supervision.visitsPerCell,
  );
  const cells = await cellsOf(db, committee, monthStart, lastDayOfMonth(month));
  const isTarget = (c: CellRow) =>
    c.category !== null && (supervision.targetCategories as string[]).includes(c.category);
  // A cell that met already, is meeting, or meets today keeps its day and is not spread.
  const settled = (c: CellRow) => c.date !== null && (c.status !== 'planned' || c.date <= today);
  const open = cells.filter((c) => !settled(c));
  const usual = (c: CellRow) => (c.date ? dayOf(c.date) : c.usualDay);
  const plan = spreadMeetingDays({
    cells: open.map((c) => {
      const day = usual(c);
      return {
        code: c.code,
        target: isTarget(c),
        preferred: day !== null && days.includes(day) ? [day] : [],
      };
    }),
    days,
    capacity: capacityPerDay,
  });
  const byCode = new Map(plan.cells.map((p) => [p.code, p]));
  const present = cells.map((c): MeetingDaysCellDto => {
    const got = byCode.get(c.code);
    const date = got ? isoDate(year, monthNumber, got.day) : (c.date as string);
    return {
      code: c.code,
      name: c.name,
      target: isTarget(c),
      settled: !got,
      current: c.date,
      date,
      kept: got ? got.day === usual(c) : true,
      covered: got?.covered ?? false,
      changed: got !== undefined && c.date !== date,
    };
  });
  const nameOf = new Map(cells.map((c) => [c.code, c.name]));
  return {
    orgCode: committee.code,
    orgName: committee.name,
    month,
    window,
    days,
    perDayLimit: plan.perDayLimit,
    visitors,
    capacityPerDay,
    cells: present,
    uncovered: plan.uncovered.map((code) => nameOf.get(code) ?? code),
    changes: present.filter((c) => c.changed).length,
  };
}

/**
 * The committee whose cells' days the actor spreads: visible (404), a committee and not a cell (400), and
 * the actor one of its admins or committee members (403).
 */
export function daysCommittee(actor: Actor, found: OrgRow | null): OrgRow {
  const org = assertCanRead(actor, found);
  if ((CELL_KINDS as readonly string[]).includes(org.kind)) {
    throw invalidField('orgCode', {
      vi: 'Dàn đều ngày họp là việc của cấp ủy xã, phường, cơ quan: hãy chọn cấp ủy, không chọn một chi bộ.',
      en: 'Spreading meeting days is a committee’s job: choose the committee, not a cell.',
    });
  }
  if (!canSpreadDays(actor, org)) throw forbidden();
  return org;
}

/**
 * Applies the plan in one transaction, the committee row locked (and checked under the lock) so two applies
 * never interleave: each planned meeting that changes day moves (with its cell-committee meeting, the same
 * number of days, never before today; its visits follow), then the cells not yet planned get the month
 * planned on their new day.
 */
export function applyMeetingDays(db: Db, actor: Actor, code: string, month: string, today: string) {
  return db.transaction(async (tx) =>
    applyPlan(tx, actor, daysCommittee(actor, await lockOrg(tx, code, 'update')), month, today),
  );
}

async function applyPlan(tx: Db, actor: Actor, committee: OrgRow, month: string, today: string) {
  const plan = await meetingDaysPlan(tx, committee, month, today);
  const reason = `Dàn đều ngày họp các chi bộ của ${committee.name} tháng ${month.slice(5)}/${month.slice(0, 4)}`;
  let moved = 0;
  const newDays = new Map<number, number>();
  const ids = await rows<{ id: number; code: string }>(
    tx,
    sql`SELECT id::int AS id, code FROM orgs WHERE path LIKE ${`${committee.path}%`}`,
  );
  const idOf = new Map(ids.map((o) => [o.code, o.id]));
  for (const cell of plan.cells.filter((c) => c.changed)) {
    const orgId = idOf.get(cell.code);
    if (orgId === undefined) continue;
    if (!cell.current) {
      newDays.set(orgId, dayOf(cell.date));
      continue;
    }
    const [regular] = await rows<{ id: number }>(
      tx,
      sql`SELECT id::int AS id FROM meetings WHERE org_id = ${orgId} AND kind = 'regular'
            AND scheduled_date = ${cell.current} AND status = 'planned' FOR UPDATE`,
    );
    const meeting = regular ? await findMeeting(tx, regular.id) : null;
    if (!meeting) continue;
    const shift = dayOf(cell.date) - dayOf(cell.current);
    const before = await rows<{ id: number; date: string }>(
      tx,
      sql`SELECT id::int AS id, scheduled_date::text AS date FROM meetings
          WHERE org_id = ${orgId} AND kind = 'cell_committee' AND status = 'planned'
            AND scheduled_date BETWEEN ${addDays(cell.current, -10)} AND ${cell.current} FOR UPDATE`,
    );
    const moveBefore = async () => {
      for (const b of before) {
        const row = await findMeeting(tx, b.id);
        const shifted = addDays(b.date, shift);
        const date = shifted < today ? today : shifted;
        if (row && date !== b.date)
          await reschedule(tx, actor, row, { date, startTime: row.startTime, reason }, today);
      }
    };
    // Earlier: the preparation moves first; later: the meeting does. They never land on each other.
    if (shift < 0) await moveBefore();
    await reschedule(tx, actor, meeting, { date: cell.date, startTime: meeting.startTime, reason }, today);
    if (shift > 0) await moveBefore();
    moved += 1;
  }
  let planned = 0;
  if (newDays.size > 0) {
    const from = plan.days[0] as number;
    const range = {
      from: isoDate(Number(month.slice(0, 4)), Number(month.slice(5)), from),
      to: plan.window.to,
    };
    planned = (await planSubtree(tx, actor, committee, range, today, newDays)).created;
  }
  await audit(tx, actor, {
    action: 'meeting_days.applied',
    entityType: 'org',
    entityId: committee.code,
    orgPath: committee.path,
    detail: { month, moved, planned },
  });
  return { moved, planned, plan: await meetingDaysPlan(tx, committee, month, today) };
}
