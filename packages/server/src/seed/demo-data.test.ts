import { describe, expect, it } from 'vitest';
import { CELL_KINDS } from '../../../core/src/orgs/types.ts';
import {
  DEMO_COMMUNE_CODE,
  DEMO_ROOT_CODE,
  DEMO_SECRETARY_CELL_CODE,
  type DemoMemberRow,
  generateDemoData,
  generateMembers,
} from './demo-data.ts';

/** The day the demo is seeded: every date is relative to it. */
const TODAY = '2026-12-05';
const data = generateDemoData({ today: TODAY });
const byOrg = new Map<string, DemoMemberRow[]>();
for (const m of data.members) byOrg.set(m.org_code, [...(byOrg.get(m.org_code) ?? []), m]);
const countKind = (kind: string): number => data.orgs.filter((o) => o.kind === kind).length;
/** Same calendar day `n` years later, as an ISO string (compares correctly as text). */
const plusYears = (iso: string, n: number): string => `${Number(iso.slice(0, 4)) + n}${iso.slice(4)}`;

describe('generateDemoData', () => {
  it('is deterministic for the same options and differs for another seed', () => {
    expect(generateDemoData({ today: TODAY })).toEqual(data);
    expect(generateDemoData({ seed: 7, memberTarget: 3000, today: TODAY })).toEqual(
      generateDemoData({ seed: 7, memberTarget: 3000, today: TODAY }),
    );
    expect(generateDemoData({ seed: 7, today: TODAY }).members).not.toEqual(data.members);
  });

  it('lives in time: seeded a year later, every member is a year further on', () => {
    const later = generateDemoData({ today: plusYears(TODAY, 1) });
    expect(later.orgs).toEqual(data.orgs);
    const probationary = later.members.filter((m) => m.status === 'probationary');
    expect(probationary.length).toBeGreaterThan(50);
    for (const m of probationary) expect(m.admission_date > TODAY).toBe(true);
  });

  it('has the shape of a province of 2026: communes and wards straight under it, no district', () => {
    const root = data.orgs.filter((o) => o.parent_code === null);
    expect(root).toEqual([
      {
        code: DEMO_ROOT_CODE,
        name: 'Đảng bộ tỉnh Hồng Châu',
        kind: 'committee',
        category: null,
        parent_code: null,
      },
    ]);
    const communes = data.orgs.filter((o) => o.parent_code === DEMO_ROOT_CODE);
    expect(communes.map((o) => o.name)).toEqual([
      'Đảng bộ xã Tân Hội',
      'Đảng bộ phường Đông Thành',
      'Đảng bộ xã Liên Hồng',
      'Đảng bộ xã Phượng Sơn',
      'Đảng bộ các cơ quan Đảng tỉnh',
    ]);
    for (const o of data.orgs) expect(o.name).not.toMatch(/huyện|quận|thị trấn/iu);
    for (const commune of communes.slice(0, 4)) {
      const cells = data.orgs.filter(
        (o) => o.code.startsWith(`${commune.code}.`) && CELL_KINDS.includes(o.kind),
      );
      expect(cells.length, commune.name).toBeGreaterThanOrEqual(15);
      expect(cells.length, commune.name).toBeLessThanOrEqual(40);
      const categories = new Set(cells.map((c) => c.category));
      for (const category of ['school', 'health', 'armed_forces', 'agency'] as const)
        expect(categories.has(category), `${commune.name} ${category}`).toBe(true);
    }
    expect(countKind('grassroots_cell')).toBeGreaterThanOrEqual(3);
    expect(countKind('sub_committee')).toBe(1);
    expect(data.orgs.filter((o) => o.category === 'street_group').length).toBeGreaterThanOrEqual(10);
    expect(data.members.length).toBeGreaterThanOrEqual(5000);
    expect(data.members.length).toBeLessThanOrEqual(8000);
  });

  it('uses unique ASCII codes and lists parents before children', () => {
    const codes = data.orgs.map((o) => o.code);
    expect(new Set(codes).size).toBe(codes.length);
    const seen = new Set<string>();
    for (const o of data.orgs) {
      expect(o.code).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
      expect(o.code.length).toBeLessThanOrEqual(40);
      if (o.parent_code !== null) expect(seen.has(o.parent_code)).toBe(true);
      seen.add(o.code);
    }
    const memberCodes = data.members.map((m) => m.member_code);
    expect(new Set(memberCodes).size).toBe(memberCodes.length);
    expect(new Set(data.members.map((m) => m.party_card_no)).size).toBe(data.members.length);
    for (const m of data.members) expect(m.party_card_no).toMatch(/^\d{8}$/);
  });

  it('puts members only in cells, each with ≥ 3 official members and exactly one secretary', () => {
    const kindOf = new Map(data.orgs.map((o) => [o.code, o.kind]));
    for (const m of data.members) expect(CELL_KINDS).toContain(kindOf.get(m.org_code));
    const cellOrgs = data.orgs.filter((o) => CELL_KINDS.includes(o.kind));
    expect(byOrg.size).toBe(cellOrgs.length);
    for (const [code, members] of byOrg) {
      const official = members.filter((m) => m.status === 'official');
      expect(official.length, code).toBeGreaterThanOrEqual(3);
      expect(members.filter((m) => !m.exempt_from && m.status === 'official').length).toBeGreaterThanOrEqual(
        3,
      );
      expect(
        members.filter((m) => m.position === 'secretary'),
        code,
      ).toHaveLength(1);
      const deputies = members.filter((m) => m.position === 'deputy_secretary').length;
      const committee = members.filter((m) => m.position === 'committee_member').length;
      if (official.length >= 9) {
        expect(deputies, code).toBe(1);
        expect(committee).toBeGreaterThanOrEqual(1);
        expect(committee).toBeLessThanOrEqual(3);
      }
      for (const m of members) if (m.position !== 'member') expect(m.status).toBe('official');
    }
  });

  it('keeps dates consistent and shares realistic', () => {
    for (const m of data.members) {
      expect(m.birth_date >= '1940-01-01' && m.birth_date <= '2003-12-31').toBe(true);
      expect(m.admission_date >= plusYears(m.birth_date, 18), m.member_code).toBe(true);
      expect(m.admission_date <= plusYears(m.birth_date, 60), m.member_code).toBe(true);
      expect(m.admission_date <= TODAY).toBe(true);
      if (m.status === 'official') {
        expect(m.official_date).not.toBeNull();
        expect(m.official_date).toBe(plusYears(m.admission_date, 1).replace('-02-29', '-02-28'));
        expect((m.official_date ?? '') <= TODAY).toBe(true);
      } else {
        expect(m.official_date).toBeNull();
        expect(m.admission_date > plusYears(TODAY, -1)).toBe(true);
      }
      if (m.exempt_from !== null) {
        expect(m.status).toBe('official');
        expect(m.exempt_from >= m.admission_date && m.exempt_from <= TODAY).toBe(true);
        expect(plusYears(m.birth_date, 70) <= m.exempt_from).toBe(true);
      }
    }
    const share = (pred: (m: DemoMemberRow) => boolean): number =>
      data.members.filter(pred).length / data.members.length;
    expect(share((m) => m.status === 'probationary')).toBeGreaterThan(0.02);
    expect(share((m) => m.status === 'probationary')).toBeLessThan(0.045);
    expect(share((m) => m.exempt_from !== null)).toBeCloseTo(0.02, 2);
    expect(share((m) => m.full_name.startsWith('Nguyễn '))).toBeGreaterThan(0.33);
    expect(share((m) => m.full_name.startsWith('Nguyễn '))).toBeLessThan(0.43);
    for (const m of data.members) expect(m.full_name).toBe(m.full_name.normalize('NFC'));
  });

  it('has the 17-member secretary cell under Tân Hội and the demo accounts', () => {
    const cell = data.orgs.find((o) => o.code === DEMO_SECRETARY_CELL_CODE);
    const tanHoi = data.orgs.find((o) => o.code === DEMO_COMMUNE_CODE);
    expect(cell?.kind).toBe('cell');
    expect(cell?.category).toBe('village');
    expect(cell?.parent_code).toBe(tanHoi?.code);
    const members = byOrg.get(DEMO_SECRETARY_CELL_CODE) ?? [];
    expect(members).toHaveLength(17);
    expect(members.filter((m) => m.status === 'probationary')).toHaveLength(1);
    const account = (username: string) => data.accounts.find((a) => a.username === username);
    expect(data.accounts.map((a) => a.username)).toEqual([
      'admin',
      'committee',
      'tanhoi',
      'secretary',
      'visitor',
      'member',
    ]);
    expect(account('admin')).toMatchObject({ role: 'admin', orgCode: DEMO_ROOT_CODE });
    expect(account('committee')).toMatchObject({ role: 'committee_member', orgCode: DEMO_ROOT_CODE });
    expect(account('tanhoi')).toMatchObject({ role: 'committee_member', orgCode: tanHoi?.code });
    // The visitor attends for the commune committee (a member of its working group).
    expect(account('visitor')).toMatchObject({ role: 'visitor', orgCode: tanHoi?.code });
    const secretary = members.find((m) => m.member_code === account('secretary')?.memberCode);
    expect(account('secretary')).toMatchObject({ role: 'cell_secretary', orgCode: DEMO_SECRETARY_CELL_CODE });
    expect(secretary?.position).toBe('secretary');
    const member = members.find((m) => m.member_code === account('member')?.memberCode);
    expect(account('member')).toMatchObject({ role: 'member', orgCode: DEMO_SECRETARY_CELL_CODE });
    expect(member?.position).toBe('member');
  });
});

describe('generateMembers', () => {
  // How fast it runs is the bench's business (`npm run bench`), never a timed test: a busy machine fails those.
  it('spreads 100,000 members with unique codes over the given cells', () => {
    const cells = data.orgs.filter((o) => o.kind === 'cell').map((o) => o.code);
    const members = generateMembers(100_000, cells, 1);
    expect(members).toHaveLength(100_000);
    expect(new Set(members.map((m) => m.member_code)).size).toBe(100_000);
    expect(new Set(members.map((m) => m.org_code)).size).toBe(cells.length);
    expect(generateMembers(500, cells.slice(0, 10), 1)).toEqual(generateMembers(500, cells.slice(0, 10), 1));
  });
});
