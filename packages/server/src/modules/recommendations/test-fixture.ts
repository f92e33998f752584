import type { Db } from '../../db/client.ts';
import { buildAccount, buildMember, buildOrg } from '../../test/factories.ts';

/**
 * Three levels for the recommendation tests: committee P (district), grassroots committee GA (commune),
 * cells C (raises the recommendation) and C2 (a neighbour) under GA, and GB with cell D elsewhere.
 * Accounts: `sec` (secretary of C), `sec2` (of C2), `ga` (committee member of GA), `p` (of P), `gb` (of
 * GB), `member` (a member of C, with his own account), `admin` on P.
 */
export async function buildRecommendationFixture(db: Db) {
  await buildOrg(db, { code: 'P', name: 'Đảng bộ huyện Đan Phượng', kind: 'committee' });
  await buildOrg(db, { code: 'GA', name: 'Đảng bộ xã Tân Hội', kind: 'grassroots_committee', parent: 'P' });
  await buildOrg(db, { code: 'GB', name: 'Đảng bộ xã Liên Hà', kind: 'grassroots_committee', parent: 'P' });
  await buildOrg(db, {
    code: 'C',
    name: 'Chi bộ thôn Thượng Hội',
    kind: 'cell',
    category: 'village',
    parent: 'GA',
  });
  await buildOrg(db, {
    code: 'C2',
    name: 'Chi bộ thôn Thúy Hội',
    kind: 'cell',
    category: 'village',
    parent: 'GA',
  });
  await buildOrg(db, {
    code: 'D',
    name: 'Chi bộ thôn Đoài',
    kind: 'cell',
    category: 'village',
    parent: 'GB',
  });
  const raiser = await buildMember(db, { code: 'C01', name: 'Nguyễn Văn Khánh', org: 'C' });
  await buildMember(db, { code: 'C02', name: 'Trần Thị Hằng', org: 'C', position: 'secretary' });
  await buildMember(db, { code: 'C03', name: 'Lê Văn Cường', org: 'C' });
  await buildMember(db, { code: 'C21', name: 'Phạm Văn Vinh', org: 'C2' });
  return {
    sec: (await buildAccount(db, 'sec', 'cell_secretary', 'C')).id,
    sec2: (await buildAccount(db, 'sec2', 'cell_secretary', 'C2')).id,
    ga: (await buildAccount(db, 'ga', 'committee_member', 'GA')).id,
    gb: (await buildAccount(db, 'gb', 'committee_member', 'GB')).id,
    p: (await buildAccount(db, 'p', 'committee_member', 'P')).id,
    admin: (await buildAccount(db, 'admin', 'admin', 'P')).id,
    member: (await buildAccount(db, 'member', 'member', 'C', raiser.id)).id,
  };
}
