/**
 * The first load (issue 14, item 4): the web app is built (`npm run build -w @nennep/web`), served by the
 * server on the seeded demo (in this process, on an in-memory PGlite: only bytes are measured here, not
 * times), and opened in Debian's Chromium with an empty cache:
 * - loginJsBytes / loginJsCompressedBytes: the JavaScript of the sign-in page, decoded and as transferred
 *   (Chromium asks for br/gzip, as every browser does);
 * - appJsCompressedBytes: the JavaScript transferred until the secretary's home page shows after signing
 *   in (the sign-in page's scripts and the app's), and homeJsCompressedBytes the part after signing in.
 * Acceptance: loginJsCompressedBytes ≤ 250 kB (250,000 bytes).
 */
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, Response } from 'playwright-core';
import { launchChromium } from '../e2e/chromium.ts';
import { buildApp } from '../packages/server/src/app.ts';
import { openPglite } from '../packages/server/src/db/client.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import { DEMO_PASSWORD, seedDemo } from '../packages/server/src/seed/seed-demo.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = path.join(ROOT, 'bench/results');
const LOGIN_LIMIT_BYTES = 250_000;

export interface WebFigures {
  loginJsBytes: number;
  loginJsCompressedBytes: number;
  appJsCompressedBytes: number;
  homeJsCompressedBytes: number;
  loginScripts: number;
  appScripts: number;
  loginLimitBytes: number;
  withinLimit: boolean;
}

interface Script {
  url: string;
  bytes: number;
  compressedBytes: number;
  encoding: string;
}

/** Every script the page receives from now on, decoded and as transferred. */
function recordScripts(page: Page) {
  const pending: Promise<Script>[] = [];
  const onResponse = (response: Response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(
      (async () => {
        const body = await response.body();
        const sizes = await response.request().sizes();
        const headers = await response.allHeaders();
        return {
          url: new URL(response.url()).pathname,
          bytes: body.length,
          compressedBytes: sizes.responseBodySize,
          encoding: headers['content-encoding'] ?? 'identity',
        };
      })(),
    );
  };
  page.on('response', onResponse);
  return async () => {
    page.off('response', onResponse);
    return Promise.all(pending);
  };
}

const sum = (scripts: Script[], key: 'bytes' | 'compressedBytes') =>
  scripts.reduce((total, script) => total + script[key], 0);

export async function benchWeb(log: (text: string) => void): Promise<WebFigures> {
  log('Web: building the web app…');
  execSync('npm run build -w @nennep/web', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  log('Web: seeding the demo (in-memory PGlite)…');
  const database = await openPglite(null);
  await migrate(database.raw);
  await seedDemo(database, { now: new Date() });
  const app = await buildApp({ database, config: { secureCookies: false, sessionDays: 1 } });
  const browser = await launchChromium();
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    // Service workers blocked (issue 18): the worker's precache, downloaded in the background once signed
    // in, is not part of the first load, and a worker must not answer the page's requests here.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'vi-VN',
      serviceWorkers: 'block',
    });
    const page = await context.newPage();

    log('Web: the sign-in page…');
    const stopLogin = recordScripts(page);
    await page.goto(`${origin}/login`, { waitUntil: 'networkidle' });
    await page.getByTestId('login-submit').waitFor();
    const login = await stopLogin();

    log('Web: signing in as secretary, the home page…');
    const stopHome = recordScripts(page);
    await page.getByTestId('login-username').fill('secretary');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.getByTestId('home-secretary').waitFor();
    await page.waitForLoadState('networkidle');
    const home = await stopHome();
    await context.close();

    for (const script of [...login, ...home])
      log(`  ${script.url} ${script.bytes} B, ${script.compressedBytes} B ${script.encoding}`);
    const loginJsCompressedBytes = sum(login, 'compressedBytes');
    return {
      loginJsBytes: sum(login, 'bytes'),
      loginJsCompressedBytes,
      appJsCompressedBytes: loginJsCompressedBytes + sum(home, 'compressedBytes'),
      homeJsCompressedBytes: sum(home, 'compressedBytes'),
      loginScripts: login.length,
      appScripts: login.length + home.length,
      loginLimitBytes: LOGIN_LIMIT_BYTES,
      withinLimit: loginJsCompressedBytes <= LOGIN_LIMIT_BYTES,
    };
  } finally {
    await browser.close();
    await app.close();
    await database.close();
  }
}

/** Runs the web benchmark and writes bench/results/web.json. */
export async function writeWebFigures(log: (text: string) => void): Promise<WebFigures> {
  const figures = await benchWeb(log);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(path.join(RESULTS, 'web.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`bench/results/web.json\n${JSON.stringify(figures, null, 2)}`);
  return figures;
}
