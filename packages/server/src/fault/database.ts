/**
 * The database a fault test's server process runs on, in the suite's mode (test/db.ts): an embedded PGlite
 * folder made from the run's template dump, or (TEST_DATABASE_URL set) a fresh PostgreSQL database made
 * from the run's template database. The test opens it itself to build fixtures and to check what is
 * stored after a crash — PGlite's folder only while no server process holds it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Database, fromPglite, openPglite, openPostgres, PGLITE_EXTENSIONS } from '../db/client.ts';
import { waitFor } from './child.ts';

export interface FaultDatabase {
  driver: 'pglite' | 'postgres';
  /** What the server process is given: NENNEP_DATA_DIR, or DATABASE_URL. */
  env: Record<string, string>;
  /** The embedded folder (PGlite only). */
  dataDir: string | null;
  /** Opens the database in this process for `work`, then closes it. */
  use<T>(work: (database: Database) => Promise<T>): Promise<T>;
  /**
   * Waits until the database has seen a killed process go: on PostgreSQL, until none of its sessions is
   * left (the server ends a backend whose client vanished, rolling its transaction back). A new process
   * started meanwhile would find the old transaction's locks still held.
   */
  settle(): Promise<void>;
  /** Removes the folder or drops the database. */
  drop(): Promise<void>;
}

export async function createFaultDatabase(): Promise<FaultDatabase> {
  const template = process.env.NENNEP_TEST_TEMPLATE;
  if (!template)
    throw new Error('NENNEP_TEST_TEMPLATE is not set: run the tests through vitest (global setup).');
  const url = process.env.TEST_DATABASE_URL;
  return url ? postgresCopy(url, template) : pgliteFolder(template);
}

function pgliteFolder(template: string): FaultDatabase {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'nennep-fault-'));
  let loaded = false;
  const open = async () => {
    if (loaded) return openPglite(dataDir);
    loaded = true;
    const dump = new Blob([readFileSync(template)]);
    return fromPglite(await PGlite.create(dataDir, { loadDataDir: dump, extensions: PGLITE_EXTENSIONS }));
  };
  return {
    driver: 'pglite',
    env: { NENNEP_DATA_DIR: dataDir },
    dataDir,
    use: async (work) => {
      const database = await open();
      try {
        return await work(database);
      } finally {
        await database.close();
      }
    },
    settle: async () => {},
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function postgresCopy(url: string, template: string): Promise<FaultDatabase> {
  // The suite's teardown drops every nennep_t_% database a failed test left behind (global-setup.ts).
  const name = `nennep_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const settle = () =>
    waitFor(
      "the killed server's sessions to end",
      async () => {
        const [row] = (
          await admin.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
            [name],
          )
        ).rows;
        return row?.n === 0 ? true : undefined;
      },
      30_000,
    );
  return {
    driver: 'postgres',
    env: { DATABASE_URL: target.toString() },
    dataDir: null,
    use: async (work) => {
      const database = await openPostgres(target.toString(), 2, true);
      try {
        return await work(database);
      } finally {
        await database.close();
      }
    },
    settle: async () => {
      await settle();
    },
    drop: async () => {
      // Pools end their connections without waiting for the server: let them go before the drop.
      await settle().catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
