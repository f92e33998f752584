import type { Config } from '../config.ts';
import { type Database, openPglite, openPostgres } from './client.ts';
import { acquireDataLock } from './lock.ts';
import { migrate } from './migrate.ts';

/** Opens the configured database (PostgreSQL with DATABASE_URL, else PGlite in the data folder) and migrates it. */
export async function openDatabase(
  config: Config,
  purpose: string,
): Promise<Database & { embedded: boolean }> {
  if (config.databaseUrl) {
    const database = await openPostgres(config.databaseUrl);
    await migrate(database.raw);
    return { ...database, embedded: false };
  }
  const release = acquireDataLock(
    config.dataDir,
    purpose,
    purpose === 'server' ? `http://${config.host}:${config.port}` : undefined,
  );
  const database = await openPglite(config.dataDir);
  await migrate(database.raw);
  return {
    ...database,
    embedded: true,
    close: async () => {
      await database.close();
      release();
    },
  };
}
