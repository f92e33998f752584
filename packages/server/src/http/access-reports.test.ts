import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../db/client.ts';
import { buildReportFixture } from '../modules/reports/test-fixture.ts';
import { buildAccount, buildTestApp, type Client, login } from '../test/factories.ts';

/**
 * Periodic reports are read, drafted and issued only by the admins and committee members of a subtree
 * holding the committee: a commune's committee member reaches neither the province's report nor another
 * commune's (404), a plain member grant on the commune is refused (403), a cell's secretary and a
 * visitor see nothing. The last test checks that this table names every reports route.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
const seen = new Set<string>();

type Call = [method: string, route: string, url: string, payload?: unknown];

const WORDS = {
  assessment: 'x',
  shortcomings: null,
  directions: null,
  proposals: null,
  signerName: 'Nguyễn Văn A',
  signerTitle: null,
};

/** One call per reports route, aimed at `committee`. */
function calls(committee: string): Call[] {
  const q = `committee=${committee}&period=2026-Q3`;
  return [
    ['GET', '/api/reports', `/api/reports?${q}`],
    ['PUT', '/api/reports', '/api/reports', { committeeCode: committee, periodKey: '2026-Q3', words: WORDS }],
    ['POST', '/api/reports/issue', '/api/reports/issue', { committeeCode: committee, periodKey: '2026-Q3' }],
    ['GET', '/api/reports/document', `/api/reports/document?${q}&format=docx`],
    ['GET', '/api/reports/status', `/api/reports/status?org=${committee}&period=2026-Q3`],
  ];
}

async function expectEvery(client: Client, committee: string, status: number) {
  for (const [method, route, url, payload] of calls(committee)) {
    seen.add(`${method} ${route}`);
    const response = await client.request({
      method: method as 'GET',
      url,
      ...(payload ? { payload: payload as object } : {}),
    });
    expect(response.statusCode, `${method} ${url}`).toBe(status);
    // Nothing of the committee or its cells leaks in the refusal.
    expect(response.body, url).not.toContain('Thượng Hội');
  }
}

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => new Date('2026-10-05T03:00:00Z') });
  await buildReportFixture(ctx.db);
  await buildAccount(ctx.db, 'visitor', 'visitor', 'P');
});
afterAll(() => ctx.close());

describe('reports: who is refused', () => {
  it('a commune’s committee member: the province and the other commune do not exist (404)', async () => {
    const xab = await login(ctx.app, 'xab');
    await expectEvery(xab, 'P', 404);
    await expectEvery(xab, 'GA', 404);
  });

  it('a plain member grant on the commune: 403', async () => {
    await expectEvery(await login(ctx.app, 'mem'), 'GA', 403);
  });

  it('a cell secretary and a visitor with nothing assigned: 404', async () => {
    await expectEvery(await login(ctx.app, 'sec'), 'GA', 404);
    await expectEvery(await login(ctx.app, 'visitor'), 'GA', 404);
  });

  it('changed nothing', async () => {
    const [count] = await rows<{ n: number }>(
      ctx.db,
      sql`SELECT (SELECT count(*) FROM committee_reports) + (SELECT count(*) FROM audit_events
            WHERE action LIKE 'report.%') AS n`,
    );
    expect(Number(count?.n)).toBe(0);
  });

  it('while the commune’s own committee member reaches every route', async () => {
    const xa = await login(ctx.app, 'xa');
    for (const [method, , url, payload] of calls('GA')) {
      const response = await xa.request({
        method: method as 'GET',
        url,
        ...(payload ? { payload: payload as object } : {}),
      });
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(200);
    }
  });
});

describe('the table above', () => {
  it('names every reports route', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
      .filter((route) => / \/api\/reports/.test(route));
    expect(routes.length).toBe(5);
    expect(routes.filter((route) => !seen.has(route))).toEqual([]);
  });
});
