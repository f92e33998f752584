import type { ThematicCoverageDto } from '@nennep/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { buildThematicFixture } from './test-fixture.ts';

/**
 * Access on every thematic route (issue 17 item 1; domain.md §10): the committee publishes and approves for
 * its subtree, a cell's secretary registers and shares only for the cell, the presenters draft, the cell's
 * members read and comment; another cell or commune sees nothing (404); nobody signed out reaches any.
 */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;
const now = new Date('2027-04-10T03:00:00Z');
const c: Record<string, Client> = {};
const seen = new Set<string>();
let topic: number;
let reg: number;

const client = (name: string) => c[name] as Client;
const mark = (method: string, path: string) => seen.add(`${method} /api/thematic${path}`);
const topicBody = {
  committeeCode: 'GA',
  year: 2027,
  title: 'Thực hành tiết kiệm, chống lãng phí',
  purpose: 'Nâng cao ý thức của đảng viên',
};
const registration = (orgCode: string, presenter: string) => ({
  orgCode,
  year: 2027,
  quarter: 2,
  topicId: topic,
  presenterCodes: [presenter],
  plannedDate: '2027-05-10',
});

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  await buildThematicFixture(ctx.db);
  for (const name of ['ga', 'p', 'gb', 'sec1', 'sec2', 'secd', 'mem1', 'pres1', 'mem2'])
    c[name] = await login(ctx.app, name);
  topic = (await client('ga').post('/api/thematic/topics', topicBody)).json().id;
  expect((await client('ga').post(`/api/thematic/topics/${topic}/publish`)).statusCode).toBe(200);
  const res = await client('sec1').post('/api/thematic/registrations', registration('C1', 'C103'));
  expect(res.statusCode, res.body).toBe(201);
  reg = res.json().id;
});
afterAll(() => ctx.close());

describe('signed out', () => {
  it('answers 401 on every route', async () => {
    const r = `/api/thematic/registrations/${reg}`;
    const routes: [string, string, unknown][] = [
      ['GET', '/api/thematic/topics?org=GA&year=2027', undefined],
      ['POST', '/api/thematic/topics', topicBody],
      ['POST', `/api/thematic/topics/${topic}/publish`, undefined],
      ['POST', `/api/thematic/topics/${topic}/withdraw`, undefined],
      ['DELETE', `/api/thematic/topics/${topic}`, undefined],
      ['POST', '/api/thematic/registrations', registration('C2', 'C201')],
      ['GET', '/api/thematic/registrations?org=GA&year=2027', undefined],
      ['GET', r, undefined],
      ['POST', `${r}/decision`, { decision: 'approved' }],
      ['POST', `${r}/meeting`, { meetingId: 1 }],
      ['POST', `${r}/plan`, { presenterCodes: ['C103'], plannedDate: '2027-05-10' }],
      ['POST', `${r}/paper`, { text: 'Tham luận' }],
      ['POST', `${r}/paper/share`, undefined],
      ['POST', `${r}/comments`, { text: 'Góp ý' }],
      ['GET', '/api/thematic/coverage?org=GA&year=2027&quarter=2', undefined],
    ];
    for (const [method, url, payload] of routes) {
      const res = await ctx.app.inject({
        method: method as 'GET' | 'POST' | 'DELETE',
        url,
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });
});

describe('the abilities sent with each DTO', () => {
  const none = { publish: false, register: false, decide: false };
  const get = async (name: string, path: string) => {
    const res = await client(name).get(`/api/thematic${path}`);
    return res.statusCode === 200 ? res.json() : res.statusCode;
  };

  it('say at each node who publishes, registers and decides; a stranger sees nothing', async () => {
    const at = async (name: string, org: string) => {
      const lists = [
        await get(name, `/topics?org=${org}&year=2027`),
        await get(name, `/registrations?org=${org}&year=2027`),
        await get(name, `/coverage?org=${org}&year=2027&quarter=2`),
      ];
      return lists.map((l) => (typeof l === 'number' ? l : l.abilities));
    };
    const same = (abilities: unknown) => [abilities, abilities, abilities];
    expect(await at('ga', 'GA')).toEqual(same({ publish: true, register: false, decide: true }));
    expect(await at('p', 'GA')).toEqual(same({ publish: true, register: false, decide: true }));
    expect(await at('ga', 'C1')).toEqual(same({ publish: false, register: true, decide: true }));
    expect(await at('sec1', 'C1')).toEqual(same({ ...none, register: true }));
    expect(await at('mem1', 'C1')).toEqual(same(none));
    expect(await at('secd', 'D')).toEqual(same({ ...none, register: true }));
    expect(await at('gb', 'GA')).toEqual([404, 404, 404]);
    expect(await at('sec1', 'C2')).toEqual([404, 404, 404]);
  });

  it('say which steps of a topic its committee may take', async () => {
    const abilitiesOf = async (name: string, org: string) =>
      (await get(name, `/topics?org=${org}&year=2027`)).items.map((x: { abilities: unknown }) => x.abilities);
    const published = { publish: false, withdraw: true, delete: false };
    expect(await abilitiesOf('ga', 'GA')).toEqual([published]);
    expect(await abilitiesOf('p', 'GA')).toEqual([published]);
    expect(await abilitiesOf('sec1', 'C1')).toEqual([{ publish: false, withdraw: false, delete: false }]);
    expect(await abilitiesOf('mem1', 'C1')).toEqual([{ publish: false, withdraw: false, delete: false }]);
  });

  it('say what the secretary, a presenter, a member and the committee may do with a registration', async () => {
    const of = async (name: string) => {
      const dto = await get(name, `/registrations/${reg}`);
      return typeof dto === 'number' ? dto : dto.abilities;
    };
    const nothing = {
      replan: false,
      linkMeeting: false,
      decide: false,
      draft: false,
      share: false,
      comment: false,
    };
    // Registered on a committee's topic, no paper yet: nothing to share or comment on, nothing to decide.
    const manager = { ...nothing, replan: true, linkMeeting: true, draft: true };
    expect(await of('sec1')).toEqual(manager);
    expect(await of('ga')).toEqual(manager);
    expect(await of('p')).toEqual(manager);
    expect(await of('pres1')).toEqual({ ...nothing, draft: true });
    expect(await of('mem1')).toEqual(nothing);
    expect(await of('sec2')).toBe(404);
    expect(await of('gb')).toBe(404);
  });
});

describe('topics', () => {
  it('are listed for whoever reads the node, published only to those below', async () => {
    mark('GET', '/topics');
    const ids = async (name: string, org: string) => {
      const res = await client(name).get(`/api/thematic/topics?org=${org}&year=2027`);
      return res.statusCode === 200 ? res.json().items.map((t: { id: number }) => t.id) : res.statusCode;
    };
    expect(await ids('ga', 'GA')).toEqual([topic]);
    expect(await ids('mem1', 'C1')).toEqual([topic]);
    expect(await ids('sec1', 'GA')).toBe(404);
    expect(await ids('gb', 'GA')).toBe(404);
    expect(await ids('secd', 'D')).toEqual([]);
  });

  it('are written by the committee’s staff (or a committee above) only', async () => {
    mark('POST', '/topics');
    mark('POST', '/topics/{id}/publish');
    mark('POST', '/topics/{id}/withdraw');
    mark('DELETE', '/topics/{id}');
    expect((await client('sec1').post('/api/thematic/topics', topicBody)).statusCode).toBe(404);
    expect((await client('gb').post('/api/thematic/topics', topicBody)).statusCode).toBe(404);
    expect((await client('mem1').post('/api/thematic/topics', topicBody)).statusCode).toBe(404);
    const cell = await client('sec1').post('/api/thematic/topics', { ...topicBody, committeeCode: 'C1' });
    expect(cell.json().error.fields[0].field).toBe('committeeCode');
    const draft = await client('p').post('/api/thematic/topics', topicBody);
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json().id as number;
    for (const name of ['sec1', 'gb', 'mem1']) {
      expect((await client(name).post(`/api/thematic/topics/${id}/publish`)).statusCode).toBe(404);
      expect((await client(name).post(`/api/thematic/topics/${topic}/withdraw`)).statusCode).toBe(404);
      expect((await client(name).delete(`/api/thematic/topics/${id}`)).statusCode).toBe(404);
    }
    expect((await client('ga').delete(`/api/thematic/topics/${id}`)).statusCode).toBe(204);
  });
});

describe('registrations', () => {
  it('are made by the cell’s secretary for the own cell, or by the committee for its subtree', async () => {
    mark('POST', '/registrations');
    const post = (name: string, org: string, presenter: string) =>
      client(name).post('/api/thematic/registrations', registration(org, presenter));
    expect((await post('sec2', 'C1', 'C102')).statusCode).toBe(404);
    expect((await post('gb', 'C2', 'C201')).statusCode).toBe(404);
    expect((await post('mem2', 'C2', 'C201')).statusCode).toBe(403);
    expect((await post('ga', 'C2', 'C201')).statusCode).toBe(201);
  });

  it('are listed over the node the actor reads: a cell its own, a committee its subtree', async () => {
    mark('GET', '/registrations');
    const list = async (name: string, org: string) => {
      const res = await client(name).get(`/api/thematic/registrations?org=${org}&year=2027`);
      return res.statusCode === 200
        ? res.json().items.map((x: { orgCode: string }) => x.orgCode)
        : res.statusCode;
    };
    expect(await list('ga', 'GA')).toEqual(['C2', 'C1']);
    expect(await list('sec1', 'C1')).toEqual(['C1']);
    expect(await list('mem2', 'C2')).toEqual(['C2']);
    expect(await list('sec1', 'GA')).toBe(404);
    expect(await list('sec1', 'C2')).toBe(404);
    expect(await list('gb', 'GA')).toBe(404);
  });

  it('are read by the cell and the committees above, by nobody else', async () => {
    mark('GET', '/registrations/{id}');
    const code = async (name: string) =>
      (await client(name).get(`/api/thematic/registrations/${reg}`)).statusCode;
    expect(await code('mem1')).toBe(200);
    expect(await code('p')).toBe(200);
    expect(await code('sec2')).toBe(404);
    expect(await code('mem2')).toBe(404);
    expect(await code('gb')).toBe(404);
  });

  it('own topics are decided by a committee above the cell, not by the cell', async () => {
    mark('POST', '/registrations/{id}/decision');
    const own = await client('sec2').post('/api/thematic/registrations', {
      ...registration('C2', 'C202'),
      quarter: 3,
      plannedDate: '2027-08-10',
      topicId: undefined,
      ownTitle: 'Chuyển đổi số ở thôn',
    });
    expect(own.statusCode, own.body).toBe(201);
    const decide = (name: string) =>
      client(name).post(`/api/thematic/registrations/${own.json().id}/decision`, { decision: 'approved' });
    const ability = async (name: string) =>
      (await client(name).get(`/api/thematic/registrations/${own.json().id}`)).json().abilities.decide;
    expect([await ability('p'), await ability('ga'), await ability('sec2'), await ability('mem2')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect((await decide('sec2')).statusCode).toBe(403);
    expect((await decide('mem2')).statusCode).toBe(403);
    expect((await decide('sec1')).statusCode).toBe(404);
    expect((await decide('gb')).statusCode).toBe(404);
    expect((await decide('p')).statusCode).toBe(200);
  });

  it('are reassigned (presenters, date) only by the cell’s managers', async () => {
    mark('POST', '/registrations/{id}/plan');
    const plan = (name: string) =>
      client(name).post(`/api/thematic/registrations/${reg}/plan`, {
        presenterCodes: ['C103'],
        plannedDate: '2027-05-10',
      });
    expect((await plan('sec2')).statusCode).toBe(404);
    expect((await plan('gb')).statusCode).toBe(404);
    expect((await plan('mem1')).statusCode).toBe(403);
    expect((await plan('pres1')).statusCode).toBe(403);
    expect((await plan('ga')).statusCode).toBe(200);
    expect((await plan('sec1')).statusCode).toBe(200);
  });

  it('link the meeting only for the cell’s managers', async () => {
    mark('POST', '/registrations/{id}/meeting');
    const link = (name: string) =>
      client(name).post(`/api/thematic/registrations/${reg}/meeting`, { meetingId: 1 });
    expect((await link('sec2')).statusCode).toBe(404);
    expect((await link('mem1')).statusCode).toBe(403);
    expect((await link('pres1')).statusCode).toBe(403);
    // The managers pass access; an unknown meeting is then a 400 on the field.
    expect((await link('sec1')).json().error.fields[0].field).toBe('meetingId');
  });
});

describe('the paper and its comments', () => {
  const url = (suffix: string) => `/api/thematic/registrations/${reg}${suffix}`;

  it('is drafted by the presenters or the secretary, shared by the secretary', async () => {
    mark('POST', '/registrations/{id}/paper');
    mark('POST', '/registrations/{id}/paper/share');
    const draft = (name: string) => client(name).post(url('/paper'), { text: 'Tham luận' });
    expect((await draft('sec2')).statusCode).toBe(404);
    expect((await draft('gb')).statusCode).toBe(404);
    expect((await draft('mem1')).statusCode).toBe(403);
    expect((await draft('pres1')).statusCode).toBe(201);
    const share = (name: string) => client(name).post(url('/paper/share'));
    expect((await share('sec2')).statusCode).toBe(404);
    expect((await share('mem1')).statusCode).toBe(403);
    expect((await share('pres1')).statusCode).toBe(403);
    expect((await share('sec1')).statusCode).toBe(200);
  });

  it('is commented on by the cell’s members only', async () => {
    mark('POST', '/registrations/{id}/comments');
    const comment = (name: string) => client(name).post(url('/comments'), { text: 'Góp ý' });
    expect((await comment('mem2')).statusCode).toBe(404);
    expect((await comment('sec2')).statusCode).toBe(404);
    expect((await comment('ga')).statusCode).toBe(403);
    expect((await comment('mem1')).statusCode).toBe(201);
    expect((await comment('sec1')).statusCode).toBe(201);
  });

  it('is shared, drafted and commented on by those its abilities name, once shared', async () => {
    const of = async (name: string) => (await client(name).get(url(''))).json().abilities;
    // Shared: the members comment, the secretary (a member too) comments and drafts; nothing left to share.
    expect(await of('mem1')).toMatchObject({ draft: false, share: false, comment: true });
    expect(await of('pres1')).toMatchObject({ draft: true, share: false, comment: true });
    expect(await of('sec1')).toMatchObject({ draft: true, share: false, comment: true });
    // The committee manages the cell but is no member of it.
    expect(await of('ga')).toMatchObject({ draft: true, share: false, comment: false });
    // A new version not yet shared: the secretary may share it, not the presenter who wrote it.
    expect((await client('pres1').post(url('/paper'), { text: 'Tham luận, bản 2' })).statusCode).toBe(201);
    expect((await of('sec1')).share).toBe(true);
    expect((await of('pres1')).share).toBe(false);
  });
});

describe('coverage', () => {
  it('shows a committee its subtree, a cell only itself, nobody else anything', async () => {
    mark('GET', '/coverage');
    const view = async (name: string, org: string) => {
      const res = await client(name).get(`/api/thematic/coverage?org=${org}&year=2027&quarter=2`);
      return res.statusCode === 200
        ? (res.json() as ThematicCoverageDto).cells.map((x) => x.orgCode)
        : res.statusCode;
    };
    expect(await view('ga', 'GA')).toEqual(['C2', 'C1', 'C3']);
    expect(await view('sec1', 'C1')).toEqual(['C1']);
    expect(await view('mem1', 'C1')).toEqual(['C1']);
    expect(await view('sec1', 'GA')).toBe(404);
    expect(await view('sec1', 'C2')).toBe(404);
    expect(await view('gb', 'GA')).toBe(404);
  });
});

describe('the table above', () => {
  it('names every thematic route of the API', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths)
      // The committee-wide session's routes have their own table (session-access.test.ts).
      .filter(([path]) => path.startsWith('/api/thematic/') && !path.startsWith('/api/thematic/sessions'))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    expect(routes.length).toBe(15);
    expect(routes.filter((r) => !seen.has(r))).toEqual([]);
  });
});
