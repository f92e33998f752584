/**
 * The daily run's dues alert (alerts/service.ts; issue 16 point 4): a member with three months of the year unpaid
 * without a reason the cell recorded — the cell then considers proposing removal from the Party (xóa tên) to the
 * competent committee (QĐ 01-QĐ/TW, Điều 2 khoản 1; Điều lệ Đảng, Điều 8 khoản 2). Raised once per member and year (the
 * notice's dedupe key), to the secretaries of the member's cell.
 */
import { sql } from 'drizzle-orm';
import { rows } from '../../db/client.ts';
import type { RuleContext } from '../alerts/rule.ts';
import { duesAlertsOf } from './ledger.ts';

export async function duesArrearsAlerts(c: RuleContext) {
  if (c.cells.length === 0) return;
  const year = Number(c.today.slice(0, 4));
  // Noon of the run's day in Vietnam: the months already over are those before this one.
  const now = new Date(`${c.today}T12:00:00+07:00`);
  const found = new Map<string, string[]>();
  for (const scope of c.scopes ?? ['/']) {
    for (const alert of await duesAlertsOf(c.tx, scope, year, now)) found.set(alert.memberCode, alert.months);
  }
  if (found.size === 0) return;
  const members = await rows<{ code: string; name: string; orgPath: string }>(
    c.tx,
    sql`SELECT member_code AS code, full_name AS name, org_path AS "orgPath" FROM members
        WHERE member_code IN (${sql.join(
          [...found.keys()].map((code) => sql`${code}`),
          sql`, `,
        )})`,
  );
  for (const member of members) {
    const cell = c.cells.find((x) => x.path === member.orgPath);
    const months = found.get(member.code);
    if (!cell || !months) continue;
    const list = months.map((m) => `${m.slice(5)}/${m.slice(0, 4)}`).join(', ');
    await c.raise('dues_arrears', c.recipients(cell.path, ['cell_secretary']), {
      key: `dues_arrears:${year}:${member.code}`,
      title: `Đảng viên ${member.name} chưa đóng đảng phí ${months.length} tháng`,
      body: `${member.name} (${cell.name}) chưa đóng đảng phí các tháng ${list} năm ${year} mà không có lý do được ghi nhận. Theo Quy định 01-QĐ/TW, chi bộ xem xét, đề nghị cấp có thẩm quyền xóa tên trong danh sách đảng viên.`,
      link: `/orgs/${encodeURIComponent(cell.code)}`,
    });
  }
}
