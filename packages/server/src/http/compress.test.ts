/**
 * A small first load (issue 14, item 4): answers compressed when the browser asks, the build's own
 * `.br`/`.gz` sent for the web app's files, hashed files cached for a year and index.html checked again,
 * downloads (XLSX, an uploaded DOCX) byte for byte as before.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { Database } from '../db/client.ts';
import { createTestDatabase } from '../test/db.ts';
import { buildAccount, buildMember, buildOrg, type Client, login } from '../test/factories.ts';
import { COMPRESS_THRESHOLD, cacheControlOf, IMMUTABLE, REVALIDATE } from './compress.ts';

const dist = mkdtempSync(path.join(tmpdir(), 'nennep-compress-'));
/** A script large enough to be worth compressing; its `.br`/`.gz` as the build writes them. */
const SCRIPT = `export const rows = [${Array.from({ length: 400 }, (_, i) => `"hàng ${i}"`).join(',')}];\n`;
const SCRIPT_FILE = 'assets/index-Ab12_cD3.js';
/** A style sheet without a pre-compressed copy: compressed as it is sent. */
const STYLE = `.nn-a{color:red}\n`.repeat(200);
const STYLE_FILE = 'assets/index-Zz9-yY8x.css';
const INDEX = `<!doctype html><html lang="vi"><head><script type="module" src="/${SCRIPT_FILE}"></script></head><body><div id="root"></div></body></html>`;

/** The body as the browser reads it, whatever encoding the server chose. */
function decoded(answer: { headers: Record<string, unknown>; rawPayload: Buffer }): string {
  const encoding = answer.headers['content-encoding'];
  const bytes =
    encoding === 'br'
      ? brotliDecompressSync(answer.rawPayload)
      : encoding === 'gzip'
        ? gunzipSync(answer.rawPayload)
        : answer.rawPayload;
  return bytes.toString('utf8');
}

let database: Database;
let app: FastifyInstance;
let admin: Client;
let meetingId: number;

beforeAll(async () => {
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), INDEX);
  writeFileSync(path.join(dist, SCRIPT_FILE), SCRIPT);
  writeFileSync(path.join(dist, `${SCRIPT_FILE}.br`), brotliCompressSync(SCRIPT));
  writeFileSync(path.join(dist, `${SCRIPT_FILE}.gz`), gzipSync(SCRIPT));
  writeFileSync(path.join(dist, STYLE_FILE), STYLE);
  database = await createTestDatabase();
  app = await buildApp(
    {
      database,
      config: { secureCookies: false, sessionDays: 1 },
      clock: () => new Date('2026-05-01T09:00:00+07:00'),
    },
    { webDist: dist },
  );
  await app.ready();
  await buildOrg(database.db, { code: 'P', kind: 'committee' });
  await buildOrg(database.db, { code: 'CA1', kind: 'cell', category: 'village', parent: 'P' });
  for (let i = 1; i <= 30; i++)
    await buildMember(database.db, { code: `M${i}`, name: `Nguyễn Văn Thành ${i}`, org: 'CA1' });
  await buildAccount(database.db, 'admin', 'admin', 'P');
  admin = await login(app, 'admin');
  const created = await admin.post('/api/meetings', {
    orgCode: 'CA1',
    kind: 'regular',
    date: '2026-05-20',
    startTime: '19:30',
  });
  expect(created.statusCode).toBe(201);
  meetingId = created.json().id;
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('JSON answers', () => {
  it('come brotli-compressed to a browser that accepts br, gzip to one that accepts only gzip', async () => {
    const plain = await admin.get('/api/members?org=P');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(COMPRESS_THRESHOLD);

    const br = await admin.request({
      url: '/api/members?org=P',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(plain.json());

    const gzip = await admin.request({ url: '/api/members?org=P', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.rawPayload).toString('utf8'))).toEqual(plain.json());
  });

  it('below the threshold, and errors in both languages, stay plain and readable', async () => {
    const me = await admin.request({ url: '/api/auth/me', headers: { 'accept-encoding': 'br, gzip' } });
    expect(me.statusCode).toBe(200);
    expect(me.rawPayload.length).toBeLessThan(COMPRESS_THRESHOLD);
    expect(me.headers['content-encoding']).toBeUndefined();
    expect(me.json().username).toBe('admin');

    const missing = await admin.request({
      url: '/api/members/KHONG-CO',
      headers: { 'accept-encoding': 'br, gzip', 'accept-language': 'vi' },
    });
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(decoded(missing)).error.code).toBe('not_found');
  });
});

describe('compressed requests', () => {
  it('are read within the body limit: a small gzip that inflates past 2 MB is refused (413)', async () => {
    const bomb = gzipSync(
      Buffer.from(JSON.stringify({ username: 'a'.repeat(3 * 1024 * 1024), password: 'x' })),
    );
    expect(bomb.length).toBeLessThan(20_000);
    const answer = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: bomb,
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    });
    expect(answer.statusCode).toBe(413);
  });
});

describe('the web app', () => {
  it('sends the build’s .br and .gz of a script, with its type, and the plain file to the others', async () => {
    const br = await app.inject({ url: `/${SCRIPT_FILE}`, headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(SCRIPT);

    const gzip = await app.inject({ url: `/${SCRIPT_FILE}`, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString('utf8')).toBe(SCRIPT);

    const plain = await app.inject({ url: `/${SCRIPT_FILE}` });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  it('compresses a file the build did not, as it sends it', async () => {
    const css = await app.inject({ url: `/${STYLE_FILE}`, headers: { 'accept-encoding': 'br' } });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-encoding']).toBe('br');
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(brotliDecompressSync(css.rawPayload).toString('utf8')).toBe(STYLE);
  });

  it('keeps hashed files for a year (immutable), and checks index.html again each time', async () => {
    for (const file of [SCRIPT_FILE, STYLE_FILE]) {
      const answer = await app.inject({ url: `/${file}`, headers: { 'accept-encoding': 'br, gzip' } });
      expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    for (const url of ['/', '/index.html', '/meetings/12', '/login?next=%2Fmembers']) {
      const page = await app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(decoded(page)).toBe(INDEX);
    }
    // A chunk of an older build is a 404, never index.html kept for a year.
    const gone = await app.inject({ url: '/assets/index-Old00000.js' });
    expect(gone.statusCode).toBe(404);
    expect(gone.headers['cache-control']).not.toBe(IMMUTABLE);
  });

  it('tells hashed names from the others', () => {
    expect(cacheControlOf(dist, path.join(dist, 'assets/vendor-react-DUHijjk3.js'))).toBe(IMMUTABLE);
    expect(cacheControlOf(dist, path.join(dist, 'assets/index-CJJajW0f.css.br'))).toBe(IMMUTABLE);
    expect(cacheControlOf(dist, path.join(dist, 'assets/rolldown-runtime-XKyaHtl9.js.gz'))).toBe(IMMUTABLE);
    expect(cacheControlOf(dist, path.join(dist, 'index.html'))).toBe(REVALIDATE);
    expect(cacheControlOf(dist, path.join(dist, 'index.html.br'))).toBe(REVALIDATE);
    expect(cacheControlOf(dist, path.join(dist, 'favicon.ico'))).toBe(REVALIDATE);
    expect(cacheControlOf(dist, path.join(dist, 'assets/logo.svg'))).toBe(REVALIDATE);
  });
});

describe('downloads', () => {
  it('the members workbook (XLSX) comes as the same bytes, never compressed twice', async () => {
    const plain = await admin.get('/api/members/export.xlsx?org=P');
    expect(plain.statusCode).toBe(200);
    const asked = await admin.request({
      url: '/api/members/export.xlsx?org=P',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(asked.statusCode).toBe(200);
    expect(asked.headers['content-encoding']).toBeUndefined();
    expect(asked.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(asked.headers['content-disposition']).toBe('attachment; filename="dang-vien.xlsx"');
    expect(asked.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(asked.rawPayload.length).toBe(plain.rawPayload.length);
  });

  it('an uploaded DOCX is downloaded byte for byte', async () => {
    const docx = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(4000, 'biên bản ')]);
    const boundary = '----nennepCompress';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bien-ban.docx"\r\n` +
          'Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\r\n',
      ),
      docx,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = await admin.request({
      method: 'POST',
      url: `/api/meetings/${meetingId}/materials`,
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(upload.statusCode).toBe(201);
    const file = await admin.request({
      url: `/api/meetings/${meetingId}/materials/${upload.json().id}`,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-encoding']).toBeUndefined();
    expect(file.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(Buffer.compare(file.rawPayload, docx)).toBe(0);
  });
});
