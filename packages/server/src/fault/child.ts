/**
 * A real server process for fault tests (issue 12): `nennep start` spawned as users run it, waited on until
 * it listens, killed with SIGKILL (no handler runs: as a power cut is to the process) or stopped with SIGTERM.
 * Every wait is on a condition with a deadline, never on a fixed time.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { NENNEP_BIN as BIN } from '../test/cli.ts';
import { freePort } from '../test/free-port.ts';

const READY = /Nền Nếp: http:\/\//;

/** Polls `probe` until it returns a value (not undefined), or fails with `what` at the deadline. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  ms: number,
) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** One line of the server's JSON log (Fastify's), or its plain text. */
export interface LogLine {
  msg?: string;
  req?: { method?: string; url?: string };
  text: string;
}

export interface ServerChild {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  readonly pid: number;
  /** Resolves at the first log line (past or coming) that `match` accepts. */
  waitForLog(what: string, match: (line: LogLine) => boolean, ms?: number): Promise<LogLine>;
  /** SIGKILL, then waits for the process to be gone. */
  kill(): Promise<void>;
  /** SIGTERM (the server closes the database cleanly), then waits for exit code 0. */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/**
 * Starts `nennep start` on the database named by `env` (NENNEP_DATA_DIR or DATABASE_URL) on a free port
 * and resolves once it listens; fails with the process's output if it stops first or takes too long.
 */
export async function startServer(env: Record<string, string>, ms = 90_000): Promise<ServerChild> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(env, await freePort(), ms);
    } catch (error) {
      // Another process took the port between the pick and the listen: pick again.
      if (attempt >= 3 || !String(error).includes('EADDRINUSE')) throw error;
    }
  }
}

/** The servers a test file started, all killed in its afterAll whatever happened to them. */
export class ServerPool {
  private readonly running: ServerChild[] = [];

  async start(env: Record<string, string>): Promise<ServerChild> {
    const server = await startServer(env);
    this.running.push(server);
    return server;
  }

  async killAll() {
    for (const server of this.running) await server.kill().catch(() => undefined);
  }
}

async function startOnce(env: Record<string, string>, port: number, ms: number): Promise<ServerChild> {
  const child = spawn(process.execPath, [BIN, 'start'], {
    env: { ...process.env, DATABASE_URL: '', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const lines: LogLine[] = [];
  const waiters: { match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];
  let partial = '';
  const take = (chunk: string) => {
    text += chunk;
    partial += chunk;
    const complete = partial.split('\n');
    partial = complete.pop() ?? '';
    for (const raw of complete) {
      let line: LogLine = { text: raw };
      try {
        line = { ...(JSON.parse(raw) as Omit<LogLine, 'text'>), text: raw };
      } catch {
        // plain text (the start banner, a stack trace)
      }
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.match(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  };
  child.stdout?.setEncoding('utf8').on('data', take);
  child.stderr?.setEncoding('utf8').on('data', take);
  const gone = exited(child);

  const waitForLog = (what: string, match: (line: LogLine) => boolean, wait = 30_000) => {
    const seen = lines.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise<LogLine>((resolve, reject) => {
      let settled = false;
      const waiter = {
        match,
        resolve: (line: LogLine) => {
          settled = true;
          clearTimeout(timer);
          resolve(line);
        },
      };
      const fail = (why: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        waiters.splice(waiters.indexOf(waiter), 1);
        reject(new Error(`${why} waiting for ${what}; server output:\n${text.slice(-4000)}`));
      };
      const timer = setTimeout(() => fail('timed out'), wait);
      waiters.push(waiter);
      void gone.then(() => fail('the server stopped'));
    });
  };

  try {
    await waitForLog('the server to listen', (line) => READY.test(line.text), ms);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const pid = child.pid;
  if (pid === undefined) throw new Error('no pid');
  return {
    url: `http://127.0.0.1:${port}`,
    pid,
    waitForLog,
    kill: async () => {
      child.kill('SIGKILL');
      const { signal } = await gone;
      if (signal !== 'SIGKILL') throw new Error(`the server ended by ${signal} before it was killed`);
    },
    stop: async () => {
      child.kill('SIGTERM');
      const { code } = await gone;
      if (code !== 0) throw new Error(`the server stopped with ${code}; output:\n${text.slice(-4000)}`);
    },
  };
}

/** The answer to one request: its status and parsed body, or the network error when none came. */
export type Answer = { status: number; body: unknown } | { status: null; error: string };

function parsed(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return text;
  }
}

/** A logged-in user of a server child, over real HTTP (cookie and anti-forgery token as the web app). */
export class HttpClient {
  private headers: Record<string, string> = {};

  constructor(public base: string) {}

  /** A client holding a session made straight in the database (no login, so no audit row of its own). */
  static withSession(base: string, session: { token: string; csrfToken: string }): HttpClient {
    const client = new HttpClient(base);
    client.headers = { cookie: `nennep_session=${session.token}`, 'x-csrf-token': session.csrfToken };
    return client;
  }

  async login(username: string, password: string) {
    const response = await fetch(`${this.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (response.status !== 200) throw new Error(`login ${username}: ${response.status}`);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('nennep_session='));
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    this.headers = { cookie: cookie?.split(';')[0] ?? '', 'x-csrf-token': csrfToken };
    return this;
  }

  /** The same session against another process (a restarted server on a new port). */
  at(base: string): HttpClient {
    const client = new HttpClient(base);
    client.headers = this.headers;
    return client;
  }

  /** Sends one request; a connection cut by the server's death is an answer with status null. */
  async send(method: string, url: string, body?: unknown, signal?: AbortSignal): Promise<Answer> {
    const isForm = body instanceof FormData;
    try {
      const response = await fetch(`${this.base}${url}`, {
        method,
        headers: {
          ...this.headers,
          ...(body === undefined || isForm ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
        signal,
      });
      const text = await response.text();
      return { status: response.status, body: parsed(text) };
    } catch (error) {
      return { status: null, error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Sends one request that must succeed with `expected`; returns its body. */
  async ok<T>(method: string, url: string, body?: unknown, expected = 200): Promise<T> {
    const answer = await this.send(method, url, body);
    if (answer.status !== expected)
      throw new Error(`${method} ${url}: ${answer.status} ${JSON.stringify(answer)}`);
    return answer.body as T;
  }
}
