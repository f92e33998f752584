/**
 * A streaming replica of the tests' PostgreSQL (TEST_DATABASE_URL) for the read-your-writes tests: the one
 * `.ci/run` started beside it (TEST_DATABASE_READ_URL), or else one started here with `scripts/pg.sh replica`
 * (pg_basebackup -R) when the primary is on loopback and PostgreSQL's programs are installed. Without either
 * the test fails naming what is missing: it is never skipped.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort } from './free-port.ts';

const PG_SH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../scripts/pg.sh');

export interface TestReplica {
  /** The replica's URL for the server's `postgres` database (its path is replaced per test database). */
  url: string;
  stop(): Promise<void>;
}

/** TEST_DATABASE_READ_URL, or a replica of TEST_DATABASE_URL started for this file. */
export async function testReplica(primaryUrl: string): Promise<TestReplica> {
  const given = process.env.TEST_DATABASE_READ_URL;
  if (given) return { url: given, stop: async () => undefined };
  const primary = new URL(primaryUrl);
  if (primary.hostname !== '127.0.0.1' && primary.hostname !== 'localhost') {
    throw new Error(
      `TEST_DATABASE_READ_URL is not set and the primary (${primary.hostname}) is not on loopback: ` +
        'start a streaming replica of it and name it in TEST_DATABASE_READ_URL (.ci/run does).',
    );
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'nennep-test-replica-'));
  const port = await freePort();
  try {
    const url = execFileSync('bash', [PG_SH, 'replica', dir, String(port), primary.port || '5432'], {
      encoding: 'utf8',
    }).trim();
    return {
      url,
      stop: async () => {
        execFileSync('bash', [PG_SH, 'stop', dir]);
        rmSync(dir, { recursive: true, force: true });
        // The slot pg_basebackup made would keep WAL on the primary for ever.
        const admin = new pg.Client({ connectionString: primaryUrl });
        await admin.connect();
        await admin
          .query('SELECT pg_drop_replication_slot($1)', [`replica_${port}`])
          .finally(() => admin.end());
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `could not start a replica of ${primary.host} with scripts/pg.sh (PostgreSQL's programs installed, ` +
        `replication allowed from 127.0.0.1?): ${(error as Error).message}`,
    );
  }
}

/** The same database name on the replica. */
export function onReplica(replicaUrl: string, database: string): string {
  const url = new URL(replicaUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Waits until the replica has replayed everything the primary has written so far (CREATE DATABASE …). */
export async function caughtUp(primary: pg.Pool | pg.Client, replicaUrl: string, timeoutMs = 30_000) {
  const { rows } = await primary.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn');
  const target = rows[0]?.lsn;
  const client = new pg.Client({ connectionString: replicaUrl });
  await client.connect();
  try {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const replay = await client.query<{ ok: boolean }>(
        'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok',
        [target],
      );
      if (replay.rows[0]?.ok) return;
      if (performance.now() > deadline) throw new Error(`the replica did not reach ${target} in time`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end();
  }
}
