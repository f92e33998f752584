import { isoDateInVietnam } from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildOrg, buildTestApp, type Client, login, uploadFile } from '../../test/factories.ts';
import { seedTree } from '../../test/tree.ts';
import { runImport } from './service.ts';

let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
let admin: Client;
let communeAdmin: Client;

const csv = (...lines: string[]) =>
  Buffer.from(['Mã,Tên,Loại,Loại hình,Mã cấp trên', ...lines].join('\n'), 'utf8');

const upload = (client: Client, content: Buffer) =>
  uploadFile(client, '/api/imports/orgs', 'to-chuc.csv', content);

async function importAndCommit(client: Client, content: Buffer) {
  const preview = (await upload(client, content)).json();
  expect(preview.errors).toEqual([]);
  return { preview, result: (await client.post(`/api/imports/${preview.jobId}/commit`)).json() };
}

async function tables() {
  const names = ['orgs', 'members', 'member_events', 'org_events', 'audit_events'];
  const result: Record<string, unknown> = {};
  for (const name of names) {
    const [row] = await database.raw.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM ${name} t`,
    );
    result[name] = row;
  }
  return result;
}

const orgRow = async (code: string) =>
  (
    await database.raw.query<{
      id: number;
      path: string;
      depth: number;
      name: string;
      parent: string | null;
    }>(
      `SELECT o.id::int AS id, o.path, o.depth, o.name, p.code AS parent FROM orgs o LEFT JOIN orgs p ON p.id = o.parent_id
     WHERE o.code = $1`,
      [code],
    )
  )[0];

/** The app's clock, and the day the command-line imports are checked against. */
const NOW = new Date('2026-06-01T09:00:00+07:00');

beforeAll(async () => {
  const built = await buildTestApp({ clock: () => NOW });
  ({ app, database, close } = built);
  const { db } = built;
  await seedTree(db, {
    orgs: [
      { code: 'ROOT', kind: 'committee' },
      { code: 'XA', kind: 'grassroots_committee', parent: 'ROOT' },
      { code: 'CB1', kind: 'cell', parent: 'XA' },
      { code: 'XB', kind: 'grassroots_committee', parent: 'ROOT' },
    ],
    members: [{ code: 'M1', name: 'Nguyễn Văn An', org: 'CB1' }],
    accounts: [
      ['admin', 'admin', 'ROOT'],
      ['xa-admin', 'admin', 'XA'],
    ],
  });
  admin = await login(app, 'admin');
  communeAdmin = await login(app, 'xa-admin');
});
afterAll(() => close());

describe('orgs import', () => {
  it('reports unknown parents, duplicates, cycles, kinds and categories row by row, writing nothing', async () => {
    const before = await tables();
    const preview = (
      await upload(
        admin,
        csv(
          'N1,Chi bộ N1,Chi bộ trực thuộc,thôn,NOPE',
          'N2,Chi bộ N2,cell,,XA',
          'N2,Chi bộ N2 bis,cell,,XA',
          'C1,Đảng bộ C1,Đảng bộ cơ sở,,C2',
          'C2,Đảng bộ C2,Đảng bộ cơ sở,,C1',
          'N3,Đảng bộ N3,Đảng bộ cơ sở,,XA',
          'N4,Ban N4,ban,,XA',
          'N5,Chi bộ N5,cell,hành tinh,XA',
          'N6,,cell,,XA',
          'XA,Tổ chức XA,Đảng bộ cơ sở,,CB1',
          'N7 X,Chi bộ,cell,,XA',
        ),
      )
    ).json();
    expect(preview.valid).toBe(false);
    const where = preview.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`);
    expect(where).toEqual([
      '2:parent_code',
      '4:code',
      '5:parent_code',
      '6:parent_code',
      '7:parent_code',
      '8:kind',
      '9:category',
      '10:name',
      '11:parent_code',
      '12:code',
    ]);
    const text = (row: number) => preview.errors.find((e: { row: number }) => e.row === row)?.message;
    expect(text(2)).toBe(
      'Mã cấp trên: Không tìm thấy tổ chức cấp trên NOPE (trong tệp hoặc trong hệ thống).',
    );
    expect(text(5)).toBe('Mã cấp trên: Vòng lặp cấp trên: C1 → C2 → C1.');
    expect(text(7)).toBe('Mã cấp trên: Đảng bộ cơ sở không thể trực thuộc đảng bộ cơ sở (XA).');
    expect(text(11)).toBe('Mã cấp trên: Vòng lặp cấp trên: XA → CB1 → XA.');
    expect((await admin.post(`/api/imports/${preview.jobId}/commit`)).statusCode).toBe(409);
    expect(await tables()).toEqual(before);
  });

  it('creates a tree whose parents come later in the file, then changes nothing on re-import', async () => {
    const file = csv(
      'XC.CB1,Chi bộ thôn 1,Chi bộ trực thuộc,Thôn,XC',
      'XC,Đảng bộ xã C,Đảng bộ cơ sở,,ROOT',
      'XC.CB2,Chi bộ tổ dân phố 2,chi bo truc thuoc,Tổ dân phố,XC',
    );
    const { preview, result } = await importAndCommit(admin, file);
    expect(preview.summary).toEqual({ create: 3, update: 0, unchanged: 0 });
    expect(result).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const xc = await orgRow('XC');
    const cell = await orgRow('XC.CB1');
    expect(cell).toMatchObject({ path: `${xc?.path}${cell?.id}/`, depth: 2, parent: 'XC' });
    const dto = (await admin.get('/api/orgs/XC.CB2')).json();
    expect(dto).toMatchObject({ kind: 'cell', category: 'street_group', parentCode: 'XC' });
    const events = await database.raw.query<{ kind: string }>(
      "SELECT e.kind FROM org_events e JOIN orgs o ON o.id = e.org_id WHERE o.code LIKE 'XC%'",
    );
    expect(events.map((e) => e.kind)).toEqual(['created', 'created', 'created']);

    const before = await tables();
    const again = await importAndCommit(admin, file);
    expect(again.result).toEqual({ created: 0, updated: 0, unchanged: 3 });
    const after = await tables();
    expect(after).toEqual(before);
  });

  it('renames and moves existing nodes: paths of the subtree, its members and its audit trail follow', async () => {
    const old = await orgRow('CB1');
    await database.raw.query(
      "INSERT INTO audit_events (actor_name, action, entity_type, entity_id, org_path) VALUES ('t', 'x', 'member', 'M1', $1)",
      [old?.path],
    );
    const { preview, result } = await importAndCommit(
      admin,
      csv(
        'XC,Đảng bộ xã C (mới),Đảng bộ cơ sở,,ROOT',
        'CB1,Tổ chức CB1,Chi bộ trực thuộc,,XC',
        'XC.CB1,Chi bộ thôn 1,Chi bộ trực thuộc,Thôn,XC',
      ),
    );
    expect(preview.summary).toEqual({ create: 0, update: 2, unchanged: 1 });
    expect(result).toEqual({ created: 0, updated: 2, unchanged: 1 });
    const xc = await orgRow('XC');
    const moved = await orgRow('CB1');
    expect(xc?.name).toBe('Đảng bộ xã C (mới)');
    expect(moved).toMatchObject({ path: `${xc?.path}${old?.id}/`, parent: 'XC', depth: 2 });
    const [member] = await database.raw.query("SELECT org_path FROM members WHERE member_code = 'M1'");
    expect(member).toEqual({ org_path: moved?.path });
    const [trail] = await database.raw.query("SELECT org_path FROM audit_events WHERE action = 'x'");
    expect(trail).toEqual({ org_path: moved?.path });
    const history = (await admin.get('/api/orgs/CB1/history')).json();
    expect(history.items.map((i: { kind: string }) => i.kind)).toContain('moved');
    const renamed = (await admin.get('/api/orgs/XC/history')).json();
    expect(renamed.items[0]).toMatchObject({ kind: 'renamed' });
  });

  it('keeps an admin inside their subtrees and leaves new roots to the command line', async () => {
    const preview = (
      await upload(communeAdmin, csv('N9,Chi bộ N9,cell,,XB', 'N10,Chi bộ N10,cell,,XA'))
    ).json();
    expect(preview.errors).toEqual([
      {
        row: 2,
        field: 'parent_code',
        message: 'Mã cấp trên: Tổ chức cấp trên XB nằm ngoài phạm vi bạn quản trị.',
      },
    ]);
    const root = (await upload(admin, csv('R2,Đảng bộ tỉnh B,Đảng bộ cấp trên,,'))).json();
    expect(root.errors.map((e: { field: string }) => e.field)).toEqual(['parent_code']);
    const before = await tables();
    const bad = await runImport(
      database,
      null,
      'orgs',
      csv('R3,Chi bộ,cell,,'),
      'x.csv',
      isoDateInVietnam(NOW),
    );
    expect(bad).toMatchObject({ valid: false, errors: [{ row: 2, field: 'parent_code' }] });
    expect(await tables()).toEqual(before);
    const cli = await runImport(
      database,
      null,
      'orgs',
      csv('R2,Đảng bộ tỉnh B,Đảng bộ cấp trên,,'),
      'x.csv',
      isoDateInVietnam(NOW),
    );
    expect(cli).toMatchObject({ valid: true, result: { created: 1, updated: 0, unchanged: 0 } });
    expect(await orgRow('R2')).toMatchObject({ depth: 0, parent: null });
  });

  it('reads the optional naming columns: new nodes, changed words with history, blanks back to the default', async () => {
    const named = (...lines: string[]) =>
      Buffer.from(['Mã,Tên,Loại,Mã cấp trên,Tên cấp ủy,Ký hiệu,Địa danh', ...lines].join('\n'), 'utf8');
    const bad = (await upload(admin, named('XD,Đảng bộ xã D,Đảng bộ cơ sở,ROOT,,đu,'))).json();
    expect(bad.errors).toEqual([{ row: 2, field: 'symbol', message: expect.stringContaining('chữ in hoa') }]);
    const { result } = await importAndCommit(
      admin,
      named('XD,Đảng bộ xã D,Đảng bộ cơ sở,ROOT,,,Đồng Lạc', 'XD.C1,Chi bộ thôn Một,Chi bộ trực thuộc,XD,,,'),
    );
    expect(result).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const cell = (await admin.get('/api/orgs/XD.C1')).json();
    expect(cell.naming.resolved).toMatchObject({ placeName: 'Đồng Lạc', symbol: 'CB' });
    const commune = (await admin.get('/api/orgs/XD')).json();
    expect(commune.naming.overrides).toEqual({ placeName: 'Đồng Lạc' });

    const changed = await importAndCommit(
      admin,
      named('XD,Đảng bộ xã D,Đảng bộ cơ sở,ROOT,Đảng ủy xã D mới,ĐUX,'),
    );
    expect(changed.result).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const after = (await admin.get('/api/orgs/XD')).json().naming;
    expect(after.overrides).toEqual({ bodyName: 'Đảng ủy xã D mới', symbol: 'ĐUX' });
    expect(after.resolved.placeName).toBe('D');
    const history = (await admin.get('/api/orgs/XD/history')).json();
    expect(history.items[0]).toMatchObject({ kind: 'naming_changed', data: { to: { symbol: 'ĐUX' } } });
    // A file without the naming columns leaves the words as they are.
    const plain = await importAndCommit(admin, csv('XD,Đảng bộ xã D,Đảng bộ cơ sở,,ROOT'));
    expect(plain.result).toEqual({ created: 0, updated: 0, unchanged: 1 });
  });
});

describe('orgs import: all or nothing', () => {
  // Good rows beside bad ones: the whole file is refused and nothing is written, not even the good rows
  // (the rule the members' import follows too: members-import.test.ts).
  const mixed = csv(
    'AN1,Đảng bộ xã An,Đảng bộ cơ sở,,ROOT',
    'AN1.C1,Chi bộ thôn Một,Chi bộ trực thuộc,Thôn,AN1',
    'AN2,Chi bộ lạc,Chi bộ trực thuộc,Thôn,NOPE',
  );

  it('refuses a file with good and bad rows from the command line, writing nothing', async () => {
    const before = await tables();
    const report = await runImport(database, null, 'orgs', mixed, 'to-chuc.csv', isoDateInVietnam(NOW));
    expect(report.valid).toBe(false);
    expect(report.errors.map((e) => `${e.row}:${e.field}`)).toEqual(['4:parent_code']);
    expect(report.summary.create).toBe(2);
    expect(report.result).toBeUndefined();
    expect(await tables()).toEqual(before);
    expect(await orgRow('AN1')).toBeUndefined();
  });

  it('refuses it from the API, also when a row turns bad between the preview and the commit', async () => {
    const before = await tables();
    const preview = (await upload(admin, mixed)).json();
    expect(preview.valid).toBe(false);
    expect((await admin.post(`/api/imports/${preview.jobId}/commit`)).statusCode).toBe(409);
    expect(await tables()).toEqual(before);
    // Valid at the preview; the parent of one row is dissolved before the commit: the commit re-validates
    // and refuses the whole file, the good row included.
    await buildOrg(database.db, { code: 'XF0', kind: 'grassroots_committee', parent: 'ROOT' });
    const later = (
      await upload(
        admin,
        csv('AN3,Đảng bộ xã Ba,Đảng bộ cơ sở,,ROOT', 'XF0.C1,Chi bộ thôn F,Chi bộ trực thuộc,Thôn,XF0'),
      )
    ).json();
    expect(later.errors).toEqual([]);
    expect((await admin.post('/api/orgs/XF0/dissolve', {})).statusCode).toBe(200);
    const dissolved = await tables();
    const commit = await admin.post(`/api/imports/${later.jobId}/commit`);
    expect(commit.statusCode).toBe(409);
    expect(commit.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['row.3.parent_code']);
    expect(await tables()).toEqual(dissolved);
    expect(await orgRow('AN3')).toBeUndefined();
  });
});
