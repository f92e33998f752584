/**
 * Deterministic demo data shaped like the Đan Phượng district Party organisation (domain.md §1, 2023):
 * 16 commune committees, 5 agency committees, 1 enterprise bloc with a sub-committee, 45 grassroots
 * cells, 273 cells and about 7,000 members. Pure: no database, no clock, no Math.random.
 */
import { CELL_KINDS, type OrgCategory, type OrgKind } from '../../../core/src/org.ts';
import {
  assignExemptions,
  createMemberContext,
  GENERIC_PROFILE,
  generateCellMembers,
  profileFor,
} from './members.ts';
import { communeOrgs, ROOT_CODE } from './places.ts';
import { distribute, mulberry32 } from './prng.ts';
import type { DemoAccount, DemoData, DemoMemberRow, DemoOrgRow } from './types.ts';
import { districtCommitteeOrgs, grassrootsCellOrgs } from './units.ts';

export { DEMO_REFERENCE_DATE } from './members.ts';
export type { DemoAccount, DemoData, DemoMemberRow, DemoOrgRow } from './types.ts';

export const DEMO_ROOT_CODE = ROOT_CODE;
/** The village cell of the `secretary` and `member` demo accounts: exactly 17 members, 1 probationary. */
/** The commune of the secretary's cell: its committee answers recommendations the cell passes up. */
export const DEMO_COMMUNE_CODE = `${ROOT_CODE}.TANHOI`;
export const DEMO_SECRETARY_CELL_CODE = `${DEMO_COMMUNE_CODE}.THUONGHOI`;
export const DEMO_SECRETARY_CELL_SIZE = 17;
export const DEMO_DEFAULT_SEED = 20231105;
export const DEMO_DEFAULT_MEMBER_TARGET = 7000;
const EXEMPT_RATE = 0.02;

/** The whole organisation tree, parents before children. */
export function buildDemoOrgs(): DemoOrgRow[] {
  return [
    {
      code: ROOT_CODE,
      name: 'Đảng bộ huyện Đan Phượng',
      kind: 'committee',
      category: null,
      parent_code: null,
    },
    ...communeOrgs(),
    ...districtCommitteeOrgs(),
    ...grassrootsCellOrgs(),
  ];
}

function isCellKind(kind: OrgKind): boolean {
  return CELL_KINDS.includes(kind);
}

/** Typical raw size range of a cell before scaling to the member target. */
function rawSizeRange(kind: OrgKind, category: OrgCategory | null): readonly [number, number] {
  if (kind === 'grassroots_cell') {
    if (category === 'school') return [12, 35];
    if (category === 'health') return [15, 40];
    return [8, 20];
  }
  switch (category) {
    case 'village':
      return [22, 60];
    case 'street_group':
      return [20, 50];
    case 'residential_cluster':
      return [15, 45];
    case 'armed_forces':
      return [12, 30];
    case 'enterprise':
      return [10, 28];
    case 'school':
    case 'health':
      return [10, 25];
    default:
      return [10, 20];
  }
}

/** Hard bounds from the brief: cells 10–60, grassroots cells 8–40. */
function sizeBounds(kind: OrgKind): readonly [number, number] {
  if (kind === 'grassroots_cell') return [8, 40];
  if (kind === 'party_group') return [3, 20];
  return [10, 60];
}

export function generateDemoData(options: { seed?: number; memberTarget?: number } = {}): DemoData {
  const seed = options.seed ?? DEMO_DEFAULT_SEED;
  const memberTarget = options.memberTarget ?? DEMO_DEFAULT_MEMBER_TARGET;
  const rng = mulberry32(seed);
  const orgs = buildDemoOrgs();
  const cells = orgs.filter((o) => isCellKind(o.kind) && o.code !== DEMO_SECRETARY_CELL_CODE);
  const weights = cells.map((o) => {
    const [min, max] = rawSizeRange(o.kind, o.category);
    return min + rng() * (max - min);
  });
  const sizes = distribute(
    rng,
    weights,
    cells.map((o) => sizeBounds(o.kind)),
    memberTarget - DEMO_SECRETARY_CELL_SIZE,
  );
  const sizeOf = new Map(cells.map((o, i) => [o.code, sizes[i]]));

  const ctx = createMemberContext(rng);
  const members: DemoMemberRow[] = [];
  for (const org of orgs) {
    if (org.code === DEMO_SECRETARY_CELL_CODE) {
      members.push(
        ...generateCellMembers(ctx, org.code, DEMO_SECRETARY_CELL_SIZE, profileFor(org.category), 1),
      );
    } else if (isCellKind(org.kind)) {
      members.push(
        ...generateCellMembers(ctx, org.code, sizeOf.get(org.code) ?? 0, profileFor(org.category)),
      );
    }
  }
  // The secretary cell stays simple for demos and end-to-end tests: nobody there is exempt.
  assignExemptions(rng, members, EXEMPT_RATE, new Set([DEMO_SECRETARY_CELL_CODE]));
  return { orgs, members, accounts: demoAccounts(members) };
}

function demoAccounts(members: readonly DemoMemberRow[]): DemoAccount[] {
  const cell = members.filter((m) => m.org_code === DEMO_SECRETARY_CELL_CODE);
  const secretary = cell.find((m) => m.position === 'secretary');
  const ordinary = cell.find((m) => m.position === 'member' && m.status === 'official');
  if (!secretary || !ordinary) throw new Error('demo secretary cell lacks a secretary or an ordinary member');
  return [
    {
      username: 'admin',
      displayName: 'Quản trị hệ thống',
      role: 'admin',
      orgCode: ROOT_CODE,
      memberCode: null,
    },
    {
      username: 'committee',
      displayName: 'Trần Đức Thắng (Ủy viên Ban Thường vụ)',
      role: 'committee_member',
      orgCode: ROOT_CODE,
      memberCode: null,
    },
    {
      username: 'tanhoi',
      displayName: 'Lê Văn Hùng (Phó Bí thư Đảng ủy xã Tân Hội)',
      role: 'committee_member',
      orgCode: DEMO_COMMUNE_CODE,
      memberCode: null,
    },
    {
      username: 'secretary',
      displayName: secretary.full_name,
      role: 'cell_secretary',
      orgCode: DEMO_SECRETARY_CELL_CODE,
      memberCode: secretary.member_code,
    },
    {
      username: 'visitor',
      displayName: 'Khách tham dự (Đoàn công tác)',
      role: 'visitor',
      orgCode: ROOT_CODE,
      memberCode: null,
    },
    {
      username: 'member',
      displayName: ordinary.full_name,
      role: 'member',
      orgCode: DEMO_SECRETARY_CELL_CODE,
      memberCode: ordinary.member_code,
    },
  ];
}

/**
 * `count` members spread over the given cells (for benchmarks, e.g. 100,000 members), with unique codes
 * DV000001…, about 3% probationary and 2% exempt. Deterministic for a given seed.
 */
export function generateMembers(count: number, cellCodes: string[], seed: number): DemoMemberRow[] {
  if (count <= 0) return [];
  if (cellCodes.length === 0) throw new Error('generateMembers needs at least one cell code');
  const rng = mulberry32(seed);
  const weights = cellCodes.map(() => 0.5 + rng());
  const sizes = distribute(
    rng,
    weights,
    cellCodes.map(() => [0, Number.MAX_SAFE_INTEGER] as const),
    count,
  );
  const ctx = createMemberContext(rng);
  const members: DemoMemberRow[] = [];
  cellCodes.forEach((code, i) => {
    for (const m of generateCellMembers(ctx, code, sizes[i], GENERIC_PROFILE)) members.push(m);
  });
  assignExemptions(rng, members, EXEMPT_RATE);
  return members;
}
