/**
 * Reports upward in the demo (seed 000: communes "thực hiện nghiêm chế độ thông tin, báo cáo"): a few days
 * after the last quarter ended, three of the four communes and wards issued their report on its cells'
 * meetings through the same commands as the reports page; the last one has not yet — which is what the
 * province's status list is there to show.
 */
import { addDays, reportPeriod } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../db/client.ts';
import { findOrg, type OrgRow } from '../modules/orgs/queries.ts';
import { issueReport, saveWords } from '../modules/reports/commands.ts';
import { demoActor, stamped } from './demo-actor.ts';

const SIGNERS = [
  ['Lê Văn Hùng', 'PHÓ BÍ THƯ THƯỜNG TRỰC'],
  ['Nguyễn Thị Thu Hà', 'BÍ THƯ'],
  ['Trần Quang Minh', 'PHÓ BÍ THƯ'],
] as const;

export async function seedReportsDemo(db: Db, input: { root: OrgRow; today: string; manager: string }) {
  const quarter = Math.floor((Number(input.today.slice(5, 7)) - 1) / 3) + 1;
  const year = Number(input.today.slice(0, 4));
  const key = quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
  const period = reportPeriod(key);
  if (!period) return { issued: 0 };
  const day = addDays(period.to, 6) < input.today ? addDays(period.to, 6) : addDays(input.today, -1);
  if (day <= period.to) return { issued: 0 };
  const communes = await rows<{ code: string }>(
    db,
    sql`SELECT code FROM orgs WHERE parent_id = ${input.root.id} AND kind = 'committee' AND category IS NULL
        ORDER BY path`,
  );
  const actor = await demoActor(db, input.manager);
  const now = new Date(`${day}T09:00:00+07:00`);
  let issued = 0;
  for (const [index, row] of communes.slice(0, SIGNERS.length).entries()) {
    const committee: OrgRow | null = await findOrg(db, row.code);
    const [name, title] = SIGNERS[index] ?? SIGNERS[0];
    if (!committee) continue;
    const at = { now, today: day };
    await stamped(db, now, async () => {
      await saveWords(
        db,
        actor,
        committee,
        period,
        {
          assessment: null,
          shortcomings: null,
          directions: null,
          proposals: null,
          signerName: name,
          signerTitle: title,
        },
        at,
      );
      await issueReport(db, actor, committee, period, at);
    });
    issued += 1;
  }
  return { issued };
}
