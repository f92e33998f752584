import { commonHeaders, errorFromBody } from '../api';
import type { QueuedWrite } from './types';

/** One attempt to send a queued write, and what the queue does with the answer. */

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;
let fetchOverride: Fetch | null = null;

/** Tests pass a fake fetch; null goes back to the browser's. */
export function setQueueFetch(fn: Fetch | null): void {
  fetchOverride = fn;
}

const doFetch: Fetch = (input, init) => (fetchOverride ?? globalThis.fetch)(input, init);

/** The write's Idempotency-Key. */
export function newKey(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  // Plain-HTTP deployments have no randomUUID (not a secure context); build a v4 UUID by hand.
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export type Outcome =
  | { kind: 'sent'; answer: unknown }
  | { kind: 'refused'; refusal: NonNullable<QueuedWrite['refusal']> }
  | { kind: 'stop' }
  | { kind: 'retry'; network: boolean };

/** Sends one write with its key; the answer decides: sent, refused, stop (session ended) or retry. */
export async function send(write: QueuedWrite): Promise<Outcome> {
  const headers = commonHeaders(write.method);
  headers.accept = 'application/json';
  headers['idempotency-key'] = write.key;
  if (write.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  let text: string;
  try {
    response = await doFetch(write.path, {
      method: write.method,
      headers,
      credentials: 'same-origin',
      body: write.body === undefined ? undefined : JSON.stringify(write.body),
    });
    text = await response.text();
  } catch {
    return { kind: 'retry', network: true };
  }
  if (response.ok) {
    let answer: unknown;
    try {
      answer = text ? JSON.parse(text) : undefined;
    } catch {
      answer = undefined;
    }
    return { kind: 'sent', answer };
  }
  const error = errorFromBody(response.status, text);
  // The session ended, or its anti-forgery token is stale: keep everything for the next sign-in.
  if (response.status === 401 || (response.status === 403 && error.code === 'csrf')) return { kind: 'stop' };
  if (response.status >= 500 || [408, 425, 429].includes(response.status))
    return { kind: 'retry', network: false };
  return { kind: 'refused', refusal: { status: response.status, code: error.code, message: error.message } };
}
