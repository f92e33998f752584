import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildMember, buildOrg, buildTestApp, type Client, login } from '../../test/factories.ts';
import { seedTree } from '../../test/tree.ts';
import { PATH_COLUMNS } from './commands.ts';

let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let admin: Client;

beforeAll(async () => {
  ctx = await buildTestApp();
  const { db } = ctx;
  await seedTree(db, {
    orgs: [
      { code: 'P', name: 'Đảng bộ tỉnh', kind: 'committee' },
      { code: 'GA', name: 'Đảng bộ xã A', kind: 'grassroots_committee', parent: 'P' },
      { code: 'GB', name: 'Đảng bộ xã B', kind: 'grassroots_committee', parent: 'P' },
      { code: 'CA1', name: 'Chi bộ thôn 1', kind: 'cell', category: 'village', parent: 'GA' },
      { code: 'CA2', name: 'Chi bộ trường', kind: 'cell', category: 'school', parent: 'GA' },
      { code: 'GC', name: 'Chi bộ cơ sở Y tế', kind: 'grassroots_cell', category: 'health', parent: 'P' },
    ],
    members: [
      { code: 'M1', name: 'Nguyễn Văn Đức', org: 'CA1' },
      { code: 'M2', name: 'Trần Thị Hoa', org: 'CA1', status: 'probationary' },
      { code: 'M3', name: 'Lê Văn Cường', org: 'CA2', exemptFrom: '2020-01-01' },
      { code: 'M4', name: 'Phạm Văn Tú', org: 'GC' },
    ],
    accounts: [['root', 'admin', 'P']],
  });
  admin = await login(ctx.app, 'root');
});
afterAll(() => ctx.close());

const auditCount = async (action: string) =>
  (
    await rows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = ${action}`,
    )
  )[0]?.n;

describe('organisation statistics', () => {
  it('counts the subtree without its root', async () => {
    const response = await admin.get('/api/orgs/P/stats');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      grassrootsOrgs: 3,
      byKind: { grassroots_committee: 2, grassroots_cell: 1, cell: 2 },
      cellsByCategory: { village: 1, school: 1 },
      members: { total: 4, official: 3, probationary: 1, exempt: 1 },
    });
    const ga = await admin.get('/api/orgs/GA/stats');
    expect(ga.json()).toMatchObject({ grassrootsOrgs: 0, byKind: { cell: 2 }, members: { total: 3 } });
  });
});

describe('the tree', () => {
  it('lists roots and children with member and cell counts in Vietnamese order', async () => {
    const roots = (await admin.get('/api/orgs/tree')).json();
    expect(roots.roots).toMatchObject([{ code: 'P', memberCount: 4, cellCount: 3 }]);
    const children = (await admin.get('/api/orgs/tree?parent=P')).json().children;
    expect(children.map((c: { code: string }) => c.code)).toEqual(['GC', 'GA', 'GB']);
    expect(children[1]).toMatchObject({ memberCount: 3, cellCount: 2, childCount: 2 });
  });
});

describe('changing the tree', () => {
  it('creates a node, with history and an audit event', async () => {
    const response = await admin.post('/api/orgs', {
      code: 'CB1',
      name: 'Chi bộ thôn Bắc',
      kind: 'cell',
      category: 'village',
      parentCode: 'GB',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ code: 'CB1', parentCode: 'GB', depth: 2 });
    expect(await auditCount('org.created')).toBeGreaterThan(0);
  });

  it('refuses a duplicate code, naming the field', async () => {
    const response = await admin.post('/api/orgs', {
      code: 'CA1',
      name: 'X',
      kind: 'cell',
      parentCode: 'GB',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.fields[0].field).toBe('code');
  });

  it('refuses a kind that cannot stand under the parent', async () => {
    const response = await admin.post('/api/orgs', {
      code: 'BAD',
      name: 'X',
      kind: 'grassroots_committee',
      parentCode: 'GA',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('parentCode');
  });

  it('lets a commune committee lead a cell directly (the 2025 shape)', async () => {
    const response = await admin.post('/api/orgs', {
      code: 'PC1',
      name: 'Chi bộ thôn Trực thuộc',
      kind: 'cell',
      category: 'village',
      parentCode: 'P',
    });
    expect(response.statusCode).toBe(201);
    expect((await admin.post('/api/orgs/PC1/dissolve', {})).statusCode).toBe(200);
  });

  it('moves a node with its subtree and its members', async () => {
    await buildOrg(ctx.db, { code: 'SUB', name: 'Đảng bộ bộ phận', kind: 'sub_committee', parent: 'GA' });
    await admin.post('/api/orgs', {
      code: 'CS',
      name: 'Chi bộ S',
      kind: 'cell',
      category: 'other',
      parentCode: 'SUB',
    });
    await buildMember(ctx.db, { code: 'MS', name: 'Đỗ Văn Sơn', org: 'CS' });
    const oldPath = (await admin.get('/api/orgs/CS')).json().path as string;
    const [planned] = await rows<{ id: number }>(
      ctx.db,
      sql`INSERT INTO meetings (org_id, org_path, kind, title, scheduled_date, start_time, status)
          SELECT id, path, 'regular', 'Sinh hoạt thường kỳ', '2026-12-20', '19:30', 'planned' FROM orgs WHERE code = 'CS'
          RETURNING id::int AS id`,
    );
    const meetingId = planned?.id;
    const moved = await admin.post('/api/orgs/SUB/move', { parentCode: 'GB' });
    expect(moved.statusCode).toBe(200);
    const gb = (await admin.get('/api/orgs/GB')).json();
    const cs = (await admin.get('/api/orgs/CS')).json();
    expect(cs.path.startsWith(gb.path)).toBe(true);
    expect(cs.depth).toBe(3);
    const members = (await admin.get('/api/members?org=GB')).json();
    expect(members.items.map((m: { memberCode: string }) => m.memberCode)).toContain('MS');
    // Every stored path of the subtree follows it: none still starts with the old prefix.
    for (const [table, column] of PATH_COLUMNS) {
      const [left] = await rows<{ n: number }>(
        ctx.db,
        sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE ${sql.identifier(column)} LIKE ${`${oldPath}%`}`,
      );
      expect(left?.n, `${table}.${column}`).toBe(0);
    }
    const [meeting] = await rows<{ path: string }>(
      ctx.db,
      sql`SELECT org_path AS path FROM meetings WHERE id = ${meetingId}`,
    );
    expect(meeting?.path).toBe(cs.path);
  });

  it('rewrites every path column of the catalog when a node moves', async () => {
    const columns = await rows<{ t: string; c: string }>(
      ctx.db,
      sql`SELECT table_name AS t, column_name AS c FROM information_schema.columns
          WHERE table_schema = 'public' AND column_name LIKE '%path' AND NOT (table_name = 'orgs' AND column_name = 'path')
          ORDER BY 1, 2`,
    );
    const listed = PATH_COLUMNS.map(([t, c]) => `${t}.${c}`).sort();
    expect(columns.map((r) => `${r.t}.${r.c}`).sort()).toEqual(listed);
  });

  it('refuses to move a node under its own subtree', async () => {
    const response = await admin.post('/api/orgs/GB/move', { parentCode: 'CS' });
    expect(response.statusCode).toBe(400);
    // A committee may stand under a committee: only the subtree check refuses P under its own child PK,
    // or under itself (the parent-kind rule alone would let both through and make a cycle).
    await buildOrg(ctx.db, { code: 'PK', name: 'Đảng bộ khối', kind: 'committee', parent: 'P' });
    const paths = async () => rows(ctx.db, sql`SELECT code, path, parent_id FROM orgs ORDER BY code`);
    const before = await paths();
    for (const parentCode of ['PK', 'P']) {
      const refused = await admin.post('/api/orgs/P/move', { parentCode });
      expect(refused.statusCode, parentCode).toBe(400);
      expect(refused.json().error.fields[0]).toMatchObject({
        field: 'parentCode',
        message: 'Không thể chuyển một tổ chức vào chính nó hoặc tổ chức trực thuộc nó.',
      });
    }
    expect(await paths()).toEqual(before);
    expect((await admin.post('/api/orgs/PK/dissolve', {})).statusCode).toBe(200);
  });

  it('renames with history', async () => {
    expect((await admin.post('/api/orgs/CB1/rename', { name: 'Chi bộ thôn Bắc Hà' })).statusCode).toBe(200);
    const history = (await admin.get('/api/orgs/CB1/history')).json();
    expect(history.items[0]).toMatchObject({
      kind: 'renamed',
      data: { from: 'Chi bộ thôn Bắc', to: 'Chi bộ thôn Bắc Hà' },
    });
  });

  it('merges a cell into another: members move, the old cell stays as merged', async () => {
    const response = await admin.post('/api/orgs/CA2/merge', { intoCode: 'CA1' });
    expect(response.statusCode).toBe(200);
    const ca2 = (await admin.get('/api/orgs/CA2')).json();
    expect(ca2.status).toBe('merged');
    const m3 = (await admin.get('/api/members/M3')).json();
    expect(m3.orgCode).toBe('CA1');
    const history = (await admin.get('/api/members/M3/history')).json();
    expect(history.items[0]).toMatchObject({ kind: 'transferred' });
  });

  it('splits a cell: a new sibling takes the chosen members', async () => {
    const response = await admin.post('/api/orgs/CA1/split', {
      newOrg: { code: 'CA3', name: 'Chi bộ thôn 3' },
      memberCodes: ['M3'],
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      code: 'CA3',
      kind: 'cell',
      category: 'village',
      parentCode: 'GA',
    });
    expect((await admin.get('/api/members/M3')).json().orgCode).toBe('CA3');
  });

  it('refuses to dissolve a cell with members, then dissolves an empty one', async () => {
    const refused = await admin.post('/api/orgs/CA3/dissolve', {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('đảng viên');
    const ok = await admin.post('/api/orgs/CB1/dissolve', {});
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('dissolved');
    const tree = (await admin.get('/api/orgs/tree?parent=GB')).json().children;
    expect(tree.map((c: { code: string }) => c.code)).not.toContain('CB1');
  });

  it('finds organisations without accents', async () => {
    const response = await admin.get(`/api/orgs/search?q=${encodeURIComponent('y te')}`);
    expect(response.json().items.map((i: { code: string }) => i.code)).toEqual(['GC']);
  });
});

describe('how documents name a node', () => {
  it('has defaults from kind and name, the place inherited from the commune', async () => {
    const commune = (await admin.get('/api/orgs/GA')).json();
    expect(commune.naming.resolved).toMatchObject({
      bodyName: 'Đảng ủy xã A',
      issuerName: 'Đảng ủy xã A',
      symbol: 'ĐU',
      placeName: 'A',
      onBehalf: 'T/M BAN THƯỜNG VỤ',
    });
    const cell = (await admin.get('/api/orgs/CA1')).json();
    expect(cell.naming.resolved).toMatchObject({
      issuerName: 'Chi bộ thôn 1',
      symbol: 'CB',
      placeName: 'A',
      onBehalf: 'T/M CHI BỘ',
    });
    expect(cell.naming.overrides).toEqual({});
  });

  it('takes overrides with history and audit, reaching the cells below; blanks restore the default', async () => {
    const before = await auditCount('org.naming_changed');
    const response = await admin.put('/api/orgs/GA/naming', {
      placeName: 'Ô Diên',
      symbol: 'ĐUX',
      note: 'Theo quyết định sáp nhập',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().naming).toMatchObject({
      resolved: { placeName: 'Ô Diên', symbol: 'ĐUX' },
      defaults: { placeName: 'A', symbol: 'ĐU' },
      overrides: { placeName: 'Ô Diên', symbol: 'ĐUX' },
    });
    expect((await admin.get('/api/orgs/CA1')).json().naming.resolved.placeName).toBe('Ô Diên');
    expect(await auditCount('org.naming_changed')).toBe((before ?? 0) + 1);
    const history = (await admin.get('/api/orgs/GA/history')).json();
    expect(history.items[0]).toMatchObject({
      kind: 'naming_changed',
      data: { from: {}, to: { placeName: 'Ô Diên', symbol: 'ĐUX' }, note: 'Theo quyết định sáp nhập' },
    });
    const back = await admin.put('/api/orgs/GA/naming', { placeName: '', symbol: 'ĐUX' });
    expect(back.json().naming.resolved.placeName).toBe('A');
  });

  it('refuses a symbol that is not capitals, naming the field', async () => {
    const response = await admin.put('/api/orgs/GA/naming', { symbol: 'đu/x' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0]).toMatchObject({ field: 'symbol' });
    expect(response.json().error.fields[0].message).toContain('Ký hiệu trên văn bản');
  });
});
