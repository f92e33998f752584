import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildTestApp, type Client, login, uploadFile } from '../../test/factories.ts';
import { buildDuesFixture } from './test-fixture.ts';

/**
 * Who reaches the dues routes (domain.md §10): the cell's secretary and the administrators of a subtree keep
 * the ledger, the committees above read it; another cell's secretary finds nothing (404); a member is refused
 * the cell's ledger (403) and reads only his or her own statement. The last test checks that this table names
 * every dues route.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
const seen = new Set<string>();

type Call = [method: string, route: string, url: string, payload?: unknown];

/** One call per dues route, aimed at the cell `org` and its member `code`. */
function calls(org: string, code: string): Call[] {
  return [
    ['GET', '/api/dues/ledger', `/api/dues/ledger?org=${org}&month=2026-03`],
    ['GET', '/api/dues/arrears', `/api/dues/arrears?org=${org}&year=2026`],
    [
      'POST',
      '/api/dues/basis',
      '/api/dues/basis',
      { memberCode: code, fromMonth: '2026-02', category: 'pension', amountVnd: 4_000_000 },
    ],
    [
      'POST',
      '/api/dues/relief',
      '/api/dues/relief',
      { memberCode: code, reliefKind: 'reduction', percent: 30, fromMonth: '2026-03', reason: 'Khó khăn' },
    ],
    [
      'POST',
      '/api/dues/payments',
      '/api/dues/payments',
      { entries: [{ memberCode: code, month: '2026-03', paidVnd: 14_000 }] },
    ],
    [
      'POST',
      '/api/dues/reasons',
      '/api/dues/reasons',
      { memberCode: code, month: '2026-04', reason: 'Đi làm ăn xa' },
    ],
    ['GET', '/api/dues/remittance', `/api/dues/remittance?org=${org}&year=2026`],
    ['GET', '/api/dues/report.docx', `/api/dues/report.docx?org=${org}&year=2026`],
    ['GET', '/api/dues/report.xlsx', `/api/dues/report.xlsx?org=${org}&year=2026&month=2026-03`],
  ];
}

async function expectEvery(client: Client, org: string, code: string, status: number) {
  for (const [method, route, url, payload] of calls(org, code)) {
    seen.add(`${method} ${route}`);
    const response = await client.request({
      method: method as 'GET',
      url,
      ...(payload ? { payload: payload as object } : {}),
    });
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(status);
    // Nothing of the cell or its members leaks in a refusal.
    if (status >= 400) expect(response.body, url).not.toContain('Thượng Hội');
  }
}

const written = async () => {
  const [count] = await rows<{ n: number }>(
    ctx.db,
    sql`SELECT ((SELECT count(*) FROM dues_bases) + (SELECT count(*) FROM dues_reliefs)
          + (SELECT count(*) FROM dues_payments) + (SELECT count(*) FROM dues_reasons)
          + (SELECT count(*) FROM audit_events WHERE action LIKE 'dues.%'))::int AS n`,
  );
  return count?.n ?? -1;
};

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => new Date('2026-06-15T03:00:00Z') });
  await buildDuesFixture(ctx.db);
});
afterAll(() => ctx.close());

describe('dues: who is refused', () => {
  it('another cell’s secretary: the cell and its members do not exist (404)', async () => {
    await expectEvery(await login(ctx.app, 'sec2'), 'C', 'DV02', 404);
  });

  it('a member: the cell’s ledger and others’ entries are refused (403), and so are the cell’s decisions', async () => {
    const member = await login(ctx.app, 'member');
    await expectEvery(member, 'C', 'DV02', 403);
    // The member's own: the cell decides relief, records payments and reasons — not the member.
    for (const [method, , url, payload] of calls('C', 'DV01').slice(3)) {
      const response = await member.request({ method: method as 'POST', url, payload: payload as object });
      expect(response.statusCode, url).toBe(403);
    }
    // Another cell's member does not exist for him or her.
    await expectEvery(member, 'C2', 'C21', 404);
  });

  it('the committee above reads the ledger and arrears but keeps no entries (403)', async () => {
    const ga = await login(ctx.app, 'ga');
    for (const [method, , url, payload] of calls('C', 'DV02')) {
      const response = await ga.request({
        method: method as 'GET',
        url,
        ...(payload ? { payload: payload as object } : {}),
      });
      expect(response.statusCode, url).toBe(method === 'GET' ? 200 : 403);
    }
  });

  it('an account that is no member has no statement of its own (403)', async () => {
    seen.add('GET /api/dues/mine');
    expect((await (await login(ctx.app, 'sec')).get('/api/dues/mine?year=2026')).statusCode).toBe(403);
  });

  it('the portal statement import: another cell’s secretary 404, a member and the committee above 403', async () => {
    for (const [user, status] of [
      ['sec2', 404],
      ['member', 403],
      ['ga', 403],
    ] as const)
      await expectPortal(await login(ctx.app, user), status);
  });

  it('changed nothing', async () => {
    expect(await written()).toBe(0);
  });
});

describe('dues: who reaches them', () => {
  it('the cell’s secretary and the province’s administrator reach every route', async () => {
    await expectEvery(await login(ctx.app, 'sec'), 'C', 'DV02', 200);
    await expectEvery(await login(ctx.app, 'admin'), 'C2', 'C21', 200);
    await expectPortal(await login(ctx.app, 'sec'), 200);
  });

  it('a member reads his or her own statement only, whoever else is asked for', async () => {
    const member2 = await login(ctx.app, 'member2');
    const mine = await member2.get('/api/dues/mine?year=2026');
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ memberCode: 'C21', fullName: 'Phạm Văn Vinh' });
    expect(mine.json().months[2]).toEqual({
      month: '2026-03',
      dueVnd: 14_000,
      paidVnd: 14_000,
      exempt: false,
      reductionPercent: 30,
    });
    // The statement takes no member code: extra parameters do not reach another member.
    const other = await member2.get('/api/dues/mine?year=2026&member=DV02');
    expect(other.json().memberCode).toBe('C21');
  });
});

/** The portal statement import's three steps (multipart uploads) on cell C: a statement naming DV02. */
async function expectPortal(client: Client, status: number) {
  const file = Buffer.from('Mã đảng viên,Kỳ nộp,Số tiền,Ngày nộp\nDV02,03/2026,14000,12/03/2026\n');
  for (const step of ['headers', 'preview', 'commit']) {
    seen.add(`POST /api/dues/portal/${step}`);
    const response = await uploadFile(client, `/api/dues/portal/${step}?org=C`, 'sao-ke.csv', file);
    expect(response.statusCode, `${step}: ${response.body}`).toBe(status);
    if (status >= 400) expect(response.body, step).not.toContain('Thượng Hội');
  }
}

describe('the table above', () => {
  it('names every dues route', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`))
      .filter((route) => / \/api\/dues/.test(route));
    expect(routes.length).toBe(13);
    expect(routes.filter((route) => !seen.has(route))).toEqual([]);
  });
});
