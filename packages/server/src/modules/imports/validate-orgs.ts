/**
 * Validation of an organisations file. Rules, beyond each cell's own:
 * - a code appears once; a parent is in the file (earlier or later) or in the database, and active;
 * - the kind may stand under the parent's kind (core's isAllowedParent); the kind of an existing
 *   node never changes through an import;
 * - a row whose parent differs from the database's moves the node with its subtree, as moveOrg does
 *   (a node cannot go under itself: that is reported as a cycle); a blank parent never detaches an
 *   existing node;
 * - through the API (an actor): every existing node and every existing parent lies in the admin's
 *   subtrees, and new roots are left to the server command line.
 */
import {
  isAllowedParent,
  NAMING_LIMITS,
  normaliseOverrides,
  ORG_KIND_LABELS,
  type OrgCategory,
  type OrgKind,
  type OrgNamingOverrides,
} from '@nennep/core';
import { type Actor, can } from '../../http/access.ts';
import { ACCEPTED, parseCategory, parseKind } from './columns.ts';
import {
  cellReader,
  checkCode,
  checkLength,
  firstOccurrence,
  type ImportRecords,
  type OrgSnapshot,
  type Problems,
  problems,
  sortErrors,
} from './validate.ts';

const kindText = (kind: OrgKind | null) =>
  kind ? ORG_KIND_LABELS[kind] : { vi: 'gốc (không có cấp trên)', en: 'root (no parent)' };

export interface OrgCreate {
  row: number;
  code: string;
  name: string;
  kind: OrgKind;
  category: OrgCategory | null;
  parentCode: string | null;
  naming: OrgNamingOverrides;
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
  naming: OrgNamingOverrides;
  /** The words of the node (org-naming.ts) changed. */
  renamedWords: boolean;
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
  /** The naming columns the file holds (blank = back to the default); absent columns are left out. */
  naming: OrgNamingOverrides & { cleared: (keyof OrgNamingOverrides)[] };
  existing: OrgSnapshot | undefined;
}

/** Naming columns of the file and the override each fills, with its length limit. */
const NAMING_COLUMNS = [
  ['body_name', 'bodyName'],
  ['symbol', 'symbol'],
  ['place_name', 'placeName'],
  ['on_behalf', 'onBehalf'],
] as const;

function readNaming(
  p: Problems,
  row: number,
  cell: (key: string) => string | undefined,
): OrgRowFacts['naming'] {
  const out: OrgRowFacts['naming'] = { cleared: [] };
  for (const [column, field] of NAMING_COLUMNS) {
    const text = cell(column);
    if (text === undefined) continue;
    if (!text.trim()) {
      out.cleared.push(field);
      continue;
    }
    if (!checkLength(p, row, column, text, 1, NAMING_LIMITS[field])) continue;
    if (field === 'symbol' && !/^[\p{Lu}\p{N}-]+$/u.test(text.trim())) {
      p.add(
        row,
        column,
        `Ký hiệu "${text}" chỉ gồm chữ in hoa (như ĐU, TU, CB), chữ số và -.`,
        `Symbol "${text}": capital letters (as in ĐU, TU, CB), digits and - only.`,
      );
      continue;
    }
    out[field] = text;
  }
  return out;
}

/** The overrides after the file: the stored ones, with the file's columns put over them. */
function mergeNaming(stored: OrgNamingOverrides, file: OrgRowFacts['naming']): OrgNamingOverrides {
  const { cleared, ...given } = file;
  const merged: OrgNamingOverrides = { ...stored, ...given };
  for (const field of cleared) delete merged[field];
  return normaliseOverrides(merged);
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
    const kindCell = cell(r, 'kind') ?? '';
    const kind = kindCell ? parseKind(kindCell) : null;
    if (!kind) {
      if (kindCell)
        p.add(
          r.row,
          'kind',
          `Không rõ loại "${kindCell}"; dùng: ${ACCEPTED.kind?.vi}.`,
          `Unknown kind "${kindCell}"; use: ${ACCEPTED.kind?.en}.`,
        );
      else p.add(r.row, 'kind', 'Không được để trống.', 'Required.');
    }
    const categoryText = cell(r, 'category');
    let category: OrgCategory | null | undefined = categoryText === undefined ? undefined : null;
    if (categoryText) {
      category = parseCategory(categoryText);
      if (!category) {
        p.add(
          r.row,
          'category',
          `Không rõ loại hình "${categoryText}"; dùng: ${ACCEPTED.category?.vi}.`,
          `Unknown category "${categoryText}"; use: ${ACCEPTED.category?.en}.`,
        );
      }
    }
    const parentText = cell(r, 'parent_code');
    let parentCode: string | null | undefined = parentText === undefined ? undefined : null;
    if (parentText) parentCode = checkCode(p, r.row, 'parent_code', parentText) ?? undefined;
    if (!code || !firstOccurrence(p, seen, r.row, 'code', code)) continue;
    const existing = byCode.get(code);
    if (existing && existing.status !== 'active') {
      p.add(
        r.row,
        'code',
        `Tổ chức ${code} đã giải thể hoặc sáp nhập.`,
        `Organisation ${code} has been dissolved or merged.`,
      );
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
    const naming = readNaming(p, r.row, (key) => cell(r, key));
    facts.push({
      row: r.row,
      code,
      name,
      kind: existing?.kind ?? kind,
      category,
      parentCode,
      naming,
      existing,
    });
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
      p.add(
        f.row,
        'parent_code',
        `Vòng lặp cấp trên: ${loop.join(' → ')}.`,
        `Parent cycle: ${loop.join(' → ')}.`,
      );
    } else if (parentCode && f.kind) {
      const parentFacts = inFile.get(parentCode);
      const parentDb = byCode.get(parentCode);
      if (parentCode === f.code) {
        p.add(
          f.row,
          'parent_code',
          'Tổ chức không thể là cấp trên của chính nó.',
          'An organisation cannot be its own parent.',
        );
      } else if (!parentFacts && !parentDb) {
        p.add(
          f.row,
          'parent_code',
          `Không tìm thấy tổ chức cấp trên ${parentCode} (trong tệp hoặc trong hệ thống).`,
          `Parent ${parentCode} not found (in the file or the system).`,
        );
      } else if (parentDb && parentDb.status !== 'active') {
        p.add(
          f.row,
          'parent_code',
          `Tổ chức cấp trên ${parentCode} đã giải thể hoặc sáp nhập.`,
          `Parent ${parentCode} has been dissolved or merged.`,
        );
      } else {
        const parentKind = parentFacts?.kind ?? parentDb?.kind ?? null;
        if (parentKind && !isAllowedParent(f.kind, parentKind)) {
          const a = kindText(f.kind);
          const b = kindText(parentKind);
          p.add(
            f.row,
            'parent_code',
            `${a.vi} không thể trực thuộc ${b.vi.toLowerCase()} (${parentCode}).`,
            `A ${a.en.toLowerCase()} cannot stand under a ${b.en.toLowerCase()} (${parentCode}).`,
          );
        }
        // A parent created by the file is checked on its own row; an existing one by its current place.
        const anchor = parentFacts && !parentFacts.existing ? undefined : parentDb;
        if (actor && anchor && !can(actor, ['admin'], anchor.path)) {
          p.add(
            f.row,
            'parent_code',
            `Tổ chức cấp trên ${parentCode} nằm ngoài phạm vi bạn quản trị.`,
            `Parent ${parentCode} is outside your administration.`,
          );
        }
      }
    } else if (parentCode === null && f.kind) {
      if (!isAllowedParent(f.kind, null)) {
        p.add(
          f.row,
          'parent_code',
          `${kindText(f.kind).vi} cần có tổ chức cấp trên.`,
          `A ${kindText(f.kind).en.toLowerCase()} needs a parent.`,
        );
      } else if (actor && !f.existing) {
        p.add(
          f.row,
          'parent_code',
          'Chỉ có thể tạo tổ chức gốc bằng dòng lệnh trên máy chủ.',
          'Root organisations can only be created from the server command line.',
        );
      }
    }
    if (actor && f.existing && !can(actor, ['admin'], f.existing.path)) {
      p.add(
        f.row,
        'code',
        `Tổ chức ${f.code} nằm ngoài phạm vi bạn quản trị.`,
        `Organisation ${f.code} is outside your administration.`,
      );
    }
    if (rowsWithErrors.has(f.row) || p.errors.length > mark || !f.kind || f.name === null) continue;
    if (!f.existing) {
      plan.creates.push({
        row: f.row,
        code: f.code,
        name: f.name,
        kind: f.kind,
        category: f.category ?? null,
        parentCode: parentCode ?? null,
        naming: mergeNaming({}, f.naming),
      });
      continue;
    }
    const category = f.category === undefined ? f.existing.category : f.category;
    const currentParent = f.existing.parentId === null ? null : (byId.get(f.existing.parentId)?.code ?? null);
    const stored = normaliseOverrides(f.existing.naming);
    const naming = mergeNaming(stored, f.naming);
    const update: OrgUpdate = {
      row: f.row,
      org: f.existing,
      name: f.name,
      category,
      parentCode: parentCode ?? null,
      renamed: f.name !== f.existing.name,
      recategorized: category !== f.existing.category,
      moved: (parentCode ?? null) !== currentParent,
      naming,
      renamedWords: JSON.stringify(naming) !== JSON.stringify(stored),
    };
    if (update.renamed || update.recategorized || update.moved || update.renamedWords)
      plan.updates.push(update);
    else plan.unchanged++;
  }
  return { errors: sortErrors('orgs', p.errors), plan };
}
