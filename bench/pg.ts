/**
 * A throwaway PostgreSQL for benchmarks: `BENCH_DATABASE_URL` when set, otherwise a new cluster in a
 * temporary folder on a free loopback port (initdb + pg_ctl from PATH or /usr/lib/postgresql/N/bin;
 * as root they run as the `postgres` user). `stop()` shuts it down and removes the folder.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../packages/server/src/test/free-port.ts';

export interface BenchPostgres {
  url: string;
  stop(): Promise<void>;
}

function findBinary(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const candidate = path.join(root, version, 'bin', name);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

export async function startPostgres(): Promise<BenchPostgres> {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) return { url: given, stop: async () => undefined };
  const initdb = findBinary('initdb');
  const pgCtl = findBinary('pg_ctl');
  if (!initdb || !pgCtl) {
    throw new Error(
      'PostgreSQL is not installed (no initdb): apt-get install -y postgresql, or set BENCH_DATABASE_URL',
    );
  }
  const asRoot = userInfo().uid === 0;
  const base = mkdtempSync(path.join(tmpdir(), 'nennep-bench-pg-'));
  const dataDir = path.join(base, 'data');
  const log = path.join(base, 'postgres.log');
  let uid = -1;
  let gid = -1;
  if (asRoot) {
    uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(base, uid, gid);
  }
  const run = (binary: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', binary, ...args], { stdio: 'pipe' })
      : execFileSync(binary, args, { stdio: 'pipe' });
  run(initdb, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  run(pgCtl, [
    '-D',
    dataDir,
    '-l',
    log,
    '-o',
    `-p ${port} -k ${base} -c listen_addresses=127.0.0.1`,
    '-w',
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      try {
        run(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(base, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Runs `work` on a new database of a throwaway PostgreSQL (`startPostgres`), then drops the database and
 * stops the server, whatever `work` does.
 */
export async function withBenchDatabase<T>(prefix: string, work: (url: string) => Promise<T>): Promise<T> {
  const server = await startPostgres();
  const name = `${prefix}_${process.pid}`;
  const admin = new pg.Client({ connectionString: server.url });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(server.url);
    url.pathname = `/${name}`;
    const result = await work(url.toString());
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    return result;
  } finally {
    await admin.end().catch(() => undefined);
    await server.stop();
  }
}
