import { cacheGet, cachePut } from './cache';
import { closeQueue, openQueue } from './queue';

/**
 * Which account this device last signed in with, so that after a reload without a network the shell can
 * open that account's database and show its cached `me` answer. Only the numeric id is kept outside
 * IndexedDB.
 */
const LAST_ACCOUNT = 'nennep.offlineAccount';
const ME_KEY = 'me';

function readLast(): number | null {
  try {
    const value = Number(localStorage.getItem(LAST_ACCOUNT));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}

function writeLast(accountId: number | null): void {
  try {
    if (accountId === null) localStorage.removeItem(LAST_ACCOUNT);
    else localStorage.setItem(LAST_ACCOUNT, String(accountId));
  } catch {
    // Private mode: the account is only known online.
  }
}

/** On a `me` or sign-in answer: opens the account's queue and keeps the answer for an offline reload. */
export async function rememberAccount(me: { id: number }): Promise<void> {
  try {
    await openQueue(me.id);
    await cachePut(ME_KEY, me);
    writeLast(me.id);
  } catch {
    // No IndexedDB on this browser: the app works online only.
  }
}

/** When `me` cannot be asked for lack of a network: the last account's cached answer, its queue opened. */
export async function recallAccount<T extends { id: number }>(): Promise<T | undefined> {
  const accountId = readLast();
  if (accountId === null) return undefined;
  try {
    await openQueue(accountId);
    const me = await cacheGet<T>(ME_KEY);
    return me?.id === accountId ? me : undefined;
  } catch {
    return undefined;
  }
}

/** On sign-out (or a session found ended): stops the queue; the account's stored data stays on the device. */
export function forgetAccount(): void {
  closeQueue();
  writeLast(null);
}
