/**
 * `Idempotency-Key` on writes (issue 18 item 2): a phone in a village hall queues its writes while the
 * network is gone and sends them again when it returns; a write that had in fact arrived must not be made
 * twice (a second opinion, a doubled vote). Every write under /api but sign-in and sign-out, by a signed-in
 * account, that carries the header:
 * - the first time, runs as usual; its answer (status and body) is kept when below 500 — a refusal (4xx) is
 *   replayed as it was, a server fault is not kept so that the retry runs again;
 * - the same key with the same request (method, URL and body with its keys sorted, SHA-256) answers the kept
 *   status and body with `Idempotent-Replayed: true`: nothing runs again, no second row, no audit event;
 * - the same key with another request is refused (422), and a malformed key too (400), both naming the header;
 * - keys are per account, and kept `NENNEP_IDEMPOTENCY_DAYS` (30) by the app's clock; expired rows are
 *   deleted a batch at a time as new ones are stored;
 * - two copies in flight at once run one after the other (http/idempotency-lock.ts), so the second replays.
 * Uploads (multipart) are left out: the key is ignored and the upload runs, as hashing them would mean holding
 * the file. Answers that are not text (a generated file) are not kept either. Bodies are never logged.
 */
import { createHash, type Hash } from 'node:crypto';
import type { SwaggerTransform } from '@fastify/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { type Deps, nowOf } from '../deps.ts';
import { AppError, type Bilingual, invalidField } from './errors.ts';
import { type HeldLock, idempotencyLocker, type Query } from './idempotency-lock.ts';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';
export const DEFAULT_IDEMPOTENCY_DAYS = 30;
const KEY_PATTERN = /^[A-Za-z0-9_-]{8,100}$/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Sign-in makes the session the key would belong to; sign-out ends it. */
const EXCLUDED = new Set(['/api/auth/login', '/api/auth/logout']);
/** Expired rows deleted at most per stored answer: the cleanup never grows into a long statement. */
const CLEANUP_BATCH = 100;

const BAD_KEY: Bilingual = {
  vi: `Khóa ${IDEMPOTENCY_HEADER} phải dài 8–100 ký tự, chỉ gồm chữ cái không dấu, chữ số, dấu _ và -`,
  en: `${IDEMPOTENCY_HEADER} must be 8–100 characters: unaccented letters, digits, _ and -`,
};
const KEY_REUSED: Bilingual = {
  vi: `${IDEMPOTENCY_HEADER}: khóa đã dùng cho một yêu cầu khác; hãy dùng khóa mới cho yêu cầu này.`,
  en: `${IDEMPOTENCY_HEADER}: the key was already used for another request; use a new key for this one.`,
};

interface Pending {
  accountId: number;
  key: string;
  method: string;
  path: string;
  hash: string;
  lock: HeldLock;
}

interface StoredAnswer {
  request_hash: string;
  status: number;
  response_body: string;
  content_type: string | null;
}

/** Feeds a JSON value to the hash with object keys sorted, iteratively (no depth limit). */
function hashCanonical(hash: Hash, value: unknown) {
  const items: unknown[] = [value];
  while (items.length > 0) {
    const current = items.pop();
    if (current instanceof Token) hash.update(current.text);
    else if (Array.isArray(current)) {
      const parts: unknown[] = [new Token('[')];
      for (const [i, item] of current.entries()) {
        if (i > 0) parts.push(new Token(','));
        parts.push(item);
      }
      parts.push(new Token(']'));
      for (let i = parts.length - 1; i >= 0; i--) items.push(parts[i]);
    } else if (current !== null && typeof current === 'object' && !Buffer.isBuffer(current)) {
      const keys = Object.keys(current).sort();
      const record = current as Record<string, unknown>;
      const parts: unknown[] = [new Token('{')];
      keys.forEach((key, i) => {
        parts.push(new Token(`${i > 0 ? ',' : ''}${JSON.stringify(key)}:`), record[key]);
      });
      parts.push(new Token('}'));
      for (let i = parts.length - 1; i >= 0; i--) items.push(parts[i]);
    } else if (Buffer.isBuffer(current)) hash.update(current);
    else hash.update(JSON.stringify(current) ?? 'undefined');
  }
}

/** A piece of JSON syntax, told apart from the string values in the stack. */
class Token {
  constructor(readonly text: string) {}
}

/** SHA-256 of the method, the URL (path and query) and the body with its keys sorted. */
export function requestHash(method: string, url: string, body: unknown): string {
  const hash = createHash('sha256').update(`${method}\n${url}\n`);
  hashCanonical(hash, body);
  return hash.digest('hex');
}

/** The header's value checked, or null when the request is not one the key applies to. */
function keyOf(request: FastifyRequest): string | null {
  if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return null;
  const header = request.headers['idempotency-key'];
  if (header === undefined || !request.actor) return null;
  if (EXCLUDED.has(request.url.split('?')[0] ?? '')) return null;
  if (typeof header !== 'string' || !KEY_PATTERN.test(header))
    throw invalidField(IDEMPOTENCY_HEADER, BAD_KEY);
  if ((request.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/')) return null;
  return header;
}

/** The answer kept for the key, unless expired at `now`. */
async function findAnswer(query: Query, accountId: number, key: string, now: Date) {
  const [row] = await query<StoredAnswer>(
    `SELECT request_hash, status, response_body, content_type FROM idempotency_keys
      WHERE account_id = $1 AND key = $2 AND expires_at > $3`,
    [accountId, key, now],
  );
  return row ?? null;
}

/** Keeps the answer (over an expired row of the same key), after deleting a batch of expired rows. */
async function storeAnswer(
  query: Query,
  pending: Pending,
  answer: { status: number; body: string; contentType: string | null },
  now: Date,
  days: number,
) {
  await query(
    `DELETE FROM idempotency_keys WHERE ctid = ANY(ARRAY(
       SELECT ctid FROM idempotency_keys WHERE expires_at <= $1 LIMIT ${CLEANUP_BATCH} FOR UPDATE SKIP LOCKED))`,
    [now],
  );
  await query(
    `INSERT INTO idempotency_keys (account_id, key, method, route, request_hash, status, response_body,
       content_type, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (account_id, key) DO UPDATE SET method = excluded.method, route = excluded.route,
       request_hash = excluded.request_hash, status = excluded.status, response_body = excluded.response_body,
       content_type = excluded.content_type, created_at = excluded.created_at, expires_at = excluded.expires_at`,
    [
      pending.accountId,
      pending.key,
      pending.method,
      pending.path,
      pending.hash,
      answer.status,
      answer.body,
      answer.contentType,
      now,
      new Date(now.getTime() + days * 86_400_000),
    ],
  );
}

/** The answer's body as text when it can be kept: JSON and text, not files or streams. */
function keptBody(payload: unknown, contentType: string | null): string | null {
  if (payload === null || payload === undefined) return '';
  if (typeof payload === 'string') return payload;
  if (Buffer.isBuffer(payload) && /json|text/.test(contentType ?? '')) return payload.toString('utf8');
  return null;
}

function contentTypeOf(reply: FastifyReply): string | null {
  const value = reply.getHeader('content-type');
  return typeof value === 'string' ? value : null;
}

/**
 * Registers the hooks. Call before the compression plugin: the answer is kept as the route sent it, before
 * it is compressed for this one client (a replay is compressed for its own client).
 */
export function registerIdempotency(app: FastifyInstance, deps: Deps) {
  const lock = idempotencyLocker(deps.database);
  const days = deps.config.idempotencyDays ?? DEFAULT_IDEMPOTENCY_DAYS;
  const pending = new WeakMap<FastifyRequest, Pending>();

  // After the body is parsed and before it is validated: the hash is of what the client sent, and a refusal
  // by the schema is kept like every other.
  app.addHook('preValidation', async (request, reply) => {
    const key = keyOf(request);
    const actor = request.actor;
    if (key === null || !actor) return;
    const hash = requestHash(request.method, request.url, request.body);
    const held = await lock(actor.id, key);
    let found: StoredAnswer | null;
    try {
      found = await findAnswer(held.query, actor.id, key, nowOf(deps));
    } catch (error) {
      await held.release(false);
      throw error;
    }
    if (!found) {
      const path = request.url.split('?')[0] ?? request.url;
      pending.set(request, { accountId: actor.id, key, method: request.method, path, hash, lock: held });
      return;
    }
    await held.release(false);
    if (found.request_hash !== hash) {
      throw new AppError(422, 'conflict', { detail: KEY_REUSED }, [
        { field: IDEMPOTENCY_HEADER, message: KEY_REUSED },
      ]);
    }
    reply.code(found.status).header(REPLAYED_HEADER, 'true');
    if (found.content_type) reply.header('content-type', found.content_type);
    return reply.send(found.response_body === '' ? undefined : found.response_body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const waiting = pending.get(request);
    if (!waiting) return payload;
    pending.delete(request);
    const contentType = contentTypeOf(reply);
    const body = reply.statusCode < 500 ? keptBody(payload, contentType) : null;
    if (body === null) {
      await waiting.lock.release(false);
      return payload;
    }
    try {
      const answer = { status: reply.statusCode, body, contentType };
      await storeAnswer(waiting.lock.query, waiting, answer, nowOf(deps), days);
      await waiting.lock.release(true);
    } catch (error) {
      // The write itself is done and answered; only its replay is lost (a retry would run it again).
      request.log.warn({ err: error }, 'idempotency: the answer could not be kept');
      await waiting.lock.release(false).catch(() => {});
    }
    return payload;
  });

  // A request ended without its answer passing onSend (the connection dropped): the key is let go.
  app.addHook('onResponse', async (request) => {
    const waiting = pending.get(request);
    if (!waiting) return;
    pending.delete(request);
    await waiting.lock.release(false).catch(() => {});
  });
}

/** The OpenAPI document's transform, adding the optional header to every write it applies to. */
export function withIdempotencyHeader<S extends FastifySchema>(
  transform: SwaggerTransform<S>,
): SwaggerTransform<S> {
  return (input) => {
    const out = transform(input);
    const methods = [input.route.method].flat();
    const applies =
      input.url.startsWith('/api/') && !EXCLUDED.has(input.url) && methods.some((m) => !SAFE_METHODS.has(m));
    if (!applies || out.schema.headers !== undefined) return out;
    const headers = {
      type: 'object',
      properties: {
        [IDEMPOTENCY_HEADER]: {
          type: 'string',
          pattern: KEY_PATTERN.source,
          description:
            'Khóa chống gửi trùng: gửi lại cùng khóa thì nhận lại câu trả lời lần đầu. / ' +
            'Sent again with the same key, the write answers as it did the first time (30 days).',
        },
      },
    };
    return { ...out, schema: { ...out.schema, headers } };
  };
}
