import type { AuditKind } from '@nennep/core';
import {
  type CreateMember,
  canHoldMembers,
  checkMemberFacts,
  foldForSearch,
  isoDateInVietnam,
  type MemberStatus,
  nameSortKey,
  type OrgKind,
} from '@nennep/core';
import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { insertOne } from '../../db/insert.ts';
import { memberEvents, memberPeriods, members } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { AppError, conflict, invalidField } from '../../http/errors.ts';
import { lockReadableOrg } from '../orgs/policy.ts';
import type { OrgRow } from '../orgs/queries.ts';
import { lockTargetCell, lockWritableMember } from './policy.ts';
import { findMember, type MemberRow } from './queries.ts';

/** Names of the fields that change, never their values: personal data stays out of the audit trail. */
const changedFields = (before: MemberRow, after: Partial<MemberRow>) =>
  Object.keys(after).filter((k) => after[k as keyof MemberRow] !== before[k as keyof MemberRow]);

export function assertCell(org: OrgRow, field = 'orgCode') {
  if (!canHoldMembers(org.kind as OrgKind) || org.status !== 'active') {
    throw invalidField(field, {
      vi: `${org.code} không phải là chi bộ đang hoạt động: đảng viên chỉ sinh hoạt ở chi bộ.`,
      en: `${org.code} is not an active cell: members belong to cells only.`,
    });
  }
}

function assertFacts(facts: Parameters<typeof checkMemberFacts>[0], today: string) {
  const problems = checkMemberFacts(facts, today);
  if (problems.length > 0) {
    const detail = {
      vi: problems.map((p) => p.message.vi).join(' '),
      en: problems.map((p) => p.message.en).join(' '),
    };
    const camel = (field: string) => field.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
    throw new AppError(
      400,
      'validation',
      { detail },
      problems.map((p) => ({ ...p, field: camel(p.field) })),
    );
  }
}

async function event(
  tx: Db,
  actor: Actor,
  member: MemberRow,
  kind: AuditKind<'member'>,
  fields: Partial<typeof memberEvents.$inferInsert>,
) {
  await tx.insert(memberEvents).values({ memberId: member.id, kind, actorId: actor.id, ...fields });
  await audit(tx, actor, {
    action: `member.${kind}`,
    entityType: 'member',
    entityId: member.memberCode,
    orgPath: member.orgPath,
    detail: (fields.data as Record<string, unknown>) ?? {},
  });
}

/**
 * The commands of a member's record. Each runs in one transaction of its own: the member's row (and the
 * cell it goes to) is read and locked inside it, the actor's rights and the record's facts are checked
 * there, then the change, its history row and its audit event are written together.
 */
export async function createMember(db: Db, actor: Actor, input: CreateMember, today: string) {
  return db.transaction(async (tx) => {
    const org = await lockTargetCell(tx, actor, input.orgCode);
    return insertMember(tx, actor, input, org, today);
  });
}

async function insertMember(tx: Db, actor: Actor, input: CreateMember, org: OrgRow, today: string) {
  assertCell(org);
  assertFacts({ ...input, officialDate: input.officialDate ?? null }, today);
  if (await findMember(tx, input.memberCode)) {
    throw conflict(
      {
        vi: `Mã đảng viên ${input.memberCode} đã tồn tại.`,
        en: `Member code ${input.memberCode} already exists.`,
      },
      'memberCode',
    );
  }
  const row = await insertOne(
    tx
      .insert(members)
      .values({
        memberCode: input.memberCode,
        fullName: input.fullName,
        sortKey: nameSortKey(input.fullName),
        searchText: foldForSearch(input.fullName),
        sex: input.sex,
        birthDate: input.birthDate ?? null,
        orgId: org.id,
        orgPath: org.path,
        status: input.status,
        admissionDate: input.admissionDate,
        officialDate: input.officialDate ?? null,
        position: input.position,
        partyCardNo: input.partyCardNo ?? null,
        notes: input.notes ?? null,
      })
      .returning(),
    'member',
  );
  await event(tx, actor, row, 'created', {
    date: input.admissionDate,
    toOrgId: org.id,
    data: { orgCode: org.code },
  });
  return row;
}

export async function updateMember(db: Db, actor: Actor, code: string, patch: Partial<MemberRow>, now: Date) {
  await db.transaction(async (tx) => {
    const member = await lockWritableMember(tx, actor, code);
    await patchMember(tx, actor, member, patch, now);
  });
}

async function patchMember(tx: Db, actor: Actor, member: MemberRow, patch: Partial<MemberRow>, now: Date) {
  const today = isoDateInVietnam(now);
  const next = { ...member, ...patch };
  assertFacts(
    {
      status: next.status === 'official' ? 'official' : 'probationary',
      admissionDate: next.admissionDate,
      officialDate: next.status === 'probationary' ? null : next.officialDate,
      birthDate: next.birthDate,
    },
    today,
  );
  if (patch.fullName) {
    patch.sortKey = nameSortKey(patch.fullName);
    patch.searchText = foldForSearch(patch.fullName);
  }
  const fields = changedFields(member, patch);
  await tx
    .update(members)
    .set({ ...patch, updatedAt: now })
    .where(eq(members.id, member.id));
  await event(tx, actor, member, 'updated', { data: { fields } });
}

export async function transferMember(
  db: Db,
  actor: Actor,
  code: string,
  input: { toOrgCode: string; date: string; note?: string },
  now: Date,
) {
  await db.transaction(async (tx) => {
    const member = await lockWritableMember(tx, actor, code);
    const to = await lockTargetCell(tx, actor, input.toOrgCode);
    await moveMember(tx, actor, member, to, input.date, now, input.note);
  });
}

async function moveMember(
  tx: Db,
  actor: Actor,
  member: MemberRow,
  to: OrgRow,
  date: string,
  now: Date,
  note?: string,
) {
  assertCell(to, 'toOrgCode');
  if (to.id === member.orgId) {
    throw invalidField('toOrgCode', {
      vi: 'Đảng viên đã ở chi bộ này.',
      en: 'The member is already in this cell.',
    });
  }
  await tx
    .update(members)
    .set({ orgId: to.id, orgPath: to.path, updatedAt: now })
    .where(eq(members.id, member.id));
  await event(tx, actor, member, 'transferred', {
    date,
    fromOrgId: member.orgId,
    toOrgId: to.id,
    data: { toOrgCode: to.code, note: note ?? null },
  });
  await audit(tx, actor, {
    action: 'member.transferred_in',
    entityType: 'member',
    entityId: member.memberCode,
    orgPath: to.path,
  });
}

const TERMINAL: readonly MemberStatus[] = ['removed', 'expelled', 'deceased'];

/** Recognition as official member, removal (xóa tên), expulsion, death: status changes, never deletion. */
export async function changeStatus(
  db: Db,
  actor: Actor,
  code: string,
  input: { status: MemberStatus; date: string; reason?: string },
  now: Date,
) {
  await db.transaction(async (tx) => {
    const member = await lockWritableMember(tx, actor, code);
    await setStatus(tx, actor, member, input.status, input.date, now, input.reason);
  });
}

async function setStatus(
  tx: Db,
  actor: Actor,
  member: MemberRow,
  status: MemberStatus,
  date: string,
  now: Date,
  reason?: string,
) {
  const from = member.status as MemberStatus;
  if (TERMINAL.includes(from)) {
    throw invalidField('status', {
      vi: 'Trạng thái này không thể thay đổi nữa.',
      en: 'This status is final.',
    });
  }
  if (status === from || (status === 'probationary' && from === 'official')) {
    throw invalidField('status', { vi: 'Chuyển trạng thái không hợp lệ.', en: 'Invalid status change.' });
  }
  if (date < member.admissionDate) {
    throw invalidField('date', { vi: 'Ngày trước ngày vào Đảng.', en: 'Date before the admission date.' });
  }
  const patch: Partial<MemberRow> =
    status === 'official' ? { status, officialDate: date } : { status, statusDate: date };
  await tx
    .update(members)
    .set({ ...patch, updatedAt: now })
    .where(eq(members.id, member.id));
  await event(tx, actor, member, 'status_changed', {
    date,
    data: { from, to: status, reason: reason ?? null },
  });
}

/** Adds an exemption or temporary-attachment period and refreshes the member's current exemption. */
export async function addPeriod(
  db: Db,
  actor: Actor,
  code: string,
  period: Period & { orgCode?: string | null },
  today: string,
) {
  await db.transaction(async (tx) => {
    const member = await lockWritableMember(tx, actor, code);
    // The cell attended is only read: held FOR SHARE so it cannot end meanwhile.
    const attachedTo = period.orgCode ? await lockReadableOrg(tx, actor, period.orgCode, 'share') : null;
    await insertPeriod(tx, actor, member, period, attachedTo, today);
  });
}

interface Period {
  kind: 'exempt' | 'attached';
  from: string;
  to?: string | null;
  reason?: string;
}

async function insertPeriod(
  tx: Db,
  actor: Actor,
  member: MemberRow,
  period: Period,
  attachedTo: OrgRow | null,
  today: string,
) {
  if (period.to && period.to < period.from) {
    throw invalidField('to', { vi: 'Ngày kết thúc trước ngày bắt đầu.', en: 'End date before start date.' });
  }
  if (period.kind === 'attached') {
    if (!attachedTo)
      throw invalidField('orgCode', {
        vi: 'Cần chọn chi bộ sinh hoạt tạm thời.',
        en: 'Choose the cell attended.',
      });
    assertCell(attachedTo, 'orgCode');
  }
  await tx.insert(memberPeriods).values({
    memberId: member.id,
    kind: period.kind,
    fromDate: period.from,
    toDate: period.to ?? null,
    orgId: attachedTo?.id ?? null,
    reason: period.reason ?? null,
  });
  await refreshExemption(tx, member.id, today);
  await event(tx, actor, member, period.kind === 'exempt' ? 'exempted' : 'attached', {
    date: period.from,
    toOrgId: attachedTo?.id ?? null,
    data: { from: period.from, to: period.to ?? null },
  });
}

/** `exempt_from` mirrors the exemption period in force today, if any. */
export async function refreshExemption(tx: Db, memberId: number, today: string) {
  const [current] = await tx
    .select({ from: memberPeriods.fromDate })
    .from(memberPeriods)
    .where(
      and(
        eq(memberPeriods.memberId, memberId),
        eq(memberPeriods.kind, 'exempt'),
        lte(memberPeriods.fromDate, today),
        or(isNull(memberPeriods.toDate), gte(memberPeriods.toDate, today)),
      ),
    )
    .orderBy(memberPeriods.fromDate)
    .limit(1);
  await tx.execute(sql`UPDATE members SET exempt_from = ${current?.from ?? null} WHERE id = ${memberId}`);
}
