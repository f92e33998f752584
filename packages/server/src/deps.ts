import type { FastifyPluginAsync } from 'fastify';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';

/**
 * What the app is built from and every module is handed: the database, the configuration, the clock.
 * Modules import it from here, never from app.ts, which imports the modules (no circle).
 */
export interface Deps {
  database: Database;
  /** Import limits and proxy trust fall back to their defaults (config.ts) when left out. */
  config: Pick<Config, 'secureCookies' | 'sessionDays'> &
    Partial<Pick<Config, 'importLimits' | 'trustProxy'>>;
  /** What time it is: the system clock, or a fixed one in tests (due dates, check-in days). */
  clock?: () => Date;
}

/** The current instant as the app sees it: the injected clock, else the system's (the only place read). */
export const nowOf = (deps: Deps): Date => (deps.clock ? deps.clock() : new Date());

/**
 * A feature module as app.ts registers it: one Fastify plugin holding the module's routes, handed the deps
 * (`app.register(membersModule, { deps })`). Its routes parse, check the session, call one command of the
 * module and present the result; the command owns its transaction.
 */
export type FeatureModule = FastifyPluginAsync<{ deps: Deps }>;
