import { currentLang, i18n } from '../app/i18n';

/** A field named by the server in a 400/409 answer. */
export interface FieldError {
  field: string;
  message: string;
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: FieldError[] };
}

/** A failed API call, with the server's message in the UI language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Remembers the session's anti-forgery token (from `GET /api/auth/me` or login). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Called when the session ends under our feet (401 on any call but login and me). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/** `?a=1&b=x` without the empty values. */
export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Headers every call carries: the UI language and, on writes, the anti-forgery token. */
export function commonHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = { 'accept-language': currentLang() };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  return headers;
}

/** Builds an ApiError from a response status and its (maybe JSON) body text. */
export function errorFromBody(status: number, text: string): ApiError {
  let body: ErrorBody = {};
  try {
    body = text ? (JSON.parse(text) as ErrorBody) : {};
  } catch {
    body = {};
  }
  const message = body.error?.message || i18n.t('common.unknownError', { status });
  return new ApiError(status, body.error?.code ?? `http_${status}`, message, body.error?.fields ?? []);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Leave 401 to the caller (login and `me`) instead of ending the session. */
  allow401?: boolean;
}

/** JSON call to the API on the same origin; throws ApiError with the server's message. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers = commonHeaders(method);
  headers.accept = 'application/json';
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${path}${toQueryString(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', i18n.t('common.networkError'));
  }
  const text = await response.text();
  if (!response.ok) {
    const error = errorFromBody(response.status, text);
    if (response.status === 401 && !options.allow401) onUnauthorized?.();
    throw error;
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

export const apiGet = <T>(path: string, query?: Query, signal?: AbortSignal) =>
  api<T>(path, { query, signal });
export const apiPost = <T>(path: string, body: unknown = {}) => api<T>(path, { method: 'POST', body });
export const apiPatch = <T>(path: string, body: unknown) => api<T>(path, { method: 'PATCH', body });
export const apiPut = <T>(path: string, body: unknown) => api<T>(path, { method: 'PUT', body });

/** Path segment for a code typed by people (codes may hold dots). */
export const seg = (value: string) => encodeURIComponent(value);
