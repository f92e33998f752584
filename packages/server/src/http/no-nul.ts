/**
 * PostgreSQL keeps no NUL character (U+0000) in `text` or `jsonb` ("invalid byte sequence for encoding
 * UTF8: 0x00", "unsupported Unicode escape sequence"): a request carrying one in any string of its path,
 * query or body — a value or a key, however deep — is refused here with a 400 naming the field, before the
 * schemas run, instead of failing in the database with a 500. One check for every route, present and
 * future, rather than one refinement per string schema.
 */
import { fieldLabel } from '@nennep/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { invalidField } from './errors.ts';

const NUL = '\u0000';

/** The path (`agenda.0.title`) of the first string holding a NUL, or null. Iterative: no depth limit. */
export function nulPath(value: unknown): string | null {
  const stack: [unknown, string[]][] = [[value, []]];
  while (stack.length > 0) {
    const [current, path] = stack.pop() as [unknown, string[]];
    if (typeof current === 'string') {
      if (current.includes(NUL)) return path.join('.');
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], [...path, String(i)]]);
    } else if (current !== null && typeof current === 'object' && !Buffer.isBuffer(current)) {
      for (const [key, item] of Object.entries(current)) {
        if (key.includes(NUL)) return [...path, key.replaceAll(NUL, '\\0')].join('.');
        stack.push([item, [...path, key]]);
      }
    }
  }
  return null;
}

/** The field of the request holding a NUL: a body field by its path, a query or path parameter by name. */
function nulField(request: FastifyRequest): string | null {
  for (const part of [request.params, request.query, request.body]) {
    const path = nulPath(part);
    if (path !== null) return path || 'body';
  }
  return null;
}

export function registerNoNul(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const field = nulField(request);
    if (field === null) return;
    throw invalidField(field, {
      vi: `${fieldLabel(field, 'vi')}: có ký tự NUL (\\0), không lưu được. Hãy xóa ký tự đó.`,
      en: `${fieldLabel(field, 'en')}: contains a NUL character (\\0), which cannot be stored. Remove it.`,
    });
  });
}
