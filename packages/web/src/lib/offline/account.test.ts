import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { forgetAccount, recallAccount, rememberAccount } from './account';
import { cacheGet } from './cache';
import { closeQueue, enqueueWrite, listQueuedWrites, setQueueFetch } from './queue';

beforeAll(() => {
  const items = new Map<string, string>();
  const storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
  Object.defineProperty(globalThis, 'localStorage', { value: storage, configurable: true });
  setQueueFetch(() => Promise.reject(new TypeError('Failed to fetch')));
});

afterEach(() => closeQueue());

describe('the account known offline', () => {
  it('reopens the last account and its cached `me` after a reload without network', async () => {
    const me = { id: 801, displayName: 'Nguyễn Văn An' };
    await rememberAccount(me);
    await enqueueWrite({
      method: 'POST',
      path: '/api/x',
      body: {},
      scope: 'meeting:1',
      kind: 'vote',
      label: 'Biểu quyết',
    });
    closeQueue(); // the page reloads
    expect(await cacheGet('me')).toBeUndefined();
    expect(await recallAccount<{ id: number; displayName: string }>()).toEqual({
      id: 801,
      displayName: 'Nguyễn Văn An',
    });
    expect((await listQueuedWrites()).map((w) => w.label)).toEqual(['Biểu quyết']);
  });

  it('shows the account that signed in last on this device', async () => {
    await rememberAccount({ id: 801 });
    await rememberAccount({ id: 802 });
    closeQueue();
    expect(await recallAccount()).toEqual({ id: 802 });
    expect(await listQueuedWrites()).toEqual([]);
  });

  it('knows no account after a sign-out, but keeps its stored writes', async () => {
    await rememberAccount({ id: 803 });
    await enqueueWrite({
      method: 'POST',
      path: '/api/y',
      body: {},
      scope: 'visit:5',
      kind: 'visit-report',
      label: 'Báo cáo',
    });
    forgetAccount();
    expect(await recallAccount()).toBeUndefined();
    await rememberAccount({ id: 803 });
    expect((await listQueuedWrites()).map((w) => w.label)).toEqual(['Báo cáo']);
  });
});
