import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api';
import { dbName } from './db';
import {
  closeQueue,
  dismissRefused,
  enqueueWrite,
  flushQueue,
  listQueuedWrites,
  onWriteSent,
  openQueue,
  type QueuedWrite,
  setQueueFetch,
} from './queue';

interface Call {
  method: string;
  path: string;
  key: string | null;
  csrf: string | null;
  body: unknown;
}

type Answer = Response | 'network';

/** A fake server: records every request and answers with `answer(call, index)`. */
function fakeServer(answer: (call: Call, index: number) => Answer | Promise<Answer>) {
  const calls: Call[] = [];
  setQueueFetch(async (path, init) => {
    const headers = new Headers(init.headers);
    const call: Call = {
      method: init.method ?? 'GET',
      path,
      key: headers.get('idempotency-key'),
      csrf: headers.get('x-csrf-token'),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const result = await answer(call, calls.length - 1);
    if (result === 'network') throw new TypeError('Failed to fetch');
    return result;
  });
  return calls;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const offline = () => fakeServer(() => 'network');

let account = 100;
beforeEach(async () => {
  account++;
  setCsrfToken('csrf-1');
  offline();
  await openQueue(account);
});

afterEach(async () => {
  closeQueue();
  await flushQueue();
  setQueueFetch(null);
});

/** Enters writes while the network is down, so that they all wait in the queue. */
async function enterOffline(count: number, scope = 'meeting:12'): Promise<QueuedWrite[]> {
  offline();
  const writes: QueuedWrite[] = [];
  for (let i = 1; i <= count; i++) {
    writes.push(
      await enqueueWrite({
        method: 'POST',
        path: `/api/meetings/12/opinions?n=${i}`,
        body: { content: `Ý kiến ${i}` },
        scope,
        kind: 'opinion',
        label: `Ý kiến — người ${i}`,
      }),
    );
  }
  await flushQueue();
  return writes;
}

describe('offline write queue', () => {
  it('sends the writes in the order entered, each with its key and the anti-forgery token', async () => {
    const writes = await enterOffline(3);
    expect((await listQueuedWrites()).map((w) => w.state)).toEqual(['pending', 'pending', 'pending']);
    const calls = fakeServer((call) => json(201, { id: call.path }));
    const answers: unknown[] = [];
    const stop = onWriteSent((write, answer) => answers.push([write.seq, answer]));
    const result = await flushQueue();
    stop();
    expect(result).toEqual({ sent: 3, refused: 0, left: 0 });
    expect(calls.map((c) => c.path)).toEqual(writes.map((w) => w.path));
    expect(calls.map((c) => c.key)).toEqual(writes.map((w) => w.key));
    expect(new Set(calls.map((c) => c.key)).size).toBe(3);
    expect(calls.every((c) => c.csrf === 'csrf-1' && c.method === 'POST')).toBe(true);
    expect(calls[0]?.body).toEqual({ content: 'Ý kiến 1' });
    expect(answers).toEqual(writes.map((w) => [w.seq, { id: w.path }]));
    expect(await listQueuedWrites()).toEqual([]);
  });

  it('stops at a network failure and keeps the write and those after it', async () => {
    const writes = await enterOffline(3);
    const calls = fakeServer((_call, index) => (index === 0 ? json(201, {}) : 'network'));
    expect(await flushQueue()).toEqual({ sent: 1, refused: 0, left: 2 });
    expect(calls).toHaveLength(2);
    const left = await listQueuedWrites();
    expect(left.map((w) => [w.seq, w.state])).toEqual([
      [writes[1]?.seq, 'pending'],
      [writes[2]?.seq, 'pending'],
    ]);
    // Back online: the same keys go again, nothing is lost.
    const again = fakeServer(() => json(201, {}));
    expect(await flushQueue()).toEqual({ sent: 2, refused: 0, left: 0 });
    expect(again.map((c) => c.key)).toEqual([writes[1]?.key, writes[2]?.key]);
  });

  it('treats a 5xx like a network failure and a 401 as the end of the session: all kept', async () => {
    await enterOffline(2);
    const failing = fakeServer(() => json(503, { error: { code: 'unavailable', message: 'Bận' } }));
    expect(await flushQueue()).toEqual({ sent: 0, refused: 0, left: 2 });
    expect(failing).toHaveLength(1);
    const signedOut = fakeServer(() => json(401, { error: { code: 'unauthorized', message: 'Hết phiên' } }));
    expect(await flushQueue()).toEqual({ sent: 0, refused: 0, left: 2 });
    expect(signedOut).toHaveLength(1);
    expect((await listQueuedWrites()).map((w) => w.state)).toEqual(['pending', 'pending']);
  });

  it('marks a 409 refused with the server message and still sends the next write', async () => {
    const writes = await enterOffline(2);
    const calls = fakeServer((_call, index) =>
      index === 0
        ? json(409, {
            error: { code: 'minutes_adopted', message: 'Biên bản đã được thông qua, không ghi thêm.' },
          })
        : json(201, { id: 7 }),
    );
    expect(await flushQueue()).toEqual({ sent: 1, refused: 1, left: 0 });
    expect(calls.map((c) => c.key)).toEqual([writes[0]?.key, writes[1]?.key]);
    const [refused, ...rest] = await listQueuedWrites();
    expect(rest).toEqual([]);
    expect(refused?.state).toBe('refused');
    expect(refused?.label).toBe('Ý kiến — người 1');
    expect(refused?.refusal).toEqual({
      status: 409,
      code: 'minutes_adopted',
      message: 'Biên bản đã được thông qua, không ghi thêm.',
    });
    // Kept until dismissed, and never sent again.
    expect(await flushQueue()).toEqual({ sent: 0, refused: 0, left: 0 });
    expect(calls).toHaveLength(2);
    await dismissRefused(refused?.seq ?? -1);
    expect(await listQueuedWrites()).toEqual([]);
  });

  it('never sends the same write twice when flushes run at the same time', async () => {
    await enterOffline(3);
    // Each answer takes a few turns of the event loop, so unchained flushes would overlap.
    const calls = fakeServer(async () => {
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 1));
      return json(201, {});
    });
    const first = flushQueue();
    const second = flushQueue();
    // A third caller arrives while the first is already sending.
    await new Promise((resolve) => setTimeout(resolve, 2));
    const third = flushQueue();
    const results = await Promise.all([first, second, third]);
    expect(results.map((r) => r.left)).toEqual([0, 0, 0]);
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.key)).size).toBe(3);
  });

  it("sends again a write a closed tab left 'sending', with the same key", async () => {
    const [write] = await enterOffline(1);
    closeQueue();
    const db = await openDB(dbName(account));
    const stored = await db.get('queue', write?.seq ?? -1);
    await db.put('queue', { ...stored, state: 'sending' });
    db.close();
    const calls = fakeServer(() => json(201, {}));
    await openQueue(account);
    await flushQueue();
    expect(calls.map((c) => c.key)).toEqual([write?.key]);
    expect(await listQueuedWrites()).toEqual([]);
  });

  it('keeps each account in its own database', async () => {
    const first = account;
    await enterOffline(1, 'meeting:1');
    const second = first + 1000;
    await openQueue(second);
    expect(await listQueuedWrites()).toEqual([]);
    await enterOffline(2, 'visit:5');
    await openQueue(first);
    expect((await listQueuedWrites()).map((w) => w.scope)).toEqual(['meeting:1']);
    await openQueue(second);
    expect((await listQueuedWrites()).map((w) => w.scope)).toEqual(['visit:5', 'visit:5']);
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining([dbName(first), dbName(second)]));
  });

  it('refuses to enter a write with no account open', async () => {
    closeQueue();
    await expect(
      enqueueWrite({ method: 'POST', path: '/api/x', body: {}, scope: 's', kind: 'k', label: 'l' }),
    ).rejects.toThrow();
  });
});
