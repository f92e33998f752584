/**
 * The member list as an .xlsx workbook in the import template's shape: the same columns, headers and words
 * (modules/imports/columns.ts), dates as date cells shown dd/mm/yyyy. Exporting a cell or a province and
 * importing the file back therefore changes nothing. Citizen ID and phone are not import columns, so they
 * never leave through this file. The birth date is one: it is written only for an actor who may read the
 * personal data of every member listed (the route records who exported what); for anyone else the column
 * is left out, so the file still imports back without touching stored birth dates.
 */
import type { MemberListQuery } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { type Actor, can } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { LIST_DATE, listSheet, newWorkbook, xlsxBytes } from '../documents/workbook.ts';
import {
  type ColumnSpec,
  ENDED_STATUS_LABELS,
  MEMBER_COLUMNS,
  POSITION_LABELS,
  SEX_LABELS,
  STATUS_LABELS,
} from '../imports/columns.ts';
import { MEMBER_WRITERS } from './policy.ts';
import { memberFilter } from './queries.ts';

export interface ExportRow {
  member_code: string;
  full_name: string;
  sex: string;
  birth_date: string | null;
  org_code: string;
  status: string;
  admission_date: string;
  official_date: string | null;
  position: string;
  party_card_no: string | null;
  exempt_from: string | null;
  notes: string | null;
}

const PERSONAL = new Set(['birth_date']);

/**
 * The import's member columns an actor's export holds: all of them when the actor may read the personal
 * data of the whole list (a writer on every scope), otherwise all but the personal ones.
 */
export function exportColumns(actor: Actor, scopes: string[]): readonly ColumnSpec[] {
  const personal = scopes.length > 0 && scopes.every((scope) => can(actor, MEMBER_WRITERS, scope));
  return personal ? MEMBER_COLUMNS : MEMBER_COLUMNS.filter((c) => !PERSONAL.has(c.key));
}

/** Every member matching a filter (bounded), in Vietnamese name order, with the given import columns. */
export function exportMembers(
  db: Db,
  scopes: string[],
  query: Omit<MemberListQuery, 'page' | 'pageSize'>,
  today: string,
  columns: readonly ColumnSpec[],
  limit = 200_000,
): Promise<ExportRow[]> {
  const birth = columns.some((c) => c.key === 'birth_date') ? sql`m.birth_date::text` : sql`NULL`;
  return rows<ExportRow>(
    db,
    sql`SELECT m.member_code, m.full_name, m.sex, ${birth} AS birth_date, o.code AS org_code, m.status,
          m.admission_date::text AS admission_date, m.official_date::text AS official_date, m.position,
          m.party_card_no, m.exempt_from::text AS exempt_from, m.notes
        FROM members m JOIN orgs o ON o.id = m.org_id
        WHERE ${memberFilter(scopes, query, today)} ORDER BY m.sort_key, m.member_code LIMIT ${limit}`,
  );
}

const WORDS: Record<string, Record<string, string>> = {
  sex: SEX_LABELS,
  status: { ...STATUS_LABELS, ...ENDED_STATUS_LABELS },
  position: POSITION_LABELS,
};

/** A date cell: midnight UTC of the day, which Excel shows as that day whatever the reader's zone. */
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A member list as an .xlsx workbook with these columns, in the order given. */
export async function membersWorkbook(list: ExportRow[], columns: readonly ColumnSpec[]): Promise<Buffer> {
  const workbook = newWorkbook(LIST_DATE);
  const sheet = listSheet(
    workbook,
    'Đảng viên',
    columns.map((c) => ({
      header: c.vi,
      key: c.key,
      width: c.key === 'full_name' ? 28 : c.key === 'notes' ? 30 : Math.max(14, c.vi.length + 4),
      style: c.date ? { numFmt: 'dd/mm/yyyy' } : {},
    })),
  );
  for (const member of list) {
    const values: Record<string, string | Date | null> = {};
    for (const column of columns) {
      const value = member[column.key as keyof ExportRow];
      if (value === null || value === '') values[column.key] = null;
      else if (column.date) values[column.key] = day(value);
      else values[column.key] = WORDS[column.key]?.[value] ?? value;
    }
    sheet.addRow(values);
  }
  return xlsxBytes(workbook);
}

/** Records who exported which member list and which columns (Decree 13/2023/NĐ-CP: personal data leaves logged). */
export async function recordExport(
  db: Db,
  actor: Actor,
  list: { orgCode: string | undefined; scopes: string[]; rows: number; columns: readonly ColumnSpec[] },
) {
  await db.transaction((tx) =>
    audit(tx, actor, {
      action: 'member.exported',
      entityType: 'member_list',
      entityId: list.orgCode ?? '*',
      orgPath: list.scopes[0] ?? '/',
      detail: { rows: list.rows, fields: list.columns.map((c) => c.key) },
    }),
  );
}
