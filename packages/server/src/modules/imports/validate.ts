/**
 * Checks every row of an import against the file itself and the database, in memory (Maps, no query
 * per row), and turns a valid file into a plan of creates and updates. Pure: the snapshots come in.
 */
import { isAllowedParent, ORG_KIND_LABELS, type OrgCategory, type OrgKind, type Position } from '@nennep/core';
import { type Actor, can } from '../../http/access.ts';
import type { Bilingual } from '../../http/errors.ts';
import { ACCEPTED, columnsOf, type ImportKind, matchHeader, parseCategory, parseKind } from './columns.ts';
import type { Sheet, SheetRow } from './parse.ts';

export interface ImportError {
  row: number;
  field: string;
  message: Bilingual;
}

/** Rows of a file with their cells in the order of `keys` (the recognised columns, canonical order). */
export interface ImportRecords {
  kind: ImportKind;
  keys: string[];
  rows: SheetRow[];
}

export interface OrgSnapshot {
  id: number;
  code: string;
  name: string;
  kind: OrgKind;
  category: string | null;
  parentId: number | null;
  path: string;
  status: string;
}

export interface Problems {
  errors: ImportError[];
  add(row: number, field: string, vi: string, en: string): void;
}

export function problems(): Problems {
  const errors: ImportError[] = [];
  return { errors, add: (row, field, vi, en) => errors.push({ row, field, message: { vi, en } }) };
}

/** Maps the header to known columns and reorders every row's cells accordingly. */
export function toRecords(kind: ImportKind, sheet: Sheet): { records: ImportRecords; errors: ImportError[] } {
  const match = matchHeader(kind, sheet.header);
  const keys = columnsOf(kind)
    .map((c) => c.key)
    .filter((k) => match.keys.includes(k));
  const from = keys.map((k) => match.keys.indexOf(k));
  const rows = sheet.rows.map((r) => ({ row: r.row, cells: from.map((i) => (r.cells[i] ?? '').trim()) }));
  return { records: { kind, keys, rows }, errors: match.errors.map((e) => ({ row: 1, ...e })) };
}

/** Reads cells by column key: `undefined` when the file has no such column. */
export function cellReader(records: ImportRecords) {
  const index = new Map(records.keys.map((k, i) => [k, i]));
  return (row: SheetRow, key: string): string | undefined => {
    const i = index.get(key);
    return i === undefined ? undefined : (row.cells[i] ?? '');
  };
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A code cell: required, ≤ 40 characters, unaccented letters, digits and . _ - */
export function checkCode(p: Problems, row: number, field: string, value: string | undefined): string | null {
  if (!value) {
    p.add(row, field, 'Không được để trống.', 'Required.');
    return null;
  }
  if (value.length > 40 || !CODE.test(value)) {
    p.add(
      row,
      field,
      `Mã "${value}" không hợp lệ: tối đa 40 ký tự, chỉ gồm chữ không dấu, chữ số và . _ -`,
      `Code "${value}" is invalid: at most 40 characters, unaccented letters, digits and . _ - only.`,
    );
    return null;
  }
  return value;
}

export function checkLength(p: Problems, row: number, field: string, value: string, min: number, max: number) {
  if (value.length < min) {
    p.add(row, field, min <= 1 ? 'Không được để trống.' : `Cần ít nhất ${min} ký tự.`, min <= 1 ? 'Required.' : `At least ${min} characters.`);
    return false;
  }
  if (value.length > max) {
    p.add(row, field, `Dài quá ${max} ký tự.`, `Longer than ${max} characters.`);
    return false;
  }
  return true;
}

/** Reports a repeated code; returns false for the second and later rows. */
export function firstOccurrence(p: Problems, seen: Map<string, number>, row: number, field: string, code: string) {
  const earlier = seen.get(code);
  if (earlier !== undefined) {
    p.add(row, field, `Mã ${code} trùng với dòng ${earlier}.`, `Code ${code} repeats row ${earlier}.`);
    return false;
  }
  seen.set(code, row);
  return true;
}

const kindText = (kind: OrgKind | null) =>
  kind ? ORG_KIND_LABELS[kind] : { vi: 'gốc (không có cấp trên)', en: 'root (no parent)' };

// ---------------------------------------------------------------- organisations

export interface OrgCreate {
  row: number;
  code: string;
  name: string;
  kind: OrgKind;
  category: OrgCategory | null;
  parentCode: string | null;
}

export interface OrgUpdate {
  row: number;
  org: OrgSnapshot;
  name: string;
  category: string | null;
  parentCode: string | null;
  renamed: boolean;
  recategorized: boolean;
  moved: boolean;
}

export interface OrgPlan {
  creates: OrgCreate[];
  updates: OrgUpdate[];
  unchanged: number;
}

interface OrgRowFacts {
  row: number;
  code: string;
  name: string | null;
  kind: OrgKind | null;
  category: OrgCategory | null | undefined;
  parentCode: string | null | undefined;
  existing: OrgSnapshot | undefined;
}

/** Reads each row on its own: codes, names, kinds, categories. */
function readOrgRows(records: ImportRecords, byCode: Map<string, OrgSnapshot>, p: Problems) {
  const cell = cellReader(records);
  const seen = new Map<string, number>();
  const facts: OrgRowFacts[] = [];
  for (const r of records.rows) {
    const code = checkCode(p, r.row, 'code', cell(r, 'code'));
    const nameText = cell(r, 'name') ?? '';
    const name = checkLength(p, r.row, 'name', nameText, 1, 200) ? nameText : null;
    const kindText = cell(r, 'kind') ?? '';
    const kind = kindText ? parseKind(kindText) : null;
    if (!kind) {
      if (kindText) p.add(r.row, 'kind', `Không rõ loại "${kindText}"; dùng: ${ACCEPTED.kind?.vi}.`, `Unknown kind "${kindText}"; use: ${ACCEPTED.kind?.en}.`);
      else p.add(r.row, 'kind', 'Không được để trống.', 'Required.');
    }
    const categoryText = cell(r, 'category');
    let category: OrgCategory | null | undefined = categoryText === undefined ? undefined : null;
    if (categoryText) {
      category = parseCategory(categoryText);
      if (!category) {
        p.add(r.row, 'category', `Không rõ loại hình "${categoryText}"; dùng: ${ACCEPTED.category?.vi}.`, `Unknown category "${categoryText}"; use: ${ACCEPTED.category?.en}.`);
      }
    }
    const parentText = cell(r, 'parent_code');
    let parentCode: string | null | undefined = parentText === undefined ? undefined : null;
    if (parentText) parentCode = checkCode(p, r.row, 'parent_code', parentText) ?? undefined;
    if (!code || !firstOccurrence(p, seen, r.row, 'code', code)) continue;
    const existing = byCode.get(code);
    if (existing && existing.status !== 'active') {
      p.add(r.row, 'code', `Tổ chức ${code} đã giải thể hoặc sáp nhập.`, `Organisation ${code} has been dissolved or merged.`);
    }
    if (existing && kind && existing.kind !== kind) {
      p.add(
        r.row,
        'kind',
        `Không thể đổi loại của tổ chức ${code} (${ORG_KIND_LABELS[existing.kind].vi} → ${ORG_KIND_LABELS[kind].vi}).`,
        `The kind of ${code} cannot change (${existing.kind} → ${kind}).`,
      );
    }
    if (existing && existing.parentId !== null && parentCode === null) {
      p.add(
        r.row,
        'parent_code',
        `Tổ chức ${code} đang có cấp trên: hãy ghi mã cấp trên (hoặc mã mới để chuyển).`,
        `Organisation ${code} has a parent: give its code (or a new one to move it).`,
      );
      parentCode = undefined;
    }
    facts.push({ row: r.row, code, name, kind: existing?.kind ?? kind, category, parentCode, existing });
  }
  return facts;
}

/**
 * Validates an organisations file. Parents may be defined later in the file or exist in the database;
 * a parent that differs from the database's is a move (moveOrg's rules: same kind rules, no cycle).
 */
export function validateOrgs(records: ImportRecords, orgs: OrgSnapshot[], actor: Actor | null) {
  const p = problems();
  const byCode = new Map(orgs.map((o) => [o.code, o]));
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const facts = readOrgRows(records, byCode, p);
  const inFile = new Map(facts.map((f) => [f.code, f]));
  const parentOf = (code: string): string | null | undefined => {
    const f = inFile.get(code);
    if (f && f.parentCode !== undefined) return f.parentCode;
    const o = byCode.get(code);
    if (!o) return undefined;
    return o.parentId === null ? null : (byId.get(o.parentId)?.code ?? null);
  };

  // Cycles: follow final parents; a walk that meets itself marks the loop.
  const settled = new Set<string>();
  const inCycle = new Map<string, string[]>();
  for (const f of facts) {
    const trail: string[] = [];
    const onTrail = new Set<string>();
    let current: string | null | undefined = f.code;
    while (current && !settled.has(current)) {
      if (onTrail.has(current)) {
        const loop = trail.slice(trail.indexOf(current));
        for (const code of loop) inCycle.set(code, [...loop, current]);
        break;
      }
      trail.push(current);
      onTrail.add(current);
      current = parentOf(current);
    }
    for (const code of trail) settled.add(code);
  }

  const plan: OrgPlan = { creates: [], updates: [], unchanged: 0 };
  const rowsWithErrors = new Set(p.errors.map((e) => e.row));
  for (const f of facts) {
    const mark = p.errors.length;
    const parentCode = f.parentCode === undefined ? parentOf(f.code) : f.parentCode;
    const loop = inCycle.get(f.code);
    if (loop) {
      p.add(f.row, 'parent_code', `Vòng lặp cấp trên: ${loop.join(' → ')}.`, `Parent cycle: ${loop.join(' → ')}.`);
    } else if (parentCode && f.kind) {
      const parentFacts = inFile.get(parentCode);
      const parentDb = byCode.get(parentCode);
      if (parentCode === f.code) {
        p.add(f.row, 'parent_code', 'Tổ chức không thể là cấp trên của chính nó.', 'An organisation cannot be its own parent.');
      } else if (!parentFacts && !parentDb) {
        p.add(f.row, 'parent_code', `Không tìm thấy tổ chức cấp trên ${parentCode} (trong tệp hoặc trong hệ thống).`, `Parent ${parentCode} not found (in the file or the system).`);
      } else if (parentDb && parentDb.status !== 'active') {
        p.add(f.row, 'parent_code', `Tổ chức cấp trên ${parentCode} đã giải thể hoặc sáp nhập.`, `Parent ${parentCode} has been dissolved or merged.`);
      } else {
        const parentKind = parentFacts?.kind ?? parentDb?.kind ?? null;
        if (parentKind && !isAllowedParent(f.kind, parentKind)) {
          const a = kindText(f.kind);
          const b = kindText(parentKind);
          p.add(f.row, 'parent_code', `${a.vi} không thể trực thuộc ${b.vi.toLowerCase()} (${parentCode}).`, `A ${a.en.toLowerCase()} cannot stand under a ${b.en.toLowerCase()} (${parentCode}).`);
        }
        // A parent created by the file is checked on its own row; an existing one by its current place.
        const anchor = parentFacts && !parentFacts.existing ? undefined : parentDb;
        if (actor && anchor && !can(actor, ['admin'], anchor.path)) {
          p.add(f.row, 'parent_code', `Tổ chức cấp trên ${parentCode} nằm ngoài phạm vi bạn quản trị.`, `Parent ${parentCode} is outside your administration.`);
        }
      }
    } else if (parentCode === null && f.kind) {
      if (!isAllowedParent(f.kind, null)) {
        p.add(f.row, 'parent_code', `${kindText(f.kind).vi} cần có tổ chức cấp trên.`, `A ${kindText(f.kind).en.toLowerCase()} needs a parent.`);
      } else if (actor && !f.existing) {
        p.add(f.row, 'parent_code', 'Chỉ có thể tạo tổ chức gốc bằng dòng lệnh trên máy chủ.', 'Root organisations can only be created from the server command line.');
      }
    }
    if (actor && f.existing && !can(actor, ['admin'], f.existing.path)) {
      p.add(f.row, 'code', `Tổ chức ${f.code} nằm ngoài phạm vi bạn quản trị.`, `Organisation ${f.code} is outside your administration.`);
    }
    if (rowsWithErrors.has(f.row) || p.errors.length > mark || !f.kind || f.name === null) continue;
    if (!f.existing) {
      plan.creates.push({ row: f.row, code: f.code, name: f.name, kind: f.kind, category: f.category ?? null, parentCode: parentCode ?? null });
      continue;
    }
    const category = f.category === undefined ? f.existing.category : f.category;
    const currentParent = f.existing.parentId === null ? null : (byId.get(f.existing.parentId)?.code ?? null);
    const update: OrgUpdate = {
      row: f.row,
      org: f.existing,
      name: f.name,
      category,
      parentCode: parentCode ?? null,
      renamed: f.name !== f.existing.name,
      recategorized: category !== f.existing.category,
      moved: (parentCode ?? null) !== currentParent,
    };
    if (update.renamed || update.recategorized || update.moved) plan.updates.push(update);
    else plan.unchanged++;
  }
  return { errors: p.errors, plan };
}

// ---------------------------------------------------------------- members

export interface MemberValues {
  memberCode: string;
  fullName: string;
  sex: 'male' | 'female';
  birthDate: string | null;
  orgId: number;
  orgCode: string;
  orgPath: string;
  status: string;
  admissionDate: string;
  officialDate: string | null;
  position: Position | string;
  partyCardNo: string | null;
  exemptFrom: string | null;
  notes: string | null;
}

export interface MemberSnapshot extends MemberValues {
  id: number;
}

export interface MemberUpdate {
  row: number;
  before: MemberSnapshot;
  after: MemberValues;
  /** Fields (column keys) whose value changes. */
  changed: string[];
}

export interface MemberPlan {
  creates: (MemberValues & { row: number })[];
  updates: MemberUpdate[];
  unchanged: number;
}

/** Column key ↔ value field, for comparing a row with the stored member. */
export const MEMBER_FIELDS: readonly [string, keyof MemberValues][] = [
  ['full_name', 'fullName'],
  ['sex', 'sex'],
  ['birth_date', 'birthDate'],
  ['org_code', 'orgId'],
  ['status', 'status'],
  ['admission_date', 'admissionDate'],
  ['official_date', 'officialDate'],
  ['position', 'position'],
  ['party_card_no', 'partyCardNo'],
  ['exempt_from', 'exemptFrom'],
  ['notes', 'notes'],
];
