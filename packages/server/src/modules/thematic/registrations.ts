/**
 * A cell registers its thematic topic for a quarter (HD 12-HD/BTCTW (06/7/2018), its part on sinh hoạt chuyên
 * đề: at least one thematic meeting per quarter, on a topic of the superior committee's plan or the cell's
 * own, the latter agreed by the committee; domain.md §6), names the presenters and the date, and links the
 * meeting. Each write is one transaction with its audit event, the cell's or the registration's row locked.
 */
import {
  inQuarter,
  isPastQuarter,
  isThematicSession,
  type MeetingKind,
  type RegisterTopic,
  type RegistrationStatus,
  topicAddresses,
} from '@nennep/core';
import { eq, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { thematicRegistrations } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { conflict, forbidden, invalidField } from '../../http/errors.ts';
import { lockReadableOrg } from '../orgs/policy.ts';
import { assertReadsCell, canDecide, canManageCell, isCellKind } from './policy.ts';
import { findRegistration, findTopic } from './queries.ts';

/** The active members of the cell named by these codes, in that order; 400 on `presenterCodes` otherwise. */
export async function presentersOf(tx: Db, cellId: number, codes: readonly string[]): Promise<number[]> {
  const found = await rows<{ id: number; code: string }>(
    tx,
    sql`SELECT id::int AS id, member_code AS code FROM members
        WHERE org_id = ${cellId} AND status IN ('official', 'probationary')
          AND member_code IN (${sql.join(
            codes.map((c) => sql`${c}`),
            sql`, `,
          )})`,
  );
  return codes.map((code) => {
    const member = found.find((f) => f.code === code);
    if (!member) {
      throw invalidField('presenterCodes', {
        vi: `Đảng viên ${code} không thuộc chi bộ nên không được phân công chuẩn bị chuyên đề.`,
        en: `Member ${code} does not belong to the cell and cannot present its topic.`,
      });
    }
    return member.id;
  });
}

/**
 * Registers the cell's topic for the quarter: the cell locked `FOR UPDATE` so that two registrations of
 * the same quarter queue; once per cell and quarter (a refused one aside), never for a past quarter.
 */
export function registerTopic(db: Db, actor: Actor, input: RegisterTopic, today: string): Promise<number> {
  return db.transaction(async (tx) => {
    const cell = await lockReadableOrg(tx, actor, input.orgCode, 'update');
    if (!isCellKind(cell.kind)) {
      throw invalidField('orgCode', {
        vi: 'Chuyên đề theo quý do từng chi bộ đăng ký.',
        en: 'A quarter’s topic is registered by a cell.',
      });
    }
    if (!canManageCell(actor, cell.path)) throw forbidden();
    if (isPastQuarter(input.year, input.quarter, today)) {
      throw invalidField('quarter', {
        vi: `Quý ${input.quarter}/${input.year} đã qua, không đăng ký chuyên đề được.`,
        en: `Quarter ${input.quarter}/${input.year} is over: no topic can be registered for it.`,
      });
    }
    if (input.plannedDate < today) {
      throw invalidField('plannedDate', {
        vi: 'Ngày dự kiến sinh hoạt chuyên đề không được trước ngày hôm nay.',
        en: 'The planned date cannot be before today.',
      });
    }
    const [already] = await rows<{ id: number }>(
      tx,
      sql`SELECT id::int AS id FROM thematic_registrations
          WHERE org_id = ${cell.id} AND year = ${input.year} AND quarter = ${input.quarter}
            AND status <> 'refused' AND session_id IS NULL`,
    );
    if (already) {
      throw invalidField('quarter', {
        vi: `Chi bộ đã đăng ký chuyên đề quý ${input.quarter}/${input.year}.`,
        en: `The cell has already registered its topic for quarter ${input.quarter}/${input.year}.`,
      });
    }
    let title = input.ownTitle ?? '';
    let purpose = input.ownPurpose ?? '';
    let status: RegistrationStatus = 'pending';
    if (input.topicId !== undefined) {
      const topic = await findTopic(tx, input.topicId, 'share');
      const offered =
        topic &&
        topic.status === 'published' &&
        topic.year === input.year &&
        cell.path.startsWith(topic.orgPath) &&
        topic.orgPath !== cell.path &&
        topicAddresses(topic.cellCategories, cell.category);
      if (!offered) {
        throw invalidField('topicId', {
          vi: 'Chuyên đề này không nằm trong các chuyên đề cấp ủy cấp trên đã công bố cho chi bộ trong năm.',
          en: 'This topic is not among those the committee above published for the cell this year.',
        });
      }
      title = topic.title;
      purpose = topic.purpose;
      status = 'registered';
    }
    const presenterMemberIds = await presentersOf(tx, cell.id, input.presenterCodes);
    const [row] = await tx
      .insert(thematicRegistrations)
      .values({
        orgId: cell.id,
        orgPath: cell.path,
        year: input.year,
        quarter: input.quarter,
        topicId: input.topicId ?? null,
        title,
        purpose,
        status,
        presenterMemberIds,
        plannedDate: input.plannedDate,
        createdBy: actor.id,
      })
      .returning({ id: thematicRegistrations.id });
    if (!row) throw new Error('thematic registration not inserted');
    await audit(tx, actor, {
      action: 'thematic.registered',
      entityType: 'thematic_registration',
      entityId: row.id,
      orgPath: cell.path,
      detail: { year: input.year, quarter: input.quarter, topicId: input.topicId ?? null, status },
    });
    return row.id;
  });
}

/** The committee above approves the cell's own topic, or refuses it with the reason (then the cell may register again). */
export function decideTopic(
  db: Db,
  actor: Actor,
  id: number,
  input: { decision: 'approved' | 'refused'; reason?: string | undefined },
): Promise<void> {
  return db.transaction(async (tx) => {
    const reg = assertReadsCell(actor, await findRegistration(tx, id, 'update'));
    if (!canDecide(actor, reg.orgPath)) throw forbidden();
    if (reg.status !== 'pending') {
      throw conflict(
        { vi: 'Chuyên đề này không chờ duyệt.', en: 'This topic is not awaiting approval.' },
        'decision',
      );
    }
    await tx
      .update(thematicRegistrations)
      .set({
        status: input.decision,
        refusalReason: input.decision === 'refused' ? (input.reason ?? null) : null,
        decidedBy: actor.id,
      })
      .where(eq(thematicRegistrations.id, id));
    await audit(tx, actor, {
      action: `thematic.${input.decision}`,
      entityType: 'thematic_registration',
      entityId: id,
      orgPath: reg.orgPath,
      detail: { year: reg.year, quarter: reg.quarter, title: reg.title },
    });
  });
}

/**
 * Whether the committee-wide session's thematic resolution is issued: the paper is then frozen with it
 * (session-issue.ts; HD 12-HD/BTCTW (06/7/2018), on sinh hoạt chuyên đề). The session's row is held
 * `FOR SHARE`, so an issue under way (its row `FOR UPDATE`) is waited for and then seen.
 */
async function sessionIssued(tx: Db, sessionId: number): Promise<boolean> {
  const [session] = await rows<{ issued: boolean }>(
    tx,
    sql`SELECT (issued_at IS NOT NULL) AS issued FROM thematic_sessions WHERE id = ${sessionId} FOR SHARE`,
  );
  return session?.issued === true;
}

/**
 * Changes the presenters and the planned date: the registration locked `FOR UPDATE`; the date in the quarter
 * and not before today, the presenters members of the cell; not once the topic is refused or the meeting
 * held, nor — a paper for a committee-wide session — once the session's resolution is issued.
 */
export function replanTopic(
  db: Db,
  actor: Actor,
  id: number,
  input: { presenterCodes: string[]; plannedDate: string },
  today: string,
): Promise<void> {
  return db.transaction(async (tx) => {
    const reg = assertReadsCell(actor, await findRegistration(tx, id, 'update'));
    if (!canManageCell(actor, reg.orgPath)) throw forbidden();
    const [meeting] = reg.meetingId
      ? await rows<{ status: string }>(tx, sql`SELECT status FROM meetings WHERE id = ${reg.meetingId}`)
      : [];
    if (reg.status === 'refused' || meeting?.status === 'held' || meeting?.status === 'adopted') {
      throw conflict(
        { vi: 'Không thay đổi được phân công sau khi đã họp.', en: 'The assignment no longer changes.' },
        'status',
      );
    }
    if (reg.sessionId !== null && (await sessionIssued(tx, reg.sessionId))) {
      throw conflict(
        {
          vi: 'Nghị quyết chuyên đề của hội nghị đã ban hành: không thay đổi được người trình bày và ngày của tham luận.',
          en: 'The session’s thematic resolution is issued: the paper’s presenters and date no longer change.',
        },
        'status',
      );
    }
    if (!inQuarter(input.plannedDate, reg.year, reg.quarter) || input.plannedDate < today) {
      throw invalidField('plannedDate', {
        vi: `Ngày dự kiến phải trong quý ${reg.quarter}/${reg.year} và không trước ngày hôm nay.`,
        en: `The planned date must fall in quarter ${reg.quarter}/${reg.year}, not before today.`,
      });
    }
    const presenterMemberIds = await presentersOf(tx, reg.orgId, input.presenterCodes);
    await tx
      .update(thematicRegistrations)
      .set({ presenterMemberIds, plannedDate: input.plannedDate })
      .where(eq(thematicRegistrations.id, id));
    await audit(tx, actor, {
      action: 'thematic.replanned',
      entityType: 'thematic_registration',
      entityId: id,
      orgPath: reg.orgPath,
      detail: { plannedDate: input.plannedDate, presenters: presenterMemberIds.length },
    });
  });
}

/**
 * Links the thematic meeting once planned: a thematic session of that cell in that quarter — a meeting of
 * kind thematic, or the month's regular meeting held as the combined session (core `isThematicSession`; the
 * rule set's `thematicMode: 'combined'`; HD 12-HD/BTCTW (06/7/2018), on sinh hoạt chuyên đề, and HD
 * 42-HD/BTCTW allow the thematic part in the regular meeting). A paper for a committee-wide session is
 * presented at the session, never at a cell's meeting.
 */
export function linkMeeting(db: Db, actor: Actor, id: number, meetingId: number): Promise<void> {
  return db.transaction(async (tx) => {
    const reg = assertReadsCell(actor, await findRegistration(tx, id, 'update'));
    if (!canManageCell(actor, reg.orgPath)) throw forbidden();
    if (reg.status === 'refused') {
      throw conflict({ vi: 'Chuyên đề đã bị từ chối.', en: 'The topic was refused.' }, 'status');
    }
    if (reg.sessionId !== null) {
      throw conflict(
        {
          vi: 'Tham luận này được trình bày tại hội nghị chuyên đề toàn đảng bộ, không gắn với cuộc họp của chi bộ.',
          en: 'This paper is presented at the committee-wide session, not at a meeting of the cell.',
        },
        'meetingId',
      );
    }
    const [meeting] = await rows<{ kind: MeetingKind; combined: boolean; date: string; status: string }>(
      tx,
      sql`SELECT kind, combined, scheduled_date::text AS date, status FROM meetings
          WHERE id = ${meetingId} AND org_id = ${reg.orgId} FOR SHARE`,
    );
    if (
      !meeting ||
      !isThematicSession(meeting) ||
      meeting.status === 'cancelled' ||
      !inQuarter(meeting.date, reg.year, reg.quarter)
    ) {
      throw invalidField('meetingId', {
        vi: `Hãy chọn một cuộc sinh hoạt chuyên đề (hoặc sinh hoạt thường kỳ kết hợp chuyên đề) của chi bộ trong quý ${reg.quarter}/${reg.year}.`,
        en: `Choose a thematic meeting (or a regular meeting combined with it) of the cell in quarter ${reg.quarter}/${reg.year}.`,
      });
    }
    await tx.update(thematicRegistrations).set({ meetingId }).where(eq(thematicRegistrations.id, id));
    await audit(tx, actor, {
      action: 'thematic.meeting_linked',
      entityType: 'thematic_registration',
      entityId: id,
      orgPath: reg.orgPath,
      detail: { meetingId, date: meeting.date, combined: meeting.kind !== 'thematic' },
    });
  });
}
