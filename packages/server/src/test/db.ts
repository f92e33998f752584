import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { type Database, loadPglite, openPostgres } from '../db/client.ts';

/**
 * A fresh, migrated database for one test file: a PGlite loaded from the run's template dump,
 * or (TEST_DATABASE_URL set) a PostgreSQL database created from the run's template database.
 */
export async function createTestDatabase(): Promise<Database> {
  const template = process.env.NENNEP_TEST_TEMPLATE;
  if (!template)
    throw new Error('NENNEP_TEST_TEMPLATE is not set: run the tests through vitest (global setup).');
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return loadPglite(new Blob([readFileSync(template)]));
  return copyPostgres(url, template);
}

/** A new PostgreSQL database made from a template database, dropped again on close. */
export async function copyPostgres(url: string, template: string): Promise<Database> {
  const name = `nennep_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  // Strict: a query sent while another runs on the same connection fails the test (client.ts).
  const database = await openPostgres(target.toString(), 4, true);
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    },
  };
}
