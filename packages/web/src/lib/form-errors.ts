import type { FormInstance } from 'antd';
import { ApiError } from './api';

type NamePath = (string | number)[];

/** `grants.0.role` or `body.newOrg.code` → antd name path. */
export function toNamePath(field: string): NamePath {
  const parts = field.split('.').filter((part) => part !== '');
  const start = ['body', 'querystring', 'params'].includes(parts[0] ?? '') ? 1 : 0;
  return parts.slice(start).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

const keyOf = (name: NamePath | string | number) => (Array.isArray(name) ? name.join('.') : String(name));

/**
 * Puts the server's field errors on the form fields that exist; returns the messages of fields the
 * form does not show, so the caller can display them elsewhere.
 */
export function applyFieldErrors(form: FormInstance | undefined, error: unknown): string[] {
  if (!(error instanceof ApiError) || error.fields.length === 0) return [];
  if (!form) return error.fields.map((f) => f.message);
  const registered = new Set(form.getFieldsError().map((f) => keyOf(f.name)));
  const matched: { name: NamePath; errors: string[] }[] = [];
  const unmatched: string[] = [];
  for (const f of error.fields) {
    const name = toNamePath(f.field);
    if (registered.has(keyOf(name))) matched.push({ name, errors: [f.message] });
    else unmatched.push(f.message);
  }
  if (matched.length > 0) form.setFields(matched);
  return unmatched;
}
