/**
 * Past one machine (issue 14 item 5): a read-heavy mix through nginx to 1, then 2, `nennep start` processes
 * over a PostgreSQL primary and its streaming replica (scripts/cluster.sh), on the seeded demo. Writes
 * bench/results/cluster.json `{ rps1, rps2, ratio, p99Ms, failed, … }` with the machine's load at the time.
 * Then, with 2 processes, the read-your-writes check through the cluster: each of BENCH_CLUSTER_WRITES member
 * creations is followed at once by the member list (which reads from the replica when it has caught up) with
 * the cookies the write's answer set, and must show the new member; any miss fails the part.
 *
 * The mix, per connection in turn (10 requests): 3 member-list pages, 2 committee overviews, 2 recommendation
 * dashboards, the committee's home page (as `tanhoi`); the last adopted meeting's page and an opinion posted to
 * the next open meeting (as `secretary`): 9 reads, 1 write. BENCH_CLUSTER_CONNECTIONS (20) for
 * BENCH_CLUSTER_SECONDS (15) after BENCH_CLUSTER_WARMUP_SECONDS (10) of warm-up, so that a process just started
 * is warm too. The bench process (autocannon) shares the machine's cores with nginx, the servers and PostgreSQL:
 * on two cores a second process can only take what the first leaves idle.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isoDateInVietnam } from '@nennep/core';
import autocannon from 'autocannon';
import { DEMO_COMMUNE_CODE, DEMO_SECRETARY_CELL_CODE } from '../packages/server/src/seed/demo-data.ts';
import { DEMO_PASSWORD } from '../packages/server/src/seed/seed-demo.ts';
import { findMeetings, opinionPost } from './load.ts';
import { login, type Session } from './load-server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(ROOT, 'bench/results');
const CLUSTER = path.join(ROOT, 'scripts/cluster.sh');
const CONNECTIONS = Number(process.env.BENCH_CLUSTER_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_CLUSTER_SECONDS ?? 15);
const WARM_UP_SECONDS = Number(process.env.BENCH_CLUSTER_WARMUP_SECONDS ?? 10);
const WRITES = Number(process.env.BENCH_CLUSTER_WRITES ?? 20);
const ORIGIN = `http://127.0.0.1:${process.env.NENNEP_CLUSTER_PORT ?? 3100}`;

interface MixFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  failed: number;
}

function cluster(...args: string[]) {
  // Its progress goes to standard error, beside the bench's own.
  execFileSync('bash', [CLUSTER, ...args], { stdio: ['ignore', 2, 2] });
}

async function mix(tanhoi: Session, secretary: Session) {
  const today = isoDateInVietnam(new Date());
  const meetings = await findMeetings(ORIGIN, secretary, today);
  const commune = encodeURIComponent(DEMO_COMMUNE_CODE);
  const year = today.slice(0, 4);
  const get = (session: Session, url: string): autocannon.Request => ({
    method: 'GET',
    path: url,
    headers: session.headers,
  });
  let posted = 0;
  const requests: autocannon.Request[] = [
    ...[1, 2, 3].map((page) => get(tanhoi, `/api/members?org=${commune}&page=${page}&pageSize=50`)),
    get(tanhoi, `/api/meetings-overview?org=${commune}&month=${today.slice(0, 7)}`),
    get(tanhoi, `/api/recommendations-dashboard?org=${commune}&from=${year}-01-01&to=${today}`),
    get(tanhoi, '/api/home'),
    get(tanhoi, `/api/meetings-overview?org=${commune}`),
    get(secretary, `/api/meetings/${meetings.pageId}`),
    get(tanhoi, `/api/recommendations-dashboard?org=${commune}&from=${Number(year) - 1}-01-01&to=${today}`),
    {
      ...opinionPost(secretary, meetings.openId),
      setupRequest: (request) => {
        posted += 1;
        return {
          ...request,
          body: JSON.stringify({
            memberCode: meetings.codes[posted % meetings.codes.length],
            agendaIndex: posted % meetings.agendaItems,
            summary: `Ý kiến thử tải cụm máy số ${posted}: đề nghị phân công rõ người, rõ việc.`,
          }),
        };
      },
    },
  ];
  return requests;
}

function fire(requests: autocannon.Request[], seconds: number): Promise<MixFigures & { failures: string[] }> {
  const failures: string[] = [];
  const tracked = requests.map((r) => ({
    ...r,
    onResponse: (status: number, body: string) => {
      if ((status < 200 || status >= 300) && failures.length < 5)
        failures.push(`${status} ${body.slice(0, 200)}`);
    },
  }));
  return new Promise((resolve, reject) => {
    autocannon(
      { url: ORIGIN, connections: CONNECTIONS, duration: seconds, timeout: 10, requests: tracked },
      (error: unknown, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        resolve({
          requestsPerSecond: Math.round((result.requests.total / result.duration) * 10) / 10,
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          requests: result.requests.total,
          failed: result.errors + result.non2xx,
          failures,
        });
      },
    );
  });
}

/** Cookies of an answer folded into a session's cookie header (the write's `nennep_lsn` among them). */
function withCookies(header: string, response: Response): string {
  const jar = new Map(header.split('; ').map((c) => [c.split('=')[0] ?? '', c] as const));
  for (const cookie of response.headers.getSetCookie()) {
    const pair = cookie.split(';')[0] ?? '';
    jar.set(pair.split('=')[0] ?? '', pair);
  }
  return [...jar.values()].join('; ');
}

/** Each write followed at once by a read through nginx: the read must show the write. */
async function readYourWrites(log: (text: string) => void) {
  const admin = await login(ORIGIN, 'admin', DEMO_PASSWORD);
  let cookie = admin.headers.cookie ?? '';
  const cell = encodeURIComponent(DEMO_SECRETARY_CELL_CODE);
  const run = Date.now().toString(36).toUpperCase();
  let seen = 0;
  for (let i = 0; i < WRITES; i++) {
    const code = `RYW${run}${i}`;
    const write = await fetch(`${ORIGIN}/api/members`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': admin.csrfToken },
      body: JSON.stringify({
        memberCode: code,
        fullName: `Phạm Thị Kiểm ${i}`,
        sex: 'female',
        orgCode: DEMO_SECRETARY_CELL_CODE,
        status: 'probationary',
        admissionDate: isoDateInVietnam(new Date()),
      }),
    });
    if (write.status !== 201) throw new Error(`POST /api/members: ${write.status} ${await write.text()}`);
    cookie = withCookies(cookie, write);
    const read = await fetch(`${ORIGIN}/api/members?org=${cell}&pageSize=200&includeInactive=true`, {
      headers: { cookie },
    });
    const list = (await read.json()) as { items: { memberCode: string }[] };
    if (list.items.some((m) => m.memberCode === code)) seen += 1;
    else log(`  read-your-writes: ${code} missing from the list read right after its creation`);
  }
  return { writes: WRITES, seen };
}

export interface ClusterFigures {
  rps1: number;
  rps2: number;
  ratio: number;
  p99Ms: number;
  failed: number;
  one: MixFigures;
  two: MixFigures;
  readYourWrites: { writes: number; seen: number };
  connections: number;
  durationSeconds: number;
  mix: string;
  machine: { cpus: number; uptimeBefore: string; uptimeAfter: string };
  note: string;
}

const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();

async function measure(processes: number, log: (text: string) => void): Promise<MixFigures> {
  cluster('start', '--processes', String(processes));
  const tanhoi = await login(ORIGIN, 'tanhoi', DEMO_PASSWORD);
  const secretary = await login(ORIGIN, 'secretary', DEMO_PASSWORD);
  const requests = await mix(tanhoi, secretary);
  const warm = await fire(requests, WARM_UP_SECONDS);
  if (warm.failed > 0) throw new Error(`cluster (${processes}) warm-up: ${warm.failures.join('\n')}`);
  const { failures, ...figures } = await fire(requests, SECONDS);
  log(
    `  ${processes} process(es): ${figures.requestsPerSecond} req/s, p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, ` +
      `${figures.failed} failed${failures.length ? `\n${failures.join('\n')}` : ''}`,
  );
  return figures;
}

/** The whole part; the cluster is stopped at the end whatever happens (its data folder stays for next time). */
export async function benchCluster(log: (text: string) => void): Promise<ClusterFigures> {
  const uptimeBefore = uptime();
  log(
    `Cluster: nginx → N × nennep, primary + replica; ${CONNECTIONS} connections, ${SECONDS} s (${uptimeBefore})`,
  );
  try {
    const one = await measure(1, log);
    const two = await measure(2, log);
    const rw = await readYourWrites(log);
    log(`  read-your-writes through nginx: ${rw.seen}/${rw.writes}`);
    const figures: ClusterFigures = {
      rps1: one.requestsPerSecond,
      rps2: two.requestsPerSecond,
      ratio: Math.round((two.requestsPerSecond / one.requestsPerSecond) * 100) / 100,
      p99Ms: two.p99Ms,
      failed: one.failed + two.failed,
      one,
      two,
      readYourWrites: rw,
      connections: CONNECTIONS,
      durationSeconds: SECONDS,
      mix: '9 reads (3 member-list pages, 2 overviews, 2 recommendation dashboards, home, meeting page) : 1 opinion post',
      machine: { cpus: os.cpus().length, uptimeBefore, uptimeAfter: uptime() },
      note:
        'scripts/cluster.sh on one machine: nginx (least_conn, keepalive), nennep start ×N with DATABASE_READ_URL, ' +
        'PostgreSQL primary + streaming replica, autocannon in the bench process — all on the same cores',
    };
    if (figures.failed > 0 || rw.seen !== rw.writes) {
      throw new Error(`cluster: ${figures.failed} failed requests, read-your-writes ${rw.seen}/${rw.writes}`);
    }
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(path.join(RESULTS, 'cluster.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`bench/results/cluster.json\n${JSON.stringify(figures, null, 2)}`);
    return figures;
  } finally {
    cluster('stop');
  }
}
