import type { Db } from '../../db/client.ts';
import { seedTree } from '../../test/tree.ts';

/**
 * Three levels for the recommendation tests: committee P (district), grassroots committee GA (commune),
 * cells C (raises the recommendation) and C2 (a neighbour) under GA, and GB with cell D elsewhere.
 * Accounts: `sec` (secretary of C), `sec2` (of C2), `ga` (committee member of GA), `p` (of P), `gb` (of
 * GB), `member` (a member of C, with his own account), `admin` on P.
 */
export async function buildRecommendationFixture(db: Db) {
  const tree = await seedTree(db, {
    orgs: [
      { code: 'P', name: 'Đảng bộ huyện Đan Phượng', kind: 'committee' },
      { code: 'GA', name: 'Đảng bộ xã Tân Hội', kind: 'grassroots_committee', parent: 'P' },
      { code: 'GB', name: 'Đảng bộ xã Liên Hà', kind: 'grassroots_committee', parent: 'P' },
      { code: 'C', name: 'Chi bộ thôn Thượng Hội', kind: 'cell', category: 'village', parent: 'GA' },
      { code: 'C2', name: 'Chi bộ thôn Thúy Hội', kind: 'cell', category: 'village', parent: 'GA' },
      { code: 'D', name: 'Chi bộ thôn Đoài', kind: 'cell', category: 'village', parent: 'GB' },
    ],
    members: [
      { code: 'C01', name: 'Nguyễn Văn Khánh', org: 'C' },
      { code: 'C02', name: 'Trần Thị Hằng', org: 'C', position: 'secretary' },
      { code: 'C03', name: 'Lê Văn Cường', org: 'C' },
      { code: 'C21', name: 'Phạm Văn Vinh', org: 'C2' },
    ],
    accounts: [
      ['sec', 'cell_secretary', 'C'],
      ['sec2', 'cell_secretary', 'C2'],
      ['ga', 'committee_member', 'GA'],
      ['gb', 'committee_member', 'GB'],
      ['p', 'committee_member', 'P'],
      ['admin', 'admin', 'P'],
      ['member', 'member', 'C', 'C01'],
    ],
  });
  return {
    sec: tree.account('sec').id,
    sec2: tree.account('sec2').id,
    ga: tree.account('ga').id,
    gb: tree.account('gb').id,
    p: tree.account('p').id,
    admin: tree.account('admin').id,
    member: tree.account('member').id,
  };
}
