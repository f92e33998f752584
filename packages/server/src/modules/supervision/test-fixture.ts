import type { Db } from '../../db/client.ts';
import { insertOne } from '../../db/insert.ts';
import { meetings } from '../../db/schema/index.ts';
import { seedTree } from '../../test/tree.ts';

/**
 * A small district for the supervision tests: committee P; communes GA (cells A1 village, A2 cluster,
 * A3 school — not a target) and GB (B1 street group, B2 village). Accounts: admin and `committee`
 * (committee member) on P; visitors v1 (a member of A1), v2, v3 on P; `sec` secretary of A1; `far`, a
 * visitor of GB only. Regular meetings in January 2027: A1 and A2 on the 3rd, B1 on the 4th, B2 on the
 * 5th, A3 on the 3rd, all at 19:30.
 */
export async function buildSupervisionFixture(db: Db) {
  const cells = [
    { code: 'A1', name: 'Chi bộ thôn Thượng Hội', category: 'village', parent: 'GA' },
    { code: 'A2', name: 'Chi bộ cụm dân cư số 2', category: 'residential_cluster', parent: 'GA' },
    { code: 'A3', name: 'Chi bộ trường Tiểu học', category: 'school', parent: 'GA' },
    { code: 'B1', name: 'Chi bộ tổ dân phố 1', category: 'street_group', parent: 'GB' },
    { code: 'B2', name: 'Chi bộ thôn Đoài', category: 'village', parent: 'GB' },
  ] as const;
  const tree = await seedTree(db, {
    orgs: [
      { code: 'P', name: 'Đảng bộ huyện Thử', kind: 'committee' },
      { code: 'GA', name: 'Đảng bộ xã Tân Hội', kind: 'grassroots_committee', parent: 'P' },
      { code: 'GB', name: 'Đảng bộ xã Liên Hà', kind: 'grassroots_committee', parent: 'P' },
      ...cells.map((c) => ({ ...c, kind: 'cell' as const })),
    ],
    members: [
      { code: 'A1M1', name: 'Nguyễn Văn Khánh', org: 'A1' },
      { code: 'A1M2', name: 'Trần Thị Hằng', org: 'A1' },
    ],
    accounts: [
      ['admin', 'admin', 'P'],
      ['committee', 'committee_member', 'P'],
      ['v1', 'visitor', 'P', 'A1M1'],
      ['v2', 'visitor', 'P'],
      ['v3', 'visitor', 'P'],
      ['sec', 'cell_secretary', 'A1'],
      ['far', 'visitor', 'GB'],
    ],
  });
  const ids = {
    admin: tree.account('admin').id,
    committee: tree.account('committee').id,
    v1: tree.account('v1').id,
    v2: tree.account('v2').id,
    v3: tree.account('v3').id,
    sec: tree.account('sec').id,
    far: tree.account('far').id,
  };
  const dates: Record<string, string> = {
    A1: '2027-01-03',
    A2: '2027-01-03',
    A3: '2027-01-03',
    B1: '2027-01-04',
    B2: '2027-01-05',
  };
  const meetingIds: Record<string, number> = {};
  for (const [code, date] of Object.entries(dates)) {
    const org = tree.org(code);
    const row = await insertOne(
      db
        .insert(meetings)
        .values({
          orgId: org.id,
          orgPath: org.path,
          kind: 'regular',
          scheduledDate: date,
          startTime: '19:30',
          place: `Nhà văn hóa ${org.name.replace('Chi bộ ', '')}`,
          agenda: [{ title: 'Thông tin thời sự', section: 'content' }],
        })
        .returning({ id: meetings.id }),
      'meeting',
    );
    meetingIds[code] = row.id;
  }
  return { ids, meetingIds };
}
