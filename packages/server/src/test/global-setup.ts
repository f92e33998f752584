import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';

/**
 * Builds one migrated template per test run: a PGlite dump file, or a PostgreSQL template database
 * when TEST_DATABASE_URL is set. Each test file then clones it (see db.ts) instead of migrating again.
 */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = `nennep_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    const target = new URL(url);
    target.pathname = `/${template}`;
    const database = await openPostgres(target.toString(), 1);
    await migrate(database.raw);
    await database.close();
    process.env.NENNEP_TEST_TEMPLATE = template;
    return async () => {
      const rows = await admin.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE 'nennep_t_%' OR datname = $1 OR datname = $2",
        [template, `${template}_demo`],
      );
      for (const row of rows.rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
      await admin.end();
      for (const marker of ['', '.lock', '.failed'].map((end) => `/tmp/${template}.demo.ready${end}`))
        rmSync(marker, { force: true });
    };
  }
  const database = await openPglite(null);
  await migrate(database.raw);
  const dump = await dumpPglite(database);
  const file = path.join(tmpdir(), `nennep-template-${process.pid}.tar.gz`);
  writeFileSync(file, dump);
  await database.close();
  process.env.NENNEP_TEST_TEMPLATE = file;
  // The template, and the demo some test files seed from it once per run (test/demo.ts).
  return () => {
    for (const leftover of [file, ...['', '.lock', '.failed'].map((end) => `${file}.demo.tar.gz${end}`)])
      rmSync(leftover, { force: true });
  };
}

async function dumpPglite(database: Awaited<ReturnType<typeof openPglite>>): Promise<Buffer> {
  if (!database.dump) throw new Error('PGlite database without dump()');
  const blob = await database.dump();
  return Buffer.from(await blob.arrayBuffer());
}
