import { addressesCell, type PassedOnDto, type PassOnAddress, type PassOnDocumentDto } from '@nennep/core';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';

export interface PassOnDocRow extends PassOnAddress {
  id: number;
  orgId: number;
  orgPath: string;
  orgCode: string;
  orgName: string;
  number: string;
  title: string;
  issuedOn: string;
  passOnBy: string;
  fileName: string;
  size: number;
}

export interface AddressedCell {
  id: number;
  code: string;
  name: string;
  path: string;
  kind: string;
  category: string | null;
}

const DOC_COLUMNS = sql`d.id::int AS id, d.org_id::int AS "orgId", d.org_path AS "orgPath", o.code AS "orgCode",
  o.name AS "orgName", d.number, d.title, d.issued_on::text AS "issuedOn", d.pass_on_by::text AS "passOnBy",
  d.audience, d.cell_kinds AS "cellKinds", d.cell_categories AS "cellCategories", d.file_name AS "fileName",
  d.size`;

/** Documents matching `where` (over `d`, the document, and `o`, its committee), by due date. */
export function documentsWhere(db: Db, where: SQL, lock = false): Promise<PassOnDocRow[]> {
  return rows<PassOnDocRow>(
    db,
    sql`SELECT ${DOC_COLUMNS} FROM pass_on_documents d JOIN orgs o ON o.id = d.org_id
        WHERE ${where} ORDER BY d.pass_on_by, d.id ${lock ? sql`FOR SHARE OF d` : sql``}`,
  );
}

export async function findDocument(db: Db, id: number, lock = false): Promise<PassOnDocRow | null> {
  return (await documentsWhere(db, sql`d.id = ${id}`, lock))[0] ?? null;
}

/** The documents addressed to a cell: registered by a committee above it, for it. */
export async function documentsForCell(
  db: Db,
  cell: { path: string; kind: string; category: string | null },
): Promise<PassOnDocRow[]> {
  const found = await documentsWhere(
    db,
    sql`${cell.path} LIKE d.org_path || '%' AND d.org_path <> ${cell.path}`,
  );
  return found.filter((d) => addressesCell(d, cell));
}

/** The addressed active cells of a document's subtree, within these scopes (null: all of it). */
export async function addressedCells(
  db: Db,
  doc: PassOnDocRow,
  scopes: readonly string[] | null,
): Promise<AddressedCell[]> {
  if (scopes !== null && scopes.length === 0) return [];
  const within =
    scopes === null
      ? sql`TRUE`
      : sql`(${sql.join(
          scopes.map((s) => sql`path LIKE ${`${s}%`}`),
          sql` OR `,
        )})`;
  const cells = await rows<AddressedCell>(
    db,
    sql`SELECT id::int AS id, code, name, path, kind, category FROM orgs
        WHERE kind IN ('grassroots_cell', 'cell', 'party_group') AND status = 'active'
          AND path LIKE ${`${doc.orgPath}%`} AND path <> ${doc.orgPath} AND ${within}
        ORDER BY sort_key, id`,
  );
  return cells.filter((c) => addressesCell(doc, c));
}

/** Who passed documents on, per document and cell (`${documentId}:${orgId}`). */
export async function recordsOf(db: Db, documentIds: number[]): Promise<Map<string, PassedOnDto>> {
  if (documentIds.length === 0) return new Map();
  const found = await rows<PassedOnDto & { documentId: number; orgId: number }>(
    db,
    sql`SELECT document_id::int AS "documentId", org_id::int AS "orgId", meeting_id::int AS "meetingId",
          passed_on::text AS "passedOn", presenter, recorded_by_name AS "recordedBy"
        FROM pass_on_records WHERE document_id IN (${sql.join(
          documentIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
  return new Map(
    found.map(({ documentId, orgId, ...passed }) => [`${documentId}:${orgId}`, passed] as const),
  );
}

/** Each cell's next planned meeting (planned or prepared, today or later), as an ISO date. */
export async function nextMeetings(db: Db, orgIds: number[], today: string): Promise<Map<number, string>> {
  if (orgIds.length === 0) return new Map();
  const found = await rows<{ orgId: number; date: string }>(
    db,
    sql`SELECT org_id::int AS "orgId", min(scheduled_date)::text AS date FROM meetings
        WHERE status IN ('planned', 'prepared') AND scheduled_date >= ${today}
          AND org_id IN (${sql.join(
            orgIds.map((id) => sql`${id}`),
            sql`, `,
          )})
        GROUP BY org_id`,
  );
  return new Map(found.map((f) => [f.orgId, f.date]));
}

/** The DTO of a document; `passed` only in a cell's list. */
export function presentDocument(doc: PassOnDocRow, passed?: PassedOnDto | null): PassOnDocumentDto {
  return {
    id: doc.id,
    orgCode: doc.orgCode,
    orgName: doc.orgName,
    number: doc.number,
    title: doc.title,
    issuedOn: doc.issuedOn,
    passOnBy: doc.passOnBy,
    audience: doc.audience,
    cellKinds: doc.cellKinds,
    cellCategories: doc.cellCategories,
    fileName: doc.fileName,
    size: doc.size,
    fileUrl: `/api/documents-to-pass-on/${doc.id}/file`,
    ...(passed === undefined ? {} : { passed }),
  };
}
