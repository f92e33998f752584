/**
 * Headers on every answer, and uploaded files served so that they cannot run (issue 12, fault 11).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { Database } from '../db/client.ts';
import { createTestDatabase } from '../test/db.ts';
import { buildTestApp, type Client, login } from '../test/factories.ts';
import { membersOf, seedTree } from '../test/tree.ts';
import { CONTENT_SECURITY_POLICY, isActiveType } from './headers.ts';

let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let admin: Client;
let meetingId: number;

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => new Date('2026-05-01T09:00:00+07:00') });
  await seedTree(ctx.db, {
    orgs: [
      { code: 'P', kind: 'committee' },
      { code: 'CA1', kind: 'cell', category: 'village', parent: 'P' },
    ],
    members: membersOf('CA1', 'M', ['Nguyễn Văn 1', 'Nguyễn Văn 2', 'Nguyễn Văn 3']),
    accounts: [['admin', 'admin', 'P']],
  });
  admin = await login(ctx.app, 'admin');
  const created = await admin.post('/api/meetings', {
    orgCode: 'CA1',
    kind: 'regular',
    date: '2026-05-20',
    startTime: '19:30',
  });
  expect(created.statusCode).toBe(201);
  meetingId = created.json().id;
});
afterAll(() => ctx.close());

const EXPECTED = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "connect-src 'self'; font-src 'self' data:; worker-src 'self'; manifest-src 'self'; frame-ancestors 'none'; " +
    "object-src 'none'; base-uri 'self'; " +
    "form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

/** Uploads a material as a browser would, with the type the uploader's system claims. */
function uploadMaterial(fileName: string, type: string, content: string) {
  const boundary = '----nennepHeaders';
  const payload = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
      `Content-Type: ${type}\r\n\r\n${content}\r\n--${boundary}--\r\n`,
  );
  return admin.request({
    method: 'POST',
    url: `/api/meetings/${meetingId}/materials`,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

describe('every answer', () => {
  it('carries the policy, nosniff and the referrer rule: API answers and refusals alike', async () => {
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED['content-security-policy']);
    for (const response of [
      await admin.get('/api/auth/me'),
      await ctx.app.inject({ url: '/api/orgs/tree' }),
    ]) {
      expect(response.headers).toMatchObject(EXPECTED);
    }
  });

  it('carries them on the web app too, which keeps its own type', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'nennep-web-'));
    let database: Database | null = null;
    try {
      writeFileSync(
        path.join(dist, 'index.html'),
        '<!doctype html><script type="module" src="/assets/a.js"></script>',
      );
      database = await createTestDatabase();
      const app = await buildApp(
        { database, config: { secureCookies: false, sessionDays: 1 } },
        { webDist: dist },
      );
      const page = await app.inject({ url: '/meetings/1' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers).toMatchObject(EXPECTED);
      await app.close();
    } finally {
      await database?.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });

  it('serves the service worker, its Workbox runtime and the manifest fresh, with their types (issue 18)', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'nennep-web-'));
    let database: Database | null = null;
    try {
      writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Nền Nếp</title>');
      writeFileSync(path.join(dist, 'sw.js'), 'importScripts("/workbox-5a1b2c3d.js");');
      writeFileSync(path.join(dist, 'workbox-5a1b2c3d.js'), 'self.workbox = {};');
      writeFileSync(path.join(dist, 'manifest.webmanifest'), JSON.stringify({ name: 'Nền Nếp' }));
      database = await createTestDatabase();
      const app = await buildApp(
        { database, config: { secureCookies: false, sessionDays: 1 } },
        { webDist: dist },
      );
      for (const [url, type] of [
        ['/sw.js', /^(text|application)\/javascript/],
        ['/workbox-5a1b2c3d.js', /^(text|application)\/javascript/],
        ['/manifest.webmanifest', /^application\/manifest\+json/],
      ] as const) {
        const answer = await app.inject({ url });
        expect(answer.statusCode, url).toBe(200);
        expect(answer.headers['content-type'], url).toMatch(type);
        // A browser must ask for a new worker each time, never keep an old one for a year.
        expect(answer.headers['cache-control'], url).toBe('no-cache');
        expect(answer.headers, url).toMatchObject(EXPECTED);
      }
      expect(JSON.parse((await app.inject({ url: '/manifest.webmanifest' })).body)).toEqual({
        name: 'Nền Nếp',
      });
      await app.close();
    } finally {
      await database?.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('an uploaded file', () => {
  it.each([
    ['trang.html', 'text/html', '<script>alert(document.cookie)</script>'],
    ['hinh.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
    ['trang.xhtml', 'application/xhtml+xml', '<html xmlns="http://www.w3.org/1999/xhtml"/>'],
    ['tep', 'không-phải-kiểu', 'x'],
  ])('claimed as %s (%s) is downloaded as bytes, never shown', async (name, type, content) => {
    const upload = await uploadMaterial(name, type, content);
    expect(upload.statusCode).toBe(201);
    const file = await admin.get(`/api/meetings/${meetingId}/materials/${upload.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/octet-stream');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.body).toBe(content);
  });

  it('keeps a harmless type', async () => {
    const upload = await uploadMaterial('bao-cao.pdf', 'application/pdf', '%PDF-1.4');
    const file = await admin.get(`/api/meetings/${meetingId}/materials/${upload.json().id}`);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
  });

  it('tells active types from harmless ones', () => {
    for (const t of ['text/html; charset=utf-8', 'IMAGE/SVG+XML', 'text/xml', 'application/javascript', '']) {
      expect(isActiveType(t), t).toBe(true);
    }
    for (const t of [
      'application/pdf',
      'image/png',
      'text/plain',
      'application/json; charset=utf-8',
      'text/calendar',
    ]) {
      expect(isActiveType(t), t).toBe(false);
    }
  });
});
