/**
 * Read-your-writes over a streaming replica (issue 14 item 5): after every request that may write (any method
 * but GET, HEAD, OPTIONS), once its transaction has committed, the answer carries the primary's WAL position in
 * the `nennep_lsn` cookie; `readDbOf(deps, request)` (deps.ts) sends a later read of that browser to the replica
 * only when the replica has replayed that far (db/replica.ts), else to the primary. The process keeps nothing:
 * the next request may reach another process behind the proxy and is routed the same way.
 *
 * The cookie is a routing hint, not a credential, so it is neither signed nor kept server-side: a client that
 * lowers it only reads its own data a moment stale, one that raises it only reads from the primary, and nobody
 * reads anything their grants do not allow either way. Two writes of one session answered out of order may
 * leave the earlier position in the browser; each is taken after its own commit, so the window is the few
 * microseconds between one answer's position and its sending while the other commits and is answered.
 */
import type { FastifyInstance } from 'fastify';
import { LSN_COOKIE } from '../db/replica.ts';
import type { Deps } from '../deps.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Registers the hook when the deps have a replica; without one nothing is added and nothing changes. */
export function registerReadYourWrites(app: FastifyInstance, deps: Deps) {
  const { replica } = deps;
  if (!replica) return;
  app.addHook('onSend', async (request, reply, payload) => {
    if (SAFE_METHODS.has(request.method)) return payload;
    try {
      reply.setCookie(LSN_COOKIE, await replica.primaryLsn(), {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.config.secureCookies,
      });
    } catch (error) {
      // The primary out of reach after the handler ran: the write most likely failed with it.
      request.log.warn({ err: error }, 'read-your-writes: the WAL position could not be read');
    }
    return payload;
  });
}
