/**
 * The server under load runs as its own process, as `npm start` runs it (`nennep start`, logger on), so
 * autocannon and the server never share an event loop. The database is seeded first by `nennep seed-demo`
 * (the demo year and the fingerprints of its documents, so no background work runs during the load). Both
 * write to one log file; its error lines are shown when something fails.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../packages/server/src/test/free-port.ts';

const NENNEP = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../packages/server/bin/nennep.mjs',
);
const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 20_000;

export type LoadTarget = { driver: 'pglite'; dir: string } | { driver: 'postgres'; url: string };

/** The environment of `nennep`: this database only, no mail, no proxy. */
function envFor(target: LoadTarget, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of ['DATABASE_URL', 'NENNEP_DATA_DIR', 'NENNEP_SMTP_URL', 'NENNEP_TRUST_PROXY'])
    delete env[name];
  if (target.driver === 'pglite') env.NENNEP_DATA_DIR = target.dir;
  else env.DATABASE_URL = target.url;
  return env;
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

/** The log's lines that tell of a failure (errors, 5xx answers), the last `count` of them. */
export function logErrors(logFile: string, count = 20): string {
  if (!existsSync(logFile)) return '(no log)';
  const lines = readFileSync(logFile, 'utf8').split('\n');
  const bad = lines.filter((l) => /"level":(50|60)|"statusCode":5\d\d|Error|error:/i.test(l) && l.trim());
  return (bad.length ? bad : lines.slice(-count)).slice(-count).join('\n');
}

/** `nennep seed-demo` into the target; its wall time in seconds. */
export async function seedTarget(target: LoadTarget, logFile: string): Promise<number> {
  const fd = openSync(logFile, 'a');
  const started = performance.now();
  try {
    const child = spawn(process.execPath, [NENNEP, 'seed-demo'], {
      env: envFor(target),
      stdio: ['ignore', fd, fd],
    });
    const code = await exited(child);
    if (code !== 0) throw new Error(`nennep seed-demo exited with ${code}:\n${logErrors(logFile)}`);
  } finally {
    closeSync(fd);
  }
  return Math.round((performance.now() - started) / 100) / 10;
}

export interface RunningServer {
  origin: string;
  /** Peak resident memory of the server process so far (Linux), in MB. */
  peakRssMb(): number | null;
  stop(): Promise<void>;
}

/** `nennep start` on a free loopback port; resolves once it answers HTTP. */
export async function startServer(target: LoadTarget, logFile: string): Promise<RunningServer> {
  const port = await freePort();
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, [NENNEP, 'start'], {
    env: envFor(target, { PORT: String(port), HOST: '127.0.0.1' }),
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const done = exited(child);
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await done;
    clearTimeout(timer);
  };
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`nennep start exited with ${child.exitCode}:\n${logErrors(logFile)}`);
    }
    try {
      await fetch(`${origin}/api/auth/me`);
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`nennep start did not answer within ${READY_TIMEOUT_MS / 1000} s`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  const peakRssMb = () => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
      return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
    } catch {
      return null;
    }
  };
  return { origin, peakRssMb, stop };
}

export interface Session {
  username: string;
  headers: Record<string, string>;
  csrfToken: string;
}

/** Logs in as the web does; the cookie (and, for writes, the anti-forgery token) go with every request. */
export async function login(origin: string, username: string, password: string): Promise<Session> {
  const response = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200)
    throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('nennep_session='));
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  const me = (await response.json()) as { csrfToken: string };
  return { username, headers: { cookie }, csrfToken: me.csrfToken };
}

/** A GET as the given session, which must answer 200. */
export async function getJson<T>(origin: string, session: Session, url: string): Promise<T> {
  const response = await fetch(`${origin}${url}`, { headers: session.headers });
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
