import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { QueuedWrite } from './types';

/** What the device keeps for one account: the writes not yet sent and the last answers read. */
/** A queued write as stored: `seq` is given by the store when it is added. */
export type StoredWrite = Omit<QueuedWrite, 'seq'> & { seq?: number };

export interface OfflineSchema extends DBSchema {
  queue: { key: number; value: StoredWrite };
  cache: { key: string; value: { value: unknown; savedAt: string } };
}

export type OfflineDb = IDBPDatabase<OfflineSchema>;

export const dbName = (accountId: number): string => `nennep-${accountId}`;

let current: { accountId: number; db: Promise<OfflineDb> } | null = null;

/** Opens (or keeps) the account's database; another account's one is closed first, nothing is deleted. */
export function openAccountDb(accountId: number): { db: Promise<OfflineDb>; changed: boolean } {
  if (current && current.accountId === accountId) return { db: current.db, changed: false };
  closeAccountDb();
  const db = openDB<OfflineSchema>(dbName(accountId), 1, {
    upgrade(database) {
      if (!database.objectStoreNames.contains('queue')) {
        database.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true });
      }
      if (!database.objectStoreNames.contains('cache')) database.createObjectStore('cache');
    },
  });
  current = { accountId, db };
  return { db, changed: true };
}

/** The open account's database, if one is open. */
export function currentDb(): Promise<OfflineDb> | null {
  return current?.db ?? null;
}

export function currentAccountId(): number | null {
  return current?.accountId ?? null;
}

export function closeAccountDb(): void {
  const closing = current;
  current = null;
  if (closing) {
    closing.db.then(
      (db) => db.close(),
      () => undefined,
    );
  }
}
