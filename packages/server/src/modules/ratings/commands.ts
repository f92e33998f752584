import type { AuditAction } from '@nennep/core';
/**
 * The steps of the year's review (domain.md §8; QĐ 366-QĐ/TW, HD 43-HD/BTCTW): self-assessment, the cell's
 * (organisation's) proposal, the committee's decision, and "not rated". Each is one transaction: the subject
 * is read and locked (`FOR SHARE`), its rating row made and locked (`FOR UPDATE`), the rules in force at the
 * period's end read, the actor's right and the step's state checked, then the row and an audit event written.
 */
import {
  type decideRatingSchema,
  NOT_RATED_REASON_LABELS,
  type notRatedSchema,
  type proposeRatingSchema,
  type RatingLevel,
  type RatingPeriod,
  type RatingRules,
  ratingPeriodEnd,
  scoreFitsLevel,
  scoreOutsideLevel,
  type selfAssessSchema,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Db, rows } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { conflict, forbidden, invalidField } from '../../http/errors.ts';
import { assertMay, mayDecide, mayPropose, maySelfAssess } from './policy.ts';
import {
  lockRatingRow,
  lockSubject,
  type RatingRow,
  ratingRulesAt,
  recordedNotRated,
  type SubjectRow,
} from './queries.ts';
import { assertQuota } from './quota.ts';

interface Key {
  year: number;
  period: RatingPeriod;
  subject: 'org' | 'member';
  code: string;
}

interface Step {
  tx: Db;
  subject: SubjectRow;
  row: RatingRow;
  rules: RatingRules;
}

/** The actor's own member code, for a member's self-assessment (403 for an account that is no member). */
async function ownCode(tx: Db, actor: Actor): Promise<string> {
  if (!actor.memberId) throw forbidden();
  const [me] = await rows<{ code: string }>(
    tx,
    sql`SELECT member_code AS code FROM members WHERE id = ${actor.memberId}`,
  );
  if (!me) throw forbidden();
  return me.code;
}

/**
 * The frame every step runs in, one transaction: the subject (by code; a member's own when no code is given),
 * its row and the rules read and locked; the quarter checked against the rules.
 */
function inStep<T>(
  db: Db,
  actor: Actor,
  given: Omit<Key, 'code'> & { code?: string | null },
  work: (step: Step, key: Key) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const code = given.code ?? (given.subject === 'member' ? await ownCode(tx, actor) : null);
    if (!code) throw invalidField('code', { vi: 'Cần chọn tổ chức.', en: 'Choose the organisation.' });
    const key: Key = { year: given.year, period: given.period, subject: given.subject, code };
    const end = ratingPeriodEnd(key.year, key.period);
    const subject = await lockSubject(tx, actor, key, end);
    const rules = await ratingRulesAt(tx, subject.orgPath, end);
    if (key.period !== 'year' && !rules.quarters.includes(key.period)) {
      throw invalidField('period', {
        vi: 'Bộ quy tắc đang áp dụng không đánh giá, xếp loại riêng quý này.',
        en: 'The rules in force do not rate this quarter on its own.',
      });
    }
    const row = await lockRatingRow(tx, subject, key.year, key.period);
    return work({ tx, subject, row, rules }, key);
  });
}

/** 409 when the subject is not rated in the period (recorded, or found from the records). */
function assertRated(step: Step, key: Key) {
  const reason = step.row.notRatedReason ?? recordedNotRated(step.subject, key.year, key.period, step.rules);
  if (!reason) return;
  const label = NOT_RATED_REASON_LABELS[reason];
  throw conflict(
    {
      vi: `${step.subject.name} không thuộc diện đánh giá, xếp loại kỳ này: ${label.vi.toLowerCase()}.`,
      en: `${step.subject.name} is not rated in this period: ${label.en.toLowerCase()}.`,
    },
    'code',
  );
}

/**
 * The score within the level given (`scoreFitsLevel`), and a disqualifying condition (QĐ 366-QĐ/TW art. 11)
 * only with "không hoàn thành nhiệm vụ".
 */
function assertScoreFits(score: number | null, level: RatingLevel, rules: RatingRules, disqualified = false) {
  if (disqualified && level !== 'failed') {
    throw invalidField('level', {
      vi: 'Có điều kiện loại trừ thì xếp loại không hoàn thành nhiệm vụ.',
      en: 'With a disqualifying condition the level is failed.',
    });
  }
  if (!scoreFitsLevel(score, level, rules.levels, disqualified) && score !== null) {
    throw invalidField('score', scoreOutsideLevel(score, level, rules));
  }
}

/**
 * A step's points per group (issue 15 point 3): each group of the subject's sheet in the rules in force
 * (Mẫu 01 / 2A–2C of HD 43-HD/BTCTW, as rule-set data), each within 0..its max, and their total the score given.
 * Returns the sheet to store (null when none was given: old rows and totals-only steps stay valid).
 */
function checkedSheet(
  sheet: Record<string, number> | null | undefined,
  score: number | null,
  subject: 'org' | 'member',
  rules: RatingRules,
): Record<string, number> | null {
  if (!sheet) return null;
  const groups = rules.sheets[subject];
  const ids = new Set(groups.map((g) => g.id));
  for (const key of Object.keys(sheet)) {
    if (!ids.has(key))
      throw invalidField(`sheet.${key}`, {
        vi: 'Nhóm tiêu chí này không có trong phiếu đánh giá đang áp dụng.',
        en: 'This group is not on the rating sheet in force.',
      });
  }
  let total = 0;
  for (const g of groups) {
    const points = sheet[g.id];
    if (points === undefined || points > g.max)
      throw invalidField(`sheet.${g.id}`, {
        vi: `Điểm nhóm "${g.label.vi}" phải từ 0 đến ${g.max}.`,
        en: `The points of "${g.label.en}" must be 0 to ${g.max}.`,
      });
    total += points;
  }
  if (score !== total)
    throw invalidField(score === null ? 'score' : 'sheet', {
      vi: `Tổng điểm các nhóm (${total}) phải bằng tổng điểm${score === null ? '' : ` (${score})`}.`,
      en: `The groups' points (${total}) must add up to the score${score === null ? '' : ` (${score})`}.`,
    });
  return Object.fromEntries(groups.map((g) => [g.id, sheet[g.id] ?? 0]));
}

const tooLate = (step: string) =>
  conflict({
    vi: `Đã có ${step === 'decision' ? 'quyết định của cấp có thẩm quyền' : 'đề xuất của chi bộ'}: bước này không sửa được nữa.`,
    en: `The ${step === 'decision' ? 'competent committee has decided' : 'cell has proposed'}: this step can no longer change.`,
  });

const auditOf = (step: Step, key: Key, action: AuditAction, detail: Record<string, unknown>) => ({
  action,
  entityType: 'rating',
  entityId: step.row.id,
  orgPath: step.subject.orgPath,
  detail: { year: key.year, period: key.period, subject: key.subject, code: step.subject.code, ...detail },
});

/**
 * The self-assessment (Mẫu 01 for an organisation, 2A–2C for a member, HD 43-HD/BTCTW): a member's own only,
 * an organisation's by its leaders; until the cell has proposed.
 */
export function selfAssess(db: Db, actor: Actor, input: z.output<typeof selfAssessSchema>, now: Date) {
  return inStep(db, actor, input, async (step, key) => {
    assertMay(maySelfAssess, actor, step.subject);
    assertRated(step, key);
    if (step.row.proposalLevel || step.row.decisionLevel) throw tooLate('proposal');
    assertScoreFits(input.score ?? null, input.level, step.rules);
    const sheet = checkedSheet(input.sheet, input.score ?? null, key.subject, step.rules);
    await step.tx.execute(
      sql`UPDATE ratings SET self_score = ${input.score ?? null}, self_level = ${input.level},
            self_sheet = ${sheet === null ? null : JSON.stringify(sheet)}::jsonb,
            self_text = ${input.text ?? null}, self_by = ${actor.id}, self_by_name = ${actor.displayName},
            self_at = ${now.toISOString()}, updated_at = ${now.toISOString()}
          WHERE id = ${step.row.id}`,
    );
    await audit(
      step.tx,
      actor,
      auditOf(step, key, 'rating.self_assessed', { level: input.level, score: input.score ?? null, sheet }),
    );
    return step.row.id;
  });
}

/**
 * The cell's proposal after its review at the year-end meeting (or an organisation's for itself), with the
 * meeting it was made at when recorded through it; until the committee has decided.
 */
export function propose(db: Db, actor: Actor, input: z.output<typeof proposeRatingSchema>, now: Date) {
  return inStep(db, actor, input, async (step) => {
    assertMay(mayPropose, actor, step.subject);
    assertRated(step, input);
    if (step.row.decisionLevel) throw tooLate('decision');
    assertScoreFits(input.score ?? null, input.level, step.rules, input.disqualified);
    const sheet = checkedSheet(input.sheet, input.score ?? null, input.subject, step.rules);
    const meetingId = input.meetingId ?? null;
    if (meetingId !== null) {
      const [meeting] = await rows<{ id: number }>(
        step.tx,
        sql`SELECT id::int AS id FROM meetings WHERE id = ${meetingId} AND org_path LIKE ${`${step.subject.orgPath}%`}
              AND extract(year FROM scheduled_date)::int BETWEEN ${input.year} AND ${input.year + 1}
            FOR SHARE`,
      );
      if (!meeting)
        throw invalidField('meetingId', {
          vi: 'Cuộc họp không phải của chi bộ này trong kỳ đánh giá.',
          en: "The meeting is not this cell's, in the period rated.",
        });
    }
    await step.tx.execute(
      sql`UPDATE ratings SET proposal_score = ${input.score ?? null}, proposal_level = ${input.level},
            proposal_sheet = ${sheet === null ? null : JSON.stringify(sheet)}::jsonb,
            proposal_text = ${input.text ?? null}, proposal_meeting_id = ${meetingId}, proposal_by = ${actor.id},
            proposal_by_name = ${actor.displayName}, proposal_at = ${now.toISOString()},
            updated_at = ${now.toISOString()}
          WHERE id = ${step.row.id}`,
    );
    await audit(
      step.tx,
      actor,
      auditOf(step, input, 'rating.proposed', {
        level: input.level,
        score: input.score ?? null,
        sheet,
        meetingId,
      }),
    );
    return step.row.id;
  });
}

/**
 * The competent committee's decision (or its superior's, overruling): the quota checked with the group
 * locked; a level other than the cell's proposal keeps both and needs the reason. A later decision replaces
 * the earlier one, whose values the audit event keeps.
 */
export function decide(
  db: Db,
  actor: Actor,
  input: z.output<typeof decideRatingSchema>,
  now: Date,
  source: 'app' | 'import' = 'app',
) {
  return inStep(db, actor, input, async (step) => {
    assertMay(mayDecide, actor, step.subject);
    assertRated(step, input);
    assertScoreFits(input.score ?? null, input.level, step.rules, input.disqualified);
    const sheet = checkedSheet(input.sheet, input.score ?? null, input.subject, step.rules);
    const reason = input.reason?.trim() || null;
    const proposed = step.row.proposalLevel;
    if (proposed && proposed !== input.level && !reason) {
      throw invalidField('reason', {
        vi: 'Mức quyết định khác mức chi bộ đề xuất: cần nêu lý do.',
        en: "The level decided differs from the cell's proposal: give the reason.",
      });
    }
    const quota = await assertQuota(
      step.tx,
      step.subject,
      input.year,
      input.period,
      step.row.id,
      input.level,
      step.rules.excellentQuota.percent,
    );
    await step.tx.execute(
      sql`UPDATE ratings SET decision_score = ${input.score ?? null}, decision_level = ${input.level},
            decision_sheet = ${sheet === null ? null : JSON.stringify(sheet)}::jsonb,
            decision_reason = ${reason}, decision_by = ${actor.id}, decision_by_name = ${actor.displayName},
            decision_at = ${now.toISOString()}, decision_source = ${source}, updated_at = ${now.toISOString()}
          WHERE id = ${step.row.id}`,
    );
    await audit(
      step.tx,
      actor,
      auditOf(step, input, 'rating.decided', {
        level: input.level,
        score: input.score ?? null,
        sheet,
        proposed,
        previous: step.row.decisionLevel,
        reason,
        quota: { excellent: quota.excellent, base: quota.base, max: quota.max },
      }),
    );
    return step.row.id;
  });
}

/**
 * Records that a subject is not rated in the period (suspended, on long leave …) or, with `reason: null`, rates
 * it again: by those who propose or decide for it; never once decided (the decision is changed instead).
 */
export function setNotRated(db: Db, actor: Actor, input: z.output<typeof notRatedSchema>, now: Date) {
  return inStep(db, actor, input, async (step) => {
    if (!mayPropose(actor, step.subject) && !mayDecide(actor, step.subject)) throw forbidden();
    if (step.row.decisionLevel) throw tooLate('decision');
    await step.tx.execute(
      sql`UPDATE ratings SET not_rated_reason = ${input.reason}, not_rated_note = ${input.reason ? (input.note ?? null) : null},
            updated_at = ${now.toISOString()}
          WHERE id = ${step.row.id}`,
    );
    await audit(step.tx, actor, auditOf(step, input, 'rating.not_rated', { reason: input.reason }));
    return step.row.id;
  });
}
