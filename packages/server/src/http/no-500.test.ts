import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildTestApp, type Client, login } from '../test/factories.ts';
import {
  generate,
  huge,
  mapStrings,
  type OpenApiDoc,
  type Operation,
  type Rng,
  resolve,
  seeded,
  seedOf,
  useKeyHints,
  withNul,
  wrongTypes,
} from '../test/openapi-cases.ts';
import { membersOf, seedTree } from '../test/tree.ts';

/**
 * No request is answered 500 (bad input is a 400 naming the field): every route of the OpenAPI document,
 * called as an admin with path parameters, queries and bodies generated from the route's own schema, and
 * mutations of them — a NUL byte in every string, wrong types, huge strings, empty objects, bad path
 * parameters. Seeded and bounded (seven cases a route), so the same requests run every time.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let admin: Client;
let meetingId: number;
let taskId: number;
let logins = 0;

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => new Date('2026-06-01T09:00:00+07:00') });
  const { db } = ctx;
  await seedTree(db, {
    orgs: [
      { code: 'P', kind: 'committee' },
      { code: 'GA', kind: 'grassroots_committee', parent: 'P' },
      { code: 'C', kind: 'cell', category: 'village', parent: 'GA' },
    ],
    members: membersOf('C', 'M0', [
      'Nguyễn Văn Số 1',
      'Nguyễn Văn Số 2',
      'Nguyễn Văn Số 3',
      'Nguyễn Văn Số 4',
    ]),
    accounts: [['admin', 'admin', 'P']],
  });
  admin = await login(ctx.app, 'admin');
  const meeting = await admin.post('/api/meetings', {
    orgCode: 'C',
    kind: 'regular',
    date: '2026-06-15',
    startTime: '19:30',
  });
  meetingId = meeting.json().id;
  const task = await admin.post(`/api/meetings/${meetingId}/tasks`, { memberCode: 'M01', text: 'Việc' });
  taskId = task.json().id;
  // Fields that name what is stored get its codes, so that generated requests go past the lookups.
  useKeyHints([
    [/^(org|orgCode|cell|cellCode)$/, ['C', 'GA']],
    [/^(parent|parentCode|intoCode|committee|committeeCode)$/, ['GA', 'P']],
    [/^(memberCode|memberCodes)$/, ['M01', 'M02']],
  ]);
});
afterAll(() => ctx.close());

interface Case {
  name: string;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

/** A path parameter that names something stored, most of the time. */
function paramValue(path: string, name: string, schema: ReturnType<typeof resolve>, rng: Rng): unknown {
  if (name === 'id' && path.startsWith('/api/meetings/')) return meetingId;
  if (name === 'taskId') return taskId;
  if (name === 'code') return rng.pick(['C', 'GA', 'P']);
  if (name === 'memberCode') return 'M01';
  if (schema.type === 'integer' || schema.type === 'number') return rng.pick([1, 2, meetingId]);
  return generate({ paths: {} }, schema, rng);
}

function casesOf(doc: OpenApiDoc, path: string, method: string, op: Operation): Case[] {
  const rng = seeded(seedOf(`${method} ${path}`));
  const parameters = op.parameters ?? [];
  const bodySchema = op.requestBody?.content?.['application/json']?.schema;
  const params = () =>
    Object.fromEntries(
      parameters
        .filter((p) => p.in === 'path')
        .map((p) => [p.name, paramValue(path, p.name, resolve(doc, p.schema), rng)]),
    );
  const query = () =>
    Object.fromEntries(
      parameters
        .filter((p) => p.in === 'query' && (p.required || rng.chance(0.7)))
        .map((p) => [p.name, generate(doc, p.schema, rng, 0, p.name)]),
    );
  const body = () => (bodySchema ? generate(doc, bodySchema, rng) : undefined);
  const valid = (name: string): Case => ({ name, params: params(), query: query(), body: body() });
  const a = valid('generated');
  const b = valid('generated again');
  const everyQuery = Object.fromEntries(
    parameters.filter((p) => p.in === 'query').map((p) => [p.name, generate(doc, p.schema, rng, 0, p.name)]),
  );
  const badParam = rng.pick(['a\u0000b', '-1', '99999999999999999999', 'abc', '1.5', ' ']);
  return [
    a,
    b,
    { ...a, name: 'empty', query: {}, body: bodySchema ? {} : undefined },
    {
      ...a,
      name: 'NUL in every string',
      query: mapStrings(everyQuery, withNul, rng) as Record<string, unknown>,
      body: mapStrings(a.body, withNul, rng),
    },
    {
      ...b,
      name: 'wrong types',
      query: wrongTypes(everyQuery) as Record<string, unknown>,
      body: wrongTypes(b.body),
    },
    {
      ...a,
      name: 'huge strings',
      query: mapStrings(everyQuery, () => 'x'.repeat(5000), rng) as Record<string, unknown>,
      body: mapStrings(a.body, huge, rng),
    },
    {
      ...b,
      name: 'bad path parameters',
      params: Object.fromEntries(Object.keys(b.params).map((k) => [k, badParam])),
    },
  ];
}

function urlOf(path: string, c: Case): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(c.params[name])));
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(c.query)) {
    if (value === undefined) continue;
    search.append(key, typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));
  }
  const text = search.toString();
  return text ? `${filled}?${text}` : filled;
}

/** Cancelling the meeting, then accounts, then signing out and passwords: each closes doors to the others. */
const lateness = (path: string) =>
  path.startsWith('/api/auth/')
    ? 3
    : path.startsWith('/api/accounts')
      ? 2
      : path.endsWith('/cancel') || path.endsWith('/adopt')
        ? 1
        : 0;

/** The admin's session again, if a case ended it (logout), under a new account if need be. */
async function stillSignedIn() {
  if ((await admin.get('/api/auth/me')).statusCode === 200) return;
  try {
    admin = await login(ctx.app, 'admin');
  } catch {
    logins += 1;
    await buildAccount(ctx.db, `admin${logins}`, 'admin', 'P');
    admin = await login(ctx.app, `admin${logins}`);
  }
}

describe('no route answers 500', () => {
  it('refuses a NUL byte and an empty change with a 400 naming the field', async () => {
    const search = await admin.get('/api/members?q=a%00b');
    expect(search.statusCode).toBe(400);
    expect(search.json().error.fields[0].field).toBe('q');
    const opinion = await admin.post(`/api/meetings/${meetingId}/opinions`, {
      memberCode: 'M01',
      agendaIndex: 0,
      summary: 'a\u0000b',
    });
    expect(opinion.statusCode).toBe(400);
    expect(opinion.json().error.fields[0]).toMatchObject({ field: 'summary' });
    expect(opinion.json().error.fields[0].message).toContain('NUL');
    const nested = await admin.patch(`/api/meetings/${meetingId}`, {
      agenda: [{ title: 'x\u0000', section: 'content' }],
    });
    expect(nested.json().error.fields[0].field).toBe('agenda.0.title');
    const empty = await admin.patch(`/api/meetings/${meetingId}`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain('Không có gì để thay đổi');
  });

  it('on any generated or mutated request to any route of the OpenAPI document', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDoc;
    const routes = Object.entries(doc.paths)
      .flatMap(([path, ops]) =>
        Object.entries(ops)
          .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
          .map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
      )
      // What ends the meeting, the session or the rights the others run with comes last (a lost session
      // is opened again, under a new admin if need be).
      .sort((x, y) => lateness(x.path) - lateness(y.path));
    expect(routes.length).toBeGreaterThan(100);
    const failures: string[] = [];
    let sent = 0;
    for (const { path, method, op } of routes) {
      for (const c of casesOf(doc, path, method, op)) {
        const url = urlOf(path, c);
        const withBody = method !== 'GET' && method !== 'DELETE';
        const response = await admin.request({
          method: method as 'POST',
          url,
          ...(withBody ? { payload: (c.body ?? {}) as object } : {}),
        });
        sent += 1;
        if (response.statusCode >= 500) {
          failures.push(
            `${method} ${path} [${c.name}] ${url.slice(0, 120)} ${JSON.stringify(c.body ?? null).slice(0, 300)} → ${response.statusCode}`,
          );
        }
        if (response.statusCode === 401) await stillSignedIn();
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(routes.length * 6);
  });
});
