/**
 * Superior documents to pass on in the demo (seed 000 and 002: "phổ biến chủ trương, văn bản của cấp trên"
 * at every regular meeting, HD 12-HD/BTCTW (06/7/2018) point 2.2; issue 17 item 2), relative to the day it is
 * seeded: each commune committee registered two documents for its whole subtree — a resolution issued
 * 75 days before, to pass on within 35 days, which most of its cells passed on at their first meeting after
 * it (the others are overdue), and a directive issued 8 days before, due with the next meeting (by 35 days
 * on), which no cell has passed on yet. Set-based: one INSERT … SELECT each. The demo secretary's cell
 * passed the resolution on at its first adopted meeting after it, recorded as `recordPassedOn`
 * (pass-on/commands.ts) records it while the meeting is held: the record, the line in the conclusion of the
 * agenda's superior-documents item — and so in the minutes frozen at adoption — and the meeting's event.
 */
import {
  type AgendaItem,
  addDays,
  ITEM_CONCLUSION_MAX,
  type MinutesModel,
  passOnReason,
  superiorDocumentsIndex,
  withItemConclusion,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../db/client.ts';
import type { OrgRow } from '../modules/orgs/queries.ts';
import { findDocument } from '../modules/pass-on/queries.ts';
import { DEMO_SECRETARY_CELL_CODE } from './demo-data.ts';

/** Days before the seeding day the resolution was issued, and the days it had to be passed on. */
export const PASSED_DOC_AGE = 75;
export const PASSED_DOC_WINDOW = 35;
/** Days before the seeding day the directive was issued, and the days after it is due by. */
export const DUE_DOC_AGE = 8;
export const DUE_DOC_AHEAD = 35;

export async function seedPassOnDemo(
  db: Db,
  input: { root: OrgRow; today: string; secretaryCellCode?: string },
) {
  const { root, today, secretaryCellCode = DEMO_SECRETARY_CELL_CODE } = input;
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
        AND o.code <> ${secretaryCellCode}
      ORDER BY p.id, m.org_id, m.scheduled_date, m.start_time
    ) x
    ORDER BY x.doc, x.scheduled_date, x.org_id`);
  await passedOnAtSecretaryCell(db, { root, today, passedIssued, secretaryCellCode });
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

interface Candidate {
  id: number;
  orgId: number;
  orgPath: string;
  date: string;
  agenda: AgendaItem[];
  chair: number | null;
  chairName: string | null;
  startedAt: string;
  endedAt: string;
  model: MinutesModel | null;
}

/**
 * "Đã phổ biến" at the secretary's cell's first adopted meeting of the whole cell after the resolution was
 * issued (before the seeding day), written as `recordPassedOn` writes it while the meeting is held — the
 * record, by the chair, recorded by the `secretary` account; the line appended to the conclusion of the
 * agenda's "Phổ biến … văn bản của cấp trên" item; the `document_passed_on` event with its audit — and, as
 * adoption (meetings/adopt.ts) froze the minutes after it, the same line in the frozen minutes' discussion
 * (HD 12-HD/BTCTW point 2.3: the minutes record what the meeting did). Nothing when no such meeting exists.
 */
async function passedOnAtSecretaryCell(
  db: Db,
  input: { root: OrgRow; today: string; passedIssued: string; secretaryCellCode: string },
) {
  const { root, today, passedIssued, secretaryCellCode } = input;
  const [doc] = await rows<{ id: number }>(
    db,
    sql`SELECT p.id::int AS id FROM pass_on_documents p JOIN orgs cell ON cell.code = ${secretaryCellCode}
        WHERE cell.path LIKE p.org_path || '%' AND p.org_path <> cell.path AND p.issued_on = ${passedIssued}
          AND p.org_path LIKE ${`${root.path}%`}
        ORDER BY length(p.org_path) DESC, p.id LIMIT 1`,
  );
  const document = doc ? await findDocument(db, doc.id) : null;
  if (!document) return;
  const candidates = await rows<Candidate>(
    db,
    sql`SELECT m.id::int AS id, m.org_id::int AS "orgId", o.path AS "orgPath", m.scheduled_date::text AS date,
          m.agenda, m.chair_member_id::int AS chair, mb.full_name AS "chairName",
          m.started_at::text AS "startedAt", m.ended_at::text AS "endedAt", d.model
        FROM meetings m JOIN orgs o ON o.id = m.org_id
          LEFT JOIN members mb ON mb.id = m.chair_member_id
          LEFT JOIN issued_documents d ON d.meeting_id = m.id AND d.doc_type = 'BB'
        WHERE o.code = ${secretaryCellCode} AND m.status = 'adopted'
          AND m.kind IN ('regular', 'thematic', 'extraordinary', 'model')
          AND m.scheduled_date > ${document.issuedOn} AND m.scheduled_date < ${today}
          AND m.started_at IS NOT NULL AND m.ended_at IS NOT NULL
        ORDER BY m.scheduled_date, m.start_time, m.id`,
  );
  const meeting = candidates.find((m) => superiorDocumentsIndex(m.agenda) !== null);
  const index = meeting ? superiorDocumentsIndex(meeting.agenda) : null;
  if (!meeting || index === null) return;
  const [account] = await rows<{ id: number; username: string; displayName: string }>(
    db,
    sql`SELECT id::int AS id, username, display_name AS "displayName" FROM accounts WHERE username = 'secretary'`,
  );
  const presenter = meeting.chairName ?? account?.displayName ?? 'Bí thư chi bộ';
  // Recorded while the meeting was held, halfway through it.
  const started = new Date(meeting.startedAt).getTime();
  const at = new Date(started + (new Date(meeting.endedAt).getTime() - started) / 2).toISOString();
  await db.execute(sql`
    INSERT INTO pass_on_records (document_id, org_id, meeting_id, passed_on, presenter_member_id, presenter,
      recorded_by, recorded_by_name, recorded_at)
    VALUES (${document.id}, ${meeting.orgId}, ${meeting.id}, ${meeting.date}, ${meeting.chair}, ${presenter},
      ${account?.id ?? null}, ${account?.displayName ?? presenter}, ${at})`);
  // The line recordPassedOn (pass-on/commands.ts) adds to the item's conclusion, word for word.
  const line = `Đã phổ biến văn bản số ${document.number} của ${document.orgName} "${document.title}" (người phổ biến: ${presenter}).`;
  const before = meeting.agenda[index]?.conclusion;
  const text = before ? `${before}\n${line}` : line;
  if (text.length <= ITEM_CONCLUSION_MAX) {
    const agenda = withItemConclusion(meeting.agenda, index, text);
    await db.execute(
      sql`UPDATE meetings SET agenda = ${JSON.stringify(agenda)}::jsonb WHERE id = ${meeting.id}`,
    );
    const item = meeting.model?.discussion[index];
    if (meeting.model && item) {
      const discussion = meeting.model.discussion.map((d, i) =>
        i === index ? { ...d, conclusion: agenda[index]?.conclusion ?? null } : d,
      );
      await db.execute(sql`
        UPDATE issued_documents SET model = ${JSON.stringify({ ...meeting.model, discussion })}::jsonb
        WHERE meeting_id = ${meeting.id} AND doc_type = 'BB'`);
    }
  }
  const data = {
    documentId: document.id,
    number: document.number,
    presenter,
    reason: passOnReason(document, meeting.date),
  };
  await db.execute(sql`
    INSERT INTO meeting_events (meeting_id, kind, data, actor_id, at)
    VALUES (${meeting.id}, 'document_passed_on', ${JSON.stringify(data)}::jsonb, ${account?.id ?? null}, ${at})`);
  await db.execute(sql`
    INSERT INTO audit_events (at, actor_id, actor_name, action, entity_type, entity_id, org_path, detail)
    VALUES (${at}, ${account?.id ?? null}, ${account?.username ?? 'system'}, 'meeting.document_passed_on',
      'meeting', ${String(meeting.id)}, ${meeting.orgPath}, ${JSON.stringify(data)}::jsonb)`);
}
