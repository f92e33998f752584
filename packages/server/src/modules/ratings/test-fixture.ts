import type { Db } from '../../db/client.ts';
import { type MemberSpec, type OrgSpec, seedTree } from '../../test/tree.ts';

/** GC01 … GC49: the grassroots organisations of the acceptance (Tủa Chùa's shape, domain.md §1). */
export const GRASSROOTS_CODES = Array.from({ length: 49 }, (_, i) => `GC${String(i + 1).padStart(2, '0')}`);

/**
 * Two worlds for the ratings tests.
 * A — province P, district-like committee H (account `h`, committee member) with 49 grassroots organisations
 * under it (15 grassroots committees, 34 grassroots cells); GC49 holds five members: M1, M2, M3 rated, M4
 * exempt, M5 admitted in September 2026. `admin` administers P.
 * B — province Q, grassroots committee GA (account `ga`) with cells C (secretary `sec`, member C01 with the
 * account `member`, C02, C03) and C2 (secretary `sec2`, member C21 with the account `member2`).
 */
export async function buildRatingsFixture(db: Db) {
  const grassroots: OrgSpec[] = GRASSROOTS_CODES.map((code, i) => ({
    code,
    name: i < 15 ? `Đảng bộ xã số ${i + 1}` : `Chi bộ cơ quan số ${i + 1}`,
    kind: i < 15 ? 'grassroots_committee' : 'grassroots_cell',
    parent: 'H',
  }));
  const members: MemberSpec[] = [
    { code: 'M1', name: 'Nguyễn Văn An', org: 'GC49' },
    { code: 'M2', name: 'Trần Thị Bình', org: 'GC49' },
    { code: 'M3', name: 'Lê Văn Cường', org: 'GC49' },
    { code: 'M4', name: 'Phạm Văn Dũng', org: 'GC49', exemptFrom: '2025-03-01' },
    { code: 'M5', name: 'Hoàng Thị Em', org: 'GC49', status: 'probationary', admissionDate: '2026-09-02' },
    { code: 'C01', name: 'Nguyễn Văn Khánh', org: 'C' },
    { code: 'C02', name: 'Trần Thị Hằng', org: 'C', position: 'secretary' },
    { code: 'C03', name: 'Lê Văn Tùng', org: 'C' },
    { code: 'C21', name: 'Phạm Văn Vinh', org: 'C2' },
  ];
  await seedTree(db, {
    orgs: [
      { code: 'P', name: 'Đảng bộ tỉnh Thử', kind: 'committee' },
      { code: 'H', name: 'Đảng bộ huyện Tủa Chùa', kind: 'committee', parent: 'P' },
      ...grassroots,
      { code: 'Q', name: 'Đảng bộ tỉnh Hai', kind: 'committee' },
      { code: 'GA', name: 'Đảng bộ xã Tân Hội', kind: 'grassroots_committee', parent: 'Q' },
      { code: 'C', name: 'Chi bộ thôn Thượng Hội', kind: 'cell', category: 'village', parent: 'GA' },
      { code: 'C2', name: 'Chi bộ thôn Thúy Hội', kind: 'cell', category: 'village', parent: 'GA' },
    ],
    members,
    accounts: [
      ['admin', 'admin', 'P'],
      ['h', 'committee_member', 'H'],
      ['ga', 'committee_member', 'GA'],
      ['sec', 'cell_secretary', 'C'],
      ['sec2', 'cell_secretary', 'C2'],
      ['member', 'member', 'C', 'C01'],
      ['member2', 'member', 'C2', 'C21'],
    ],
  });
}
