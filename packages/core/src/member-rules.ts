import { CELL_KINDS, type OrgKind } from './orgs/types.ts';

export interface RuleProblem {
  field: string;
  message: { vi: string; en: string };
}

export interface MemberFacts {
  status: 'official' | 'probationary';
  birthDate?: string | null;
  admissionDate: string;
  officialDate?: string | null;
  exemptFrom?: string | null;
}

/** Minimum age at admission (Điều lệ Đảng: đủ 18 tuổi). */
export const MIN_ADMISSION_AGE = 18;

function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/**
 * Checks the dates and status of a member record against each other and today (ISO dates).
 * Pure: used by the member form, the API and the import preview alike.
 */
export function checkMemberFacts(facts: MemberFacts, today: string): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const add = (field: string, vi: string, en: string) => problems.push({ field, message: { vi, en } });
  if (facts.admissionDate > today)
    add('admission_date', 'Ngày vào Đảng ở tương lai.', 'Admission date is in the future.');
  if (facts.birthDate) {
    if (facts.birthDate > today)
      add('birth_date', 'Ngày sinh ở tương lai.', 'Date of birth is in the future.');
    else if (yearsBetween(facts.birthDate, facts.admissionDate) < MIN_ADMISSION_AGE)
      add(
        'admission_date',
        `Ngày vào Đảng khi chưa đủ ${MIN_ADMISSION_AGE} tuổi.`,
        `Admitted before the age of ${MIN_ADMISSION_AGE}.`,
      );
  }
  if (facts.status === 'official') {
    if (!facts.officialDate)
      add(
        'official_date',
        'Đảng viên chính thức cần ngày chính thức.',
        'An official member needs an official date.',
      );
    else if (facts.officialDate < facts.admissionDate)
      add(
        'official_date',
        'Ngày chính thức trước ngày vào Đảng.',
        'Official date is before the admission date.',
      );
    else if (facts.officialDate > today)
      add('official_date', 'Ngày chính thức ở tương lai.', 'Official date is in the future.');
  } else if (facts.officialDate) {
    add(
      'official_date',
      'Đảng viên dự bị chưa có ngày chính thức.',
      'A probationary member has no official date.',
    );
  }
  if (facts.exemptFrom && facts.exemptFrom < facts.admissionDate)
    add(
      'exempt_from',
      'Ngày miễn sinh hoạt trước ngày vào Đảng.',
      'Exemption starts before the admission date.',
    );
  return problems;
}

/** Members belong to cells (chi bộ, chi bộ cơ sở, tổ đảng), never to committees. */
export function canHoldMembers(kind: OrgKind): boolean {
  return CELL_KINDS.includes(kind);
}
