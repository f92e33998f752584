import type { Db } from '../../db/client.ts';
import { type MemberSpec, seedTree } from '../../test/tree.ts';

/**
 * The dues tests' world: province P, grassroots committee GA (account `ga`, committee member) with the cell C
 * of ten members DV01–DV10 (secretary `sec`; DV01 has the account `member`; DV06 admitted 10/02/1974, so 52
 * years of membership in 2026) and the cell C2 (secretary `sec2`, member C21 with the account `member2`).
 * `admin` administers P. The known bases of the acceptance are those of core's ledger test (issue 16).
 */
export async function buildDuesFixture(db: Db) {
  const names = [
    'Nguyễn Văn An',
    'Trần Thị Bình',
    'Lê Văn Cường',
    'Phạm Thị Dung',
    'Hoàng Văn Em',
    'Vũ Văn Giang',
    'Đặng Thị Hà',
    'Bùi Văn Khoa',
    'Đỗ Thị Lan',
    'Ngô Văn Minh',
  ];
  const cell: MemberSpec[] = names.map((name, i) => ({
    code: `DV${String(i + 1).padStart(2, '0')}`,
    name,
    org: 'C',
    ...(i === 5 ? { admissionDate: '1974-02-10' } : {}),
  }));
  return seedTree(db, {
    orgs: [
      { code: 'P', name: 'Đảng bộ tỉnh Thử', kind: 'committee' },
      { code: 'GA', name: 'Đảng bộ xã Tân Hội', kind: 'grassroots_committee', parent: 'P' },
      { code: 'C', name: 'Chi bộ thôn Thượng Hội', kind: 'cell', category: 'village', parent: 'GA' },
      { code: 'C2', name: 'Chi bộ thôn Thúy Hội', kind: 'cell', category: 'village', parent: 'GA' },
    ],
    members: [...cell, { code: 'C21', name: 'Phạm Văn Vinh', org: 'C2' }],
    accounts: [
      ['admin', 'admin', 'P'],
      ['ga', 'committee_member', 'GA'],
      ['sec', 'cell_secretary', 'C'],
      ['sec2', 'cell_secretary', 'C2'],
      ['member', 'member', 'C', 'DV01'],
      ['member2', 'member', 'C2', 'C21'],
    ],
  });
}

/** The bases of the ten members (core ledger test): category and amount from February 2026. */
export const TEN_BASES: { memberCode: string; category: string; amountVnd?: number; fromMonth?: string }[] = [
  { memberCode: 'DV01', category: 'bhxh_salary', amountVnd: 6_500_000 },
  { memberCode: 'DV02', category: 'bhxh_salary', amountVnd: 4_960_000 },
  { memberCode: 'DV03', category: 'pension', amountVnd: 7_200_000 },
  { memberCode: 'DV04', category: 'pension', amountVnd: 3_150_000 },
  { memberCode: 'DV05', category: 'student' },
  { memberCode: 'DV06', category: 'pension', amountVnd: 5_000_000 },
  { memberCode: 'DV07', category: 'bhxh_salary', amountVnd: 8_000_000, fromMonth: '2026-01' },
  { memberCode: 'DV08', category: 'bhxh_benefit', amountVnd: 3_000_000 },
  { memberCode: 'DV09', category: 'other', amountVnd: 0 },
  { memberCode: 'DV10', category: 'other', amountVnd: 2_000_000 },
];

/** What each member owes for March 2026 (QĐ 01-QĐ/TW rates; DV06 exempt at 52 years, DV07 halved). */
export const MARCH_DUES: Record<string, number> = {
  DV01: 65_000,
  DV02: 50_000,
  DV03: 36_000,
  DV04: 16_000,
  DV05: 5_000,
  DV06: 0,
  DV07: 40_000,
  DV08: 30_000,
  DV09: 0,
  DV10: 20_000,
};
