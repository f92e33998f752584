/**
 * A small first load (issue 14, item 4): answers compressed for the browsers that ask (br, then gzip),
 * the web app's hashed files kept by browsers and proxies for a year, index.html asked again each time.
 *
 * - JSON answers (and any text) above COMPRESS_THRESHOLD are compressed on the fly by @fastify/compress:
 *   brotli at quality 4 (its default: about gzip's speed, smaller), gzip at level 6.
 * - The web app's files are compressed once, at build time (packages/web/vite.config.ts writes `.br` and
 *   `.gz` next to each script and style sheet at brotli 11 / gzip 9); @fastify/static sends the one the
 *   browser accepts with `Content-Encoding` and `Vary: Accept-Encoding`, the plain file to the others.
 * - Downloads are never compressed twice: DOCX, XLSX and PDF are compressed containers (mime-db marks them
 *   not compressible), and http/headers.ts turns any active type under /api/ into application/octet-stream,
 *   which is not compressible either. Partial answers (206) and `text/event-stream` are left alone by
 *   the plugin, so ranges and streaming answers keep working.
 */
import path from 'node:path';
import zlib from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/** Smaller answers are sent as they are: the headers would weigh as much as the saving. */
export const COMPRESS_THRESHOLD = 1024;

/** A hashed file of Vite's build: `assets/<name>-<8-character hash>.<ext>`, or its `.br`/`.gz`. */
const HASHED_ASSET = /^assets\/[^/]+-[A-Za-z0-9_-]{8}\.[A-Za-z0-9]+(\.br|\.gz)?$/;

/** Its content never changes under its name: a new build gives new names. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html (and any file without a hash): kept, but checked again (ETag, 304) before each use. */
export const REVALIDATE = 'no-cache';

/** The Cache-Control of a file of the web app's build folder. */
export function cacheControlOf(webDist: string, filePath: string): string {
  const relative = path.relative(webDist, filePath).split(path.sep).join('/');
  return HASHED_ASSET.test(relative) ? IMMUTABLE : REVALIDATE;
}

/**
 * Compression of every answer of the routes declared after it (the plugin hooks each route as it is
 * added): register it before the modules and the static files.
 */
export async function registerCompression(app: FastifyInstance) {
  await app.register(fastifyCompress, {
    global: true,
    threshold: COMPRESS_THRESHOLD,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}
