import { isIP } from 'node:net';
import path from 'node:path';

/** How much one import file may ask of the server (docs/OPERATIONS.md, "Imports"). */
export interface ImportLimits {
  /** Size of the uploaded file, in bytes. */
  maxFileBytes: number;
  /** Uncompressed size of the worksheet of an .xlsx (read as a stream, never held whole), in bytes. */
  maxSheetBytes: number;
  /** Uncompressed size of the shared strings of an .xlsx (kept while the sheet is read), in bytes. */
  maxSharedStringsBytes: number;
  /** Uncompressed size of each other part read (workbook, relationships, styles), in bytes. */
  maxPartBytes: number;
  /** Rows of data under the header. */
  maxRows: number;
  /**
   * Rows of data in a members file, read, validated and written in batches (a province's members in one
   * file); its worksheet and cell limits grow in the same proportion over `maxRows` (imports/limits.ts).
   */
  maxMemberRows: number;
  /** Cells of the whole file, the empty ones before a filled one counted (rows × columns). */
  maxCells: number;
  /** Characters in one cell: Excel's own limit, 32,767. */
  maxCellChars: number;
  /** Time to read the file, in milliseconds. */
  maxReadMs: number;
}

const MB = 1024 * 1024;

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: 50 * MB,
  maxSheetBytes: 256 * MB,
  maxSharedStringsBytes: 64 * MB,
  maxPartBytes: 16 * MB,
  maxRows: 200_000,
  maxMemberRows: 1_000_000,
  maxCells: 5_000_000,
  maxCellChars: 32_767,
  maxReadMs: 60_000,
};

/**
 * Which proxies' `X-Forwarded-For` the server believes (Fastify's `trustProxy`): false = none (the
 * address is the socket's), a number = that many hops, a list = these addresses or CIDR ranges.
 */
export type TrustProxy = false | number | string[];

export interface Config {
  databaseUrl: string | null;
  /**
   * A streaming replica of `databaseUrl` (`DATABASE_READ_URL`): dashboards and lists read there while a
   * session that wrote reads its own writes (db/replica.ts); none = everything on the one database.
   */
  databaseReadUrl?: string | null;
  dataDir: string;
  port: number;
  host: string;
  /** Secure cookies when served over HTTPS behind a proxy. */
  secureCookies: boolean;
  sessionDays: number;
  /** SMTP server for emailing notices (`smtp://user:pass@host:587`); none = in-app inbox only. */
  smtpUrl: string | null;
  mailFrom: string;
  trustProxy: TrustProxy;
  importLimits: ImportLimits;
  /** How long a write's `Idempotency-Key` and its answer are kept, in days (http/idempotency.ts). */
  idempotencyDays: number;
}

/**
 * The option Fastify takes. Fastify ignores a bare hop count (it cannot tell the first hop is a proxy),
 * so a count becomes the classic rule "the last N hops are proxies": sound only when the server can be
 * reached through the proxies alone (HOST=127.0.0.1 or a closed port), as docs/OPERATIONS.md says.
 */
export function fastifyTrustProxy(
  value: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof value === 'number') return (_address, hop) => hop < value;
  return value;
}

/** Names proxy-addr knows besides addresses and ranges. */
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Reads `NENNEP_TRUST_PROXY`: empty = trust nothing, `1` = one hop, `10.0.0.1, 10.1.0.0/16` = these. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0' || text === 'false') return false;
  if (/^\d+$/.test(text)) return Number(text);
  const list = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of list) {
    const [address, bits, extra] = item.split('/');
    const family = isIP(address ?? '');
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!PROXY_NAMES.has(item) && (family === 0 || !bitsOk || extra !== undefined)) {
      throw new Error(
        `NENNEP_TRUST_PROXY: "${item}" không phải số bước, địa chỉ IP hay dải CIDR. / ` +
          `"${item}" is not a hop count, an IP address or a CIDR range.`,
      );
    }
  }
  return list;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number, unit = 1): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name}: "${text}" phải là một số dương. / must be a positive number.`);
  }
  return Math.round(value * unit);
}

/** Import limits from the environment, each falling back to its default. */
export function loadImportLimits(env: NodeJS.ProcessEnv = process.env): ImportLimits {
  const d = DEFAULT_IMPORT_LIMITS;
  return {
    ...d,
    maxFileBytes: positive(env, 'NENNEP_IMPORT_MAX_FILE_MB', d.maxFileBytes, MB),
    maxSheetBytes: positive(env, 'NENNEP_IMPORT_MAX_SHEET_MB', d.maxSheetBytes, MB),
    maxSharedStringsBytes: positive(env, 'NENNEP_IMPORT_MAX_STRINGS_MB', d.maxSharedStringsBytes, MB),
    maxRows: positive(env, 'NENNEP_IMPORT_MAX_ROWS', d.maxRows),
    maxMemberRows: positive(env, 'NENNEP_IMPORT_MAX_MEMBER_ROWS', d.maxMemberRows),
    maxReadMs: positive(env, 'NENNEP_IMPORT_MAX_SECONDS', d.maxReadMs, 1000),
  };
}

/** Reads configuration from the environment (documented in README and docs/OPERATIONS.md). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL?.trim() || null,
    databaseReadUrl: env.DATABASE_READ_URL?.trim() || null,
    dataDir: path.resolve(env.NENNEP_DATA_DIR?.trim() || 'data'),
    port: Number(env.PORT ?? 3000),
    host: env.HOST?.trim() || '127.0.0.1',
    secureCookies: env.NENNEP_SECURE_COOKIES === 'true',
    sessionDays: Number(env.NENNEP_SESSION_DAYS ?? 14),
    smtpUrl: env.NENNEP_SMTP_URL?.trim() || null,
    mailFrom: env.NENNEP_MAIL_FROM?.trim() || 'Nền Nếp <no-reply@localhost>',
    trustProxy: parseTrustProxy(env.NENNEP_TRUST_PROXY),
    importLimits: loadImportLimits(env),
    idempotencyDays: positive(env, 'NENNEP_IDEMPOTENCY_DAYS', 30),
  };
}
