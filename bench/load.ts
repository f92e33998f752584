/**
 * Load figures (issue 12): requests per second and p50/p99 latency of the pages people open most, at
 * BENCH_LOAD_CONNECTIONS (10) connections for BENCH_LOAD_SECONDS (10) each after a BENCH_LOAD_WARMUP_SECONDS
 * (2) warm-up, against `nennep start` on the seeded demo, on PGlite and on PostgreSQL:
 * - memberList: the member list of the commune committee, first page as the web asks it, as `tanhoi`;
 * - committeeOverview: the committee's month of its cells' meetings (the web's overview page), as `tanhoi`;
 * - committeeHome: the home page of the commune committee member (`GET /api/home`), as `tanhoi`;
 * - meetingPage: the detail of the cell's last adopted meeting (the web's meeting page), as `secretary`;
 * - opinionPost: an opinion, each with its own text, posted to the cell's next open meeting, as `secretary`
 *   (every post locks that meeting's row, so the posts of all connections queue on one row, as a meeting
 *   run from several phones does).
 * Any error, timeout or non-2xx answer fails the part, and load.json is not written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isoDateInVietnam } from '@nennep/core';
import { DEMO_COMMUNE_CODE, DEMO_SECRETARY_CELL_CODE } from '../packages/server/src/seed/demo-data.ts';
import { DEMO_PASSWORD } from '../packages/server/src/seed/seed-demo.ts';
import { type EndpointFigures, fire, type Shot, type ShotResult } from './load-cannon.ts';
import {
  getJson,
  type LoadTarget,
  logErrors,
  login,
  type Session,
  seedTarget,
  startServer,
} from './load-server.ts';
import { withBenchDatabase } from './pg.ts';

const RESULTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 10);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const WARM_UP_SECONDS = Number(process.env.BENCH_LOAD_WARMUP_SECONDS ?? 2);
const PAGE_SIZE = 50;

const ENDPOINT_NAMES = [
  'memberList',
  'committeeOverview',
  'committeeHome',
  'meetingPage',
  'opinionPost',
] as const;
type EndpointName = (typeof ENDPOINT_NAMES)[number];

export type EndpointRow = EndpointFigures & { statusCodes: Record<string, number> };

export type DatabaseLoadFigures = {
  seedSeconds: number;
  serverPeakRssMb: number | null;
} & Record<EndpointName, EndpointRow>;

export interface LoadFigures {
  connections: number;
  durationSeconds: number;
  warmUpSeconds: number;
  endpoints: Record<EndpointName, string>;
  pglite: DatabaseLoadFigures | null;
  postgres: DatabaseLoadFigures | null;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    platform: string;
    /** The machine's 1-minute load average as the part started and as it ended (other work shares it). */
    loadAverage: { start: number; end: number };
  };
  totalSeconds: number;
  note: string;
}

interface MeetingSummary {
  id: number;
  status: string;
  date: string;
}

interface MeetingDetail {
  id: number;
  status: string;
  agenda: unknown[];
  record: { rollCall: { memberCode: string }[] } | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function shiftDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The cell's last adopted meeting (the meeting page) and its next open one (where opinions are posted). */
export async function findMeetings(origin: string, secretary: Session, today: string) {
  const from = shiftDays(today, -400);
  const to = shiftDays(today, 90);
  const list = await getJson<{ items: MeetingSummary[] }>(
    origin,
    secretary,
    `/api/meetings?org=${encodeURIComponent(DEMO_SECRETARY_CELL_CODE)}&from=${from}&to=${to}`,
  );
  const adopted = list.items
    .filter((m) => m.status === 'adopted')
    .sort((a, b) => b.date.localeCompare(a.date));
  const open = list.items
    .filter((m) => m.status !== 'adopted' && m.status !== 'cancelled')
    .sort((a, b) => Number(b.date >= today) - Number(a.date >= today) || a.date.localeCompare(b.date));
  const page = adopted[0];
  if (!page) throw new Error(`${DEMO_SECRETARY_CELL_CODE}: no adopted meeting in the demo`);
  for (const candidate of open) {
    const detail = await getJson<MeetingDetail>(origin, secretary, `/api/meetings/${candidate.id}`);
    const codes = detail.record?.rollCall.map((l) => l.memberCode) ?? [];
    if (detail.agenda.length > 0 && codes.length > 0)
      return { pageId: page.id, openId: detail.id, agendaItems: detail.agenda.length, codes };
  }
  throw new Error(`${DEMO_SECRETARY_CELL_CODE}: no open meeting with an agenda and a roll call`);
}

/** An opinion posted to the open meeting by the cell's secretary (with the CSRF token); the body is the caller's. */
export const opinionPost = (secretary: Session, openId: number) => ({
  method: 'POST' as const,
  path: `/api/meetings/${openId}/opinions`,
  headers: {
    ...secretary.headers,
    'content-type': 'application/json',
    'x-csrf-token': secretary.csrfToken,
  },
});

function shots(
  tanhoi: Session,
  secretary: Session,
  meetings: Awaited<ReturnType<typeof findMeetings>>,
  today: string,
) {
  const commune = encodeURIComponent(DEMO_COMMUNE_CODE);
  let posted = 0;
  const opinion = (): string => {
    posted += 1;
    return JSON.stringify({
      memberCode: meetings.codes[posted % meetings.codes.length],
      agendaIndex: posted % meetings.agendaItems,
      summary: `Ý kiến thử tải số ${posted}: đề nghị chi bộ phân công rõ người, rõ việc, rõ thời hạn hoàn thành.`,
    });
  };
  const get = (session: Session, url: string): Shot => ({
    method: 'GET',
    path: url,
    headers: session.headers,
  });
  return {
    memberList: get(tanhoi, `/api/members?org=${commune}&page=1&pageSize=${PAGE_SIZE}`),
    committeeOverview: get(tanhoi, `/api/meetings-overview?org=${commune}&month=${today.slice(0, 7)}`),
    committeeHome: get(tanhoi, '/api/home'),
    meetingPage: get(secretary, `/api/meetings/${meetings.pageId}`),
    opinionPost: { ...opinionPost(secretary, meetings.openId), body: opinion },
  } satisfies Record<EndpointName, Shot>;
}

const describe = (shot: Shot, who: string) => `${shot.method} ${shot.path} as ${who}`;
let described: Record<EndpointName, string> | null = null;

/** Seeds the target, starts the server, loads each endpoint in turn; throws on any failed request. */
async function loadOn(
  target: LoadTarget,
  logFile: string,
  log: (text: string) => void,
): Promise<DatabaseLoadFigures> {
  log(`  seeding the demo (nennep seed-demo)…`);
  const seedSeconds = await seedTarget(target, logFile);
  log(`  seeded in ${seedSeconds} s; starting nennep…`);
  const server = await startServer(target, logFile);
  const figures: Partial<Record<EndpointName, ShotResult>> = {};
  let peak: number | null = null;
  try {
    const today = isoDateInVietnam(new Date());
    const tanhoi = await login(server.origin, 'tanhoi', DEMO_PASSWORD);
    const secretary = await login(server.origin, 'secretary', DEMO_PASSWORD);
    const meetings = await findMeetings(server.origin, secretary, today);
    const plan = shots(tanhoi, secretary, meetings, today);
    described ??= {
      memberList: describe(plan.memberList, 'tanhoi'),
      committeeOverview: describe(plan.committeeOverview, 'tanhoi'),
      committeeHome: describe(plan.committeeHome, 'tanhoi'),
      meetingPage: `${describe(plan.meetingPage, 'secretary')} (the cell's last adopted meeting)`,
      opinionPost: `${describe(plan.opinionPost, 'secretary')} (the cell's next open meeting; a new text each)`,
    };
    for (const name of ENDPOINT_NAMES) {
      const result = await fire(server.origin, plan[name], {
        connections: CONNECTIONS,
        seconds: SECONDS,
        warmUpSeconds: WARM_UP_SECONDS,
      }).catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`load (${target.driver}) ${name}: ${message}\nserver log:\n${logErrors(logFile)}`);
      });
      figures[name] = result;
      log(
        `  ${name}: ${result.requestsPerSecond} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ` +
          `${result.requests} requests, ${result.errors} errors, ${result.non2xx} non-2xx`,
      );
    }
    peak = server.peakRssMb();
  } finally {
    await server.stop();
  }
  const failed = ENDPOINT_NAMES.filter((n) => (figures[n]?.errors ?? 1) > 0 || (figures[n]?.non2xx ?? 1) > 0);
  if (failed.length > 0) {
    const detail = failed
      .map(
        (n) =>
          `${n}: ${JSON.stringify({ ...figures[n], failures: undefined })}\n${figures[n]?.failures.join('\n')}`,
      )
      .join('\n');
    throw new Error(
      `load (${target.driver}): failed requests\n${detail}\nserver log:\n${logErrors(logFile)}`,
    );
  }
  const rows = Object.fromEntries(
    ENDPOINT_NAMES.map((n) => {
      const { failures: _failures, ...row } = figures[n] as ShotResult;
      return [n, row];
    }),
  ) as Record<EndpointName, EndpointRow>;
  return { seedSeconds, serverPeakRssMb: peak, ...rows };
}

/** The whole part: PGlite, then PostgreSQL (unless BENCH_SKIP_POSTGRES=1); writes bench/results/load.json. */
export async function benchLoad(work: string, log: (text: string) => void): Promise<LoadFigures> {
  const started = performance.now();
  const loadAtStart = os.loadavg()[0] ?? 0;
  mkdirSync(work, { recursive: true });
  log(`Load: ${CONNECTIONS} connections, ${SECONDS} s per endpoint (after ${WARM_UP_SECONDS} s of warm-up)`);
  log('Load on PGlite:');
  const pglite = await loadOn(
    { driver: 'pglite', dir: path.join(work, 'load-pglite') },
    path.join(work, 'load-pglite.log'),
    log,
  );
  let postgres: DatabaseLoadFigures | null = null;
  if (process.env.BENCH_SKIP_POSTGRES !== '1') {
    log('Load on PostgreSQL:');
    postgres = await withBenchDatabase('nennep_load', (url) =>
      loadOn({ driver: 'postgres', url }, path.join(work, 'load-pg.log'), log),
    );
  }
  const cpus = os.cpus();
  const figures: LoadFigures = {
    connections: CONNECTIONS,
    durationSeconds: SECONDS,
    warmUpSeconds: WARM_UP_SECONDS,
    endpoints:
      described ?? (Object.fromEntries(ENDPOINT_NAMES.map((n) => [n, n])) as Record<EndpointName, string>),
    pglite,
    postgres,
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      memoryGb: Math.round(os.totalmem() / 1024 ** 3),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      loadAverage: { start: round2(loadAtStart), end: round2(os.loadavg()[0] ?? 0) },
    },
    totalSeconds: Math.round((performance.now() - started) / 1000),
    note:
      '`nennep start` as a child process (logger on) on the seeded demo; autocannon in the bench process on the ' +
      'same machine; p50/p99 of 2xx answers; requestsPerSecond = answered requests / duration' +
      (postgres ? '' : '; PostgreSQL skipped (BENCH_SKIP_POSTGRES=1)'),
  };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(path.join(RESULTS, 'load.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`bench/results/load.json\n${JSON.stringify(figures, null, 2)}`);
  return figures;
}
