/**
 * The database out of reach (a PostgreSQL restart, a failover, a network cut: issue 12, fault 9): the
 * request is answered 503 with `Retry-After` rather than 500 (errors.ts), and a read (GET) whose first
 * attempt met such an error is tried once more after a short wait, which a restart of under a second
 * usually survives. Writes are never retried here: whether the first attempt committed is not known.
 */
import type { FastifyInstance, RouteHandlerMethod } from 'fastify';

/** Seconds a client is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;
/** The wait before the one retry of a read. */
export const READ_RETRY_DELAY_MS = 300;

/** Socket errors of the connection itself (node's `code`). */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);
/**
 * PostgreSQL SQLSTATEs of a lost or refused connection: class 08 (connection exception), 57P01–57P03
 * (admin/crash shutdown, cannot connect now) — PostgreSQL documentation, Appendix A "Error Codes".
 */
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123])$/;
/** node-postgres' own words when the socket goes away (it sets no code). */
const MESSAGES =
  /Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i;

/** Whether an error (or one it wraps, as Drizzle wraps driver errors) means the database is out of reach. */
export function isConnectionError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return false;
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || SQLSTATE.test(code))) return true;
    if (typeof message === 'string' && MESSAGES.test(message)) return true;
    current = cause;
  }
  return false;
}

/**
 * A transaction the database rolled back to break a deadlock (40P01) or a serialization conflict (40001):
 * nothing of it was written, so the client may simply send it again (PostgreSQL documentation, Appendix A;
 * chapter 13.6 "Serialization Failure Handling"). Two writers touching the same roll-up buckets in opposite
 * order (migrations 0013, 0014) would meet this.
 */
export function isTransientConflict(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== 'object') return false;
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (code === '40P01' || code === '40001') return true;
    current = cause;
  }
  return false;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Wraps every GET handler registered after it: a first attempt that fails on a connection error (and has
 * sent nothing yet) is run again once after READ_RETRY_DELAY_MS; a second failure goes to the error
 * handler (503). Call before the routes are registered.
 */
export function registerReadRetry(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.includes('GET')) return;
    const handler = route.handler as (...args: Parameters<RouteHandlerMethod>) => unknown;
    route.handler = async function retried(this: FastifyInstance, request, reply) {
      try {
        return await handler.call(this, request, reply);
      } catch (error) {
        if (!isConnectionError(error) || reply.sent) throw error;
        request.log.warn('database unreachable: the read is tried once more');
        await sleep(READ_RETRY_DELAY_MS);
        return handler.call(this, request, reply);
      }
    };
  });
}
