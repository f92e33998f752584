import { DEFAULT_RULE_SET, type HomeDto } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { attendance, meetings } from '../../db/schema/index.ts';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { commune, seedTree } from '../../test/tree.ts';
import type { OrgRow } from '../orgs/queries.ts';
import { absenceRuns, meetingFacts } from './facts.ts';
import { findMeeting } from './queries.ts';

/**
 * "Absent more than 3 times in a row" (HD 12-HD/BTCTW of 06/7/2018) counts sessions: March's regular and
 * thematic meetings, recorded apart on the same evening, are one session. The score, the alert and the
 * secretary's home read it alike (core `sessionAttendance`).
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let now = new Date('2026-04-10T09:00:00+07:00');
let admin: Client;
let secretary: Client;
let cell: OrgRow;
const ids: Record<string, number> = {};
const members: Record<string, number> = {};

/** A held meeting of the cell with its roll call (member code → status). */
async function held(key: string, kind: string, date: string, roll: Record<string, string>) {
  const [row] = await ctx.db
    .insert(meetings)
    .values({
      orgId: cell.id,
      orgPath: cell.path,
      kind,
      status: 'held',
      scheduledDate: date,
      startTime: '19:30',
      startedAt: new Date(`${date}T19:30:00+07:00`),
      endedAt: new Date(`${date}T21:30:00+07:00`),
      agenda: [],
    })
    .returning({ id: meetings.id });
  if (!row) throw new Error('meeting');
  ids[key] = row.id;
  for (const [code, status] of Object.entries(roll))
    await ctx.db
      .insert(attendance)
      .values({ meetingId: row.id, memberId: members[code] as number, status, memberStatus: 'official' });
}

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  const { db } = ctx;
  const tree = await seedTree(db, {
    orgs: [...commune(), { code: 'C', name: 'Chi bộ thôn Trung', kind: 'cell', parent: 'X' }],
    members: [
      { code: 'A', name: 'Nguyễn Văn An', org: 'C' },
      { code: 'B', name: 'Trần Văn Vắng', org: 'C' },
      { code: 'E', name: 'Lê Thị Em', org: 'C' },
    ],
    accounts: [
      ['admin', 'admin', 'P'],
      ['bithu', 'cell_secretary', 'C'],
    ],
  });
  cell = tree.org('C');
  for (const code of ['A', 'B', 'E'] as const) members[code] = tree.member(code).id;
  admin = await login(ctx.app, 'admin');
  secretary = await login(ctx.app, 'bithu');
  // B misses February, March (both meetings of the evening) and April: three sessions, four meetings.
  // E misses March's regular part but attends its thematic part: present at that session.
  await held('jan', 'regular', '2026-01-04', { A: 'present', B: 'present', E: 'absent_excused' });
  await held('feb', 'regular', '2026-02-04', { A: 'present', B: 'absent_excused', E: 'absent_excused' });
  await held('marRegular', 'regular', '2026-03-04', {
    A: 'present',
    B: 'absent_excused',
    E: 'absent_excused',
  });
  await held('marThematic', 'thematic', '2026-03-04', {
    A: 'present',
    B: 'absent_unexcused',
    E: 'present',
  });
  await held('apr', 'regular', '2026-04-04', { A: 'present', B: 'absent_excused', E: 'absent_excused' });
});
afterAll(() => ctx.close());

const runsAt = async (key: string) => {
  const meeting = await findMeeting(ctx.db, ids[key] as number);
  if (!meeting) throw new Error(key);
  return absenceRuns(ctx.db, meeting);
};

describe('a combined session in an absence streak', () => {
  it('counts the session once in the runs the score reads, and present at either part is present', async () => {
    const april = await runsAt('apr');
    expect(april.get(members.B as number)).toBe(3);
    expect(april.get(members.E as number)).toBe(1);
    // Scoring the regular part of March already reads the thematic part held with it.
    const march = await runsAt('marRegular');
    expect(march.get(members.B as number)).toBe(2);
    expect(march.get(members.E as number)).toBe(0);
    const meeting = await findMeeting(ctx.db, ids.apr as number);
    if (!meeting) throw new Error('april');
    // Three sessions missed is not "more than 3 in a row" (four meetings would have been).
    const facts = await meetingFacts(ctx.db, meeting, DEFAULT_RULE_SET);
    expect(facts.anyoneAbsentOverThreeInRow).toBe(false);
  });

  it('names the third session in the alert, not the thematic part of March', async () => {
    const run = await admin.post('/api/alerts/run', { date: '2026-04-10' });
    expect(run.statusCode).toBe(200);
    expect(run.json().byKind.absent3).toBe(1);
    const [notice] = await rows<{ key: string; body: string }>(
      ctx.db,
      sql`SELECT DISTINCT dedupe_key AS key, body FROM notifications WHERE dedupe_key LIKE 'absent3:%'`,
    );
    expect(notice?.key).toBe(`absent3:${members.B}:2026:${ids.apr}`);
    expect(notice?.body).toContain('gần nhất ngày 04/04/2026');
  });

  it('shows the secretary the run in sessions', async () => {
    const page: HomeDto = (await secretary.get('/api/home')).json();
    expect(page.secretary[0]?.due.absentees).toEqual([{ name: 'Trần Văn Vắng', times: 3 }]);
  });

  it('flags the fourth session missed', async () => {
    now = new Date('2026-05-10T09:00:00+07:00');
    await held('may', 'regular', '2026-05-04', { A: 'present', B: 'absent_excused', E: 'present' });
    const meeting = await findMeeting(ctx.db, ids.may as number);
    if (!meeting) throw new Error('may');
    const facts = await meetingFacts(ctx.db, meeting, DEFAULT_RULE_SET);
    expect(facts.anyoneAbsentOverThreeInRow).toBe(true);
    const page: HomeDto = (await secretary.get('/api/home')).json();
    expect(page.secretary[0]?.due.absentees).toEqual([{ name: 'Trần Văn Vắng', times: 4 }]);
  });
});
