/**
 * The daily run's reminder (alerts/service.ts): a cell whose "pass on by" day has gone by without a record
 * that it passed the superior document on (HD 12-HD/BTCTW (06/7/2018) point 2.2; issue 17 item 2). Raised
 * once per document and cell (the notice's dedupe key), to the cell's secretaries.
 */
import { addressesCell, formatVietnameseDate } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { rows } from '../../db/client.ts';
import type { RuleContext } from '../alerts/rule.ts';
import { documentsWhere } from './queries.ts';

export async function passOnAlerts(c: RuleContext) {
  if (c.cells.length === 0) return;
  const overdue = await documentsWhere(c.tx, sql`d.pass_on_by < ${c.today}`);
  if (overdue.length === 0) return;
  const cellInfo = new Map(
    (
      await rows<{ id: number; kind: string; category: string | null }>(
        c.tx,
        sql`SELECT id::int AS id, kind, category FROM orgs WHERE id IN (${sql.join(
          c.cells.map((cell) => sql`${cell.id}`),
          sql`, `,
        )})`,
      )
    ).map((o) => [o.id, o]),
  );
  const done = new Set(
    (
      await rows<{ key: string }>(
        c.tx,
        sql`SELECT document_id::text || ':' || org_id::text AS key FROM pass_on_records
            WHERE document_id IN (${sql.join(
              overdue.map((d) => sql`${d.id}`),
              sql`, `,
            )})`,
      )
    ).map((r) => r.key),
  );
  for (const doc of overdue) {
    for (const cell of c.cells) {
      const info = cellInfo.get(cell.id);
      if (!info || !cell.path.startsWith(doc.orgPath) || cell.path === doc.orgPath) continue;
      if (!addressesCell(doc, info) || done.has(`${doc.id}:${cell.id}`)) continue;
      await c.raise('pass_on', c.recipients(cell.path, ['cell_secretary']), {
        key: `pass_on:${doc.id}:${cell.id}`,
        title: `Chưa phổ biến văn bản số ${doc.number}: ${cell.name}`,
        body: `${cell.name} chưa ghi nhận đã phổ biến văn bản số ${doc.number} của ${doc.orgName} "${doc.title}"; hạn phổ biến là ngày ${formatVietnameseDate(doc.passOnBy)}.`,
        link: `/orgs/${encodeURIComponent(cell.code)}`,
      });
    }
  }
}
