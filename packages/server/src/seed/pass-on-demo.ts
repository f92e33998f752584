/**
 * Superior documents to pass on in the demo (seed 000 and 002: "phổ biến chủ trương, văn bản của cấp trên"
 * at every regular meeting, HD 12-HD/BTCTW (06/7/2018) point 2.2; issue 17 item 2), relative to the day it is
 * seeded: each commune committee registered two documents for its whole subtree — a resolution issued
 * 75 days before, to pass on within 35 days, which most of its cells passed on at their first meeting after
 * it (the others are overdue), and a directive issued 8 days before, due with the next meeting (by 35 days
 * on), which no cell has passed on yet. Set-based: one INSERT … SELECT each.
 */
import { addDays } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../db/client.ts';
import type { OrgRow } from '../modules/orgs/queries.ts';

/** Days before the seeding day the resolution was issued, and the days it had to be passed on. */
export const PASSED_DOC_AGE = 75;
export const PASSED_DOC_WINDOW = 35;
/** Days before the seeding day the directive was issued, and the days after it is due by. */
export const DUE_DOC_AGE = 8;
export const DUE_DOC_AHEAD = 35;

export async function seedPassOnDemo(db: Db, input: { root: OrgRow; today: string }) {
  const { root, today } = input;
  const passedIssued = addDays(today, -PASSED_DOC_AGE);
  const dueIssued = addDays(today, -DUE_DOC_AGE);
  const communes = sql`SELECT id, path, row_number() OVER (ORDER BY path)::int AS n FROM orgs
    WHERE parent_id = ${root.id} AND kind = 'committee' AND category IS NULL`;
  const docs = sql`(VALUES
    (1, 'NQ', ${'Nghị quyết về lãnh đạo đẩy mạnh chuyển đổi số trên địa bàn'}::text, ${passedIssued}::date,
      ${addDays(passedIssued, PASSED_DOC_WINDOW)}::date),
    (2, 'CT', ${'Chỉ thị về tăng cường bảo đảm an ninh trật tự, an toàn giao thông trong dịp lễ, Tết'}::text,
      ${dueIssued}::date, ${addDays(today, DUE_DOC_AHEAD)}::date)
  ) AS d(k, form, title, issued, due)`;
  await db.execute(sql`
    INSERT INTO pass_on_documents (org_id, org_path, number, title, issued_on, pass_on_by, audience,
      file_name, content_type, size, bytes, created_at)
    SELECT c.id, c.path, (10 * d.k + c.n)::text || '-' || d.form || '/ĐU', d.title, d.issued, d.due, 'subtree',
      lower(d.form) || '-' || (10 * d.k + c.n)::text || '.pdf', 'application/pdf',
      octet_length(convert_to('%PDF-1.4 ' || d.title, 'UTF8')), convert_to('%PDF-1.4 ' || d.title, 'UTF8'),
      (to_char(d.issued + 1, 'YYYY-MM-DD') || 'T09:00:00+07:00')::timestamptz
    FROM (${communes}) c CROSS JOIN ${docs}
    ORDER BY d.k, c.path`);
  // The resolution passed on by six cells in seven, at their first meeting of the whole cell held after it.
  await db.execute(sql`
    INSERT INTO pass_on_records (document_id, org_id, meeting_id, passed_on, presenter_member_id, presenter,
      recorded_by_name, recorded_at)
    SELECT x.doc, x.org_id, x.id, x.scheduled_date, x.chair, coalesce(x.name, 'Bí thư chi bộ'),
      coalesce(x.name, 'Bí thư chi bộ'), (to_char(x.scheduled_date, 'YYYY-MM-DD') || 'T21:00:00+07:00')::timestamptz
    FROM (
      SELECT DISTINCT ON (p.id, m.org_id) p.id AS doc, m.org_id, m.id, m.scheduled_date,
        m.chair_member_id AS chair, mb.full_name AS name
      FROM pass_on_documents p
      JOIN orgs o ON o.path LIKE p.org_path || '%'
        AND o.kind IN ('cell', 'grassroots_cell', 'party_group') AND o.status = 'active'
      JOIN meetings m ON m.org_id = o.id AND m.kind IN ('regular', 'thematic', 'extraordinary', 'model')
        AND m.status IN ('held', 'adopted') AND m.scheduled_date > p.issued_on AND m.scheduled_date < ${today}
      LEFT JOIN members mb ON mb.id = m.chair_member_id
      WHERE p.issued_on = ${passedIssued} AND p.org_path LIKE ${`${root.path}%`} AND o.id % 7 <> 3
      ORDER BY p.id, m.org_id, m.scheduled_date, m.start_time
    ) x
    ORDER BY x.doc, x.scheduled_date, x.org_id`);
  await db.execute(sql`
    INSERT INTO audit_events (at, actor_name, action, entity_type, entity_id, org_path, detail)
    SELECT p.created_at, 'system', 'pass_on.registered', 'pass_on_document', p.id::text, p.org_path,
      jsonb_build_object('number', p.number, 'passOnBy', p.pass_on_by, 'audience', p.audience,
        'fileName', p.file_name, 'size', p.size)
    FROM pass_on_documents p JOIN (${communes}) c ON c.id = p.org_id`);
  const [count] = await rows<{ documents: number; records: number }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM pass_on_documents) AS documents,
          (SELECT count(*)::int FROM pass_on_records) AS records`,
  );
  return count ?? { documents: 0, records: 0 };
}
