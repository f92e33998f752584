/**
 * Reading from a streaming replica (`DATABASE_READ_URL`, issue 14 item 5) while a session keeps reading its
 * own writes. The primary's WAL position after a session's write is handed back to the session (a cookie,
 * http/read-your-writes.ts); a later read goes to the replica only when the replica has replayed at least that
 * far (`pg_last_wal_replay_lsn()`, PostgreSQL documentation §9.28.4 "Recovery Control Functions"), else to the
 * primary. A replica that does not answer, or is not in recovery (promoted, or a wrong URL), is not read: every
 * read then goes to the primary until it answers again. Nothing here changes what the primary holds.
 */
import type { Config } from '../config.ts';
import { type Database, type Db, openPostgres } from './client.ts';

/** The cookie holding the primary's WAL position after the session's last write (http/read-your-writes.ts). */
export const LSN_COOKIE = 'nennep_lsn';

/** A WAL position (`pg_lsn`, "16/B374D848") as one comparable number, or null when the text is not one. */
export function parseLsn(text: string | null | undefined): bigint | null {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text?.trim() ?? '');
  if (!match) return null;
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
}

/** How long one reading of the replica's replay position is trusted before it is read again. */
export const REPLAY_FRESH_MS = 100;
/** How long a replica that failed to answer is left alone before it is tried again. */
export const REPLICA_RETRY_MS = 5_000;
/** How long the replay position may take to come back: a replica cut off by the network never refuses. */
export const REPLICA_TIMEOUT_MS = 1_000;

function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

interface ReplayState {
  /** The replica's replayed position; null = not usable (no answer, or not a standby). */
  lsn: bigint | null;
  /** When it was read (performance.now()). */
  at: number;
}

export interface ReadReplica {
  /** The replica's database (its pool), closed with `close()`. */
  database: Database;
  /** The database to read from for a session whose last write ended at `minLsn` (null = no write known). */
  dbFor(minLsn: bigint | null): Promise<Db>;
  /** Where the primary's WAL ends now (after a write has committed): what the session must see. */
  primaryLsn(): Promise<string>;
  close(): Promise<void>;
}

/**
 * The replica beside a primary. The replay position is read at most every REPLAY_FRESH_MS (one query shared
 * by the reads waiting on it), and again at once when a session needs more than the last reading showed.
 */
export function readReplica(
  primary: Database,
  replica: Database,
  options: { warn?: (message: string) => void; now?: () => number } = {},
): ReadReplica {
  const now = options.now ?? (() => performance.now());
  const warn = options.warn ?? ((message: string) => console.warn(message));
  let state: ReplayState = { lsn: null, at: Number.NEGATIVE_INFINITY };
  let reading: Promise<ReplayState> | null = null;
  let usable = true;

  const read = (): Promise<ReplayState> => {
    reading ??= withinTime(
      replica.raw.query<{ lsn: string | null }>('SELECT pg_last_wal_replay_lsn()::text AS lsn'),
      REPLICA_TIMEOUT_MS,
    )
      .then(
        ([row]) => {
          const lsn = parseLsn(row?.lsn);
          if (lsn === null && usable)
            warn('DATABASE_READ_URL is not a standby in recovery: reading the primary');
          usable = lsn !== null;
          return { lsn, at: now() };
        },
        (error: unknown) => {
          if (usable) warn(`DATABASE_READ_URL unreachable, reading the primary: ${(error as Error).message}`);
          usable = false;
          // Not tried again for REPLICA_RETRY_MS: the reads meanwhile go to the primary at once.
          return { lsn: null, at: now() + REPLICA_RETRY_MS - REPLAY_FRESH_MS };
        },
      )
      .then((next) => {
        state = next;
        reading = null;
        return next;
      });
    return reading;
  };

  return {
    database: replica,
    async dbFor(minLsn) {
      const fresh = now() - state.at < REPLAY_FRESH_MS;
      let current = fresh ? state : await read();
      if (current.lsn === null) return primary.db;
      if (minLsn === null || current.lsn >= minLsn) return replica.db;
      // The session wrote past a reading taken earlier: read the position again before leaving the replica.
      if (fresh) current = await read();
      return current.lsn !== null && current.lsn >= minLsn ? replica.db : primary.db;
    },
    async primaryLsn() {
      // The insert position, not the flushed one: it is past this session's commit record even when commits
      // are asynchronous (synchronous_commit = off), so the replica is never taken too early.
      const [row] = await primary.raw.query<{ lsn: string }>(
        'SELECT pg_current_wal_insert_lsn()::text AS lsn',
      );
      if (!row) throw new Error('pg_current_wal_insert_lsn() returned no row');
      return row.lsn;
    },
    close: () => replica.close(),
  };
}

/**
 * The replica `DATABASE_READ_URL` names, beside the primary `openDatabase` opened; none without it. The
 * embedded database has no replica: the setting is refused with it rather than ignored.
 */
export async function openReadReplica(
  config: Pick<Config, 'databaseUrl' | 'databaseReadUrl'>,
  primary: Database,
  warn?: (message: string) => void,
): Promise<ReadReplica | undefined> {
  if (!config.databaseReadUrl) return undefined;
  if (!config.databaseUrl || primary.driver !== 'postgres') {
    throw new Error(
      'DATABASE_READ_URL cần DATABASE_URL (bản sao của một PostgreSQL chính). / ' +
        'DATABASE_READ_URL needs DATABASE_URL (a replica of a PostgreSQL primary).',
    );
  }
  return readReplica(primary, await openPostgres(config.databaseReadUrl), { warn });
}
