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
import type { z } from 'zod';
import { isConnectionError, isTransientConflict, RETRY_AFTER_SECONDS } from './unavailable.ts';

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

type Words = Record<Locale, string>;
const say = (vi: string, en: string): Words => ({ vi, en });

/** What a value of each zod type is, for "must be …". */
const KINDS: Record<string, Words> = {
  string: say('chữ', 'text'),
  number: say('một số', 'a number'),
  int: say('một số nguyên', 'a whole number'),
  bigint: say('một số nguyên', 'a whole number'),
  boolean: say('có hoặc không', 'yes or no'),
  array: say('một danh sách', 'a list'),
  date: say('một ngày', 'a date'),
};

/** What an invalid format is not, for "is not a valid …". */
const FORMATS: Record<string, Words> = {
  date: say('một ngày hợp lệ', 'a valid date'),
  datetime: say('một thời điểm hợp lệ (ngày và giờ)', 'a valid date and time'),
  time: say('một giờ hợp lệ', 'a valid time'),
  email: say('một địa chỉ thư điện tử hợp lệ', 'a valid email address'),
  url: say('một đường dẫn hợp lệ', 'a valid link'),
  uuid: say('một mã hợp lệ', 'a valid identifier'),
  guid: say('một mã hợp lệ', 'a valid identifier'),
};

type Sized = { origin?: string; inclusive?: boolean; exact?: boolean };

/** The largest or smallest size allowed, made inclusive: "< 6" reads as "at most 5". */
const bound = (limit: number | bigint, issue: Sized, direction: 1 | -1) =>
  Number(limit) + (issue.inclusive === false ? direction : 0);

function tooBig(issue: Sized & { maximum: number | bigint }): Words {
  const max = bound(issue.maximum, issue, -1);
  if (issue.origin === 'string') return say(`dài quá ${max} ký tự`, `is longer than ${max} characters`);
  if (issue.origin === 'array' || issue.origin === 'set')
    return say(`chỉ được có nhiều nhất ${max} mục`, `may have at most ${max} items`);
  if (issue.origin === 'file') return say('tệp quá lớn', 'the file is too large');
  if (issue.origin === 'date') return say('ngày quá muộn', 'the date is too late');
  return say(`không được lớn hơn ${max}`, `must be at most ${max}`);
}

function tooSmall(issue: Sized & { minimum: number | bigint }): Words {
  const min = bound(issue.minimum, issue, 1);
  if (issue.origin === 'string') {
    if (issue.exact) return say(`phải có đúng ${min} ký tự`, `must be exactly ${min} characters`);
    if (min <= 1) return say('không được để trống', 'is required');
    return say(`phải có ít nhất ${min} ký tự`, `must be at least ${min} characters`);
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    if (min <= 1) return say('cần chọn ít nhất một mục', 'choose at least one');
    return say(`cần ít nhất ${min} mục`, `needs at least ${min} items`);
  }
  if (issue.origin === 'date') return say('ngày quá sớm', 'the date is too early');
  return say(`không được nhỏ hơn ${min}`, `must be at least ${min}`);
}

const NOT_VALID = say('không hợp lệ', 'is not valid');

/** Words of a zod issue in both languages, to follow the field's label ("Ngày: không được để trống"). */
function issueWords(issue: z.core.$ZodIssue): Words {
  const check = CHECK_MESSAGES[issue.message];
  if (check) return check;
  switch (issue.code) {
    case 'invalid_type': {
      // Through Fastify the issue has lost its input: zod's own words still say what was received.
      if (/ undefined$/.test(issue.message)) return say('không được để trống', 'is required');
      const kind = KINDS[issue.expected];
      return kind ? say(`phải là ${kind.vi}`, `must be ${kind.en}`) : NOT_VALID;
    }
    case 'too_big':
      return tooBig(issue);
    case 'too_small':
      return tooSmall(issue);
    case 'not_multiple_of':
      return say(`phải là bội số của ${issue.divisor}`, `must be a multiple of ${issue.divisor}`);
    case 'invalid_value':
      return say('không phải một giá trị được phép', 'is not one of the allowed values');
    case 'invalid_format': {
      const format = FORMATS[issue.format];
      return format
        ? say(`không phải ${format.vi}`, `is not ${format.en}`)
        : say('không đúng định dạng', 'is not in the expected format');
    }
    case 'unrecognized_keys':
      return say('có trường không được phép', 'has fields that are not allowed');
    case 'custom':
      // A check without a code in CHECK_MESSAGES: its own words are English at best.
      return issue.message ? say(NOT_VALID.vi, issue.message) : NOT_VALID;
    default:
      return NOT_VALID;
  }
}

/** Words of a zod issue in one language, without the field's label. */
export function issueText(issue: z.core.$ZodIssue, locale: Locale): string {
  return issueWords(issue)[locale];
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

/** Fastify's refusals of a request's form (bodies, uploads), by their code. */
const REQUEST_REFUSALS: Record<string, Words> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: say('yêu cầu không có nội dung', 'the request has no body'),
  FST_ERR_CTP_INVALID_JSON_BODY: say('nội dung gửi lên không đúng dạng JSON', 'the body is not valid JSON'),
  FST_ERR_CTP_BODY_TOO_LARGE: say('nội dung gửi lên quá lớn', 'the request is too large'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: say(
    'kiểu nội dung không được hỗ trợ',
    'this content type is not supported',
  ),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: say('độ dài nội dung không khớp', 'the content length does not match'),
  FST_REQ_FILE_TOO_LARGE: say('tệp quá lớn', 'the file is too large'),
  FST_FILES_LIMIT: say('gửi quá nhiều tệp một lần', 'too many files at once'),
  FST_PARTS_LIMIT: say('gửi quá nhiều phần một lần', 'too many parts at once'),
  FST_FIELDS_LIMIT: say('gửi quá nhiều trường một lần', 'too many fields at once'),
  FST_INVALID_MULTIPART_CONTENT_TYPE: say(
    'yêu cầu không phải dạng gửi tệp',
    'the request is not a file upload',
  ),
  FST_NO_FORM_DATA: say('yêu cầu không có tệp nào', 'the request holds no file'),
};

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
    // Fastify's and its plugins' own refusals are worded in English: say them in Vietnamese too.
    const detail = REQUEST_REFUSALS[error.code] ?? { vi: 'yêu cầu không đúng cách', en: error.message };
    const code: MessageCode = error.statusCode === 404 ? 'not_found' : 'validation';
    return sendAppError(
      reply,
      new AppError(error.statusCode, code, { detail, entity: ENTITY_LABELS.route }),
      locale,
    );
  }
  if (isConnectionError(error)) {
    // The database is out of reach (a restart): "try again shortly", not a server fault (http/unavailable.ts).
    request.log.warn({ err: error }, 'database unreachable');
    const text = say(
      'Cơ sở dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau ít giây.',
      'The database is briefly unreachable. Please try again in a few seconds.',
    );
    reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    return reply.status(503).send({ error: { code: 'unavailable', message: text[locale], fields: [] } });
  }
  if (isTransientConflict(error)) {
    // Rolled back whole by the database (a deadlock, a serialization conflict): nothing was written.
    request.log.warn({ err: error }, 'transaction rolled back by a conflict');
    const text = say(
      'Có thao tác khác đang ghi cùng dữ liệu; chưa có gì được lưu. Vui lòng gửi lại.',
      'Another change was writing the same data; nothing was saved. Please send it again.',
    );
    reply.header('retry-after', '1');
    return reply.status(503).send({ error: { code: 'conflict_retry', message: text[locale], fields: [] } });
  }
  // The logger's serializer keeps a database error's parameters, detail and values out (http/log.ts).
  request.log.error({ err: error }, 'unhandled error');
  return sendAppError(reply, new AppError(500, 'internal'), locale);
}
