import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, login } from '../test/factories.ts';
import { seedTree } from '../test/tree.ts';

/** What each role of domain.md §10 may read in the registry, beyond the cell secretary's own test. */
let ctx: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  ctx = await buildTestApp();
  const { db } = ctx;
  await seedTree(db, {
    orgs: [
      { code: 'P', kind: 'committee' },
      { code: 'GA', kind: 'grassroots_committee', parent: 'P' },
      { code: 'CA1', kind: 'cell', category: 'village', parent: 'GA' },
      { code: 'CA2', kind: 'cell', category: 'village', parent: 'GA' },
      { code: 'GB', kind: 'grassroots_committee', parent: 'P' },
    ],
    members: [
      { code: 'SELF', name: 'Nguyễn Văn Mình', org: 'CA1' },
      { code: 'PEER', name: 'Trần Văn Bạn', org: 'CA1' },
      { code: 'FAR', name: 'Lê Văn Xa', org: 'CA2' },
    ],
    accounts: [
      ['member', 'member', 'CA1', 'SELF'],
      ['visitor', 'visitor', 'GA'],
      ['committee', 'committee_member', 'GA'],
    ],
  });
});
afterAll(() => ctx.close());

describe('a member', () => {
  it('reads its own record and personal data, and no one else’s; lists nobody', async () => {
    const member = await login(ctx.app, 'member');
    expect((await member.get('/api/members/SELF')).json()).toMatchObject({
      fullName: 'Nguyễn Văn Mình',
      abilities: { update: false, readPersonal: true },
    });
    expect((await member.get('/api/members/SELF/personal')).statusCode).toBe(200);
    expect((await member.get('/api/members/PEER')).statusCode).toBe(404);
    expect((await member.get('/api/members')).statusCode).toBe(403);
    expect((await member.patch('/api/members/SELF', { fullName: 'Tự sửa' })).statusCode).toBe(403);
    expect((await member.get('/api/orgs/tree')).json().roots.map((r: { code: string }) => r.code)).toEqual([
      'CA1',
    ]);
  });
});

describe('a visitor', () => {
  it('sees nothing until assigned, then the assigned cell, and no member data', async () => {
    let visitor = await login(ctx.app, 'visitor');
    expect((await visitor.get('/api/orgs/tree')).json().roots).toEqual([]);
    expect((await visitor.get('/api/orgs/CA1')).statusCode).toBe(404);
    const committee = await login(ctx.app, 'committee');
    const accounts = (await committee.get('/api/supervision/visitors?committee=GA')).json().items;
    const accountId = accounts.find((a: { displayName: string }) => a.displayName === 'visitor')?.accountId;
    const assigned = await committee.post('/api/supervision/assignments', {
      committeeCode: 'GA',
      orgCode: 'CA1',
      accountId,
    });
    expect(assigned.statusCode).toBe(201);
    visitor = await login(ctx.app, 'visitor');
    expect((await visitor.get('/api/orgs/CA1/stats')).json().members.total).toBe(2);
    expect((await visitor.get('/api/orgs/GA')).statusCode).toBe(404);
    expect((await visitor.get('/api/orgs/CA2')).statusCode).toBe(404);
    expect((await visitor.get('/api/orgs/GB')).statusCode).toBe(404);
    expect((await visitor.get('/api/members?org=CA1')).statusCode).toBe(403);
    expect((await visitor.get('/api/members/FAR')).statusCode).toBe(404);
  });
});

describe('a committee member', () => {
  it('reads the members of its subtree without personal data, and changes nothing', async () => {
    const committee = await login(ctx.app, 'committee');
    expect((await committee.get('/api/members?org=GA')).json().total).toBe(3);
    const far = (await committee.get('/api/members/FAR')).json();
    expect(far.abilities).toEqual({ update: false, readPersonal: false });
    expect((await committee.get('/api/members/FAR/personal')).statusCode).toBe(404);
    expect(
      (await committee.post('/api/members/FAR/status', { status: 'removed', date: '2026-01-01' })).statusCode,
    ).toBe(403);
    expect((await committee.get('/api/members?org=P')).statusCode).toBe(404);
  });
});
