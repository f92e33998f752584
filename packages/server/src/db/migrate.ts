import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawClient } from './client.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

interface Journal {
  entries: { idx: number; tag: string }[];
}

/**
 * Applies the committed drizzle-kit migrations in order, once each, on PGlite and PostgreSQL alike.
 * An advisory lock keeps two processes starting together from applying the same step twice.
 */
export async function migrate(raw: RawClient): Promise<string[]> {
  const journal = JSON.parse(
    readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8'),
  ) as Journal;
  await raw.query(
    'CREATE TABLE IF NOT EXISTS nennep_migrations (tag text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const applied: string[] = [];
  await raw.query('BEGIN');
  try {
    await raw.query('SELECT pg_advisory_xact_lock(4242)');
    const done = new Set(
      (await raw.query<{ tag: string }>('SELECT tag FROM nennep_migrations')).map((r) => r.tag),
    );
    for (const entry of journal.entries) {
      if (done.has(entry.tag)) continue;
      const text = readFileSync(path.join(MIGRATIONS_DIR, `${entry.tag}.sql`), 'utf8');
      for (const statement of text.split('--> statement-breakpoint')) {
        if (statement.trim()) await raw.query(statement);
      }
      await raw.query('INSERT INTO nennep_migrations (tag) VALUES ($1)', [entry.tag]);
      applied.push(entry.tag);
    }
    await raw.query('COMMIT');
  } catch (error) {
    await raw.query('ROLLBACK');
    throw error;
  }
  return applied;
}
