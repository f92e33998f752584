import { canHoldMembers, checkMemberFacts, ORG_KIND_LABELS, parseVietnameseDate } from '@nennep/core';
import { type Actor, can } from '../../http/access.ts';
import { MEMBER_WRITERS } from '../members/policy.ts';
import { ACCEPTED, parsePosition, parseSex, parseStatus } from './columns.ts';
import {
  cellReader,
  checkCode,
  checkLength,
  firstOccurrence,
  type ImportError,
  type ImportRecords,
  MEMBER_FIELDS,
  type MemberPlan,
  type MemberSnapshot,
  type MemberValues,
  type OrgSnapshot,
  type Problems,
  problems,
} from './validate.ts';

const ENDED: Record<string, { vi: string; en: string }> = {
  removed: { vi: 'đã bị xóa tên', en: 'has been removed' },
  expelled: { vi: 'đã bị khai trừ', en: 'has been expelled' },
  deceased: { vi: 'đã từ trần', en: 'is deceased' },
};

/** The cell a member is placed in: it must exist, hold members, be active and (API) be in scope. */
function checkCell(p: Problems, row: number, code: string, org: OrgSnapshot | undefined, actor: Actor | null) {
  if (!org) {
    p.add(row, 'org_code', `Không tìm thấy chi bộ ${code}.`, `Cell ${code} not found.`);
    return null;
  }
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
    p.add(row, 'org_code', `Chi bộ ${code} đã giải thể hoặc sáp nhập.`, `Cell ${code} has been dissolved or merged.`);
    return null;
  }
  if (actor && !can(actor, MEMBER_WRITERS, org.path)) {
    p.add(row, 'org_code', `Chi bộ ${code} nằm ngoài phạm vi bạn quản lý.`, `Cell ${code} is outside your scope.`);
    return null;
  }
  return org;
}

/**
 * Validates a members file against the cells and the stored members with the same codes. A row whose
 * code exists updates that member; a changed org_code is a transfer. Columns absent from the file keep
 * the stored values.
 */
export function validateMembers(
  records: ImportRecords,
  orgsByCode: Map<string, OrgSnapshot>,
  existing: Map<string, MemberSnapshot>,
  actor: Actor | null,
  today: string,
): { errors: ImportError[]; plan: MemberPlan } {
  const p = problems();
  const cell = cellReader(records);
  const seen = new Map<string, number>();
  const dates = new Map<string, string | null>();
  const plan: MemberPlan = { creates: [], updates: [], unchanged: 0 };

  for (const r of records.rows) {
    const mark = p.errors.length;
    const row = r.row;
    /** undefined: no such column; null: empty; false: not a date. */
    const date = (key: string, required = false): string | null | undefined | false => {
      const text = cell(r, key);
      if (text === undefined || text === '') {
        if (required) p.add(row, key, 'Không được để trống.', 'Required.');
        return text === undefined ? undefined : null;
      }
      let iso = dates.get(text);
      if (iso === undefined) {
        iso = parseVietnameseDate(text);
        dates.set(text, iso);
      }
      if (iso === null) {
        p.add(row, key, `Ngày "${text}" không hợp lệ (cần dd/mm/yyyy).`, `Invalid date "${text}" (use dd/mm/yyyy).`);
        return false;
      }
      return iso;
    };
    const coded = <T>(key: string, parse: (text: string) => T | null, required: boolean): T | null | undefined => {
      const text = cell(r, key);
      if (text === undefined || text === '') {
        if (required) p.add(row, key, 'Không được để trống.', 'Required.');
        return text === undefined ? undefined : null;
      }
      const value = parse(text);
      if (value === null) {
        const accepted = ACCEPTED[key];
        p.add(row, key, `Giá trị "${text}" không hợp lệ; dùng: ${accepted?.vi}.`, `Invalid value "${text}"; use: ${accepted?.en}.`);
      }
      return value;
    };
    const optionalText = (key: string, max: number): string | null | undefined => {
      const text = cell(r, key);
      if (text === undefined) return undefined;
      if (text === '') return null;
      return checkLength(p, row, key, text, 1, max) ? text : null;
    };

    const code = checkCode(p, row, 'member_code', cell(r, 'member_code'));
    const fullName = cell(r, 'full_name') ?? '';
    checkLength(p, row, 'full_name', fullName, 2, 120);
    const sex = coded('sex', parseSex, true);
    const birthDate = date('birth_date');
    const orgCode = checkCode(p, row, 'org_code', cell(r, 'org_code'));
    const org = orgCode ? checkCell(p, row, orgCode, orgsByCode.get(orgCode), actor) : null;
    const status = coded('status', parseStatus, true);
    const admissionDate = date('admission_date', true);
    const officialDate = date('official_date');
    const position = coded('position', parsePosition, false);
    const partyCardNo = optionalText('party_card_no', 40);
    const exemptFrom = date('exempt_from');
    const notes = optionalText('notes', 2000);
    if (!code || !firstOccurrence(p, seen, row, 'member_code', code)) continue;

    const before = existing.get(code);
    if (before) {
      const ended = ENDED[before.status];
      if (ended) {
        p.add(row, 'status', `Đảng viên ${code} ${ended.vi}; không thể nhập lại.`, `Member ${code} ${ended.en}; cannot be imported again.`);
      } else if (before.status === 'official' && status === 'probationary') {
        p.add(row, 'status', `Đảng viên ${code} đã là đảng viên chính thức.`, `Member ${code} is already an official member.`);
      }
      if (actor && !can(actor, MEMBER_WRITERS, before.orgPath)) {
        p.add(row, 'member_code', `Mã ${code} thuộc đảng viên ngoài phạm vi bạn quản lý.`, `Code ${code} belongs to a member outside your scope.`);
      }
    }
    if (p.errors.length > mark || !org || !sex || !status || !admissionDate) continue;
    if (birthDate === false || officialDate === false || exemptFrom === false) continue;

    const keep = <K extends keyof MemberValues>(value: MemberValues[K] | undefined, field: K, fallback: MemberValues[K]) =>
      value !== undefined ? value : before ? before[field] : fallback;
    const after: MemberValues = {
      memberCode: code,
      fullName,
      sex,
      birthDate: keep(birthDate, 'birthDate', null),
      orgId: org.id,
      orgCode: org.code,
      orgPath: org.path,
      status,
      admissionDate,
      officialDate: keep(officialDate, 'officialDate', null),
      position: position === undefined ? (before?.position ?? 'member') : (position ?? 'member'),
      partyCardNo: keep(partyCardNo, 'partyCardNo', null),
      exemptFrom: keep(exemptFrom, 'exemptFrom', null),
      notes: keep(notes, 'notes', null),
    };
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
    const changed = MEMBER_FIELDS.filter(([, field]) => after[field] !== before[field]).map(([key]) => key);
    if (changed.length > 0) plan.updates.push({ row, before, after, changed });
    else plan.unchanged++;
  }
  return { errors: p.errors, plan };
}
