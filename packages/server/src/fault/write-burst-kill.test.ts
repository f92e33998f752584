/**
 * A server process killed with SIGKILL in the middle of a burst of meeting writes (issue 12, fault tests):
 * ten clients record opinions and mark the roll call of one meeting as fast as they can; after a restart
 * on the same database every write the server acknowledged is there as it was sent, a write in flight at
 * the kill is there whole or not at all, and each one has its meeting event and its audit row
 * (HD 12-HD/BTCTW (06/7/2018): the minutes record what was said; every write leaves its audit trail).
 */
import { isoDateInVietnam } from '@nennep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../http/session.ts';
import { commune, seedTree } from '../test/tree.ts';
import { type Answer, HttpClient, ServerPool, waitFor } from './child.ts';
import { createFaultDatabase, type FaultDatabase } from './database.ts';

const CLIENTS = 10;
/** Acknowledged writes before the kill, at the least. */
const ACKNOWLEDGED = 60;
/** Requests one client sends at most (the burst stops by itself). */
const MAX_REQUESTS = 3000;
/** The roll-call marks a client cycles through for its own member. */
const MARKS = [
  { status: 'absent_unexcused', reason: null },
  { status: 'absent_excused', reason: 'Đi công tác tại huyện' },
  { status: 'present', reason: null },
] as const;
type Mark = (typeof MARKS)[number];

/** One write sent during the burst. */
interface Sent {
  client: number;
  kind: 'opinion' | 'attendance';
  /** The opinion's guest speaker (unique) and text, or the member's mark. */
  guestName?: string;
  summary?: string;
  agendaIndex?: number;
  member?: string;
  mark?: Mark;
  /** Sent after the kill: it never reached a server. */
  afterKill: boolean;
  answer?: Answer;
}

const memberOf = (client: number) => `M${String(client + 1).padStart(2, '0')}`;

interface MeetingShown {
  record: {
    opinions: { id: number; speaker: string; summary: string; agendaIndex: number }[];
    rollCall: { memberCode: string; status: string; reason: string | null }[];
  };
}

/** What must be stored after the restart, and what may be. */
interface Expected {
  /** The acknowledged opinions by the id the server answered. */
  opinions: Map<number, Sent>;
  /** Guest speakers of the opinions in flight at the kill: stored whole, or not at all. */
  maybe: Set<string>;
  /** Per member: how many marks were acknowledged, the last of them, and the one in flight. */
  marks: Map<string, { acknowledged: number; last: Mark | null; inFlight: Mark | null }>;
}

function expectations(done: Sent[], inFlight: Sent[]): Expected {
  const opinions = new Map<number, Sent>();
  const marks: Expected['marks'] = new Map();
  for (let i = 0; i < CLIENTS; i++) marks.set(memberOf(i), { acknowledged: 0, last: null, inFlight: null });
  for (const write of done) {
    if (write.kind === 'opinion') opinions.set((write.answer as { body: { id: number } }).body.id, write);
    const mark = write.member ? marks.get(write.member) : undefined;
    if (mark && write.mark) {
      mark.acknowledged += 1;
      mark.last = write.mark;
    }
  }
  for (const write of inFlight) {
    const mark = write.member ? marks.get(write.member) : undefined;
    if (mark && write.mark) mark.inFlight = write.mark;
  }
  const maybe = new Set(inFlight.flatMap((w) => (w.guestName ? [w.guestName] : [])));
  return { opinions, maybe, marks };
}

/** The restarted server shows every acknowledged opinion and a roll call each mark could have left. */
function checkShown(shown: MeetingShown, expected: Expected) {
  const byId = new Map(shown.record.opinions.map((o) => [o.id, o]));
  for (const [id, write] of expected.opinions) {
    expect(byId.get(id)).toEqual({
      id,
      speaker: write.guestName,
      summary: write.summary,
      agendaIndex: write.agendaIndex,
      memberCode: null,
    });
  }
  for (const [member, mark] of expected.marks) {
    const line = shown.record.rollCall.find((l) => l.memberCode === member);
    // Before any acknowledged mark the member stands as the roll call started: present.
    const possible = [mark.last?.status ?? 'present', ...(mark.inFlight ? [mark.inFlight.status] : [])];
    expect(possible, member).toContain(line?.status);
  }
}

let store: FaultDatabase;
let session: { token: string; csrfToken: string };
const servers = new ServerPool();
const start = () => servers.start(store.env);

beforeAll(async () => {
  store = await createFaultDatabase();
  await store.use(async ({ db }) => {
    const tree = await seedTree(db, {
      orgs: [
        ...commune('GA'),
        { code: 'C', name: 'Chi bộ thôn Thượng Hội', kind: 'cell', category: 'village', parent: 'GA' },
      ],
      members: Array.from({ length: CLIENTS + 2 }, (_, i) => ({
        code: memberOf(i),
        name: `Nguyễn Văn Thành ${i + 1}`,
        org: 'C',
      })),
      accounts: [['bithu', 'cell_secretary', 'C']],
    });
    const secretary = tree.account('bithu');
    session = await createSession(db, secretary.id, 1, new Date());
  });
});

afterAll(async () => {
  await servers.killAll();
  await store?.drop();
});

/**
 * One client: writes one after another until the server stops answering (or MAX_REQUESTS): two opinions
 * by guest speakers, then a mark of its own member, again and again.
 */
async function burst(
  client: HttpClient,
  index: number,
  meetingId: number,
  sent: Sent[],
  killed: () => boolean,
) {
  for (let n = 0; n < MAX_REQUESTS; n++) {
    let write: Sent;
    let answer: Promise<Answer>;
    if (n % 3 === 2) {
      const mark = MARKS[Math.floor(n / 3) % MARKS.length] as Mark;
      write = { client: index, kind: 'attendance', member: memberOf(index), mark, afterKill: killed() };
      answer = client.send('PUT', `/api/meetings/${meetingId}/attendance/${memberOf(index)}`, mark);
    } else {
      const guestName = `Khách ${index}-${n}`;
      const summary = `Đồng chí ${guestName} góp ý lần ${n}: đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.`;
      write = { client: index, kind: 'opinion', guestName, summary, agendaIndex: n % 2, afterKill: killed() };
      answer = client.send('POST', `/api/meetings/${meetingId}/opinions`, {
        guestName,
        summary,
        agendaIndex: n % 2,
      });
    }
    sent.push(write);
    write.answer = await answer;
    if (write.answer.status === null) return;
  }
}

describe('a server killed during a burst of meeting writes', () => {
  it('keeps every acknowledged write after a restart, each whole with its audit row', async () => {
    const first = await start();
    const client = HttpClient.withSession(first.url, session);
    const meeting = await client.ok<{ id: number }>(
      'POST',
      '/api/meetings',
      { orgCode: 'C', kind: 'regular', date: isoDateInVietnam(new Date()), startTime: '07:30' },
      201,
    );
    await client.ok('POST', `/api/meetings/${meeting.id}/start`, {});

    const sent: Sent[] = [];
    let killed = false;
    const answered = () => sent.filter((w) => w.answer?.status !== undefined && w.answer.status !== null);
    const clients = Array.from({ length: CLIENTS }, (_, i) =>
      burst(client, i, meeting.id, sent, () => killed),
    );
    await waitFor(
      `${ACKNOWLEDGED} acknowledged writes from every client`,
      () => {
        const done = answered();
        const refused = done.find((w) => w.answer?.status !== 200 && w.answer?.status !== 201);
        if (refused) throw new Error(`a write was refused: ${JSON.stringify(refused)}`);
        const everyClient = new Set(done.map((w) => w.client)).size === CLIENTS;
        return done.length >= ACKNOWLEDGED && everyClient ? true : undefined;
      },
      60_000,
    );
    killed = true;
    await first.kill();
    await Promise.all(clients);
    // Every answer was a yes (no 409 between writers, no 500): each is an acknowledged write.
    const done = answered();
    expect(done.filter((w) => w.answer?.status !== (w.kind === 'opinion' ? 201 : 200))).toEqual([]);
    // The kill came mid-burst: requests were on their way, sent before it and never answered.
    const inFlight = sent.filter((w) => !w.afterKill && w.answer?.status === null);
    expect(inFlight.length).toBeGreaterThan(0);
    const expected = expectations(done, inFlight);
    await store.settle();

    const second = await start();
    const again = client.at(second.url);
    const shown = await again.ok<MeetingShown>('GET', `/api/meetings/${meeting.id}`);
    checkShown(shown, expected);
    // The meeting goes on after the restart.
    await again.ok(
      'POST',
      `/api/meetings/${meeting.id}/opinions`,
      { guestName: 'Khách sau khởi động lại', summary: 'Ghi tiếp sau sự cố.', agendaIndex: 0 },
      201,
    );
    await second.stop();

    await store.use(async (database) => {
      const opinions = await database.raw.query<{
        id: number;
        guest_name: string;
        summary: string;
        agenda_index: number;
      }>('SELECT id::int, guest_name, summary, agenda_index FROM opinions WHERE meeting_id = $1', [
        meeting.id,
      ]);
      const byId = new Map(opinions.map((o) => [o.id, o]));
      for (const [id, write] of expected.opinions) {
        expect(byId.get(id)).toEqual({
          id,
          guest_name: write.guestName,
          summary: write.summary,
          agenda_index: write.agendaIndex,
        });
      }
      // Nothing else but what was in flight at the kill, and the one written after the restart.
      const allowed = new Set([...expected.maybe, 'Khách sau khởi động lại']);
      const known = new Set([...expected.opinions.values()].map((w) => w.guestName));
      expect(opinions.filter((o) => !known.has(o.guest_name) && !allowed.has(o.guest_name))).toEqual([]);

      // Every meeting event has its audit row, and the other way round (the same transaction writes both).
      const events = await database.raw.query<{ key: string; n: number }>(
        `SELECT kind || ' ' || data::text AS key, count(*)::int AS n FROM meeting_events
         WHERE meeting_id = $1 GROUP BY 1 ORDER BY 1`,
        [meeting.id],
      );
      const audits = await database.raw.query<{ key: string; n: number }>(
        `SELECT substr(action, 9) || ' ' || detail::text AS key, count(*)::int AS n FROM audit_events
         WHERE entity_type = 'meeting' AND entity_id = $1 GROUP BY 1 ORDER BY 1`,
        [String(meeting.id)],
      );
      expect(audits).toEqual(events);
      // Every opinion has its event, and no event tells of an opinion that is not there.
      const told = await database.raw.query<{ member: string }>(
        `SELECT data->>'member' AS member FROM meeting_events WHERE meeting_id = $1 AND kind = 'opinion_added'`,
        [meeting.id],
      );
      expect(told.map((e) => e.member).sort()).toEqual(opinions.map((o) => o.guest_name).sort());

      // Each member's marks: all acknowledged ones recorded, the last one (or the one in flight) standing.
      const marks = await database.raw.query<{ member: string; n: number }>(
        `SELECT data->>'member' AS member, count(*)::int AS n FROM meeting_events
         WHERE meeting_id = $1 AND kind = 'attendance' GROUP BY 1`,
        [meeting.id],
      );
      const roll = await database.raw.query<{ member: string; status: string; reason: string | null }>(
        `SELECT m.member_code AS member, a.status, a.reason FROM attendance a JOIN members m ON m.id = a.member_id
         WHERE a.meeting_id = $1`,
        [meeting.id],
      );
      for (const [member, mark] of expected.marks) {
        const count = marks.find((m) => m.member === member)?.n ?? 0;
        const counts = [mark.acknowledged, ...(mark.inFlight ? [mark.acknowledged + 1] : [])];
        expect(counts, member).toContain(count);
        const line = roll.find((l) => l.member === member);
        const standing = count === mark.acknowledged ? mark.last : mark.inFlight;
        expect({ status: line?.status, reason: line?.reason }).toEqual({
          status: standing?.status ?? 'present',
          reason: standing?.reason ?? null,
        });
      }
    });
  }, 180_000);
});
