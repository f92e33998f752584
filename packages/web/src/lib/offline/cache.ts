import { ApiError } from '../api';
import { currentDb } from './db';

/**
 * The last answers read for the signed-in account (in its own database), so a screen opened once can be
 * shown again without a network: the meeting to run, the roll-call list, the account itself.
 */
export async function cachePut(key: string, value: unknown): Promise<void> {
  const dbp = currentDb();
  if (!dbp) return;
  try {
    await (await dbp).put('cache', { value, savedAt: new Date().toISOString() }, key);
  } catch {
    // A full or closed store only loses the offline copy; the screen already has its data.
  }
}

export async function cacheGet<T>(key: string): Promise<T | undefined> {
  const dbp = currentDb();
  if (!dbp) return undefined;
  try {
    const entry = await (await dbp).get('cache', key);
    // The caller names the type it stored under this key.
    return entry?.value as T | undefined;
  } catch {
    return undefined;
  }
}

const isNetworkError = (error: unknown): boolean =>
  error instanceof ApiError && error.status === 0 && error.code === 'network';

/** Network first; on a network failure (ApiError status 0, code 'network') the last cached copy; else rethrow. */
export async function withOfflineCache<T>(key: string, fetcher: () => Promise<T>): Promise<T> {
  try {
    const value = await fetcher();
    await cachePut(key, value);
    return value;
  } catch (error) {
    if (isNetworkError(error)) {
      const cached = await cacheGet<T>(key);
      if (cached !== undefined) return cached;
    }
    throw error;
  }
}
