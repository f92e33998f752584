import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { seedTree } from '../../test/tree.ts';

let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let communeAdmin: Client;
let provinceAdminId: number;

beforeAll(async () => {
  ctx = await buildTestApp();
  const { db } = ctx;
  const tree = await seedTree(db, {
    orgs: [
      { code: 'P', kind: 'committee' },
      { code: 'GA', name: 'Đảng bộ xã An', kind: 'grassroots_committee', parent: 'P' },
      { code: 'GB', kind: 'grassroots_committee', parent: 'P' },
      { code: 'CA', name: 'Chi bộ thôn An', kind: 'cell', parent: 'GA' },
    ],
    members: [
      { code: 'MA', name: 'Nguyễn Văn An', org: 'CA' },
      { code: 'MB', name: 'Trần Văn Bình', org: 'CA' },
    ],
    accounts: [
      ['province', 'admin', 'P'],
      ['commune', 'admin', 'GA'],
    ],
  });
  provinceAdminId = tree.account('province').id;
  communeAdmin = await login(ctx.app, 'commune');
});
afterAll(() => ctx.close());

describe('accounts inside an admin subtree', () => {
  it('creates a secretary linked to a member, who can then sign in and see the cell', async () => {
    const response = await communeAdmin.post('/api/accounts', {
      username: 'bithu.an',
      displayName: 'Nguyễn Văn An',
      password: 'mat-khau-123',
      memberCode: 'MA',
      grants: [{ role: 'cell_secretary', orgCode: 'CA' }],
    });
    expect(response.statusCode).toBe(201);
    const secretary = await login(ctx.app, 'bithu.an', 'mat-khau-123');
    const me = (await secretary.get('/api/auth/me')).json();
    expect(me).toMatchObject({ memberCode: 'MA', grants: [{ role: 'cell_secretary', orgCode: 'CA' }] });
    const [event] = await rows<{ detail: unknown }>(
      ctx.db,
      sql`SELECT detail FROM audit_events WHERE action = 'account.created'`,
    );
    expect(JSON.stringify(event?.detail)).not.toContain('mat-khau');
  });

  it('refuses a grant outside its subtree, naming the field', async () => {
    const response = await communeAdmin.post('/api/accounts', {
      username: 'outsider',
      displayName: 'X',
      password: 'mat-khau-123',
      grants: [{ role: 'admin', orgCode: 'GB' }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('grants.0.orgCode');
  });

  it('refuses a taken username and a short password', async () => {
    const taken = await communeAdmin.post('/api/accounts', {
      username: 'bithu.an',
      displayName: 'X',
      password: 'mat-khau-123',
      grants: [{ role: 'member', orgCode: 'CA' }],
    });
    expect(taken.statusCode).toBe(409);
    const short = await communeAdmin.post('/api/accounts', {
      username: 'ngan',
      displayName: 'X',
      password: '123',
      grants: [{ role: 'member', orgCode: 'CA' }],
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields[0].field).toBe('password');
  });

  it('lists only accounts granted inside its subtree', async () => {
    const list = (await communeAdmin.get('/api/accounts')).json().items;
    expect(list.map((a: { username: string }) => a.username).sort()).toEqual(['bithu.an', 'commune']);
  });

  it('cannot change an account granted above it', async () => {
    expect(
      (await communeAdmin.patch(`/api/accounts/${provinceAdminId}`, { disabled: true })).statusCode,
    ).toBe(403);
  });

  it('disables an account and ends its sessions', async () => {
    const secretary = await login(ctx.app, 'bithu.an', 'mat-khau-123');
    const [account] = await rows<{ id: number }>(
      ctx.db,
      sql`SELECT id FROM accounts WHERE username = 'bithu.an'`,
    );
    expect((await communeAdmin.patch(`/api/accounts/${account?.id}`, { disabled: true })).statusCode).toBe(
      200,
    );
    expect((await secretary.get('/api/auth/me')).statusCode).toBe(401);
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'bithu.an', password: 'mat-khau-123' },
    });
    expect(again.statusCode).toBe(401);
  });

  it('reads the audit log of its subtree only', async () => {
    const log = (await communeAdmin.get('/api/audit')).json();
    expect(log.total).toBeGreaterThan(0);
    expect(log.items.map((i: { action: string }) => i.action)).toContain('account.created');
    const province = await login(ctx.app, 'province');
    await province.post('/api/orgs', {
      code: 'GC',
      name: 'Đảng bộ xã C',
      kind: 'grassroots_committee',
      parentCode: 'P',
    });
    const after = (await communeAdmin.get('/api/audit')).json();
    expect(after.items.map((i: { entityId: string }) => i.entityId)).not.toContain('GC');
    expect((await communeAdmin.get('/api/audit?org=P')).statusCode).toBe(404);
  });
});

describe('API documentation', () => {
  it('serves OpenAPI 3.1 generated from the schemas', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/members'].get.parameters.map((p: { name: string }) => p.name)).toContain(
      'pageSize',
    );
    expect(doc.paths['/api/orgs'].post.requestBody).toBeDefined();
    const ui = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
  });
});
