/**
 * A server process killed with SIGKILL in the middle of an import's commit (issue 12, fault tests): after
 * a restart on the same database the job is 'failed' (interrupted), not one of its rows is stored, and
 * committing it again writes every row exactly once. On PGlite the restart also takes over the data
 * folder whose lock the killed process left behind.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { createSession } from '../http/session.ts';
import { membersOf, seedTree } from '../test/tree.ts';
import { type Answer, HttpClient, ServerPool, waitFor } from './child.ts';
import { createFaultDatabase, type FaultDatabase } from './database.ts';

/** Rows in the file: enough that its commit takes seconds on either database. */
const ROWS = 20_000;
const CELLS = ['CB1', 'CB2', 'CB3', 'CB4'];
const HEADER =
  'Mã đảng viên,Họ và tên,Giới tính,Ngày sinh,Mã chi bộ,Trạng thái,Ngày vào Đảng,Ngày chính thức,Chức vụ';
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const GIVEN = ['An', 'Bình', 'Cúc', 'Dũng', 'Giang', 'Hải', 'Lan', 'Minh', 'Nga', 'Phúc', 'Quý'];
const code = (i: number) => `NK${String(i).padStart(6, '0')}`;

function membersCsv(): string {
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    const female = i % 2 === 1;
    const name = `${FAMILY[i % FAMILY.length]} ${female ? 'Thị' : 'Văn'} ${GIVEN[i % GIVEN.length]}`;
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(
      [
        code(i),
        name,
        female ? 'Nữ' : 'Nam',
        `${day}/03/${1960 + (i % 30)}`,
        CELLS[i % CELLS.length],
        'Chính thức',
        `${day}/05/2010`,
        `${day}/05/2011`,
        '',
      ].join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * Row counts and checksums of every table an import writes (import_jobs and sessions aside), less what this
 * test's import adds: its members (codes NK…), their events and the import's one audit row. Before the
 * import it is the whole of those tables; after it, the same again if nothing else was written.
 */
async function untouched(database: Database) {
  const imported = `SELECT id FROM members WHERE member_code LIKE 'NK%'`;
  const parts: Record<string, string> = {
    orgs: 'orgs t',
    org_events: 'org_events t',
    member_periods: 'member_periods t',
    members: `members t WHERE t.id NOT IN (${imported})`,
    member_events: `member_events t WHERE t.member_id NOT IN (${imported})`,
    audit_events: `audit_events t WHERE t.action <> 'import.members'`,
  };
  const result: Record<string, unknown> = {};
  for (const [name, from] of Object.entries(parts)) {
    const [row] = await database.raw.query<{ n: number; sum: string }>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM ${from}`,
    );
    result[name] = row;
  }
  return result;
}

const INTERRUPTED =
  'Lần ghi trước bị gián đoạn (máy chủ đã dừng giữa chừng); chưa có gì được ghi. Hãy ghi lại.';

let store: FaultDatabase;
let session: { token: string; csrfToken: string };
let before: Record<string, unknown>;
const servers = new ServerPool();
const start = () => servers.start(store.env);

beforeAll(async () => {
  store = await createFaultDatabase();
  await store.use(async (database) => {
    const { db } = database;
    const tree = await seedTree(db, {
      orgs: [
        { code: 'ROOT', kind: 'committee' },
        { code: 'XA', kind: 'grassroots_committee', parent: 'ROOT' },
        ...CELLS.map((code) => ({ code, kind: 'cell' as const, category: 'village' as const, parent: 'XA' })),
      ],
      members: membersOf('CB1', 'CU', ['Trần Văn Cũ 1', 'Trần Văn Cũ 2', 'Trần Văn Cũ 3']),
      accounts: [['admin', 'admin', 'ROOT']],
    });
    const admin = tree.account('admin');
    session = await createSession(db, admin.id, 1, new Date());
    before = await untouched(database);
  });
});

afterAll(async () => {
  await servers.killAll();
  await store?.drop();
});

const JOB_LOG = /^\/api\/imports\/[0-9a-f-]+\/commit$/;

/**
 * How long a read of the job must wait, on PGlite, to tell that the commit's transaction holds the one
 * connection: before the transaction the commit runs three small statements (the session, the job, its
 * claim as 'committing'), while the transaction of a file this size takes seconds.
 */
const HELD_MS = 1000;

/**
 * Waits until the commit is inside its transaction, the job claimed: on PostgreSQL until the job reads
 * 'committing' with rows counted (the progress is written from another connection, the rows by the
 * transaction); on PGlite until a read of the job waits behind the transaction (HELD_MS). Fails if the
 * commit answers first. After the restart the job must read 'failed' (interrupted), which it can only
 * if it was 'committing' when the process died: the test never passes by killing too early or too late.
 */
async function untilMidCommit(
  client: HttpClient,
  jobId: string,
  answered: () => Answer | null,
  pglite: boolean,
) {
  return waitFor(
    'the commit to be writing rows',
    async () => {
      const early = answered();
      if (early)
        throw new Error(`the commit answered before the kill (${early.status}): make the file bigger`);
      const read = client.send('GET', `/api/imports/${jobId}`);
      const held = new Promise<'held'>((resolve) => setTimeout(() => resolve('held'), HELD_MS).unref());
      const first = await Promise.race([read, held]);
      if (first === 'held') return pglite ? 'the job read waits behind the commit transaction' : undefined;
      if (first.status === null) throw new Error(`the server stopped answering: ${first.error}`);
      const job = first.body as { status?: string; processed?: number };
      return job.status === 'committing' && (job.processed ?? 0) > 0
        ? `${job.processed} rows written`
        : undefined;
    },
    60_000,
  );
}

describe('a server killed during an import commit', () => {
  it('restarts with the job failed and nothing of it written; committing again writes every row once', async () => {
    const first = await start();
    const client = HttpClient.withSession(first.url, session);
    const form = new FormData();
    form.append('file', new Blob([membersCsv()]), 'dang-vien.csv');
    const preview = await client.ok<{ jobId: string; valid: boolean; total: number }>(
      'POST',
      '/api/imports/members',
      form,
    );
    expect(preview).toMatchObject({ valid: true, total: ROWS });
    const { jobId } = preview;

    let answer: Answer | null = null;
    const commit = client.send('POST', `/api/imports/${jobId}/commit`).then((a) => {
      answer = a;
      return a;
    });
    await first.waitForLog(
      'the commit request',
      (l) => l.msg === 'incoming request' && JOB_LOG.test(l.req?.url ?? ''),
    );
    await untilMidCommit(client, jobId, () => answer, store.driver === 'pglite');
    await first.kill();
    // The commit never answered: the connection died with the process.
    expect((await commit).status).toBeNull();
    if (store.dataDir) {
      // The killed process left its lock behind: the next start takes the folder over (db/lock.ts).
      const lock = JSON.parse(readFileSync(path.join(store.dataDir, 'nennep.lock'), 'utf8'));
      expect(lock.pid).toBe(first.pid);
    }
    await store.settle();

    const second = await start();
    if (store.dataDir) {
      const lock = JSON.parse(readFileSync(path.join(store.dataDir, 'nennep.lock'), 'utf8'));
      expect(lock).toMatchObject({ pid: second.pid, purpose: 'server' });
    }
    await second.waitForLog('the recovery', (l) =>
      /1 interrupted import\(s\) marked failed/.test(l.msg ?? ''),
    );
    const restarted = client.at(second.url);
    expect(await restarted.ok('GET', `/api/imports/${jobId}`)).toMatchObject({
      status: 'failed',
      error: INTERRUPTED,
      processed: 0,
    });
    // Not one of the file's members is stored: the three the cell had are all there is.
    expect(await restarted.ok('GET', '/api/orgs/ROOT/stats')).toMatchObject({ members: { total: 3 } });

    expect(await restarted.ok('POST', `/api/imports/${jobId}/commit`)).toEqual({
      created: ROWS,
      updated: 0,
      unchanged: 0,
    });
    expect(await restarted.ok('GET', `/api/imports/${jobId}`)).toMatchObject({
      status: 'committed',
      error: null,
    });
    expect(await restarted.ok('GET', '/api/orgs/ROOT/stats')).toMatchObject({ members: { total: 3 + ROWS } });
    await second.stop();

    // Everything else as it was, and the file's rows each once, with one event each and one audit row.
    await store.use(async (database) => {
      expect(await untouched(database)).toEqual(before);
      const [counts] = await database.raw.query(
        `SELECT (SELECT count(*)::int FROM members WHERE member_code LIKE 'NK%') AS members,
           (SELECT count(DISTINCT member_code)::int FROM members WHERE member_code LIKE 'NK%') AS codes,
           (SELECT count(*)::int FROM member_events e JOIN members m ON m.id = e.member_id
              WHERE m.member_code LIKE 'NK%') AS events,
           (SELECT count(*)::int FROM audit_events WHERE action = 'import.members') AS audits,
           (SELECT count(*)::int FROM audit_events WHERE action = 'import.members' AND entity_id = $1) AS ours,
           (SELECT status FROM import_jobs WHERE id = $1) AS status`,
        [jobId],
      );
      expect(counts).toEqual({
        members: ROWS,
        codes: ROWS,
        events: ROWS,
        audits: 1,
        ours: 1,
        status: 'committed',
      });
    });
  }, 180_000);
});
