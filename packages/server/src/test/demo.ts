import { closeSync, existsSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { type Database, loadPglite, openPglite, openPostgres } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { copyPostgres } from './db.ts';

/**
 * The demo, seeded once per test run and copied for each file that needs it: the first caller seeds it
 * (≈20 s) under a lock file and keeps a PGlite dump next to the run's template (or, on PostgreSQL, a
 * template database); the others load the copy (≈4 s). Seeded with the real clock, like `npm start`.
 */
export async function demoDatabase(): Promise<Database> {
  const template = process.env.NENNEP_TEST_TEMPLATE;
  if (!template)
    throw new Error('NENNEP_TEST_TEMPLATE is not set: run the tests through vitest (global setup).');
  const url = process.env.TEST_DATABASE_URL;
  const marker = url ? `/tmp/${template}.demo.ready` : `${template}.demo.tar.gz`;
  await buildOnce(marker, async () => {
    if (!url) {
      const database = await openPglite(null);
      await migrate(database.raw);
      await seedDemo(database, { now: new Date() });
      const blob = await database.dump?.();
      await database.close();
      if (!blob) throw new Error('PGlite without dump()');
      return Buffer.from(await blob.arrayBuffer());
    }
    // The demo database of the run, made from the migrated template; test files copy it in turn.
    const client = await admin(url);
    await client.query(`CREATE DATABASE ${template}_demo TEMPLATE ${template}`);
    await client.end();
    const target = new URL(url);
    target.pathname = `/${template}_demo`;
    const database = await openPostgres(target.toString(), 2);
    await seedDemo(database, { now: new Date() });
    await database.close();
    return Buffer.from('ready');
  });
  if (!url) return loadPglite(new Blob([readFileSync(marker)]));
  return copyPostgres(url, `${template}_demo`);
}

/** Runs `build` in one process of the run; the others wait for the file it writes. */
async function buildOnce(file: string, build: () => Promise<Buffer>) {
  if (existsSync(file)) return;
  let lock: number | null = null;
  try {
    lock = openSync(`${file}.lock`, 'wx');
  } catch {
    // Another test file is building it.
  }
  if (lock !== null) {
    try {
      const bytes = await build();
      writeFileSync(`${file}.part`, bytes);
      renameSync(`${file}.part`, file);
    } catch (error) {
      // The others must not wait for a demo that will never come.
      writeFileSync(
        `${file}.failed`,
        error instanceof Error ? (error.stack ?? error.message) : String(error),
      );
      throw error;
    } finally {
      closeSync(lock);
    }
    return;
  }
  for (let waited = 0; !existsSync(file); waited += 500) {
    if (existsSync(`${file}.failed`))
      throw new Error(`seeding the demo failed: ${readFileSync(`${file}.failed`, 'utf8')}`);
    if (waited > 300_000) throw new Error(`the demo was not built within 5 minutes (${file})`);
    await sleep(500);
  }
}

async function admin(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}
