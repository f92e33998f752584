/**
 * The server's log: JSON lines without personal data. Cookies, the anti-forgery header and personal
 * fields are redacted; a request is logged by its path (a search in the query string may be a name or a
 * phone); an error by its kind, its stack frames and, for a database error, its SQLSTATE and the names
 * of what it touched — never its parameters, its `detail` ("Key (citizen_id)=(…)", "Failing row contains
 * (…)") nor a quoted value in its message (docs/OPERATIONS.md, "Logs").
 */
import type { FastifyRequest, FastifyServerOptions } from 'fastify';

/** Where log lines go instead of standard output (tests capture them). */
export interface LogStream {
  write(line: string): void;
}

/** Keys that must never reach a log line (personal data, secrets). */
export const REDACT = [
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'birthDate',
  'citizenId',
  'phone',
  'password',
  '*.birthDate',
  '*.citizenId',
  '*.phone',
  '*.password',
];

/** A database error's fields that name things (never values). */
const NAMES = ['code', 'severity', 'constraint', 'table', 'column', 'schema', 'dataType', 'routine'] as const;

type ErrorLike = Error & Partial<Record<(typeof NAMES)[number] | 'query', unknown>> & { cause?: unknown };

/** A PostgreSQL / PGlite error (five-character SQLSTATE), or one wrapping it (Drizzle's "Failed query"). */
function databaseError(error: ErrorLike): ErrorLike | null {
  if (typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code)) return error;
  const cause = error.cause;
  if (cause instanceof Error && cause !== error) return databaseError(cause as ErrorLike);
  return null;
}

/**
 * A message with its values out: quoted text that is not a plain SQL name, and runs of digits (phone
 * numbers, citizen IDs, dates) become "…".
 */
export function scrub(text: string): string {
  return text
    .replace(/"([^"\n]*)"/g, (all, inner: string) => (/^[A-Za-z_][A-Za-z_.]*$/.test(inner) ? all : '"…"'))
    .replace(/'([^'\n]*)'/g, (all, inner: string) => (/^[A-Za-z_][A-Za-z_.]*$/.test(inner) ? all : "'…'"))
    .replace(/\d[\d\s.\-/:+]{3,}\d/g, '…');
}

/** The stack's frames only: its first lines repeat the message, which may hold values. */
const framesOf = (stack: string | undefined) =>
  (stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 20)
    .join('\n');

/** An error as logged. */
export interface LoggedError {
  type: string;
  message: string;
  stack: string;
  [key: string]: unknown;
}

/** What of an error may be logged. */
export function errorForLog(error: unknown): LoggedError {
  if (!(error instanceof Error)) {
    const text = String((error as { message?: unknown })?.message ?? error);
    return { type: typeof error, message: scrub(text), stack: '' };
  }
  const e = error as ErrorLike;
  const db = databaseError(e);
  const out: LoggedError = { type: e.name, message: scrub((db ?? e).message), stack: framesOf(e.stack) };
  if (!db) {
    if (e.cause instanceof Error) out.cause = errorForLog(e.cause);
    return out;
  }
  const names: Record<string, unknown> = {};
  for (const key of NAMES) if (typeof db[key] === 'string') names[key] = db[key];
  out.db = names;
  const query = typeof e.query === 'string' ? e.query : typeof db.query === 'string' ? db.query : null;
  if (query) out.query = scrub(query.replace(/\s+/g, ' ').slice(0, 500));
  return out;
}

/** A request as logged: method and path, without the query string. */
function requestForLog(request: FastifyRequest) {
  const url = request.url ?? '';
  const query = url.indexOf('?');
  return {
    method: request.method,
    url: query < 0 ? url : `${url.slice(0, query)}?…`,
    remoteAddress: request.ip,
  };
}

/** The logger of the server; `stream` captures the lines (tests). */
export function loggerOptions(stream?: LogStream): FastifyServerOptions['logger'] {
  return {
    level: 'info',
    redact: REDACT,
    serializers: { err: errorForLog, error: errorForLog, req: requestForLog },
    ...(stream ? { stream } : {}),
  };
}
