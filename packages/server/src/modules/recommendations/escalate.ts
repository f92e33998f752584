import { dueDateFor, formatVietnameseDate } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { recommendations } from '../../db/schema/index.ts';
import { audit } from '../../http/audit.ts';
import { type RuleContext, within } from '../alerts/rule.ts';
import { findOrgById } from '../orgs/queries.ts';
import { logEvent } from './events.ts';
import { handlersOf } from './policy.ts';
import { recommendationRows, rulesReader } from './queries.ts';

/**
 * Overdue recommendations move one level up: the committee above the level that let the due date pass
 * receives it, with a new due date by the category's time limit, and hears of it in its inbox. A level
 * moves it up once (the new due date starts from the day it moved); at the top it stays, and the top level
 * is told once that it is overdue.
 */
export async function escalateRecommendations(c: RuleContext) {
  const inScope = within(sql`r.org_path`, c.scopes);
  const overdue = await recommendationRows(
    c.tx,
    sql`r.status IN ('received', 'assigned', 'in_progress') AND r.due_date < ${c.today} AND ${inScope}`,
    sql`r.due_date, r.id`,
    10_000,
  );
  if (overdue.length === 0) return;
  const rulesAt = await rulesReader(c.tx);
  for (const rec of overdue) {
    const due = rec.dueDate ? formatVietnameseDate(rec.dueDate) : '';
    const parent = rec.handlerParentId ? await findOrgById(c.tx, rec.handlerParentId) : null;
    if (parent?.status !== 'active') {
      await c.raise('rec_overdue', await handlersOf(c.tx, rec.handlerPath), {
        key: `rec-overdue:${rec.id}:${rec.handlerOrgId}`,
        title: `Kiến nghị quá hạn trả lời: ${rec.cellName}`,
        body: `Kiến nghị "${rec.text.slice(0, 200)}" quá hạn trả lời (hạn ${due}) tại ${rec.handlerName}.`,
        link: `/recommendations/${rec.id}`,
      });
      continue;
    }
    const newDue = dueDateFor(rulesAt(rec.orgPath, rec.raisedOn), rec.category, c.today);
    await c.tx
      .update(recommendations)
      .set({
        status: 'assigned',
        handlerOrgId: parent.id,
        handlerPath: parent.path,
        outsideBody: null,
        dueDate: newDue,
        escalations: rec.escalations + 1,
      })
      .where(sql`id = ${rec.id}`);
    const note = `Quá hạn ${due} tại ${rec.handlerName}${rec.outsideBody ? ` (${rec.outsideBody})` : ''}.`;
    await logEvent(c.tx, null, rec.id, 'escalated', {
      fromOrgId: rec.handlerOrgId,
      toOrgId: parent.id,
      note,
    });
    await audit(c.tx, null, {
      action: 'recommendation.escalated',
      entityType: 'recommendation',
      entityId: rec.id,
      orgPath: rec.orgPath,
      detail: { from: rec.handlerCode, to: parent.code, due: rec.dueDate, newDue },
    });
    await c.raise('rec_escalated', await handlersOf(c.tx, parent.path), {
      key: `rec-escalated:${rec.id}:${parent.id}`,
      title: `Kiến nghị quá hạn chuyển lên ${parent.name}: ${rec.cellName}`,
      body: `${note} Hạn mới: ${formatVietnameseDate(newDue)}. Nội dung: ${rec.text.slice(0, 200)}`,
      link: `/recommendations/${rec.id}`,
    });
  }
}
