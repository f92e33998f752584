import { givenNameOf } from '@nennep/core';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildTestApp, type Client, login } from '../../test/factories.ts';
import { seedTree } from '../../test/tree.ts';

let ctx: Awaited<ReturnType<typeof buildTestApp>>;
let admin: Client;

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Ngô',
  'Dương',
];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Thu', 'Ánh'];
const GIVEN = [
  'An',
  'Anh',
  'Ánh',
  'Ân',
  'Ăn',
  'Bình',
  'Cường',
  'Dũng',
  'Dung',
  'Đức',
  'Đông',
  'Hà',
  'Hạ',
  'Hải',
  'Hoa',
  'Hòa',
  'Hoà',
  'Ơn',
  'Ôn',
  'Thủy',
  'Thúy',
  'Tú',
  'Tư',
  'Ưng',
  'Ung',
  'Yến',
];
const names = fc.sample(
  fc
    .tuple(fc.constantFrom(...FAMILY), fc.constantFrom(...MIDDLE), fc.constantFrom(...GIVEN))
    .map((p) => p.join(' ')),
  { numRuns: 150, seed: 42 },
);

beforeAll(async () => {
  ctx = await buildTestApp();
  const { db } = ctx;
  await seedTree(db, {
    orgs: [
      { code: 'P', kind: 'committee' },
      { code: 'G', kind: 'grassroots_committee', parent: 'P' },
      { code: 'C1', kind: 'cell', category: 'village', parent: 'G' },
      { code: 'C2', kind: 'cell', category: 'village', parent: 'G' },
    ],
    members: [
      ...names.map((name, i) => ({
        code: `N${String(i).padStart(4, '0')}`,
        name,
        org: i % 2 ? 'C1' : 'C2',
        status: i % 10 === 0 ? ('probationary' as const) : ('official' as const),
        sex: i % 3 ? ('male' as const) : ('female' as const),
      })),
      { code: 'DUC', name: 'Nguyễn Văn Đức', org: 'C1' },
    ],
    accounts: [['root', 'admin', 'P']],
  });
  admin = await login(ctx.app, 'root');
});
afterAll(() => ctx.close());

async function listAll(query: string) {
  const result: { memberCode: string; fullName: string }[] = [];
  for (let page = 1; ; page++) {
    const body = (await admin.get(`/api/members?${query}&page=${page}&pageSize=37`)).json();
    result.push(...body.items);
    if (body.items.length < 37) return { total: body.total as number, items: result };
  }
}

describe('member list', () => {
  it('is in Vietnamese order by given name, then full name, exactly as Intl.Collator("vi")', async () => {
    const { total, items } = await listAll('org=P');
    expect(total).toBe(names.length + 1);
    const collator = new Intl.Collator('vi');
    const expected = [...items].sort(
      (a, b) =>
        collator.compare(givenNameOf(a.fullName), givenNameOf(b.fullName)) ||
        collator.compare(a.fullName, b.fullName) ||
        (a.memberCode < b.memberCode ? -1 : 1),
    );
    expect(items.map((m) => m.memberCode)).toEqual(expected.map((m) => m.memberCode));
  });

  it('finds "Nguyễn Văn Đức" from "nguyen van duc"', async () => {
    const body = (await admin.get('/api/members?q=nguyen%20van%20duc')).json();
    expect(body.items.map((m: { fullName: string }) => m.fullName)).toContain('Nguyễn Văn Đức');
    expect(body.items.every((m: { fullName: string }) => m.fullName.startsWith('Nguyễn Văn Đức'))).toBe(true);
  });

  it('filters by cell, status and sex, with totals that match', async () => {
    const probationary = (await admin.get('/api/members?org=C2&status=probationary&pageSize=200')).json();
    expect(probationary.total).toBe(probationary.items.length);
    expect(
      probationary.items.every(
        (m: { status: string; orgCode: string }) => m.status === 'probationary' && m.orgCode === 'C2',
      ),
    ).toBe(true);
    const women = (await admin.get('/api/members?sex=female&pageSize=200')).json();
    expect(women.total).toBe(names.filter((_, i) => i % 3 === 0).length);
  });

  it('refuses a bad page size, naming the field', async () => {
    const response = await admin.get('/api/members?pageSize=5000');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('pageSize');
    expect(response.json().error.message).toContain('Số dòng mỗi trang');
  });

  it('exports the filtered list to .xlsx', async () => {
    const response = await admin.get('/api/members/export.xlsx?org=C1');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('member records', () => {
  it('creates a member; refuses an official date before admission, naming the field', async () => {
    const bad = await admin.post('/api/members', {
      memberCode: 'NEW1',
      fullName: 'Đặng Thị Mai',
      sex: 'female',
      orgCode: 'C1',
      status: 'official',
      admissionDate: '2010-05-01',
      officialDate: '2009-05-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('officialDate');
    const good = await admin.post('/api/members', {
      memberCode: 'NEW1',
      fullName: 'Đặng Thị Mai',
      sex: 'female',
      orgCode: 'C1',
      status: 'probationary',
      admissionDate: '2026-05-01',
    });
    expect(good.statusCode).toBe(201);
  });

  it('refuses to place a member in a committee', async () => {
    const response = await admin.post('/api/members', {
      memberCode: 'NEW2',
      fullName: 'Đặng Văn Nam',
      sex: 'male',
      orgCode: 'G',
      status: 'probationary',
      admissionDate: '2026-05-01',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('orgCode');
  });

  it('transfers, recognises as official, exempts — each with history and audit', async () => {
    expect(
      (await admin.post('/api/members/NEW1/transfer', { toOrgCode: 'C2', date: '2026-06-01' })).statusCode,
    ).toBe(200);
    const official = await admin.post('/api/members/NEW1/status', { status: 'official', date: '2026-10-01' });
    expect(official.json()).toMatchObject({ status: 'official', officialDate: '2026-10-01', orgCode: 'C2' });
    const exempt = await admin.post('/api/members/NEW1/periods', {
      kind: 'exempt',
      from: '2026-10-02',
      reason: 'Ốm',
    });
    expect(exempt.json()).toMatchObject({ exempt: true });
    const history = (await admin.get('/api/members/NEW1/history')).json();
    expect(history.items.map((i: { kind: string }) => i.kind)).toEqual([
      'exempted',
      'status_changed',
      'transferred',
      'created',
    ]);
    const audits = await rows<{ action: string }>(
      ctx.db,
      sql`SELECT action FROM audit_events WHERE entity_id = 'NEW1' ORDER BY id`,
    );
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'member.created',
        'member.transferred',
        'member.status_changed',
        'member.exempted',
      ]),
    );
  });

  it("names the cell a member attends meanwhile, as core's MemberPeriodDto says", async () => {
    const attached = await admin.post('/api/members/DUC/periods', {
      kind: 'attached',
      from: '2026-03-01',
      to: '2026-08-31',
      orgCode: 'C2',
      reason: 'Đi làm xa',
    });
    expect(attached.statusCode).toBe(200);
    const c2 = (await admin.get('/api/orgs/C2')).json();
    const member = (await admin.get('/api/members/DUC')).json();
    expect(member.periods).toEqual([
      {
        kind: 'attached',
        from: '2026-03-01',
        to: '2026-08-31',
        orgCode: 'C2',
        orgName: c2.name,
        reason: 'Đi làm xa',
      },
    ]);
  });

  it('never goes back from official to probationary; death is final', async () => {
    expect(
      (await admin.post('/api/members/NEW1/status', { status: 'probationary', date: '2026-10-03' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await admin.post('/api/members/NEW1/status', { status: 'deceased', date: '2026-10-04' })).statusCode,
    ).toBe(200);
    expect(
      (await admin.post('/api/members/NEW1/status', { status: 'official', date: '2026-10-05' })).statusCode,
    ).toBe(400);
    const list = (await admin.get('/api/members?q=mai')).json();
    expect(list.items.map((m: { memberCode: string }) => m.memberCode)).not.toContain('NEW1');
  });

  it('logs who opened personal data, without the data itself', async () => {
    const response = await admin.get('/api/members/DUC/personal');
    expect(response.json()).toMatchObject({ birthDate: '1970-01-01' });
    const [event] = await rows<{ detail: unknown; actor_name: string }>(
      ctx.db,
      sql`SELECT detail, actor_name FROM audit_events WHERE action = 'member.personal_viewed' AND entity_id = 'DUC'`,
    );
    expect(event?.actor_name).toBe('root');
    expect(JSON.stringify(event?.detail)).not.toContain('1970');
  });
});

describe('validation messages', () => {
  it('words a bad date as a date, in Vietnamese and in English', async () => {
    const body = {
      memberCode: 'BADDATE',
      fullName: 'Ngô Văn Ngày',
      sex: 'male',
      orgCode: 'C1',
      status: 'probationary',
      admissionDate: '31/02/2026',
    };
    const vi = await admin.post('/api/members', body);
    expect(vi.statusCode).toBe(400);
    expect(vi.json().error.fields[0].field).toBe('admissionDate');
    expect(vi.json().error.fields[0].message).toMatch(/^Ngày vào Đảng: .*ngày/i);
    const en = await admin.request({
      method: 'POST',
      url: '/api/members',
      payload: body,
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.fields[0].message).toMatch(/^Admission date: .*date/i);
  });
});
