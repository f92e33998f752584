import type { Db } from '../../db/client.ts';
import { seedTree, twoCommunes } from '../../test/tree.ts';

/**
 * P (province) > GA (commune) > cells C1, C2 (villages), C3 (a school); P > GB > D (village). Accounts: `ga`
 * (committee member of GA), `p` (of P), `gb` (of GB), `sec1`/`sec2`/`secd` (secretaries of C1, C2, D),
 * `mem1` (member C102 of C1), `pres1` (member C103 of C1, the presenter), `mem2` (member C201 of C2).
 */
export async function buildThematicFixture(db: Db) {
  await seedTree(db, {
    orgs: twoCommunes(),
    members: [
      { code: 'C101', name: 'Nguyễn Văn Khánh', org: 'C1', position: 'secretary' },
      { code: 'C102', name: 'Trần Thị Hằng', org: 'C1' },
      { code: 'C103', name: 'Lê Văn Cường', org: 'C1' },
      { code: 'C201', name: 'Phạm Văn Vinh', org: 'C2' },
      { code: 'C202', name: 'Đỗ Thị Lan', org: 'C2' },
    ],
    accounts: [
      ['ga', 'committee_member', 'GA'],
      ['p', 'committee_member', 'P'],
      ['gb', 'committee_member', 'GB'],
      ['sec1', 'cell_secretary', 'C1', 'C101'],
      ['sec2', 'cell_secretary', 'C2'],
      ['secd', 'cell_secretary', 'D'],
      ['mem1', 'member', 'C1', 'C102'],
      ['pres1', 'member', 'C1', 'C103'],
      ['mem2', 'member', 'C2', 'C201'],
    ],
  });
}
