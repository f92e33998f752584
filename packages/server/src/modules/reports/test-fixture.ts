import { foldForSearch } from '@nennep/core';
import type { Db } from '../../db/client.ts';
import { insertOne } from '../../db/insert.ts';
import { attendance, meetings, opinions, recommendations, visits } from '../../db/schema/index.ts';
import { seedTree } from '../../test/tree.ts';

/**
 * A province in Quý III/2026 (the default meeting window, days 3–5): P "Đảng bộ tỉnh Hồng Châu" with
 * communes GA "Đảng bộ xã Tân Hội" (cells A1 and A2, villages, and A3, a school) and GB "Đảng bộ xã Liên
 * Hà" (cell B1, a village). Regular meetings:
 * - A1: 04/7 adopted Tốt (roll call 4 present of 5, two of them spoke), 04/8 adopted Khá, 04/9 held;
 * - A2: 10/7 adopted Trung bình (late), nothing in August, 05/9 adopted Tốt;
 * - A3: held on the 3rd of each month; B1: 04/7 adopted Tốt, then nothing.
 * Thematic: A1 20/8 held, A3 15/9 adopted (A2's of 20/9 only planned, A1's of 10/6 outside the quarter).
 * Recommendations raised in the quarter under GA: one answered, one overdue, one open; one more in June.
 * A1 was visited (reported) in July; A2, the other target cell of GA, was not.
 * Accounts: `admin` and `tinh` (committee member) on P, `xa` on GA, `xab` on GB, `sec` secretary of A1,
 * `mem` with a plain member grant on GA.
 */
export async function buildReportFixture(db: Db) {
  const statuses = ['present', 'present', 'present', 'present', 'absent_excused'];
  const tree = await seedTree(db, {
    orgs: [
      { code: 'P', name: 'Đảng bộ tỉnh Hồng Châu', kind: 'committee' },
      { code: 'GA', name: 'Đảng bộ xã Tân Hội', kind: 'committee', parent: 'P' },
      { code: 'GB', name: 'Đảng bộ xã Liên Hà', kind: 'committee', parent: 'P' },
      { code: 'A1', name: 'Chi bộ thôn Thượng Hội', kind: 'cell', category: 'village', parent: 'GA' },
      { code: 'A2', name: 'Chi bộ thôn Phan Long', kind: 'cell', category: 'village', parent: 'GA' },
      { code: 'A3', name: 'Chi bộ trường Tiểu học Tân Hội', kind: 'cell', category: 'school', parent: 'GA' },
      { code: 'B1', name: 'Chi bộ thôn Đoài', kind: 'cell', category: 'village', parent: 'GB' },
    ],
    members: statuses.map((_, i) => ({ code: `A1M${i}`, name: `Nguyễn Văn Thành ${i}`, org: 'A1' })),
    accounts: [
      ['admin', 'admin', 'P'],
      ['tinh', 'committee_member', 'P'],
      ['xa', 'committee_member', 'GA'],
      ['xab', 'committee_member', 'GB'],
      ['sec', 'cell_secretary', 'A1'],
      ['mem', 'member', 'GA'],
    ],
  });
  const cell = (code: string) => tree.org(code);

  const meeting = async (code: string, date: string, status: string, extra: Record<string, unknown> = {}) => {
    const org = cell(code);
    const row = await insertOne(
      db
        .insert(meetings)
        .values({
          orgId: org.id,
          orgPath: org.path,
          kind: 'regular',
          status,
          scheduledDate: date,
          startTime: '19:30',
          ...extra,
        })
        .returning({ id: meetings.id }),
      'meeting',
    );
    return row.id;
  };
  const a1July = await meeting('A1', '2026-07-04', 'adopted', { level: 'good', total: 95 });
  const present: number[] = [];
  for (const [i, status] of statuses.entries()) {
    const m = tree.member(`A1M${i}`);
    if (status === 'present') present.push(m.id);
    await db
      .insert(attendance)
      .values({ meetingId: a1July, memberId: m.id, status, memberStatus: 'official' });
  }
  await db.insert(opinions).values([
    { meetingId: a1July, memberId: present[0], agendaIndex: 1, summary: 'Ý kiến 1' },
    { meetingId: a1July, memberId: present[1], agendaIndex: 2, summary: 'Ý kiến 2' },
  ]);
  await meeting('A1', '2026-08-04', 'adopted', { level: 'fair', total: 80 });
  await meeting('A1', '2026-09-04', 'held');
  await meeting('A2', '2026-07-10', 'adopted', { level: 'average', total: 60 });
  await meeting('A2', '2026-09-05', 'adopted', { level: 'good', total: 92 });
  for (const month of ['07', '08', '09']) await meeting('A3', `2026-${month}-03`, 'held');
  await meeting('B1', '2026-07-04', 'adopted', { level: 'good', total: 90 });
  await meeting('A1', '2026-08-20', 'held', { kind: 'thematic' });
  await meeting('A3', '2026-09-15', 'adopted', { kind: 'thematic' });
  await meeting('A2', '2026-09-20', 'planned', { kind: 'thematic' });
  await meeting('A1', '2026-06-10', 'held', { kind: 'thematic' });

  const ga = tree.org('GA');
  const recommendation = (code: string, raisedOn: string, status: string, dueDate: string | null) => {
    const org = cell(code);
    const text = `Kiến nghị của ${org.name} ngày ${raisedOn}`;
    return db.insert(recommendations).values({
      orgId: org.id,
      orgPath: org.path,
      source: 'meeting',
      raisedBy: 'Nguyễn Văn Thành 0',
      raisedOn,
      text,
      searchText: foldForSearch(text),
      category: 'other',
      status,
      handlerOrgId: ga.id,
      handlerPath: ga.path,
      dueDate,
    });
  };
  await recommendation('A1', '2026-07-04', 'answered', '2026-08-03');
  await recommendation('A2', '2026-08-10', 'received', '2026-09-09');
  await recommendation('A1', '2026-09-05', 'in_progress', '2026-10-20');
  await recommendation('A1', '2026-06-01', 'received', '2026-07-01');
  await recommendation('B1', '2026-07-05', 'reported_back', '2026-08-04');

  const ids = {
    admin: tree.account('admin').id,
    tinh: tree.account('tinh').id,
    xa: tree.account('xa').id,
    xab: tree.account('xab').id,
    sec: tree.account('sec').id,
    mem: tree.account('mem').id,
  };
  const a1 = cell('A1');
  const p = tree.org('P');
  await db.insert(visits).values({
    planId: 1,
    committeeOrgId: p.id,
    committeePath: p.path,
    periodKey: '2026-Q3',
    cellOrgId: a1.id,
    cellPath: a1.path,
    meetingId: a1July,
    accountId: ids.tinh,
    scheduledDate: '2026-07-04',
    startTime: '19:30',
    durationMinutes: 90,
    status: 'reported',
  });
  const cells = Object.fromEntries(['A1', 'A2', 'A3', 'B1'].map((code) => [code, tree.org(code)]));
  return { ids, cells };
}
