/**
 * Serialising the requests of one idempotency key (http/idempotency.ts): in this process by a lock map, and
 * on PostgreSQL also across processes by `pg_advisory_xact_lock`, held in a transaction on a connection of
 * its own until the answer is stored. PGlite is one process holding its data folder (db/lock.ts), so the lock
 * map is all it needs; holding a transaction there would block the route's own queries.
 */
import type pg from 'pg';
import type { Database } from '../db/client.ts';

/** Runs raw SQL with positional parameters ($1 …) and gives the rows. */
export type Query = <T>(text: string, params: unknown[]) => Promise<T[]>;

/** A held lock: its queries (inside the lock's transaction on PostgreSQL), and its end. */
export interface HeldLock {
  query: Query;
  /** Ends the lock: commits what `query` wrote on PostgreSQL (rolls back when `commit` is false). */
  release(commit: boolean): Promise<void>;
}

/** One waiter after another per name, in the order they asked. */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  /** Waits for the name's earlier holders, then gives the function that lets the next one in. */
  async acquire(name: string): Promise<() => void> {
    const previous = this.tails.get(name) ?? Promise.resolve();
    let open: () => void = () => {};
    const mine = new Promise<void>((resolve) => {
      open = resolve;
    });
    const tail = previous.then(() => mine);
    this.tails.set(name, tail);
    await previous;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      open();
      if (this.tails.get(name) === tail) this.tails.delete(name);
    };
  }
}

/** At most `limit` holders at once; the others wait their turn in order. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async acquire(): Promise<() => void> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `active` stays counted for it.
      if (next) next();
      else this.active -= 1;
    };
  }
}

/** One lock map per embedded database: every app built on it in this process (its only process) shares it. */
const pgliteMutexes = new WeakMap<object, KeyedMutex>();
function pgliteMutexOf(pglite: object): KeyedMutex {
  const known = pgliteMutexes.get(pglite);
  if (known) return known;
  const mutex = new KeyedMutex();
  pgliteMutexes.set(pglite, mutex);
  return mutex;
}

/**
 * Takes the lock of one (account, key) for a request. On PostgreSQL each holder keeps a pool connection
 * while the route runs on another: at most half the pool is given to holders, so routes always find one.
 */
export function idempotencyLocker(database: Database) {
  const native = database.native;
  const pool = native.driver === 'postgres' ? native.pool : null;
  const mutex = native.driver === 'pglite' ? pgliteMutexOf(native.pglite) : new KeyedMutex();
  const slots = new Semaphore(Math.max(1, Math.floor((pool?.options.max ?? 10) / 2)));
  const direct: Query = (text, params) => database.raw.query(text, params);

  return async function lock(accountId: number, key: string): Promise<HeldLock> {
    const unlock = await mutex.acquire(`${accountId}:${key}`);
    if (!pool) return { query: direct, release: async () => unlock() };
    let client: pg.PoolClient | null = null;
    const freeSlot = await slots.acquire();
    try {
      client = await pool.connect();
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`idempotency:${accountId}:${key}`]);
    } catch (error) {
      if (client) await endTransaction(client, false);
      freeSlot();
      unlock();
      throw error;
    }
    const held = client;
    let done = false;
    return {
      query: async <T>(text: string, params: unknown[]) => (await held.query(text, params)).rows as T[],
      release: async (commit) => {
        if (done) return;
        done = true;
        try {
          await endTransaction(held, commit);
        } finally {
          freeSlot();
          unlock();
        }
      },
    };
  };
}

/** Commits or rolls back, then gives the connection back (destroyed if it failed on the way). */
async function endTransaction(client: pg.PoolClient, commit: boolean) {
  try {
    await client.query(commit ? 'COMMIT' : 'ROLLBACK');
    client.release();
  } catch (error) {
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}
