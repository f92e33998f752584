import type { ThematicSessionDto } from '@nennep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildMember, buildTestApp, type Client, login } from '../../test/factories.ts';
import { buildThematicFixture } from './test-fixture.ts';

/**
 * Access on every route of the committee-wide thematic session (issue 17 item 1; domain.md §10): the committee
 * (GA) and the committee above it (P) manage; everyone inside GA's subtree reads, its members comment on the
 * draft resolution; another commune (GB, D) sees nothing (404); a reader who may not manage gets 403;
 * nobody signed out reaches any.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let now = new Date('2027-04-10T03:00:00Z');
const c: Record<string, Client> = {};
const seen = new Set<string>();
let id: number;

const client = (name: string) => c[name] as Client;
const mark = (method: string, path: string) => seen.add(`${method} /api/thematic/sessions${path}`);
const sessionBody = (committeeCode: string) => ({
  committeeCode,
  title: 'Hội nghị chuyên đề toàn Đảng bộ',
  date: '2027-05-20',
  time: '14:00',
  place: 'Hội trường',
  year: 2027,
  quarter: 2,
});
const paper = { orgCode: 'C1', title: 'Tham luận', presenterCodes: ['C103'] };
const issueBody = {
  number: '07-NQ/ĐU',
  signerTitle: 'Bí thư',
  signerName: 'Trần Văn An',
  passOnBy: '2027-06-30',
};
const url = (suffix = '') => `/api/thematic/sessions/${id}${suffix}`;
const code = async (name: string, method: 'get' | 'post', path: string, payload?: unknown) =>
  (method === 'get' ? await client(name).get(path) : await client(name).post(path, payload)).statusCode;

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  await buildThematicFixture(ctx.db);
  const outside = await buildMember(ctx.db, { code: 'D01', name: 'Hoàng Văn Nam', org: 'D' });
  await buildAccount(ctx.db, 'memd', 'member', 'D', outside.id);
  for (const name of ['ga', 'p', 'gb', 'sec1', 'secd', 'mem1', 'pres1', 'mem2', 'memd'])
    c[name] = await login(ctx.app, name);
  const res = await client('ga').post('/api/thematic/sessions', sessionBody('GA'));
  expect(res.statusCode, res.body).toBe(201);
  id = res.json().id;
});
afterAll(() => ctx.close());

describe('signed out', () => {
  it('answers 401 on every route', async () => {
    const routes: [string, string, unknown][] = [
      ['GET', '/api/thematic/sessions?org=GA&year=2027', undefined],
      ['POST', '/api/thematic/sessions', sessionBody('GA')],
      ['GET', url(), undefined],
      ['POST', url('/papers'), paper],
      ['POST', url('/resolution'), { text: 'Dự thảo' }],
      ['POST', url('/resolution/share'), undefined],
      ['POST', url('/resolution/comments'), { text: 'Góp ý' }],
      ['POST', url('/resolution/issue'), issueBody],
    ];
    for (const [method, path, payload] of routes) {
      const res = await ctx.app.inject({
        method: method as 'GET' | 'POST',
        url: path,
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      });
      expect(res.statusCode, `${method} ${path}`).toBe(401);
    }
  });
});

describe('the session', () => {
  it('is created by the committee’s staff or a committee above, at a committee only', async () => {
    mark('POST', '');
    const create = (name: string, org: string) =>
      code(name, 'post', '/api/thematic/sessions', sessionBody(org));
    expect(await create('sec1', 'GA')).toBe(404);
    expect(await create('mem1', 'GA')).toBe(404);
    expect(await create('gb', 'GA')).toBe(404);
    expect(await create('sec1', 'C1')).toBe(400);
    expect(await create('p', 'GA')).toBe(201);
  });

  it('is read inside the subtree and by the committees above, by nobody else', async () => {
    mark('GET', '/{id}');
    for (const name of ['ga', 'p', 'sec1', 'mem1', 'mem2'])
      expect(await code(name, 'get', url()), name).toBe(200);
    for (const name of ['gb', 'secd', 'memd']) expect(await code(name, 'get', url()), name).toBe(404);
    const abilities = async (name: string) =>
      ((await client(name).get(url())).json() as ThematicSessionDto).abilities;
    const none = { manage: false, share: false, issue: false, issueBlocked: null, comment: false };
    // Nothing drafted yet, before the session's day: the committee manages (nothing to send or issue, and
    // told why), nobody comments.
    expect(await abilities('ga')).toEqual({ ...none, manage: true, issueBlocked: 'not_held' });
    expect(await abilities('p')).toEqual({ ...none, manage: true, issueBlocked: 'not_held' });
    expect(await abilities('sec1')).toEqual(none);
    expect(await abilities('mem1')).toEqual(none);
  });

  it('is listed for a node the actor reads', async () => {
    mark('GET', '');
    const list = (name: string, org: string) =>
      code(name, 'get', `/api/thematic/sessions?org=${org}&year=2027`);
    expect(await list('mem1', 'C1')).toBe(200);
    const create = async (name: string, org: string) =>
      (await client(name).get(`/api/thematic/sessions?org=${org}&year=2027`)).json().abilities.create;
    expect([await create('ga', 'GA'), await create('p', 'GA'), await create('mem1', 'C1')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(await create('sec1', 'C1')).toBe(false);
    expect(await list('sec1', 'GA')).toBe(404);
    expect(await list('gb', 'GA')).toBe(404);
  });

  it('has its papers assigned by the committee only', async () => {
    mark('POST', '/{id}/papers');
    expect(await code('sec1', 'post', url('/papers'), paper)).toBe(403);
    expect(await code('mem1', 'post', url('/papers'), paper)).toBe(403);
    expect(await code('gb', 'post', url('/papers'), paper)).toBe(404);
    expect(await code('ga', 'post', url('/papers'), paper)).toBe(201);
  });
});

describe('the draft resolution', () => {
  it('is written and sent for comments by the committee only', async () => {
    mark('POST', '/{id}/resolution');
    mark('POST', '/{id}/resolution/share');
    const draft = (name: string) => code(name, 'post', url('/resolution'), { text: 'Dự thảo' });
    expect(await draft('sec1')).toBe(403);
    expect(await draft('pres1')).toBe(403);
    expect(await draft('gb')).toBe(404);
    expect(await draft('p')).toBe(201);
    const share = (name: string) => code(name, 'post', url('/resolution/share'));
    expect(await share('sec1')).toBe(403);
    expect(await share('mem1')).toBe(403);
    expect(await share('secd')).toBe(404);
    expect(await share('ga')).toBe(200);
    const abilities = async (name: string) =>
      ((await client(name).get(url())).json() as ThematicSessionDto).abilities;
    // Sent, but the session (20/05/2027) is not held yet (today 10/04/2027): the committee may not issue it
    // and is told why, as the server would refuse it; the members of the subtree comment, a committee
    // account does not.
    const member = { manage: false, share: false, issue: false, issueBlocked: null, comment: true };
    expect(await abilities('ga')).toEqual({
      manage: true,
      share: false,
      issue: false,
      issueBlocked: 'not_held',
      comment: false,
    });
    expect(await abilities('mem1')).toEqual(member);
    expect(await abilities('sec1')).toEqual(member);
    expect(await code('gb', 'get', url())).toBe(404);
  });

  it('is commented on by the subtree’s members only', async () => {
    mark('POST', '/{id}/resolution/comments');
    const comment = (name: string) => code(name, 'post', url('/resolution/comments'), { text: 'Góp ý' });
    expect(await comment('memd')).toBe(404);
    expect(await comment('gb')).toBe(404);
    expect(await comment('secd')).toBe(404);
    // A committee account without a member record is no member; a secretary who is one comments.
    expect(await comment('ga')).toBe(403);
    expect(await comment('sec1')).toBe(201);
    expect(await comment('mem2')).toBe(201);
    expect(await comment('pres1')).toBe(201);
  });

  it('may be issued from the session’s day in Việt Nam, once its latest version is sent', async () => {
    const abilities = async (name: string) =>
      ((await client(name).get(url())).json() as ThematicSessionDto).abilities;
    const issue = () => client('ga').post(url('/resolution/issue'), issueBody);
    // 19/05/2027 23:59 in Hà Nội (16:59 UTC): still the day before; the server refuses, the abilities agree.
    now = new Date('2027-05-19T16:59:00Z');
    expect(await abilities('ga')).toMatchObject({ issue: false, issueBlocked: 'not_held' });
    const early = await issue();
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('sau hội nghị');
    // 20/05/2027 00:00 in Hà Nội (17:00 UTC the day before): the session's day has come.
    now = new Date('2027-05-19T17:00:00Z');
    expect(await abilities('ga')).toMatchObject({ issue: true, issueBlocked: null });
    expect(await abilities('mem1')).toMatchObject({ issue: false, issueBlocked: null });
    // A new version not yet sent: it may not be issued until sent, and the committee is told why.
    expect(await code('ga', 'post', url('/resolution'), { text: 'Dự thảo lần 2' })).toBe(201);
    expect(await abilities('ga')).toMatchObject({ share: true, issue: false, issueBlocked: 'not_shared' });
    const unsent = await issue();
    expect(unsent.statusCode).toBe(409);
    expect(unsent.json().error.message).toContain('chưa được gửi');
    expect(await code('ga', 'post', url('/resolution/share'))).toBe(200);
    expect(await abilities('ga')).toMatchObject({ share: false, issue: true, issueBlocked: null });
  });

  it('is issued by the committee only', async () => {
    mark('POST', '/{id}/resolution/issue');
    now = new Date('2027-05-21T02:00:00Z');
    const issue = (name: string) => code(name, 'post', url('/resolution/issue'), issueBody);
    expect(await issue('sec1')).toBe(403);
    expect(await issue('mem1')).toBe(403);
    expect(await issue('gb')).toBe(404);
    expect(await issue('memd')).toBe(404);
    expect(await issue('ga')).toBe(200);
    // Issued: nobody may change it any more.
    for (const name of ['ga', 'p', 'mem1'])
      expect(((await client(name).get(url())).json() as ThematicSessionDto).abilities, name).toEqual({
        manage: false,
        share: false,
        issue: false,
        issueBlocked: null,
        comment: false,
      });
  });
});

describe('the table above', () => {
  it('names every route of the session', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/thematic/sessions'))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.length).toBe(8);
    expect(routes.filter((r) => !seen.has(r))).toEqual([]);
  });
});
