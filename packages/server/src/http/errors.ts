import {
  CHECK_MESSAGES,
  ENTITY_LABELS,
  fieldLabel,
  type Locale,
  type MessageCode,
  message,
} from '@nennep/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** Text in both languages. */
export interface Bilingual {
  vi: string;
  en: string;
}

export interface FieldError {
  field: string;
  message: Bilingual;
}

/** An expected failure: answered with its status and a message in the caller's language, never a 500. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageCode,
    readonly params: Record<string, string | number | Bilingual> = {},
    readonly fields: FieldError[] = [],
  ) {
    super(code);
  }
}

export const notFound = (entity: keyof typeof ENTITY_LABELS) =>
  new AppError(404, 'not_found', { entity: ENTITY_LABELS[entity] ?? entity });
export const forbidden = () => new AppError(403, 'forbidden');
/** A refusal that names the field, e.g. an unknown parent code. */
export const invalidField = (field: string, text: Bilingual) =>
  new AppError(400, 'validation', { detail: text }, [{ field, message: text }]);
export const conflict = (text: Bilingual, field?: string) =>
  new AppError(409, 'conflict', { detail: text }, field ? [{ field, message: text }] : []);

/** The language of the answer: `?lang=`, then Accept-Language, then the account's, then Vietnamese. */
export function localeOf(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'];
  if (typeof header === 'string' && header.toLowerCase().startsWith('en')) return 'en';
  if (typeof header === 'string' && header.toLowerCase().startsWith('vi')) return 'vi';
  return request.actor?.locale ?? 'vi';
}

const localeErrors = { vi: z.locales.vi().localeError, en: z.locales.en().localeError };

/** Words of a zod issue in one language (zod's own locale files). */
export function issueText(issue: z.core.$ZodIssue, locale: Locale): string {
  const check = CHECK_MESSAGES[issue.message];
  if (check) return check[locale];
  if (issue.code === 'custom' && issue.message) return issue.message;
  if (issue.code === 'invalid_type' && / undefined$/.test(issue.message)) {
    return locale === 'vi' ? 'không được để trống' : 'is required';
  }
  const result = localeErrors[locale](issue as never);
  return typeof result === 'string' ? result : (result?.message ?? issue.message);
}

/** Turns zod issues into named-field errors in both languages. */
export function zodFieldErrors(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldError[] {
  return issues.map((issue) => {
    const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return {
      field,
      message: {
        vi: `${fieldLabel(field, 'vi')}: ${issueText(issue, 'vi')}`,
        en: `${fieldLabel(field, 'en')}: ${issueText(issue, 'en')}`,
      },
    };
  });
}

function render(value: string | number | Bilingual, locale: Locale): string | number {
  return typeof value === 'object' ? value[locale] : value;
}

/** Sends an AppError as `{ error: { code, message, fields } }`. */
export function sendAppError(reply: FastifyReply, error: AppError, locale: Locale) {
  const params = Object.fromEntries(Object.entries(error.params).map(([k, v]) => [k, render(v, locale)]));
  return reply.status(error.status).send({
    error: {
      code: error.code,
      message: message(error.code, locale, params),
      fields: error.fields.map((f) => ({ field: f.field, message: f.message[locale] })),
    },
  });
}

/** The one error handler: known failures keep their status; anything else is logged and hidden. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const locale = localeOf(request);
  if (error instanceof AppError) return sendAppError(reply, error, locale);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map(
      (v) =>
        ({
          ...v.params,
          code: v.keyword,
          message: v.message,
          path: v.instancePath.split('/').filter(Boolean),
        }) as unknown as z.core.$ZodIssue,
    );
    const fields = zodFieldErrors(issues);
    const detail = {
      vi: fields.map((f) => f.message.vi).join('; '),
      en: fields.map((f) => f.message.en).join('; '),
    };
    return sendAppError(reply, new AppError(400, 'validation', { detail }, fields), locale);
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    const detail = { vi: error.message, en: error.message };
    const code: MessageCode = error.statusCode === 404 ? 'not_found' : 'validation';
    return sendAppError(
      reply,
      new AppError(error.statusCode, code, { detail, entity: ENTITY_LABELS.route }),
      locale,
    );
  }
  request.log.error({ err: { message: error.message, stack: error.stack } }, 'unhandled error');
  return sendAppError(reply, new AppError(500, 'internal'), locale);
}
