import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { buildApp } from '../packages/server/src/app.ts';
import type { Database } from '../packages/server/src/db/client.ts';
import { demoDatabase } from '../packages/server/src/test/demo.ts';
import { launchChromium } from './chromium.ts';

/** The demo as `npm start` serves it (built web app, seeded demo), on a free loopback port, plus Chromium. */
export interface Harness {
  url: string;
  browser: Browser;
  database: Database;
  page(options?: { width?: number; height?: number; locale?: 'vi' | 'en' }): Promise<Page>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const database = await demoDatabase();
  const app = await buildApp({ database, config: { secureCookies: false, sessionDays: 1 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  return {
    url,
    browser,
    database,
    async page({ width = 360, height = 740, locale = 'vi' } = {}) {
      const context = await browser.newContext({
        viewport: { width, height },
        locale: locale === 'vi' ? 'vi-VN' : 'en-GB',
      });
      const page = await context.newPage();
      if (locale === 'en') await context.addInitScript(() => localStorage.setItem('nennep.lang', 'en'));
      return page;
    },
    async close() {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

export async function signIn(page: Page, base: string, username: string, password = 'demo1234') {
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Width the page would need; more than the viewport means a sideways scroll on a phone. */
export async function overflowX(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** An API caller with its own session cookie and anti-forgery token (Node fetch, no browser). */
export async function apiSession(base: string, username: string, password = 'demo1234') {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const me = (await login.json()) as { csrfToken: string; displayName: string };
  const call = async <T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; data: T }> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': me.csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, data: (text ? JSON.parse(text) : undefined) as T };
  };
  const ok = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const answer = await call<T>(method, path, body);
    if (answer.status >= 300)
      throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.data)}`);
    return answer.data;
  };
  return { me, call, ok };
}

export type ApiSession = Awaited<ReturnType<typeof apiSession>>;

/**
 * Picks an option of an antd Select (typing part of its label first when asked), then waits until the
 * select shows it. On a loaded machine a click can land while the dropdown is still opening and choose
 * nothing; the choice is tried again (up to three times) instead of letting a later step wait in vain.
 */
export async function chooseOption(page: Page, testId: string, text: string, type = false) {
  const select = page.getByTestId(testId);
  for (let attempt = 1; ; attempt++) {
    await select.click();
    if (type) await page.keyboard.type(text);
    const option = page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: text })
      .first();
    await option.waitFor();
    await option.click();
    try {
      await select.filter({ hasText: text }).waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
}
