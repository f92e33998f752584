import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RatingSummaryDto } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runRatingsImportCommand } from '../../cli/ratings-import.ts';
import { rows } from '../../db/client.ts';
import { buildTestApp, type Client, login, uploadFile } from '../../test/factories.ts';
import { buildRatingsFixture, GRASSROOTS_CODES } from './test-fixture.ts';

/**
 * The import of results rated on paper (issue 15 point 4): the acceptance's 49 grassroots organisations and
 * GC49's members through the API's preview and commit; the quota, who may be rated, bad cells, access, the CLI.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let h: Client;
let ga: Client;
let sec: Client;
let member: Client;
const now = new Date('2026-12-20T03:00:00Z');

const HEADER = 'year,period,subject,code,score,level,notes';
const csv = (...lines: string[]) => Buffer.from([HEADER, ...lines].join('\n'), 'utf8');

/** The acceptance: 9 excellent, 38 good, 2 completed; the excellent listed first (order must not matter). */
const ORG_LINES = GRASSROOTS_CODES.map((code, i) =>
  i < 9
    ? `2026,,org,${code},92,excellent,`
    : i < 47
      ? `2026,,org,${code},80,Hoàn thành tốt nhiệm vụ,`
      : `2026,year,org,${code},60,completed,`,
);
const MEMBER_LINES = ['2026,,member,M1,85,good,', '2026,,member,M2,,tốt,', '2026,,member,M3,65,,Còn hạn chế'];

const preview = (client: Client, body: Buffer, lang = 'vi') =>
  uploadFile(client, '/api/ratings/import/preview', 'xep-loai.csv', body, lang);
const commit = (client: Client, body: Buffer, lang = 'vi') =>
  uploadFile(client, '/api/ratings/import/commit', 'xep-loai.csv', body, lang);

const decided = async () =>
  (
    await rows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM ratings WHERE decision_level IS NOT NULL`,
    )
  )[0]?.n;

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  await buildRatingsFixture(ctx.db);
  [h, ga, sec, member] = await Promise.all(['h', 'ga', 'sec', 'member'].map((u) => login(ctx.app, u)));
});
afterAll(() => ctx.close());

describe('refused files write nothing', () => {
  it('refuses a tenth excellent with the numbers of the group, file and database together', async () => {
    const lines = [...ORG_LINES];
    lines[9] = `2026,,org,${GRASSROOTS_CODES[9]},95,excellent,`;
    const res = await commit(h, csv(...lines));
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.valid).toBe(false);
    expect(report.written).toBe(0);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ field: 'level' });
    expect(report.errors[0].message).toContain('10 trên 47');
    expect(report.errors[0].message).toContain('tối đa 20% là 9');
    const english = (await preview(h, csv(...lines), 'en')).json();
    expect(english.errors[0].message).toContain('10 of 47 rated good or better; at most 20% is 9');
    expect(await decided()).toBe(0);
  });

  it('names the column of a bad level, score, period and subject, and of an unknown header', async () => {
    const res = await preview(
      h,
      csv(
        '2026,,org,GC01,92,rất tốt,',
        '2026,,org,GC02,85,excellent,',
        '2026,Q4,org,GC03,80,good,',
        '2026,,unit,GC04,80,good,',
        '26,,org,GC05,80,good,',
      ),
    );
    const report = res.json();
    expect(report.valid).toBe(false);
    expect(report.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [2, 'level'],
      [3, 'score'],
      [4, 'period'],
      [5, 'subject'],
      [6, 'year'],
    ]);
    expect(report.errors[0].message).toContain('Mức xếp loại');
    const header = (
      await preview(h, Buffer.from('year,subject,code,diem_thuong,level\n2026,org,GC01,1,good'))
    ).json();
    expect(header.errors).toEqual([expect.objectContaining({ row: 1, field: 'diem_thuong' })]);
    const missing = (await preview(h, Buffer.from('year,subject,level\n2026,org,good'))).json();
    expect(missing.errors).toEqual([expect.objectContaining({ row: 1, field: 'code' })]);
    expect(await decided()).toBe(0);
  });

  it('leaves out members not to be rated, unknown codes and duplicates with a row error', async () => {
    const report = (
      await commit(
        h,
        csv(
          ...MEMBER_LINES,
          '2026,,member,M4,80,good,',
          '2026,,member,M5,80,good,',
          '2026,,org,KHONGCO,80,good,',
          '2026,,member,M1,80,good,',
        ),
      )
    ).json();
    expect(report.valid).toBe(false);
    expect(report.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [5, 'code'],
      [6, 'code'],
      [7, 'code'],
      [8, 'code'],
    ]);
    expect(report.errors[0].message).toContain('miễn');
    expect(report.errors[3].message).toContain('dòng 2');
    expect(await decided()).toBe(0);
  });
});

describe('access', () => {
  it('lets only deciders import, and each row only within their scope', async () => {
    for (const client of [sec, member]) {
      expect((await preview(client, csv(...MEMBER_LINES))).statusCode).toBe(403);
    }
    const signedOut = await ctx.app.inject({ method: 'POST', url: '/api/ratings/import/preview' });
    expect(signedOut.statusCode).toBe(401);
    // GA's committee decides for its cells' members, not for H's organisations.
    const report = (await preview(ga, csv('2026,,member,C01,80,good,', '2026,,org,GC01,80,good,'))).json();
    expect(report.errors).toEqual([expect.objectContaining({ row: 3, field: 'code' })]);
    expect(await decided()).toBe(0);
  });
});

describe('the acceptance import (issue 15)', () => {
  it('previews without writing, then commits all rows with source import and audit events', async () => {
    const file = csv(...ORG_LINES, ...MEMBER_LINES);
    const seen = (await preview(h, file)).json();
    expect(seen).toMatchObject({ valid: true, total: 52, errors: [], written: 0 });
    expect(seen.byLevel).toEqual({ excellent: 9, good: 40, completed: 3, failed: 0 });
    expect(await decided()).toBe(0);
    const done = (await commit(h, file)).json();
    expect(done).toMatchObject({ valid: true, written: 52 });
    const [sources] = await rows<{ n: number; imported: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE decision_source = 'import')::int AS imported
          FROM ratings WHERE decision_level IS NOT NULL`,
    );
    expect(sources).toEqual({ n: 52, imported: 52 });
    const events = await rows<{ action: string; n: number }>(
      ctx.db,
      sql`SELECT action, count(*)::int AS n FROM audit_events
          WHERE action IN ('rating.decided', 'import.ratings') GROUP BY action ORDER BY action`,
    );
    expect(events).toEqual([
      { action: 'import.ratings', n: 1 },
      { action: 'rating.decided', n: 52 },
    ]);
    const [summaryEvent] = await rows<{ orgPath: string; hPath: string }>(
      ctx.db,
      sql`SELECT e.org_path AS "orgPath", (SELECT path FROM orgs WHERE code = 'H') AS "hPath"
          FROM audit_events e WHERE e.action = 'import.ratings'`,
    );
    expect(summaryEvent?.orgPath).toBe(summaryEvent?.hPath);
    const [m3] = await rows<{ level: string; reason: string }>(
      ctx.db,
      sql`SELECT r.decision_level AS level, r.decision_reason AS reason FROM ratings r
          JOIN members m ON m.id = r.subject_id AND r.subject = 'member' WHERE m.member_code = 'M3'`,
    );
    expect(m3).toEqual({ level: 'completed', reason: 'Còn hạn chế' });
  });

  it('answers 18.4 / 77.6 / 4.1 / 0 through the summary', async () => {
    const summary = (await h.get('/api/ratings/summary?org=H&year=2026')).json() as RatingSummaryDto;
    expect(summary.organisations).toEqual({
      rated: 49,
      byLevel: { excellent: 9, good: 38, completed: 2, failed: 0 },
      percent: { excellent: 18.4, good: 77.6, completed: 4.1, failed: 0 },
    });
    expect(summary.members).toMatchObject({ rated: 3, byLevel: { good: 2, completed: 1 } });
  });
});

describe('nennep import ratings FILE', () => {
  it('refuses a bad file with each row and column printed, then writes a good one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratings-'));
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, csv('2026,,member,C01,80,rất tốt,'));
    const errors: string[] = [];
    const spyError = vi.spyOn(console, 'error').mockImplementation((line: string) => {
      errors.push(line);
    });
    const spyLog = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(await runRatingsImportCommand(ctx.database, bad, now)).toBe(1);
      expect(errors[0]).toContain('Dòng 2, cột level');
      const good = join(dir, 'good.csv');
      writeFileSync(good, csv('2026,,member,C01,80,good,', '2026,,member,C02,75,good,'));
      expect(await runRatingsImportCommand(ctx.database, good, now)).toBe(0);
      expect(spyLog).toHaveBeenCalledWith(expect.stringContaining('"written":2'));
    } finally {
      spyError.mockRestore();
      spyLog.mockRestore();
    }
    const summary = (await ga.get('/api/ratings/summary?org=GA&year=2026')).json() as RatingSummaryDto;
    expect(summary.members.byLevel.good).toBe(2);
  });
});
