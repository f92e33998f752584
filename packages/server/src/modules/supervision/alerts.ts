import { addDays, DEFAULT_SUPERVISION_RULES, formatVietnameseDate, supervisionRulesOf } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { rows } from '../../db/client.ts';
import { type RuleContext, within } from '../alerts/rule.ts';
import { pick, ruleSetsFor } from '../rule-sets/service.ts';
import { SUPERVISION_MANAGERS } from './policy.ts';

/**
 * Supervision alerts: the visitor is reminded the day before a visit of a published plan; a visit whose
 * report is past due (the rule set's `reportDueDays` after the meeting) is raised to the visitor and to the
 * committee that sent him or her. Once each (dedupe keys).
 */
export async function visitAlerts(c: RuleContext) {
  const inScope = within(sql`v.cell_path`, c.scopes);
  const open = await rows<{
    id: number;
    accountId: number;
    date: string;
    startTime: string;
    cellName: string;
    committeePath: string;
    place: string | null;
  }>(
    c.tx,
    sql`SELECT v.id::int AS id, v.account_id::int AS "accountId", v.scheduled_date::text AS date,
          v.start_time AS "startTime", o.name AS "cellName", v.committee_path AS "committeePath", m.place
        FROM visits v JOIN visit_plans p ON p.id = v.plan_id JOIN orgs o ON o.id = v.cell_org_id
        LEFT JOIN meetings m ON m.id = v.meeting_id
        WHERE p.status = 'published' AND v.status IN ('planned', 'checked_in') AND ${inScope}
          AND v.scheduled_date <= ${addDays(c.today, 1)}
        ORDER BY v.scheduled_date, v.id`,
  );
  if (open.length === 0) return;
  const ruleSets = await ruleSetsFor(c.tx, '/');
  for (const visit of open) {
    const when = `${visit.startTime} ngày ${formatVietnameseDate(visit.date)}`;
    if (visit.date === addDays(c.today, 1)) {
      await c.raise('visit_soon', [visit.accountId], {
        key: `visit-soon:${visit.id}`,
        title: `Ngày mai dự sinh hoạt ${visit.cellName}`,
        body: `Đồng chí được cử dự sinh hoạt ${visit.cellName} lúc ${when}${visit.place ? ` tại ${visit.place}` : ''}.`,
        link: `/supervision/visits/${visit.id}`,
      });
      continue;
    }
    const content = pick(ruleSets, visit.committeePath, visit.date)?.content;
    const due = addDays(
      visit.date,
      (content ? supervisionRulesOf(content) : DEFAULT_SUPERVISION_RULES).reportDueDays,
    );
    if (due >= c.today) continue;
    await c.raise(
      'visit_report',
      [visit.accountId, ...c.recipients(visit.committeePath, SUPERVISION_MANAGERS)],
      {
        key: `visit-report:${visit.id}`,
        title: `Quá hạn báo cáo dự sinh hoạt: ${visit.cellName}`,
        body: `Buổi dự sinh hoạt ${visit.cellName} lúc ${when} chưa có báo cáo (hạn ${formatVietnameseDate(due)}).`,
        link: `/supervision/visits/${visit.id}`,
      },
    );
  }
}
