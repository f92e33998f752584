/**
 * The tree and the members of a generated province (`seed-demo --scale`): the province committee, its
 * communes and wards (Đảng bộ xã / phường, led directly by the province since there is no district level
 * from 01/7/2025 — QĐ 294-QĐ/TW, domain.md §1), each with its village or street-group cells and
 * the cells every commune has (schools, health station, police, military, agencies). Members come from the
 * demo's generator (`members.ts`, `names.ts`). Pure and deterministic for a seed and a day.
 */
import type { OrgCategory, OrgKind } from '../../../../core/src/orgs/types.ts';
import { assignExemptions, createMemberContext, generateCellMembers, profileFor } from '../members.ts';
import { distribute, mulberry32, type Rng, shuffle } from '../prng.ts';
import { ROOT_CODE, ROOT_NAME } from '../province.ts';
import type { DemoMemberRow } from '../types.ts';

export interface ScaleSize {
  communes: number;
  cells: number;
  members: number;
}

/** 120 communes and wards, 10,000 cells, 400,000 members: a large province after the 2025 reform. */
export const PROVINCE_SCALE: ScaleSize = { communes: 120, cells: 10_000, members: 400_000 };
/** A few communes, for tests on PGlite. */
export const SMALL_SCALE: ScaleSize = { communes: 2, cells: 30, members: 900 };

/** The size for `--cells N`: communes of about 83 cells, about 40 members a cell (the province's ratios). */
export function scaleForCells(cells: number): ScaleSize {
  const communes = Math.max(1, Math.round(cells / 83));
  return { communes, cells: Math.max(cells, communes * 9), members: cells * 40 };
}

export interface ScaleOrg {
  code: string;
  name: string;
  kind: OrgKind;
  category: OrgCategory | null;
  /** Index of the parent in the list (parents come first), -1 for the root. */
  parent: number;
}

export interface ScaleTree {
  orgs: ScaleOrg[];
  /** Indexes of the cells in `orgs`, with their position among their commune's cells. */
  cells: { org: number; index: number }[];
  members: DemoMemberRow[];
}

const SYLLABLES = (
  'An Bình Phú Xuân Hòa Thịnh Minh Đức Quang Trung Nghĩa Lạc Yên Vĩnh Long Hưng Thái Mỹ Kim Ngọc Thanh Hà ' +
  'Nam Bắc Tiên Cẩm Đồng Lợi Thuận Phong Định Tường Tân Hội Đông Thành Liên Hồng Phượng Sơn Khê Lâm Hải ' +
  'Tiến Thắng Lộc Phúc Thọ Châu Giang Hoa Vân Tây Cát Dương Hiệp Quế Hạ Thượng'
).split(' ');

/** The cells of every commune besides its residential ones (as in the Hồng Châu demo, `province.ts`). */
const UNITS: readonly (readonly [
  code: string,
  name: (unit: string, place: string) => string,
  OrgCategory,
])[] = [
  ['MN', (_u, p) => `Chi bộ Trường Mầm non ${p}`, 'school'],
  ['TH', (_u, p) => `Chi bộ Trường Tiểu học ${p}`, 'school'],
  ['THCS', (_u, p) => `Chi bộ Trường Trung học cơ sở ${p}`, 'school'],
  ['TYT', (u, p) => `Chi bộ Trạm Y tế ${u} ${p}`, 'health'],
  ['CA', (u, p) => `Chi bộ Công an ${u} ${p}`, 'armed_forces'],
  ['QS', (u, p) => `Chi bộ Quân sự ${u} ${p}`, 'armed_forces'],
  ['CQD', (u) => `Chi bộ Cơ quan Đảng, Mặt trận và các đoàn thể ${u}`, 'agency'],
  ['CQCQ', (u) => `Chi bộ Cơ quan Hội đồng nhân dân và Ủy ban nhân dân ${u}`, 'agency'],
];

/** Distinct two-syllable place names ("Tân Lạc"), never a syllable twice. */
function placeNames(rng: Rng, count: number): string[] {
  const all: string[] = [];
  for (const a of SYLLABLES) for (const b of SYLLABLES) if (a !== b) all.push(`${a} ${b}`);
  shuffle(rng, all);
  const out = all.slice(0, count);
  // More than the pairs allow (never at province scale): numbered.
  for (let i = out.length; i < count; i++)
    out.push(`${all[i % all.length]} ${Math.floor(i / all.length) + 1}`);
  return out;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The province's tree and members for `size`, seeded: same seed and day, same rows. */
export function generateScaleTree(size: ScaleSize, seed: number, today: string): ScaleTree {
  const rng = mulberry32(seed ^ 0x5ca1e);
  const orgs: ScaleOrg[] = [
    { code: ROOT_CODE, name: ROOT_NAME, kind: 'committee', category: null, parent: -1 },
  ];
  const cells: ScaleTree['cells'] = [];
  const communeNames = placeNames(rng, size.communes);
  // Cells per commune: the common units, then residential cells to reach the total.
  const residentialTotal = Math.max(size.communes, size.cells - size.communes * UNITS.length);
  const perCommune = distribute(
    rng,
    communeNames.map(() => 0.6 + rng() * 0.8),
    communeNames.map(() => [1, residentialTotal] as const),
    residentialTotal,
  );
  communeNames.forEach((place, c) => {
    const ward = c % 4 === 3;
    const unit = ward ? 'phường' : 'xã';
    const code = `${ROOT_CODE}.X${pad(c + 1, 3)}`;
    const commune = orgs.length;
    orgs.push({ code, name: `Đảng bộ ${unit} ${place}`, kind: 'committee', category: null, parent: 0 });
    let index = 0;
    const residential = perCommune[c] ?? 1;
    const villages = ward ? [] : placeNames(mulberry32(seed ^ (c * 7919)), residential);
    for (let r = 0; r < residential; r++) {
      cells.push({ org: orgs.length, index: index++ });
      orgs.push(
        ward
          ? {
              code: `${code}.TDP${pad(r + 1, 3)}`,
              name: `Chi bộ tổ dân phố số ${r + 1}`,
              kind: 'cell',
              category: 'street_group',
              parent: commune,
            }
          : {
              code: `${code}.T${pad(r + 1, 3)}`,
              name: `Chi bộ thôn ${villages[r]}`,
              kind: 'cell',
              category: 'village',
              parent: commune,
            },
      );
    }
    if (size.cells >= size.communes * (UNITS.length + 1)) {
      for (const [unitCode, name, category] of UNITS) {
        cells.push({ org: orgs.length, index: index++ });
        orgs.push({
          code: `${code}.${unitCode}`,
          name: name(unit, place),
          kind: 'cell',
          category,
          parent: commune,
        });
      }
    }
  });
  const weights = cells.map(({ org }) =>
    orgs[org]?.category === 'village' ? 55 : orgs[org]?.category === 'street_group' ? 40 : 13,
  );
  const bounds = cells.map(({ org }) => {
    const residential = orgs[org]?.category === 'village' || orgs[org]?.category === 'street_group';
    return residential ? ([12, 140] as const) : ([5, 45] as const);
  });
  const sizes = distribute(rng, weights, bounds, size.members);
  const ctx = createMemberContext(rng, today);
  const members: DemoMemberRow[] = [];
  cells.forEach(({ org }, i) => {
    const o = orgs[org];
    if (!o) return;
    for (const m of generateCellMembers(ctx, o.code, sizes[i] ?? 5, profileFor(o.category))) members.push(m);
  });
  assignExemptions(ctx, members, 0.02);
  return { orgs, cells, members };
}
