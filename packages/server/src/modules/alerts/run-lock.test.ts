import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { createTestDatabase } from '../../test/db.ts';
import { serializeAlertRuns } from './run.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('alerts runs on several hosts', () => {
  it('a second run waits until the first has committed (PostgreSQL), one session goes on (PGlite)', async () => {
    const { db } = database;
    const events: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = db.transaction(async (tx) => {
      await serializeAlertRuns(tx);
      events.push('first locked');
      await held;
      events.push('first done');
    });
    for (let i = 0; i < 200 && !events.includes('first locked'); i++) await sleep(10);
    expect(events).toEqual(['first locked']);
    if (database.driver === 'pglite') {
      // One connection: PGlite queues the second transaction behind the first anyway.
      release();
      await first;
      await db.transaction((tx) => serializeAlertRuns(tx));
      expect(events).toEqual(['first locked', 'first done']);
      return;
    }
    const second = db.transaction(async (tx) => {
      await serializeAlertRuns(tx);
      events.push('second locked');
    });
    await sleep(300);
    // The second run is held at the lock while the first has not committed.
    expect(events).toEqual(['first locked']);
    release();
    await Promise.all([first, second]);
    expect(events).toEqual(['first locked', 'first done', 'second locked']);
  });
});
