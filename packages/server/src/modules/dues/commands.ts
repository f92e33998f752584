import type { AuditAction } from '@nennep/core';
/**
 * The dues commands (issue 16 points 2–4): a member's basis, the cell's relief decisions, payments (several
 * members at the meeting's dues item in one go) and the reason for an unpaid month. Each is one transaction:
 * the members' rows locked `FOR UPDATE` (and the meeting's, for payments at its dues item), the actor's
 * right checked on them, the rules in force read, the entries appended and an audit event per member written.
 */
import {
  addMonths,
  type DuesRecordedDto,
  ENTITY_LABELS,
  isoDateInVietnam,
  monthOfDate,
  type recordDuesBasisSchema,
  type recordDuesPaymentsSchema,
  type recordDuesReasonSchema,
  type recordDuesReliefSchema,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Db, rows } from '../../db/client.ts';
import { type Actor, ANY_ROLE, can } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { AppError, invalidField, notFound } from '../../http/errors.ts';
import { lockMeeting } from '../meetings/lock.ts';
import { runnableBy } from '../meetings/policy.ts';
import { assertMay, assertSeesMember, mayDeclareBasis, mayKeep } from './policy.ts';
import {
  basisEntriesOf,
  type DuesMemberRow,
  duesRuleSetsAlong,
  duesRulesOf,
  lockMembers,
  paidSoFar,
} from './queries.ts';
import {
  assertActive,
  assertAfterAdmission,
  basisAmount,
  checkRelief,
  insertBasis,
  insertPayment,
  insertReason,
  insertRelief,
} from './writes.ts';

/** One member, locked for the transaction: 404 when the actor cannot see it, 400 when no longer active. */
async function lockOne(tx: Db, actor: Actor, code: string) {
  const member = assertSeesMember(actor, (await lockMembers(tx, [code])).get(code) ?? null);
  assertActive(member, 'memberCode');
  return member;
}

const auditOf = (member: DuesMemberRow, action: AuditAction, detail: Record<string, unknown>) => ({
  action,
  entityType: 'member',
  entityId: member.code,
  orgPath: member.orgPath,
  detail,
});

/**
 * A member's basis from a month (QĐ 01-QĐ/TW: the member declares his or her income truthfully; the cell
 * records it): by the member himself or herself, or the cell's keepers. An entry with the same month as an
 * earlier one corrects it; the amount is kept out of the audit trail (income is personal).
 */
export function recordBasis(db: Db, actor: Actor, input: z.output<typeof recordDuesBasisSchema>) {
  return db.transaction(async (tx): Promise<DuesRecordedDto> => {
    const member = await lockOne(tx, actor, input.memberCode);
    assertMay(mayDeclareBasis(actor, member));
    assertAfterAdmission(member, input.fromMonth, 'fromMonth');
    const rules = duesRulesOf(await duesRuleSetsAlong(tx, member.orgPath), member.orgPath, input.fromMonth);
    const amountVnd = basisAmount(rules, input.category, input.amountVnd);
    const id = await insertBasis(tx, actor, member, {
      from: input.fromMonth,
      category: input.category,
      amountVnd,
      note: input.note,
    });
    await audit(
      tx,
      actor,
      auditOf(member, 'dues.basis', {
        fromMonth: input.fromMonth,
        category: input.category,
        byMember: actor.memberId === member.id,
      }),
    );
    return { ids: [id] };
  });
}

/** The meeting named by a relief decision: one of the member's cell the actor sees (adopted is fine). */
async function decidingMeeting(tx: Db, actor: Actor, id: number, member: DuesMemberRow) {
  const [meeting] = await rows<{ orgId: number; orgPath: string; status: string }>(
    tx,
    sql`SELECT org_id::int AS "orgId", org_path AS "orgPath", status FROM meetings WHERE id = ${id} FOR SHARE`,
  );
  if (!meeting || !can(actor, ANY_ROLE, meeting.orgPath)) throw notFound('meeting');
  if (meeting.orgId !== member.orgId || meeting.status === 'cancelled') {
    throw invalidField('meetingId', {
      vi: 'Chọn một cuộc họp của chi bộ nơi đảng viên sinh hoạt.',
      en: "Choose a meeting of the member's cell.",
    });
  }
}

/**
 * An exemption, a reduction or the end of one, decided by the cell (a resolution item of its meeting):
 * 30 / 50 / 70 % or hardship exemption for at most 12 months, a social pension exemption (QĐ 01-QĐ/TW).
 * The member must have a basis by then: the relief applies to it.
 */
export function recordRelief(db: Db, actor: Actor, input: z.output<typeof recordDuesReliefSchema>) {
  return db.transaction(async (tx): Promise<DuesRecordedDto> => {
    const member = await lockOne(tx, actor, input.memberCode);
    assertMay(mayKeep(actor, member));
    assertAfterAdmission(member, input.fromMonth, 'fromMonth');
    const rules = duesRulesOf(await duesRuleSetsAlong(tx, member.orgPath), member.orgPath, input.fromMonth);
    const relief = checkRelief(rules, {
      kind: input.reliefKind,
      percent: input.percent,
      from: input.fromMonth,
      until: input.untilMonth,
    });
    const entries = await basisEntriesOf(tx, member.id);
    if (!entries.some((e) => e.from <= input.fromMonth)) {
      throw invalidField('fromMonth', {
        vi: 'Đảng viên chưa có căn cứ đóng đảng phí từ tháng này: hãy ghi căn cứ trước.',
        en: 'The member has no dues basis by this month: record the basis first.',
      });
    }
    if (input.meetingId !== undefined) await decidingMeeting(tx, actor, input.meetingId, member);
    const id = await insertRelief(tx, actor, member, {
      ...relief,
      meetingId: input.meetingId,
      reason: input.reason,
    });
    await audit(
      tx,
      actor,
      auditOf(member, 'dues.relief', {
        kind: relief.kind,
        percent: relief.percent,
        fromMonth: relief.from,
        untilMonth: relief.until,
        meetingId: input.meetingId ?? null,
      }),
    );
    return { ids: [id] };
  });
}

/** The furthest month paid in advance: a year ahead (a typing slip beyond is refused). */
const ADVANCE_MONTHS = 12;

/**
 * Payments of one or several members, in one transaction (the secretary at the meeting's dues item, "thu nộp
 * đảng phí"): cash or the portal, for any month — early, late, or for a member on temporary exemption
 * (QĐ 01-QĐ/TW Điều 5 khoản 2) —, above the due as a voluntary extra, negative to correct an earlier entry.
 * At a meeting: its row locked, not adopted (the minutes show the totals; adopted minutes never change) and
 * each member of the cell that met.
 */
export function recordPayments(
  db: Db,
  actor: Actor,
  input: z.output<typeof recordDuesPaymentsSchema>,
  now: Date,
) {
  return db.transaction(async (tx): Promise<DuesRecordedDto> => {
    const today = isoDateInVietnam(now);
    const paidOn = input.paidOn ?? today;
    if (paidOn > today) {
      throw invalidField('paidOn', {
        vi: 'Ngày đóng không được sau hôm nay.',
        en: 'The day paid cannot be after today.',
      });
    }
    const meeting =
      input.meetingId === undefined ? null : await lockMeeting(tx, input.meetingId, runnableBy(actor));
    const members = await lockMembers(
      tx,
      input.entries.map((e) => e.memberCode),
    );
    const latest = addMonths(monthOfDate(today), ADVANCE_MONTHS);
    const checked = input.entries.map((entry, i) => {
      const field = (name: string) => `entries.${i}.${name}`;
      const member = members.get(entry.memberCode);
      if (!member || !(actor.memberId === member.id || can(actor, ANY_ROLE, member.orgPath))) {
        // 404 as for one member (codes do not leak), naming the entry.
        throw new AppError(404, 'not_found', { entity: ENTITY_LABELS.member ?? 'member' }, [
          {
            field: field('memberCode'),
            message: {
              vi: `Không tìm thấy đảng viên ${entry.memberCode}.`,
              en: `No member ${entry.memberCode}.`,
            },
          },
        ]);
      }
      assertMay(mayKeep(actor, member));
      assertActive(member, field('memberCode'));
      if (meeting && meeting.orgId !== member.orgId) {
        throw invalidField(field('memberCode'), {
          vi: `Đảng viên ${member.code} không sinh hoạt ở chi bộ họp lần này.`,
          en: `Member ${member.code} is not of the cell that met.`,
        });
      }
      assertAfterAdmission(member, entry.month, field('month'));
      if (entry.month > latest) {
        throw invalidField(field('month'), {
          vi: `Chỉ đóng trước tối đa ${ADVANCE_MONTHS} tháng: đến tháng ${latest}.`,
          en: `Dues are paid at most ${ADVANCE_MONTHS} months ahead: until ${latest}.`,
        });
      }
      if (entry.paidVnd === 0) {
        throw invalidField(field('paidVnd'), {
          vi: 'Số tiền phải khác 0 (số âm để điều chỉnh một khoản đã ghi).',
          en: 'The amount must not be 0 (negative to correct an entry).',
        });
      }
      return { entry, member, field };
    });
    const sums = await paidSoFar(
      tx,
      checked.map((c) => ({ member: c.member, month: c.entry.month })),
    );
    for (const { entry, member, field } of checked) {
      const key = `${member.id}|${entry.month}`;
      const after = (sums.get(key) ?? 0) + entry.paidVnd;
      if (after < 0) {
        throw invalidField(field('paidVnd'), {
          vi: `Khoản điều chỉnh lớn hơn số đã ghi cho tháng ${entry.month} của đảng viên ${member.code}.`,
          en: `The correction exceeds what was recorded for ${entry.month} of member ${member.code}.`,
        });
      }
      sums.set(key, after);
    }
    const ids: number[] = [];
    for (const { entry, member } of checked) {
      ids.push(
        await insertPayment(tx, actor, member, {
          month: entry.month,
          paidVnd: entry.paidVnd,
          paidOn,
          channel: entry.channel,
          meetingId: meeting?.id ?? null,
          note: entry.note,
        }),
      );
    }
    for (const member of new Map(checked.map((c) => [c.member.id, c.member])).values()) {
      const own = checked.filter((c) => c.member.id === member.id).map((c) => c.entry);
      await audit(
        tx,
        actor,
        auditOf(member, 'dues.payment', {
          months: own.map((e) => e.month),
          paidVnd: own.reduce((sum, e) => sum + e.paidVnd, 0),
          paidOn,
          meetingId: meeting?.id ?? null,
        }),
      );
    }
    return { ids };
  });
}

/**
 * Why a member did not pay for a month, as the cell recorded it: such a month does not count toward the
 * three unpaid months in a year that lead to proposing removal (QĐ 01-QĐ/TW, Điều 2 khoản 1).
 */
export function recordReason(db: Db, actor: Actor, input: z.output<typeof recordDuesReasonSchema>) {
  return db.transaction(async (tx): Promise<DuesRecordedDto> => {
    const member = await lockOne(tx, actor, input.memberCode);
    assertMay(mayKeep(actor, member));
    assertAfterAdmission(member, input.month, 'month');
    const id = await insertReason(tx, actor, member, input.month, input.reason);
    await audit(tx, actor, auditOf(member, 'dues.reason', { month: input.month }));
    return { ids: [id] };
  });
}
