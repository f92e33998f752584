import { canHoldMembers, checkMemberFacts, ORG_KIND_LABELS, type Position } from '@nennep/core';
import { type Actor, can } from '../../http/access.ts';
import { MEMBER_WRITERS } from '../members/policy.ts';
import { ACCEPTED, parsePosition, parseSex, parseStatus } from './columns.ts';
import { type DateReading, readDate } from './dates.ts';
import { cellsByName, findCell } from './member-cells.ts';
import type { SheetRow } from './parse.ts';
import {
  cellReader,
  checkCode,
  checkLength,
  firstOccurrence,
  type ImportError,
  type ImportRecords,
  type OrgSnapshot,
  type Problems,
  problems,
  sortErrors,
} from './validate.ts';

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

const ENDED: Record<string, { vi: string; en: string }> = {
  removed: { vi: 'đã bị xóa tên', en: 'has been removed' },
  expelled: { vi: 'đã bị khai trừ', en: 'has been expelled' },
  deceased: { vi: 'đã từ trần', en: 'is deceased' },
};

/** The cell a member is placed in: it must hold members, be active and (API) be in scope. */
function checkCell(p: Problems, row: number, org: OrgSnapshot, actor: Actor | null) {
  const { code } = org;
  if (!canHoldMembers(org.kind)) {
    const kind = ORG_KIND_LABELS[org.kind];
    p.add(
      row,
      'org_code',
      `${code} là ${kind.vi.toLowerCase()}, không phải chi bộ: đảng viên chỉ sinh hoạt ở chi bộ hoặc tổ đảng.`,
      `${code} is a ${kind.en.toLowerCase()}, not a cell: members belong to cells and party groups only.`,
    );
    return null;
  }
  if (org.status !== 'active') {
    p.add(
      row,
      'org_code',
      `Chi bộ ${code} đã giải thể hoặc sáp nhập.`,
      `Cell ${code} has been dissolved or merged.`,
    );
    return null;
  }
  if (actor && !can(actor, MEMBER_WRITERS, org.path)) {
    p.add(
      row,
      'org_code',
      `Chi bộ ${code} nằm ngoài phạm vi bạn quản lý.`,
      `Cell ${code} is outside your scope.`,
    );
    return null;
  }
  return org;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Fast path for `yyyy-mm-dd` (what date cells become): the date when valid, null when not a real date
 * (same rules as dates.ts), undefined for any other shape.
 */
function isoDate(text: string): string | null | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  for (let i = 0; i < 10; i++) {
    const c = text.charCodeAt(i);
    if (i !== 4 && i !== 7 && (c < 48 || c > 57)) return undefined;
  }
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0;
  return day > (DAYS_IN_MONTH[month - 1] ?? 31) + leap ? null : text;
}

/** Reads the cells of the current row; methods rather than per-row closures (100,000 rows). */
class RowReader {
  at: SheetRow = { row: 0, cells: [] };
  private readonly dates = new Map<string, DateReading>();
  constructor(
    private readonly p: Problems,
    private readonly cell: (row: SheetRow, key: string) => string | undefined,
  ) {}

  /** undefined: no such column; null: empty; false: not a date. */
  date(key: string, required = false): string | null | undefined | false {
    const text = this.cell(this.at, key);
    if (text === undefined || text === '') {
      if (required) this.p.add(this.at.row, key, 'Không được để trống.', 'Required.');
      return text === undefined ? undefined : null;
    }
    const iso = isoDate(text);
    if (iso) return iso;
    let reading = this.dates.get(text);
    if (reading === undefined) {
      reading = readDate(text);
      if (this.dates.size < 10_000) this.dates.set(text, reading);
    }
    if ('problem' in reading) {
      this.p.add(this.at.row, key, reading.problem.vi, reading.problem.en);
      return false;
    }
    return reading.iso;
  }

  coded<T>(key: string, parse: (text: string) => T | null, required: boolean): T | null | undefined {
    const text = this.cell(this.at, key);
    if (text === undefined || text === '') {
      if (required) this.p.add(this.at.row, key, 'Không được để trống.', 'Required.');
      return text === undefined ? undefined : null;
    }
    const value = parse(text);
    if (value === null) {
      const accepted = ACCEPTED[key];
      this.p.add(
        this.at.row,
        key,
        `Giá trị "${text}" không hợp lệ; dùng: ${accepted?.vi}.`,
        `Invalid value "${text}"; use: ${accepted?.en}.`,
      );
    }
    return value;
  }

  text(key: string, max: number): string | null | undefined {
    const text = this.cell(this.at, key);
    if (text === undefined) return undefined;
    if (text === '') return null;
    return checkLength(this.p, this.at.row, key, text, 1, max) ? text : null;
  }
}

/**
 * Validates a members file against the cells and the stored members with the same codes. A row whose
 * code exists updates that member; a changed org_code is a transfer. Columns absent from the file keep
 * the stored values. `seen` holds the codes of the rows before (a file read in batches: members-stream.ts).
 */
export function validateMembers(
  records: ImportRecords,
  orgsByCode: Map<string, OrgSnapshot>,
  existing: Map<string, MemberSnapshot>,
  actor: Actor | null,
  today: string,
  seen = new Map<string, number>(),
): { errors: ImportError[]; plan: MemberPlan } {
  const p = problems();
  const cell = cellReader(records);
  const plan: MemberPlan = { creates: [], updates: [], unchanged: 0 };

  const read = new RowReader(p, cell);
  let byName: Map<string, OrgSnapshot[]> | null = null;
  const names = () => {
    byName ??= cellsByName(orgsByCode.values());
    return byName;
  };
  for (const r of records.rows) {
    const mark = p.errors.length;
    const row = r.row;
    read.at = r;
    const code = checkCode(p, row, 'member_code', cell(r, 'member_code'));
    const fullName = cell(r, 'full_name') ?? '';
    checkLength(p, row, 'full_name', fullName, 2, 120);
    const sex = read.coded('sex', parseSex, true);
    const birthDate = read.date('birth_date');
    const named = findCell(p, row, cell(r, 'org_code'), orgsByCode, names, actor);
    const org = named ? checkCell(p, row, named, actor) : null;
    const status = read.coded('status', parseStatus, true);
    const admissionDate = read.date('admission_date', true);
    const officialDate = read.date('official_date');
    const position = read.coded('position', parsePosition, false);
    const partyCardNo = read.text('party_card_no', 40);
    const exemptFrom = read.date('exempt_from');
    const notes = read.text('notes', 2000);
    if (!code || !firstOccurrence(p, seen, row, 'member_code', code)) continue;

    const before = existing.get(code);
    // A member export lists removed, expelled and deceased members too: such a row may come back
    // unchanged, nothing more (those statuses are recorded on the member's page, never by a file).
    const ended = before ? ENDED[before.status] : undefined;
    const endedAgain = ended !== undefined && status === before?.status;
    if (before) {
      if (ended && !endedAgain) {
        p.add(
          row,
          'status',
          `Đảng viên ${code} ${ended.vi}; không thể nhập lại.`,
          `Member ${code} ${ended.en}; cannot be imported again.`,
        );
      } else if (before.status === 'official' && status === 'probationary') {
        p.add(
          row,
          'status',
          `Đảng viên ${code} đã là đảng viên chính thức.`,
          `Member ${code} is already an official member.`,
        );
      }
      if (actor && !can(actor, MEMBER_WRITERS, before.orgPath)) {
        p.add(
          row,
          'member_code',
          `Mã ${code} thuộc đảng viên ngoài phạm vi bạn quản lý.`,
          `Code ${code} belongs to a member outside your scope.`,
        );
      }
    }
    if (status && ENDED[status] && !endedAgain) {
      p.add(
        row,
        'status',
        'Xóa tên, khai trừ, từ trần được ghi ở trang của đảng viên, không qua tệp nhập; hãy ghi Chính thức hoặc Dự bị.',
        "Removal, expulsion and death are recorded on the member's page, not by a file; write Chính thức or Dự bị.",
      );
    }
    if (p.errors.length > mark || !org || !sex || !status || !admissionDate) continue;
    if (birthDate === false || officialDate === false || exemptFrom === false) continue;

    const after: MemberValues = {
      memberCode: code,
      fullName,
      sex,
      birthDate: birthDate !== undefined ? birthDate : (before?.birthDate ?? null),
      orgId: org.id,
      orgCode: org.code,
      orgPath: org.path,
      status,
      admissionDate,
      officialDate: officialDate !== undefined ? officialDate : (before?.officialDate ?? null),
      position: position === undefined ? (before?.position ?? 'member') : (position ?? 'member'),
      partyCardNo: partyCardNo !== undefined ? partyCardNo : (before?.partyCardNo ?? null),
      exemptFrom: exemptFrom !== undefined ? exemptFrom : (before?.exemptFrom ?? null),
      notes: notes !== undefined ? notes : (before?.notes ?? null),
    };
    if (before && endedAgain) {
      const changed = MEMBER_FIELDS.filter(([, field]) => after[field] !== before[field]).map(([key]) => key);
      if (changed.length === 0) plan.unchanged++;
      else {
        p.add(
          row,
          changed[0] ?? 'status',
          `Đảng viên ${code} ${ended?.vi}; tệp không được sửa thông tin của đảng viên này (${changed.join(', ')}).`,
          `Member ${code} ${ended?.en}; a file cannot change this member (${changed.join(', ')}).`,
        );
      }
      continue;
    }
    if (status !== 'official' && status !== 'probationary') continue;
    const facts = checkMemberFacts(
      {
        status,
        birthDate: after.birthDate,
        admissionDate,
        officialDate: after.officialDate,
        exemptFrom: after.exemptFrom,
      },
      today,
    );
    for (const f of facts) p.add(row, f.field, f.message.vi, f.message.en);
    if (facts.length > 0) continue;

    if (!before) {
      plan.creates.push({ ...after, row });
      continue;
    }
    const changed: string[] = [];
    for (const [key, field] of MEMBER_FIELDS) if (after[field] !== before[field]) changed.push(key);
    if (changed.length > 0) plan.updates.push({ row, before, after, changed });
    else plan.unchanged++;
  }
  return { errors: sortErrors('members', p.errors), plan };
}
