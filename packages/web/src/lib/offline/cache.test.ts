import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { cacheGet, cachePut, withOfflineCache } from './cache';
import { closeQueue, openQueue, setQueueFetch } from './queue';

const networkDown = () => Promise.reject(new ApiError(0, 'network', 'Không có mạng'));

afterEach(() => {
  closeQueue();
  setQueueFetch(null);
});

describe('offline data cache', () => {
  it('answers from the network first and keeps the answer', async () => {
    await openQueue(501);
    expect(await withOfflineCache('meeting:12', async () => ({ title: 'Sinh hoạt tháng 12' }))).toEqual({
      title: 'Sinh hoạt tháng 12',
    });
    expect(await cacheGet('meeting:12')).toEqual({ title: 'Sinh hoạt tháng 12' });
    expect(await withOfflineCache('meeting:12', async () => ({ title: 'mới' }))).toEqual({ title: 'mới' });
  });

  it('falls back to the cached copy on a network failure only', async () => {
    await openQueue(502);
    await cachePut('meeting:12', { title: 'đã lưu' });
    expect(await withOfflineCache('meeting:12', networkDown)).toEqual({ title: 'đã lưu' });
    const notFound = new ApiError(404, 'not_found', 'Không tìm thấy');
    await expect(withOfflineCache('meeting:12', () => Promise.reject(notFound))).rejects.toBe(notFound);
    await expect(withOfflineCache('meeting:99', networkDown)).rejects.toMatchObject({ code: 'network' });
  });

  it('keeps each account its own cache', async () => {
    await openQueue(503);
    await cachePut('me', { id: 503 });
    await openQueue(504);
    expect(await cacheGet('me')).toBeUndefined();
    await openQueue(503);
    expect(await cacheGet('me')).toEqual({ id: 503 });
    closeQueue();
    expect(await cacheGet('me')).toBeUndefined();
  });
});
