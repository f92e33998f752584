import {
  ObservedScoreError,
  type QualityLevel,
  recommendationRulesOf,
  type SupervisionRules,
  scoreObserved,
  supervisionRulesOf,
  type VisitDetailDto,
  type VisitReportDto,
  type visitReportSchema,
} from '@nennep/core';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Db, rows } from '../../db/client.ts';
import { visitReportAddenda, visitReports, visits } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { conflict, invalidField } from '../../http/errors.ts';
import { materialsOf } from '../meetings/queries.ts';
import { findOrgById } from '../orgs/queries.ts';
import { createRecommendation } from '../recommendations/commands.ts';
import { rulesAt } from './planner-input.ts';
import { canManage } from './policy.ts';
import { presentVisit, type VisitRow, visitorPool } from './queries.ts';

const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** 409 naming the visitor field when the visitor is already booked that day beyond the rules. */
export async function assertFree(
  tx: Db,
  accountId: number,
  slot: { date: string; startTime: string; durationMinutes: number },
  rules: SupervisionRules,
  exceptVisitId: number | null,
) {
  const sameDay = await rows<{ id: number; startTime: string; durationMinutes: number; cellName: string }>(
    tx,
    sql`SELECT v.id::int AS id, v.start_time AS "startTime", v.duration_minutes AS "durationMinutes", o.name AS "cellName"
        FROM visits v JOIN orgs o ON o.id = v.cell_org_id
        WHERE v.account_id = ${accountId} AND v.scheduled_date = ${slot.date} AND v.status <> 'cancelled'
          AND v.id <> ${exceptVisitId ?? 0}`,
  );
  const start = toMinutes(slot.startTime);
  const clash = sameDay.find((v) => {
    const other = toMinutes(v.startTime);
    return start < other + v.durationMinutes && other < start + slot.durationMinutes;
  });
  if (clash || sameDay.length >= rules.maxVisitsPerDay) {
    const cell = (clash ?? sameDay[0])?.cellName ?? '';
    throw conflict(
      {
        vi: `Người dự đã có lịch dự ${cell} ngày ${slot.date.split('-').reverse().join('/')}: không thể dự hai nơi cùng lúc.`,
        en: `The visitor already visits ${cell} on ${slot.date}: nobody can be at two meetings at once.`,
      },
      'visitorAccountId',
    );
  }
}

/** 400 when the account is not among the committee's visitors, or is a member of the cell visited. */
export async function assertMaySend(
  tx: Db,
  visit: { committeeOrgId: number; committeePath: string; cellOrgId: number },
  accountId: number,
  rules: SupervisionRules,
) {
  const pool = await visitorPool(tx, visit.committeeOrgId, visit.committeePath);
  if (!pool.some((v) => v.accountId === accountId)) {
    throw invalidField('visitorAccountId', {
      vi: 'Tài khoản này không thuộc danh sách người dự sinh hoạt của cấp ủy.',
      en: "This account is not among the committee's visitors.",
    });
  }
  if (!rules.excludeHomeCell) return;
  const [home] = await rows<{ orgId: number }>(
    tx,
    sql`SELECT m.org_id::int AS "orgId" FROM accounts a JOIN members m ON m.id = a.member_id WHERE a.id = ${accountId}`,
  );
  if (home?.orgId === visit.cellOrgId) {
    throw invalidField('visitorAccountId', {
      vi: 'Không cử người dự đến chính chi bộ mình sinh hoạt.',
      en: 'A visitor is never sent to his or her own cell.',
    });
  }
}

export async function rulesOfVisit(db: Db, visit: Pick<VisitRow, 'committeePath' | 'date'>) {
  return supervisionRulesOf((await rulesAt(db, visit.committeePath, visit.date)).content);
}

/** Only the visitor files, checks in and amends; only on or after the meeting day. */
function assertOwnOpen(actor: Actor, visit: VisitRow, today: string, action: 'check_in' | 'report') {
  const ownPublished = visit.accountId === actor.id && visit.planStatus === 'published';
  if (!ownPublished) {
    throw conflict({
      vi: 'Chỉ người được cử dự mới thực hiện được.',
      en: 'Only the assigned visitor can do this.',
    });
  }
  if (visit.date > today) {
    throw conflict(
      {
        vi: `Chưa đến ngày chi bộ họp (${visit.date.split('-').reverse().join('/')}).`,
        en: `The meeting is not until ${visit.date}.`,
      },
      'date',
    );
  }
  const open =
    action === 'check_in'
      ? visit.status === 'planned'
      : visit.status !== 'reported' && visit.status !== 'cancelled';
  if (!open) {
    throw conflict({
      vi:
        visit.status === 'reported'
          ? 'Đã nộp báo cáo: chỉ có thể bổ sung đính chính.'
          : 'Lượt dự không còn mở.',
      en:
        visit.status === 'reported'
          ? 'The report is filed: add a dated addendum instead.'
          : 'The visit is no longer open.',
    });
  }
}

export async function checkIn(tx: Db, actor: Actor, visit: VisitRow, today: string, at: Date) {
  assertOwnOpen(actor, visit, today, 'check_in');
  await tx.update(visits).set({ status: 'checked_in', checkedInAt: at }).where(eq(visits.id, visit.id));
  await audit(tx, actor, {
    action: 'supervision.checked_in',
    entityType: 'visit',
    entityId: visit.id,
    orgPath: visit.cellPath,
  });
}

/** Files the visit report (once): the visitor's score on the same sheet, notes, recommendations, issues. */
export async function fileReport(
  tx: Db,
  actor: Actor,
  visit: VisitRow,
  input: z.infer<typeof visitReportSchema>,
  today: string,
) {
  assertOwnOpen(actor, visit, today, 'report');
  const { content } = await rulesAt(tx, visit.cellPath, visit.date);
  let score = null;
  if (input.attended) {
    try {
      score = scoreObserved(content.scoreSheet, content.levels, input.points);
    } catch (error) {
      if (!(error instanceof ObservedScoreError)) throw error;
      const label = content.scoreSheet.criteria.find((c) => c.id === error.criterionId)?.label ?? {
        vi: error.criterionId,
        en: error.criterionId,
      };
      throw invalidField(`points.${error.criterionId}`, {
        vi: `Điểm chấm "${label.vi}": ${error.message.includes('not scored') ? 'chưa chấm' : 'ngoài thang điểm'}.`,
        en: `Score "${label.en}": ${error.message.includes('not scored') ? 'not scored' : 'outside the scale'}.`,
      });
    }
  }
  await tx.insert(visitReports).values({
    visitId: visit.id,
    attended: input.attended,
    absenceReason: input.attended ? null : (input.absenceReason ?? null),
    score,
    total: score?.total ?? null,
    level: score?.level ?? null,
    contentNotes: input.contentNotes ?? null,
    opinionNotes: input.opinionNotes ?? null,
    recommendations: input.recommendations,
    issuesForDirection: input.issuesForDirection ?? null,
    submittedBy: actor.id,
    submittedByName: actor.displayName,
  });
  await tx
    .update(visits)
    .set({ status: input.attended ? 'reported' : 'missed', locked: true })
    .where(eq(visits.id, visit.id));
  // Each recommendation heard is followed from here like one raised in the meeting (domain.md §5).
  const cell = await findOrgById(tx, visit.cellOrgId);
  const categories = recommendationRulesOf(content).categories;
  const category =
    (categories.find((c) => c.id === 'other') ?? categories[categories.length - 1])?.id ?? 'other';
  for (const text of input.recommendations) {
    if (!cell) continue;
    await createRecommendation(
      tx,
      actor,
      {
        cell,
        source: 'visit',
        visitId: visit.id,
        raisedBy: `Ghi nhận khi dự sinh hoạt: ${actor.displayName}`,
        raisedOn: visit.date,
        text,
        category,
      },
      recommendationRulesOf(content),
    );
  }
  await audit(tx, actor, {
    action: 'supervision.report_filed',
    entityType: 'visit',
    entityId: visit.id,
    orgPath: visit.cellPath,
    detail: { attended: input.attended, total: score?.total ?? null, level: score?.level ?? null },
  });
}

export async function addAddendum(tx: Db, actor: Actor, visit: VisitRow, text: string) {
  const [report] = await tx
    .select({ id: visitReports.visitId })
    .from(visitReports)
    .where(eq(visitReports.visitId, visit.id));
  if (!report || visit.accountId !== actor.id) {
    throw conflict({
      vi: 'Chỉ người dự bổ sung vào báo cáo đã nộp.',
      en: 'Only the visitor amends a filed report.',
    });
  }
  await tx
    .insert(visitReportAddenda)
    .values({ visitId: visit.id, text, accountId: actor.id, accountName: actor.displayName });
  await audit(tx, actor, {
    action: 'supervision.report_addendum',
    entityType: 'visit',
    entityId: visit.id,
    orgPath: visit.cellPath,
  });
}

export async function reportOf(db: Db, visitId: number): Promise<VisitReportDto | null> {
  const [row] = await db.select().from(visitReports).where(eq(visitReports.visitId, visitId));
  if (!row) return null;
  const addenda = await db.select().from(visitReportAddenda).where(eq(visitReportAddenda.visitId, visitId));
  return {
    visitId,
    attended: row.attended,
    absenceReason: row.absenceReason,
    score: (row.score as VisitReportDto['score']) ?? null,
    contentNotes: row.contentNotes,
    opinionNotes: row.opinionNotes,
    recommendations: row.recommendations,
    issuesForDirection: row.issuesForDirection,
    submittedAt: row.submittedAt.toISOString(),
    submittedBy: row.submittedByName,
    addenda: addenda.map((a) => ({ at: a.at.toISOString(), by: a.accountName, text: a.text })),
  };
}

/** The visit page: the meeting's agenda and published materials, the sheet to score, the report if filed. */
export async function visitDetail(
  db: Db,
  actor: Actor,
  visit: VisitRow,
  today: string,
  now: Date,
): Promise<VisitDetailDto> {
  const { content } = await rulesAt(db, visit.cellPath, visit.date);
  const rules = supervisionRulesOf(content);
  const [meeting] = visit.meetingId
    ? await rows<{
        agenda: { title: string; section: string }[];
        total: number | null;
        level: string | null;
      }>(db, sql`SELECT agenda, total, level FROM meetings WHERE id = ${visit.meetingId}`)
    : [];
  const materials = visit.meetingId ? await materialsOf(db, visit.meetingId) : [];
  return {
    ...presentVisit(actor, visit, today, rules.reportDueDays),
    agenda: meeting?.agenda ?? [],
    materials: materials
      .filter((m) => new Date(m.publishAt) <= now || canManage(actor, visit.committeePath))
      .map((m) => ({
        id: m.id,
        title: m.fileName,
        url: `/api/meetings/${visit.meetingId}/materials/${m.id}`,
      })),
    cellScore:
      meeting && meeting.total !== null && meeting.level
        ? {
            total: meeting.total,
            level: meeting.level as QualityLevel,
          }
        : null,
    sheet: content.scoreSheet.criteria.map((c) => ({ id: c.id, group: c.group, label: c.label, max: c.max })),
    sheetGroups: content.scoreSheet.groups ?? [],
    levels: content.levels,
    report: await reportOf(db, visit.id),
  };
}
