/**
 * Requests generated from the OpenAPI document (the routes' own zod schemas, as JSON Schema): a value that
 * fits each schema, and mutations of it — a NUL byte in a string, wrong types, huge strings, empty
 * objects. Seeded: the same route gets the same cases on every run.
 */

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  $ref?: string;
};

export interface Operation {
  parameters?: { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** mulberry32: a small seeded generator, enough for test data. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof seeded>;

/** A stable seed from a route's name. */
export const seedOf = (text: string) =>
  [...text].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261);

/** Strings the app's patterns expect (dates, months, periods, codes, times…): the first that fits is used. */
const PATTERN_SAMPLES = [
  '2026-06-15',
  '2026-06-15T19:30:00+07:00',
  '19:30',
  '2026-06',
  '2026-M06',
  '2026-Q2',
  '2026',
  'C',
  'M01',
  'other',
  'abc',
  'Nguyễn Văn An',
];

const WORDS = ['Chi bộ', 'thôn', 'Thượng Hội', 'nghị quyết', 'đảng viên', 'ý kiến', 'tháng', 'nhiệm vụ'];

export function resolve(doc: OpenApiDoc, schema: JsonSchema | undefined): JsonSchema {
  if (!schema) return {};
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() ?? '';
    return resolve(doc, doc.components?.schemas?.[name]);
  }
  return schema;
}

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  return [];
}

function text(schema: JsonSchema, rng: Rng): string {
  if (schema.format === 'date') return '2026-06-15';
  if (schema.format === 'date-time') return '2026-06-15T19:30:00+07:00';
  if (schema.format === 'time') return '19:30:00';
  if (schema.format === 'email') return 'chibo@example.vn';
  if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  if (schema.pattern) {
    const re = new RegExp(schema.pattern, 'u');
    const fit = PATTERN_SAMPLES.find((s) => re.test(s));
    if (fit) return fit;
  }
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 40, 40);
  let value = rng.pick(WORDS);
  while (value.length < min) value += ` ${rng.pick(WORDS)}`;
  return value.slice(0, Math.max(min, max));
}

function number(schema: JsonSchema, rng: Rng, integer: boolean): number {
  const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
  const high =
    schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : low + 10);
  const value = rng.pick([low, high, low + (high - low) / 2]);
  return integer ? Math.round(Math.min(Math.max(value, -1e9), 1e9)) : value;
}

/** Values for fields by name (codes of what the test stored): a string field whose name matches takes one. */
export type KeyHints = readonly (readonly [RegExp, readonly string[]])[];
let hints: KeyHints = [];
export const useKeyHints = (list: KeyHints) => {
  hints = list;
};

/** A value that fits the schema (as far as a pattern sample does). */
export function generate(
  doc: OpenApiDoc,
  raw: JsonSchema | undefined,
  rng: Rng,
  depth = 0,
  key = '',
): unknown {
  const schema = resolve(doc, raw);
  const hinted = hints.find(([re]) => re.test(key))?.[1];
  if (schema.const !== undefined) return schema.const;
  if (schema.enum && schema.enum.length > 0) return rng.pick(schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union && union.length > 0) {
    const concrete = union.filter((s) => resolve(doc, s).type !== 'null');
    return generate(doc, rng.pick(concrete.length > 0 ? concrete : union), rng, depth + 1, key);
  }
  if (schema.allOf && schema.allOf.length > 0) return generate(doc, schema.allOf[0], rng, depth + 1, key);
  const types = typesOf(schema).filter((t) => t !== 'null');
  const type = types.length > 0 ? rng.pick(types) : typesOf(schema)[0];
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      if (depth > 6) return out;
      const required = new Set(schema.required ?? []);
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        if (required.has(name) || rng.chance(0.6)) out[name] = generate(doc, property, rng, depth + 1, name);
      }
      return out;
    }
    case 'array': {
      if (schema.prefixItems) return schema.prefixItems.map((s) => generate(doc, s, rng, depth + 1));
      const length = depth > 6 ? 0 : rng.int(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3));
      return Array.from({ length }, () => generate(doc, schema.items, rng, depth + 1, key));
    }
    case 'string':
      return hinted ? rng.pick(hinted) : text(schema, rng);
    case 'integer':
      return number(schema, rng, true);
    case 'number':
      return number(schema, rng, false);
    case 'boolean':
      return rng.chance(0.5);
    case 'null':
      return null;
    default:
      return schema.default ?? 'x';
  }
}

/** Every string leaf replaced by `f` (keys kept). */
export function mapStrings(value: unknown, f: (s: string, rng: Rng) => string, rng: Rng): unknown {
  if (typeof value === 'string') return f(value, rng);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f, rng));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f, rng)]));
  }
  return value;
}

/** The value with each top-level field given a value of another type. */
export function wrongTypes(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 12345;
  const other = (v: unknown) =>
    typeof v === 'string' ? 12345 : typeof v === 'number' ? 'mười hai' : Array.isArray(v) ? { a: 1 } : ['x'];
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, other(v)]));
}

export const withNul = (s: string) => `${s.slice(0, 1)}\u0000${s.slice(1)}`;
export const huge = () => 'Đ'.repeat(200_000);
