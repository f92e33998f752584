import { inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SECRETARY_CELL_CODE } from '../packages/server/src/seed/demo-data.ts';
import { apiSession, type Harness, signIn, startHarness } from './harness.ts';

/**
 * The installable app (issue 18, item 1) on a 360 × 740 phone: once signed in, the service worker
 * installs and precaches the app; a meeting page and a visit page opened once then reload with the
 * network gone: the app's own shell and the page's frame come from the worker (not the browser's offline
 * page, not a blank page). The API data may be missing: the worker never caches /api/ (the app keeps its
 * data in IndexedDB, lib/offline).
 */
let h: Harness;

// Seeding the demo takes minutes on a busy two-core machine: more than the project's default hook time.
beforeAll(async () => {
  h = await startHarness();
}, 600_000);
afterAll(() => h?.close());

/** Waits until the service worker is active (its precache complete) and controls the page. */
async function workerReady(page: Page): Promise<string> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.scriptURL ?? '';
  });
}

/** The failed requests of the page from now on (a chunk the worker could not give shows up here). */
function failedRequests(page: Page): string[] {
  const failed: string[] = [];
  page.on('requestfailed', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/')) failed.push(url.pathname);
  });
  return failed;
}

/**
 * Reloads the page offline and checks what shows: the document from the worker, the shell (its header
 * with the menu button of a phone), and in its content either the page itself or the app's own "could
 * not load" notice, never the page-level error that a missing chunk gives.
 */
async function reloadOffline(page: Page, pageSelector: string) {
  await page.context().setOffline(true);
  const failed = failedRequests(page);
  const response = await page.reload();
  expect(response?.status()).toBe(200);
  expect(response?.fromServiceWorker(), 'the document came from the service worker').toBe(true);
  await page.getByTestId('nav-toggle').waitFor();
  const content = page.locator('.nn-content');
  await content.locator(`${pageSelector}, .ant-result`).first().waitFor();
  await expect(content.textContent()).resolves.not.toContain('Không mở được trang này');
  expect(await page.title()).toBe('Nền Nếp');
  expect(failed, 'no script or style sheet missing offline').toEqual([]);
  await page.context().setOffline(false);
}

/** Width and height of a PNG, from its IHDR chunk; also checks that its pixels inflate. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  const idat = bytes.indexOf('IDAT');
  const length = bytes.readUInt32BE(idat - 4);
  expect(inflateSync(bytes.subarray(idat + 4, idat + 4 + length)).length).toBeGreaterThan(0);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the installable app', () => {
  it('serves its manifest (Vietnamese) and icons, linked from index.html', async () => {
    const html = await (await fetch(`${h.url}/login`)).text();
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest">');
    expect(html).toContain('<link rel="apple-touch-icon" href="/apple-touch-icon.png" />');
    const answer = await fetch(`${h.url}/manifest.webmanifest`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    expect(answer.headers.get('cache-control')).toBe('no-cache');
    const manifest = (await answer.json()) as {
      name: string;
      short_name: string;
      lang: string;
      start_url: string;
      display: string;
      theme_color: string;
      background_color: string;
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({
      name: 'Nền Nếp — Sinh hoạt chi bộ',
      short_name: 'Nền Nếp',
      lang: 'vi',
      start_url: '/',
      display: 'standalone',
    });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    // Plain icons (no purpose) of both sizes, and one maskable for the launchers that crop.
    expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'plain'}`).sort()).toEqual([
      '192x192 plain',
      '512x512 maskable',
      '512x512 plain',
    ]);
    for (const icon of [...manifest.icons, { src: '/apple-touch-icon.png', sizes: '180x180' }]) {
      const file = await fetch(`${h.url}${icon.src}`);
      expect(file.status, icon.src).toBe(200);
      expect(file.headers.get('content-type'), icon.src).toBe('image/png');
      const { width, height } = pngSize(Buffer.from(await file.arrayBuffer()));
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
    }
    const worker = await fetch(`${h.url}/sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toMatch(/javascript/);
    expect(worker.headers.get('cache-control')).toBe('no-cache');
  });

  it('the sign-in page registers no worker; the shell does, and a meeting page reloads offline', async () => {
    const page = await h.page({ width: 360, height: 740 });
    try {
      await page.goto(`${h.url}/login`);
      await page.getByTestId('login-submit').waitFor();
      expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations())).toHaveLength(0);
      await signIn(page, h.url, 'secretary');
      expect(await workerReady(page)).toBe(`${h.url}/sw.js`);
      const secretary = await apiSession(h.url, 'secretary');
      const { items } = await secretary.ok<{ items: { id: number }[] }>(
        'GET',
        `/api/meetings?org=${DEMO_SECRETARY_CELL_CODE}&from=2000-01-01&to=2100-12-31`,
      );
      const meeting = items.at(-1);
      expect(meeting, 'the demo cell has meetings').toBeDefined();
      await page.goto(`${h.url}/meetings/${meeting?.id}`);
      await page.getByTestId('meeting-title').waitFor();
      await reloadOffline(page, '[data-testid="meeting-title"]');
      // A page never opened before also opens offline: its chunk was precached with the others.
      await page.context().setOffline(true);
      await page.goto(`${h.url}/members`);
      await page.getByTestId('nav-toggle').waitFor();
      await page.locator('.nn-content').locator('.ant-result, .ant-table, .ant-list').first().waitFor();
      // The worker never answers the API: offline, a request of it fails instead of an old answer.
      const api = await page.evaluate(() =>
        fetch('/api/auth/me').then(
          (r) => `status ${r.status}`,
          () => 'failed',
        ),
      );
      expect(api).toBe('failed');
    } finally {
      await page.context().close();
    }
  });

  it('a visitor’s visit page reloads offline', async () => {
    const visitor = await apiSession(h.url, 'visitor');
    const { items } = await visitor.ok<{ items: { id: number }[] }>(
      'GET',
      '/api/supervision/visits?mine=true',
    );
    const page = await h.page({ width: 360, height: 740 });
    try {
      await signIn(page, h.url, 'visitor');
      await workerReady(page);
      // Without a visit of their own in the demo, an unknown one: the frame and its notice still show.
      await page.goto(`${h.url}/supervision/visits/${items[0]?.id ?? 999999}`);
      await page.locator('[data-testid="visit-header"], .ant-result').first().waitFor();
      await reloadOffline(page, '[data-testid="visit-header"]');
    } finally {
      await page.context().close();
    }
  });
});
