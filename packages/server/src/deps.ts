import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Config } from './config.ts';
import type { Database, Db } from './db/client.ts';
import { LSN_COOKIE, parseLsn, type ReadReplica } from './db/replica.ts';

/**
 * What the app is built from and every module is handed: the database, the configuration, the clock.
 * Modules import it from here, never from app.ts, which imports the modules (no circle).
 */
export interface Deps {
  database: Database;
  /** Import limits and proxy trust fall back to their defaults (config.ts) when left out. */
  config: Pick<Config, 'secureCookies' | 'sessionDays'> &
    Partial<Pick<Config, 'importLimits' | 'trustProxy' | 'idempotencyDays'>>;
  /** What time it is: the system clock, or a fixed one in tests (due dates, check-in days). */
  clock?: () => Date;
  /** A streaming replica for dashboards and lists (`DATABASE_READ_URL`); none = one database for all. */
  replica?: ReadReplica;
}

/**
 * Where a route's read-only queries go (dashboards and lists): the replica when there is one and it has
 * replayed this session's last write (the `nennep_lsn` cookie set after each write,
 * http/read-your-writes.ts), else the primary. Never for a query inside a command's transaction, nor for
 * a read that writes (an audit event, a default stored on first use): those stay on `deps.database.db`.
 */
export const readDbOf = (deps: Deps, request: FastifyRequest): Promise<Db> | Db =>
  deps.replica ? deps.replica.dbFor(parseLsn(request.cookies?.[LSN_COOKIE])) : deps.database.db;

/** The current instant as the app sees it: the injected clock, else the system's (the only place read). */
export const nowOf = (deps: Deps): Date => (deps.clock ? deps.clock() : new Date());

/**
 * A feature module as app.ts registers it: one Fastify plugin holding the module's routes, handed the deps
 * (`app.register(membersModule, { deps })`). Its routes parse, check the session, call one command of the
 * module and present the result; the command owns its transaction.
 */
export type FeatureModule = FastifyPluginAsync<{ deps: Deps }>;
