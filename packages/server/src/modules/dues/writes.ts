/**
 * The rows a dues write adds (never an update nor a delete: corrections are new entries, issue 16 point 3)
 * and the checks that need the rules in force, shared by the commands (commands.ts) and the command-line
 * imports (import.ts). Every function runs inside its caller's transaction, the member's row locked.
 */
import {
  addMonths,
  type DuesChannel,
  type DuesReliefKind,
  type DuesRules,
  type Month,
  monthOfDate,
} from '@nennep/core';
import type { Db } from '../../db/client.ts';
import { insertOne } from '../../db/insert.ts';
import { duesBases, duesPayments, duesReasons, duesReliefs } from '../../db/schema/dues.ts';
import type { Actor } from '../../http/access.ts';
import { invalidField } from '../../http/errors.ts';
import type { DuesMemberRow } from './queries.ts';

/** Who recorded an entry, as the ledger shows it (the command line has no account). */
export const recorderOf = (actor: Actor | null) => ({
  id: actor?.id ?? null,
  name: actor?.displayName ?? 'Dòng lệnh (nennep import)',
});

/** Only official and probationary members owe dues (domain.md §2); 400 on the field otherwise. */
export function assertActive(member: DuesMemberRow, field: string) {
  if (member.status !== 'official' && member.status !== 'probationary') {
    throw invalidField(field, {
      vi: `Đảng viên ${member.code} không còn sinh hoạt đảng: không ghi đảng phí.`,
      en: `Member ${member.code} is no longer active: no dues are recorded.`,
    });
  }
}

/** A month not before the member's admission (Party membership, and so dues, start then: domain.md §2). */
export function assertAfterAdmission(member: DuesMemberRow, month: Month, field: string) {
  if (month < monthOfDate(member.admissionDate)) {
    throw invalidField(field, {
      vi: `Tháng ${month} trước khi đảng viên ${member.code} được kết nạp.`,
      en: `${month} is before member ${member.code} was admitted.`,
    });
  }
}

/**
 * The amount stored for a basis: the category must be one of the rules' (QĐ 01-QĐ/TW rates, overseas
 * categories as rows), a percentage category needs the amount it applies to, a fixed one (students) ignores it.
 */
export function basisAmount(rules: DuesRules, category: string, amountVnd: number | undefined, prefix = '') {
  const found = rules.categories.find((c) => c.id === category);
  if (!found) {
    const ids = rules.categories.map((c) => c.id).join(', ');
    throw invalidField(`${prefix}category`, {
      vi: `Đối tượng đóng đảng phí phải là một trong: ${ids}.`,
      en: `The dues category must be one of: ${ids}.`,
    });
  }
  if (found.rate.kind === 'fixed') return 0;
  if (amountVnd === undefined) {
    throw invalidField(`${prefix}amountVnd`, {
      vi: 'Cần ghi số tiền làm căn cứ đóng đảng phí (tiền lương, trợ cấp, lương hưu, thu nhập).',
      en: 'Give the amount the dues are computed on (salary, benefit, pension, income).',
    });
  }
  return amountVnd;
}

/** A relief decision as stored. */
export interface ReliefInput {
  kind: DuesReliefKind;
  percent: number;
  from: Month;
  until: Month | null;
}

/**
 * Checks a relief decision under the rules and fills its end: a reduction by one of the rules' percentages
 * (30 / 50 / 70 %); hardship relief (exemption or reduction) for at most `relief.maxMonths` (12) months,
 * ending there when no end is given (QĐ 01-QĐ/TW, exemption and reduction for hardship); a social pension
 * exemption or the end of a decision (`none`) open-ended unless an end is given.
 */
export function checkRelief(
  rules: DuesRules,
  input: { kind: DuesReliefKind; percent?: number; from: Month; until?: Month },
): ReliefInput {
  const { kind, from } = input;
  if (kind === 'reduction' && !rules.relief.reductionPercents.includes(input.percent ?? 0)) {
    const list = rules.relief.reductionPercents.join(', ');
    throw invalidField('percent', {
      vi: `Mức giảm phải là một trong: ${list} (%).`,
      en: `The reduction must be one of: ${list} (%).`,
    });
  }
  if (kind !== 'reduction' && input.percent !== undefined) {
    throw invalidField('percent', {
      vi: 'Chỉ ghi mức giảm khi quyết định giảm đảng phí.',
      en: 'Give a percentage only with a reduction.',
    });
  }
  if (input.until !== undefined && input.until < from) {
    throw invalidField('untilMonth', {
      vi: 'Tháng kết thúc không được trước tháng bắt đầu.',
      en: 'The last month must not be before the first.',
    });
  }
  const hardship = kind === 'hardship' || kind === 'reduction';
  const cap = addMonths(from, rules.relief.maxMonths - 1);
  if (hardship && input.until !== undefined && input.until > cap) {
    throw invalidField('untilMonth', {
      vi: `Mỗi lần miễn, giảm vì khó khăn tối đa ${rules.relief.maxMonths} tháng: đến tháng ${cap}.`,
      en: `Hardship relief lasts at most ${rules.relief.maxMonths} months: until ${cap}.`,
    });
  }
  return {
    kind,
    percent: kind === 'reduction' ? (input.percent ?? 0) : 0,
    from,
    until: input.until ?? (hardship ? cap : null),
  };
}

export async function insertBasis(
  tx: Db,
  actor: Actor | null,
  member: DuesMemberRow,
  basis: { from: Month; category: string; amountVnd: number; note?: string },
) {
  const by = recorderOf(actor);
  const row = await insertOne(
    tx
      .insert(duesBases)
      .values({
        memberId: member.id,
        fromMonth: basis.from,
        category: basis.category,
        amountVnd: basis.amountVnd,
        declaredBy: by.id,
        declaredByName: by.name,
        byMember: actor !== null && actor.memberId === member.id,
        note: basis.note ?? null,
      })
      .returning({ id: duesBases.id }),
    'dues basis',
  );
  return row.id;
}

export async function insertRelief(
  tx: Db,
  actor: Actor | null,
  member: DuesMemberRow,
  relief: ReliefInput & { meetingId?: number | null; reason: string },
) {
  const by = recorderOf(actor);
  const row = await insertOne(
    tx
      .insert(duesReliefs)
      .values({
        memberId: member.id,
        kind: relief.kind,
        percent: relief.percent,
        fromMonth: relief.from,
        untilMonth: relief.until,
        meetingId: relief.meetingId ?? null,
        reason: relief.reason,
        recordedBy: by.id,
        recordedByName: by.name,
      })
      .returning({ id: duesReliefs.id }),
    'dues relief',
  );
  return row.id;
}

export async function insertPayment(
  tx: Db,
  actor: Actor | null,
  member: DuesMemberRow,
  payment: {
    month: Month;
    paidVnd: number;
    paidOn: string;
    channel: DuesChannel;
    meetingId?: number | null;
    note?: string;
  },
) {
  const by = recorderOf(actor);
  const row = await insertOne(
    tx
      .insert(duesPayments)
      .values({
        memberId: member.id,
        orgId: member.orgId,
        orgPath: member.orgPath,
        month: payment.month,
        paidVnd: payment.paidVnd,
        paidOn: payment.paidOn,
        channel: payment.channel,
        meetingId: payment.meetingId ?? null,
        recordedBy: by.id,
        recordedByName: by.name,
        note: payment.note ?? null,
      })
      .returning({ id: duesPayments.id }),
    'dues payment',
  );
  return row.id;
}

export async function insertReason(
  tx: Db,
  actor: Actor | null,
  member: DuesMemberRow,
  month: Month,
  reason: string,
) {
  const by = recorderOf(actor);
  const row = await insertOne(
    tx
      .insert(duesReasons)
      .values({ memberId: member.id, month, reason, recordedBy: by.id, recordedByName: by.name })
      .returning({ id: duesReasons.id }),
    'dues reason',
  );
  return row.id;
}
