import type { AddressInfo } from 'node:net';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildApp } from '../packages/server/src/app.ts';
import type { Database } from '../packages/server/src/db/client.ts';
import { demoDatabase } from '../packages/server/src/test/demo.ts';

/** The demo as `npm start` serves it (built web app, seeded demo), on a free loopback port, plus Chromium. */
export interface Harness {
  url: string;
  browser: Browser;
  database: Database;
  page(options?: { width?: number; height?: number; locale?: 'vi' | 'en' }): Promise<Page>;
  close(): Promise<void>;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function startHarness(): Promise<Harness> {
  const database = await demoDatabase();
  const app = await buildApp({ database, config: { secureCookies: false, sessionDays: 1 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
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
