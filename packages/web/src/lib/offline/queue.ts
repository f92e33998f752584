/**
 * The writes entered on this device and not yet answered by the server (issue 18): kept in the account's
 * IndexedDB, sent one at a time in entry order, each with its own Idempotency-Key so a resend after a lost
 * answer is replayed by the server instead of being recorded twice.
 */
import { useMemo, useSyncExternalStore } from 'react';
import {
  closeAccountDb,
  currentAccountId,
  currentDb,
  type OfflineDb,
  openAccountDb,
  type StoredWrite,
} from './db';
import { newKey, send } from './send';
import type { QueuedWrite } from './types';

export { setQueueFetch } from './send';
export type { QueuedMethod, QueuedWrite } from './types';

export interface FlushResult {
  sent: number;
  refused: number;
  left: number;
}

const TICK_MS = 20_000;
const BACKOFF_MS = [5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000];

// --- the live store (read by useQueuedWrites) ---

interface Snapshot {
  writes: QueuedWrite[];
  online: boolean;
  sentByScope: Readonly<Record<string, number>>;
  sentTotal: number;
}

const initialOnline = () => typeof navigator === 'undefined' || navigator.onLine !== false;

let snapshot: Snapshot = { writes: [], online: initialOnline(), sentByScope: {}, sentTotal: 0 };
const subscribers = new Set<() => void>();

function update(change: Partial<Snapshot>): void {
  snapshot = { ...snapshot, ...change };
  for (const notify of subscribers) notify();
}

function subscribe(notify: () => void): () => void {
  subscribers.add(notify);
  return () => subscribers.delete(notify);
}

const getSnapshot = (): Snapshot => snapshot;

const toWrite = (stored: StoredWrite): QueuedWrite | null =>
  typeof stored.seq === 'number' ? { ...stored, seq: stored.seq } : null;

async function reload(dbp: Promise<OfflineDb>): Promise<QueuedWrite[]> {
  const db = await dbp;
  const writes = (await db.getAll('queue')).flatMap((w) => toWrite(w) ?? []);
  if (currentDb() === dbp) update({ writes });
  return writes;
}

// Other tabs of the same account hear of each change and re-read the queue (their indicator stays true).
let channel: BroadcastChannel | null = null;

/** After a change to the stored queue: this tab's store and the other tabs' are refreshed. */
async function changed(dbp: Promise<OfflineDb>): Promise<QueuedWrite[]> {
  const writes = await reload(dbp);
  channel?.postMessage(currentAccountId());
  return writes;
}

// --- listeners for the answers ---

type SentListener = (write: QueuedWrite, answer: unknown) => void;
const sentListeners = new Set<SentListener>();

/** Called with each write the server accepted and its JSON answer; returns the unsubscribe. */
export function onWriteSent(listener: SentListener): () => void {
  sentListeners.add(listener);
  return () => sentListeners.delete(listener);
}

// --- entering a write ---

/** Keeps a write on the device (it survives a reload) and tries to send it at once. */
export async function enqueueWrite(
  input: Pick<QueuedWrite, 'method' | 'path' | 'body' | 'scope' | 'kind' | 'label'>,
): Promise<QueuedWrite> {
  const dbp = currentDb();
  if (!dbp) throw new Error('offline queue: no account signed in');
  const db = await dbp;
  const stored: StoredWrite = {
    key: newKey(),
    method: input.method,
    path: input.path,
    body: input.body,
    scope: input.scope,
    kind: input.kind,
    label: input.label,
    createdAt: new Date().toISOString(),
    state: 'pending',
  };
  const seq = await db.add('queue', stored);
  await changed(dbp);
  void flushQueue();
  return { ...stored, seq };
}

/** Forgets a refused write once the user has read why. */
export async function dismissRefused(seq: number): Promise<void> {
  const dbp = currentDb();
  if (!dbp) return;
  const db = await dbp;
  const tx = db.transaction('queue', 'readwrite');
  const write = await tx.store.get(seq);
  if (write?.state === 'refused') await tx.store.delete(seq);
  await tx.done;
  await changed(dbp);
}

/** Every write kept for the open account, in entry order. */
export async function listQueuedWrites(): Promise<QueuedWrite[]> {
  const dbp = currentDb();
  return dbp ? reload(dbp) : [];
}

// --- sending ---

let failures = 0;
/** The session ended (401): no timed retries until the account opens its queue again (sign-in, `me`). */
let halted = false;
let timer: ReturnType<typeof setTimeout> | null = null;

function schedule(): void {
  if (timer) clearTimeout(timer);
  timer = null;
  if (halted || !currentDb() || !snapshot.writes.some((w) => w.state !== 'refused')) return;
  const delay = failures === 0 ? TICK_MS : (BACKOFF_MS[Math.min(failures, BACKOFF_MS.length) - 1] ?? TICK_MS);
  timer = setTimeout(() => {
    timer = null;
    void flushQueue();
  }, delay);
}

async function firstPending(db: OfflineDb): Promise<QueuedWrite | null> {
  let cursor = await db.transaction('queue').store.openCursor();
  while (cursor) {
    const write = toWrite(cursor.value);
    if (write && write.state === 'pending') return write;
    cursor = await cursor.continue();
  }
  return null;
}

async function flushOnce(): Promise<FlushResult> {
  const dbp = currentDb();
  const result: FlushResult = { sent: 0, refused: 0, left: 0 };
  if (!dbp) return result;
  const stillOpen = () => currentDb() === dbp;
  if (typeof navigator !== 'undefined' && navigator.onLine === false) {
    // Surely offline: no attempt; the `online` event sends.
    result.left = snapshot.writes.filter((w) => w.state !== 'refused').length;
    return result;
  }
  try {
    const db = await dbp;
    while (stillOpen()) {
      const write = await firstPending(db);
      if (!write) break;
      await db.put('queue', { ...write, state: 'sending' });
      await changed(dbp);
      const outcome = await send(write);
      if (!stillOpen()) break; // Signed out meanwhile: the write is recovered as pending on the next open.
      if (outcome.kind === 'sent') {
        await db.delete('queue', write.seq);
        // The store drops the write before the listeners hear of it: a screen never shows it twice.
        await changed(dbp);
        result.sent++;
        failures = 0;
        update({
          online: true,
          sentTotal: snapshot.sentTotal + 1,
          sentByScope: {
            ...snapshot.sentByScope,
            [write.scope]: (snapshot.sentByScope[write.scope] ?? 0) + 1,
          },
        });
        for (const listener of sentListeners) {
          try {
            listener(write, outcome.answer);
          } catch {
            // One screen's listener failing must not stop the queue.
          }
        }
      } else if (outcome.kind === 'refused') {
        await db.put('queue', { ...write, state: 'refused', refusal: outcome.refusal });
        result.refused++;
        update({ online: true });
      } else {
        await db.put('queue', { ...write, state: 'pending' });
        if (outcome.kind === 'retry') {
          failures++;
          update({ online: !outcome.network });
        } else {
          halted = true;
        }
        break;
      }
      await changed(dbp);
    }
    if (stillOpen()) {
      const writes = await changed(dbp);
      result.left = writes.filter((w) => w.state !== 'refused').length;
    }
  } catch {
    // The database was closed under us (sign-out, another account): what is stored stays stored.
  }
  if (stillOpen()) schedule();
  return result;
}

/** Across the tabs of one browser, one sends at a time (Web Locks, where the page has them). */
async function underTabLock(run: () => Promise<FlushResult>): Promise<FlushResult> {
  const locks: LockManager | undefined = typeof navigator === 'undefined' ? undefined : navigator.locks;
  const accountId = currentAccountId();
  if (!locks || accountId === null) return run();
  // The lock's promise resolves with the callback's own promise: awaiting both gives the result.
  return await locks.request(`nennep-queue-${accountId}`, run);
}

let chain: Promise<unknown> = Promise.resolve();
let waiting: Promise<FlushResult> | null = null;

/**
 * Sends the pending writes, oldest first, one at a time. Calls are chained so two callers never send the
 * same write twice; a call made while another waits to start shares that one.
 */
export function flushQueue(): Promise<FlushResult> {
  if (waiting) return waiting;
  const run = chain.then(() => {
    waiting = null;
    return underTabLock(flushOnce);
  });
  waiting = run;
  chain = run.catch(() => undefined);
  return run;
}

// --- account lifecycle and page triggers ---

let eventsAttached = false;

function attachEvents(): void {
  if (eventsAttached || typeof window === 'undefined') return;
  eventsAttached = true;
  window.addEventListener('online', () => {
    failures = 0;
    update({ online: true });
    void flushQueue();
  });
  window.addEventListener('offline', () => update({ online: false }));
  if (typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel('nennep-queue');
    channel.onmessage = (event: MessageEvent<unknown>) => {
      const dbp = currentDb();
      if (dbp && event.data === currentAccountId()) void reload(dbp);
    };
  }
}

/** Opens the account's own database (on sign-in and on `me`, also from the cached copy offline). */
export async function openQueue(accountId: number): Promise<void> {
  const { db: dbp, changed: opened } = openAccountDb(accountId);
  halted = false;
  attachEvents();
  if (opened) {
    failures = 0;
    update({ writes: [], sentByScope: {}, sentTotal: 0 });
    const db = await dbp;
    // A write left 'sending' by a tab closed mid-request goes back to pending: its key makes the resend safe.
    const tx = db.transaction('queue', 'readwrite');
    for (const stored of await tx.store.getAll()) {
      if (stored.state === 'sending') await tx.store.put({ ...stored, state: 'pending' });
    }
    await tx.done;
  }
  await reload(dbp);
  void flushQueue();
}

/** On sign-out: stops sending and closes the database; nothing is deleted. */
export function closeQueue(): void {
  closeAccountDb();
  if (timer) clearTimeout(timer);
  timer = null;
  failures = 0;
  update({ writes: [], sentByScope: {}, sentTotal: 0 });
}

/** The queue as the screen shows it, live; `scope` narrows it to one meeting or visit. */
export function useQueuedWrites(scope?: string): {
  pending: QueuedWrite[];
  refused: QueuedWrite[];
  sending: boolean;
  online: boolean;
  sentCount: number;
} {
  const state = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  return useMemo(() => {
    const mine = scope === undefined ? state.writes : state.writes.filter((w) => w.scope === scope);
    const pending = mine.filter((w) => w.state !== 'refused');
    return {
      pending,
      refused: mine.filter((w) => w.state === 'refused'),
      sending: pending.some((w) => w.state === 'sending'),
      online: state.online,
      sentCount: scope === undefined ? state.sentTotal : (state.sentByScope[scope] ?? 0),
    };
  }, [state, scope]);
}
