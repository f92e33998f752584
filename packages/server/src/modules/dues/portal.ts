/**
 * The National Public Service Portal's statement of dues (QĐ 01-QĐ/TW of 03/02/2026: dues are paid monthly
 * through the portal or in cash to the cell; issue 16 point 3). Step 1 reads the headers and suggests a
 * mapping (core `suggestPortalMapping`); step 2 matches each row to a member of the subtree — by member code
 * or party card number, else by citizen ID, else by full name and date of birth when unique — and shows the
 * amount against the month's due; step 3 writes the matched rows as payments of channel `portal`, all or
 * none, in one transaction with an audit event. Rows not matched are reported, never written.
 * Duplicates: the payments table keeps a `note`, where the portal's transaction ID is written; a line is a
 * duplicate when its transaction ID was imported before, or (either side without an ID) when the same member,
 * month, amount, day and channel `portal` were recorded before — or earlier in the same file.
 * No personal data is logged: the audit event counts rows only.
 */
import {
  addMonths,
  dueFor,
  foldForSearch,
  type Locale,
  monthOfDate,
  PORTAL_FIELDS,
  PORTAL_REASONS,
  type PortalField,
  type PortalMapping,
  type PortalMatchedRowDto,
  type PortalPreviewDto,
  type PortalReason,
  type PortalRow,
  type PortalUnmatchedRowDto,
  parsePortalRow,
  portalMappingErrors,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { invalidField } from '../../http/errors.ts';
import type { ImportLimits } from '../imports/limits.ts';
import { FileError, parseSpreadsheet, type Sheet } from '../imports/parse.ts';
import { basesOf, type DuesMemberRow, duesRuleSetsFor, duesRulesOf, paidSoFar } from './queries.ts';

/** A statement is a cell's or a committee's months of payments: far fewer rows than a members file. */
export const PORTAL_MAX_ROWS = 20_000;

/** The note a portal payment carries: where its transaction ID is kept (no column of its own: no migration). */
export const PORTAL_NOTE = 'Sao kê Cổng Dịch vụ công quốc gia';
export const portalNote = (transactionId: string | null) =>
  transactionId ? `${PORTAL_NOTE}, mã giao dịch ${transactionId}` : PORTAL_NOTE;

/** Reads the file within the import limits (413 / 400 on `file` beyond them; 400 on `file` if unreadable). */
export async function readPortalSheet(
  buffer: Buffer,
  fileName: string,
  limits: ImportLimits,
): Promise<Sheet> {
  try {
    return await parseSpreadsheet(buffer, fileName, {
      ...limits,
      maxRows: Math.min(limits.maxRows, PORTAL_MAX_ROWS),
    });
  } catch (error) {
    if (error instanceof FileError) throw invalidField('file', error.text);
    throw error;
  }
}

/**
 * The user's mapping: one field key per file column, comma-separated, an empty place for a column left out
 * (as the members import takes it). 400 naming the field when it is not a usable mapping.
 */
export function mappingOf(columns: string, header: readonly string[]): PortalMapping {
  const keys = columns.split(',').map((k) => k.trim());
  if (keys.length > header.length)
    throw invalidField('columns', {
      vi: `Tệp có ${header.length} cột nhưng cách ghép cột có ${keys.length}.`,
      en: `The file has ${header.length} columns but the mapping names ${keys.length}.`,
    });
  const mapping: PortalMapping = header.map((_, i) => {
    const key = keys[i] ?? '';
    if (key === '') return null;
    if (!(PORTAL_FIELDS as readonly string[]).includes(key))
      throw invalidField('columns', {
        vi: `Không có trường "${key}" để ghép cột; các trường: ${PORTAL_FIELDS.join(', ')}.`,
        en: `There is no field "${key}" to map; the fields: ${PORTAL_FIELDS.join(', ')}.`,
      });
    return key as PortalField;
  });
  const [first] = portalMappingErrors(mapping);
  if (first) throw invalidField(first.field, first.message);
  return mapping;
}

/** A member as the matching reads it. */
interface PortalMember extends DuesMemberRow {
  partyCardNo: string | null;
  citizenId: string | null;
  birthDate: string | null;
  searchText: string;
}

const jsonList = (list: readonly string[]) =>
  sql`(SELECT jsonb_array_elements_text(${JSON.stringify(list)}::jsonb))`;

/** The subtree's members any row may name (one parameter a list), locked for the commit in id order. */
function membersNamed(db: Db, path: string, parsed: PortalRow[], lock: boolean) {
  const list = (pick: (r: PortalRow) => string | null) => [
    ...new Set(parsed.map(pick).filter((v): v is string => v !== null)),
  ];
  const codes = list((r) => r.memberCode);
  return rows<PortalMember>(
    db,
    sql`SELECT m.id::int AS id, m.member_code AS code, m.full_name AS name, m.org_id::int AS "orgId",
          m.org_path AS "orgPath", m.status, m.admission_date::text AS "admissionDate",
          m.party_card_no AS "partyCardNo", m.citizen_id AS "citizenId", m.birth_date::text AS "birthDate",
          m.search_text AS "searchText"
        FROM members m
        WHERE m.org_path LIKE ${`${path}%`}
          AND (m.member_code IN ${jsonList(codes)} OR m.party_card_no IN ${jsonList(codes)}
            OR m.party_card_no IN ${jsonList(list((r) => r.partyCardNo))}
            OR regexp_replace(coalesce(m.citizen_id, ''), '[\\s.-]', '', 'g') IN ${jsonList(list((r) => r.citizenId))}
            OR m.search_text IN ${jsonList(list((r) => (r.fullName ? foldForSearch(r.fullName) : null)))})
        ORDER BY m.id ${lock ? sql`FOR UPDATE OF m` : sql``}`,
  );
}

type Found =
  | { member: PortalMember; by: PortalMatchedRowDto['matchedBy'] }
  | { reason: PortalReason; field: string };

/** The member a row names: code (or card number), else citizen ID, else name and birth date if unique. */
function find(row: PortalRow, members: PortalMember[]): Found {
  if (row.memberCode) {
    const byCode = members.find((m) => m.code === row.memberCode);
    if (byCode) return { member: byCode, by: 'member_code' };
    const byCard = members.find((m) => m.partyCardNo === row.memberCode);
    if (byCard) return { member: byCard, by: 'party_card_no' };
  }
  if (row.partyCardNo) {
    const byCard = members.find((m) => m.partyCardNo === row.partyCardNo);
    if (byCard) return { member: byCard, by: 'party_card_no' };
  }
  if (row.citizenId) {
    const id = row.citizenId;
    const byId = members.find((m) => (m.citizenId ?? '').replace(/[\s.-]/g, '') === id);
    if (byId) return { member: byId, by: 'citizen_id' };
  }
  if (row.fullName && row.birthDate) {
    const name = foldForSearch(row.fullName);
    const same = members.filter((m) => m.searchText === name && m.birthDate === row.birthDate);
    if (same.length > 1) return { reason: 'ambiguous_member', field: 'full_name' };
    const [only] = same;
    if (only) return { member: only, by: 'name_birth' };
  }
  const field = row.memberCode
    ? 'member_code'
    : row.partyCardNo
      ? 'party_card_no'
      : row.citizenId
        ? 'citizen_id'
        : 'full_name';
  return { reason: 'unknown_member', field };
}

/** The portal payments already recorded for these members, as duplicate keys. */
async function recordedKeys(db: Db, members: PortalMember[]) {
  const ids = members.map((m) => String(m.id));
  const found = await rows<{
    memberId: number;
    month: string;
    paid: number;
    paidOn: string;
    note: string | null;
  }>(
    db,
    sql`SELECT member_id::int AS "memberId", month, paid_vnd::float8 AS paid, paid_on::text AS "paidOn", note
        FROM dues_payments WHERE channel = 'portal' AND member_id::text IN ${jsonList(ids)}`,
  );
  const keys = new Keys();
  const prefix = `${PORTAL_NOTE}, mã giao dịch `;
  for (const f of found) {
    const ref = f.note?.startsWith(prefix) ? f.note.slice(prefix.length) : null;
    keys.add(ref, `${f.memberId}|${f.month}|${f.paid}|${f.paidOn}`);
  }
  return keys;
}

/** Transaction IDs and (member, month, amount, day) tuples seen; a tuple counts against lines without an ID. */
class Keys {
  private refs = new Set<string>();
  private tuples = new Map<string, boolean>();
  add(ref: string | null, tuple: string) {
    if (ref) this.refs.add(ref);
    this.tuples.set(tuple, (this.tuples.get(tuple) ?? false) || ref === null);
  }
  has(ref: string | null, tuple: string) {
    if (ref) return this.refs.has(ref) || this.tuples.get(tuple) === true;
    return this.tuples.has(tuple);
  }
}

/** A matched row with its member, ready to be written. */
export interface PortalPlanned extends PortalMatchedRowDto {
  member: DuesMemberRow;
}

/**
 * Matches a statement's rows to the members of the subtree `path` as of `today` (the commit passes `lock`:
 * the members' rows are held until it ends, so a second import of the same statement waits and then finds
 * the first one's payments).
 */
export async function matchPortal(
  db: Db,
  path: string,
  sheet: Sheet,
  mapping: PortalMapping,
  today: string,
  locale: Locale,
  lock: boolean,
): Promise<{ planned: PortalPlanned[]; unmatched: PortalUnmatchedRowDto[] }> {
  const unmatched: PortalUnmatchedRowDto[] = [];
  const fail = (row: number, field: string, reason: PortalReason) =>
    unmatched.push({ row, field, reason, message: PORTAL_REASONS[reason][locale] });
  const parsed: { row: number; value: PortalRow }[] = [];
  for (const r of sheet.rows) {
    const cells: Partial<Record<PortalField, string>> = {};
    mapping.forEach((field, i) => {
      if (field) cells[field] = r.cells[i] ?? '';
    });
    const result = parsePortalRow(cells);
    if (result.ok) parsed.push({ row: r.row, value: result.value });
    else fail(r.row, result.field, result.reason);
  }
  const members = await membersNamed(
    db,
    path,
    parsed.map((p) => p.value),
    lock,
  );
  const keys = await recordedKeys(db, members);
  const found = parsed.map((p) => ({ ...p, found: find(p.value, members) }));
  const matchedMembers = [
    ...new Map(
      found.flatMap((f) => ('member' in f.found ? [[f.found.member.id, f.found.member]] : [])),
    ).values(),
  ] as PortalMember[];
  const bases = await basesOf(db, matchedMembers);
  const candidates = await duesRuleSetsFor(db, path);
  const before = await paidSoFar(
    db,
    found.flatMap((f) => ('member' in f.found ? [{ member: f.found.member, month: f.value.month }] : [])),
  );
  const planned: PortalPlanned[] = [];
  for (const { row, value, found: hit } of found) {
    if (!('member' in hit)) {
      fail(row, hit.field, hit.reason);
      continue;
    }
    const { member } = hit;
    // Only official and probationary members owe dues (domain.md §2); membership starts at admission.
    if (member.status !== 'official' && member.status !== 'probationary') {
      fail(row, hit.by === 'name_birth' ? 'full_name' : hit.by, 'inactive');
      continue;
    }
    if (value.month < monthOfDate(member.admissionDate)) {
      fail(row, 'month', 'before_admission');
      continue;
    }
    // QĐ 01-QĐ/TW Điều 5 khoản 2: paying ahead is allowed; as the cash import, at most 12 months ahead.
    if (value.month > addMonths(monthOfDate(today), 12)) {
      fail(row, 'month', 'too_far_ahead');
      continue;
    }
    if (value.paidOn > today) {
      fail(row, 'paid_on', 'future_date');
      continue;
    }
    const tuple = `${member.id}|${value.month}|${value.paidVnd}|${value.paidOn}`;
    if (keys.has(value.transactionId, tuple)) {
      fail(row, value.transactionId ? 'transaction_id' : 'paid_vnd', 'duplicate');
      continue;
    }
    keys.add(value.transactionId, tuple);
    const rules = duesRulesOf(candidates, member.orgPath, value.month);
    const basis = bases.get(member.id) ?? { admissionDate: member.admissionDate, bases: [] };
    planned.push({
      row,
      member,
      memberCode: member.code,
      fullName: member.name,
      matchedBy: hit.by,
      month: value.month,
      paidVnd: value.paidVnd,
      paidOn: value.paidOn,
      transactionId: value.transactionId,
      dueVnd: dueFor(basis, value.month, rules).dueVnd,
      paidBeforeVnd: before.get(`${member.id}|${value.month}`) ?? 0,
    });
  }
  unmatched.sort((a, b) => a.row - b.row);
  return { planned, unmatched };
}

/** The preview as the API answers it (the member rows left out). */
export function previewOf(
  fileName: string,
  total: number,
  planned: PortalPlanned[],
  unmatched: PortalUnmatchedRowDto[],
): PortalPreviewDto {
  return {
    fileName,
    total,
    matched: planned.map(({ member: _member, ...row }) => row),
    unmatched,
    totalVnd: planned.reduce((sum, p) => sum + p.paidVnd, 0),
  };
}
