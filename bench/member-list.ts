/**
 * Member list benchmark: `GET /api/members?org=ROOT&status=official&page=50&pageSize=50` through
 * `app.inject` as an admin of the root, beside the same two SELECTs (count and page) run directly.
 */
import { isoDateInVietnam } from '@nennep/core';
import { buildApp } from '../packages/server/src/app.ts';
import { type Database, openPglite, openPostgres } from '../packages/server/src/db/client.ts';
import { hashPassword } from '../packages/server/src/modules/auth/service.ts';
import { DEMO_ROOT_CODE } from '../packages/server/src/seed/demo-data.ts';
import type { Target } from './import.ts';

export interface ListFigures {
  p50Ms: number;
  p95Ms: number;
  rawP50Ms: number;
  rawP95Ms: number;
  ratio: number;
}

const WARM_UP = 10;
const RUNS = Number(process.env.BENCH_LIST_RUNS ?? 60);
const PAGE = 50;
const PAGE_SIZE = 50;
const USERNAME = 'bench-admin';
const PASSWORD = 'bench-password-1234';

const COUNT_SQL = `SELECT count(*)::int AS n FROM members m WHERE (m.org_path LIKE $1) AND m.status = $2`;
const PAGE_SQL = `SELECT m.member_code, m.full_name, m.sex, o.code AS org_code, o.name AS org_name, m.status, m.position,
    m.admission_date::text AS admission_date, m.official_date::text AS official_date,
    (m.exempt_from IS NOT NULL AND m.exempt_from <= $3) AS exempt
  FROM members m JOIN orgs o ON o.id = m.org_id
  WHERE (m.org_path LIKE $1) AND m.status = $2 ORDER BY m.sort_key, m.member_code LIMIT $4 OFFSET $5`;

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return Math.round((sorted[index] ?? 0) * 100) / 100;
}

async function timed(runs: number, work: () => Promise<void>): Promise<number[]> {
  for (let i = 0; i < WARM_UP; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

async function ensureAdmin(database: Database) {
  const [root] = await database.raw.query<{ id: number; path: string }>(
    'SELECT id::int AS id, path FROM orgs WHERE code = $1',
    [DEMO_ROOT_CODE],
  );
  if (!root) throw new Error(`no ${DEMO_ROOT_CODE} organisation: run the import benchmark first`);
  const existing = await database.raw.query('SELECT 1 FROM accounts WHERE username = $1', [USERNAME]);
  if (existing.length === 0) {
    const [account] = await database.raw.query<{ id: number }>(
      'INSERT INTO accounts (username, display_name, password_hash) VALUES ($1, $1, $2) RETURNING id::int AS id',
      [USERNAME, await hashPassword(PASSWORD)],
    );
    await database.raw.query("INSERT INTO grants (account_id, role, org_id) VALUES ($1, 'admin', $2)", [
      account?.id,
      root.id,
    ]);
  }
  return root;
}

export async function benchMemberList(target: Target): Promise<ListFigures & { members: number }> {
  const database =
    target.driver === 'pglite' ? await openPglite(target.dir) : await openPostgres(target.url, 4);
  try {
    const root = await ensureAdmin(database);
    await database.raw.query('ANALYZE');
    const app = await buildApp(
      { database, config: { secureCookies: false, sessionDays: 1 } },
      { webDist: null },
    );
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: USERNAME, password: PASSWORD },
    });
    const cookie = login.cookies.find((c) => c.name === 'nennep_session')?.value;
    const url = `/api/members?org=${DEMO_ROOT_CODE}&status=official&page=${PAGE}&pageSize=${PAGE_SIZE}`;
    let total = -1;
    const api = await timed(RUNS, async () => {
      const response = await app.inject({
        method: 'GET',
        url,
        headers: { cookie: `nennep_session=${cookie}` },
      });
      if (response.statusCode !== 200)
        throw new Error(`member list: ${response.statusCode} ${response.body}`);
      total = (response.json() as { total: number }).total;
    });
    const today = isoDateInVietnam(new Date());
    const scope = `${root.path}%`;
    let rawTotal = -1;
    const raw = await timed(RUNS, async () => {
      const [count] = await database.raw.query<{ n: number }>(COUNT_SQL, [scope, 'official']);
      await database.raw.query(PAGE_SQL, [scope, 'official', today, PAGE_SIZE, (PAGE - 1) * PAGE_SIZE]);
      rawTotal = count?.n ?? -1;
    });
    if (total !== rawTotal) throw new Error(`API total ${total} differs from raw count ${rawTotal}`);
    const [members] = await database.raw.query<{ n: number }>('SELECT count(*)::int AS n FROM members');
    await app.close();
    const p50Ms = percentile(api, 0.5);
    const rawP50Ms = percentile(raw, 0.5);
    return {
      members: members?.n ?? 0,
      p50Ms,
      p95Ms: percentile(api, 0.95),
      rawP50Ms,
      rawP95Ms: percentile(raw, 0.95),
      ratio: Math.round((p50Ms / rawP50Ms) * 100) / 100,
    };
  } finally {
    await database.close();
  }
}
