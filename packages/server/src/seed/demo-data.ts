/**
 * Deterministic demo data of the 2026 province (`province.ts`): the tree, about 5,600 members and the demo
 * accounts. Dates are relative to `today` (the day the demo is seeded), so the demo always has a past: the
 * probationary members were admitted in the last twelve months, the others earlier. Pure: no database, no
 * clock of its own, no Math.random.
 */
import { CELL_KINDS, type OrgCategory, type OrgKind } from '../../../core/src/orgs/types.ts';
import {
  assignExemptions,
  createMemberContext,
  GENERIC_PROFILE,
  generateCellMembers,
  profileFor,
} from './members.ts';
import { distribute, mulberry32 } from './prng.ts';
import { provinceRows, ROOT_CODE } from './province.ts';
import type { DemoAccount, DemoData, DemoMemberRow, DemoOrgRow } from './types.ts';

export { FIXED_REFERENCE_DATE } from './members.ts';
export type { DemoAccount, DemoData, DemoMemberRow, DemoOrgRow } from './types.ts';

export const DEMO_ROOT_CODE = ROOT_CODE;
/** The commune of the secretary's cell: its committee answers recommendations the cell passes up. */
export const DEMO_COMMUNE_CODE = `${ROOT_CODE}.TANHOI`;
/** The village cell of the `secretary` and `member` demo accounts: exactly 17 members, 1 probationary. */
export const DEMO_SECRETARY_CELL_CODE = `${DEMO_COMMUNE_CODE}.THUONGHOI`;
export const DEMO_SECRETARY_CELL_SIZE = 17;
export const DEMO_DEFAULT_SEED = 20_260_701;
export const DEMO_DEFAULT_MEMBER_TARGET = 5600;
const EXEMPT_RATE = 0.02;

/** The whole organisation tree, parents before children. */
export function buildDemoOrgs(): DemoOrgRow[] {
  return provinceRows();
}

function isCellKind(kind: OrgKind): boolean {
  return CELL_KINDS.includes(kind);
}

/** Typical raw size range of a cell before scaling to the member target. */
function rawSizeRange(kind: OrgKind, category: OrgCategory | null): readonly [number, number] {
  if (kind === 'grassroots_cell') return category === 'school' ? [18, 35] : [10, 24];
  switch (category) {
    case 'village':
      return [45, 110];
    case 'street_group':
      return [30, 80];
    case 'armed_forces':
      return [8, 20];
    case 'enterprise':
      return [12, 30];
    case 'school':
    case 'health':
      return [8, 22];
    default:
      return [10, 22];
  }
}

/** Hard bounds: village and street cells 25–140, other cells 5–45. */
function sizeBounds(category: OrgCategory | null): readonly [number, number] {
  return category === 'village' || category === 'street_group' ? [25, 140] : [5, 45];
}

export interface DemoOptions {
  seed?: number;
  memberTarget?: number;
  /** The day the demo is seeded (ISO): every date is relative to it. */
  today?: string;
}

export function generateDemoData(options: DemoOptions = {}): DemoData {
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
    cells.map((o) => sizeBounds(o.category)),
    memberTarget - DEMO_SECRETARY_CELL_SIZE,
  );
  const sizeOf = new Map(cells.map((o, i) => [o.code, sizes[i]]));

  const ctx = createMemberContext(rng, options.today);
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
  assignExemptions(ctx, members, EXEMPT_RATE, new Set([DEMO_SECRETARY_CELL_CODE]));
  return { orgs, members, accounts: demoAccounts(members) };
}

function demoAccounts(members: readonly DemoMemberRow[]): DemoAccount[] {
  const cell = members.filter((m) => m.org_code === DEMO_SECRETARY_CELL_CODE);
  const secretary = cell.find((m) => m.position === 'secretary');
  const ordinary = cell.find((m) => m.position === 'member' && m.status === 'official');
  if (!secretary || !ordinary) throw new Error('demo secretary cell lacks a secretary or an ordinary member');
  const account = (
    username: string,
    displayName: string,
    role: DemoAccount['role'],
    orgCode: string,
    memberCode: string | null = null,
  ): DemoAccount => ({ username, displayName, role, orgCode, memberCode });
  return [
    account('admin', 'Ban Tổ chức Tỉnh ủy Hồng Châu', 'admin', ROOT_CODE),
    account(
      'committee',
      'Trần Đức Thắng (Tỉnh ủy viên, theo dõi các xã, phường)',
      'committee_member',
      ROOT_CODE,
    ),
    account(
      'tanhoi',
      'Lê Văn Hùng (Phó Bí thư Thường trực Đảng ủy xã Tân Hội)',
      'committee_member',
      DEMO_COMMUNE_CODE,
    ),
    account(
      'secretary',
      secretary.full_name,
      'cell_secretary',
      DEMO_SECRETARY_CELL_CODE,
      secretary.member_code,
    ),
    account('visitor', 'Nguyễn Văn Bình (Đảng ủy viên xã Tân Hội)', 'visitor', DEMO_COMMUNE_CODE),
    account('member', ordinary.full_name, 'member', DEMO_SECRETARY_CELL_CODE, ordinary.member_code),
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
  assignExemptions(ctx, members, EXEMPT_RATE);
  return members;
}
