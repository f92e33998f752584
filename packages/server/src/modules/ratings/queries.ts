/**
 * Reads of the year's review: the subject of a rating (an organisation or a member, found by code, checked
 * readable, locked inside a command), the rules in force for it, the rating rows and their presentation.
 */
import {
  DEFAULT_RULE_SET,
  type NotRatedReason,
  notRatedReasonOf,
  RATED_ORG_KINDS,
  type RatingDto,
  type RatingLevel,
  type RatingPeriod,
  type RatingRules,
  type RatingSheet,
  type RatingSubject,
  ratingPeriodEnd,
  ratingRulesOf,
} from '@nennep/core';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { type Actor, ANY_ROLE, can } from '../../http/access.ts';
import { invalidField, notFound } from '../../http/errors.ts';
import { lockReadableOrg } from '../orgs/policy.ts';
import { pick, ruleSetsAlong } from '../rule-sets/service.ts';
import { abilitiesOf, type RatedSubject } from './policy.ts';

export interface SubjectRow extends RatedSubject {
  code: string;
  name: string;
  /** The organisation's kind (the member's cell's, for a member). */
  orgKind: string;
  /** A member's admission date and exemption at the period's end; null for an organisation. */
  admissionDate: string | null;
  exempt: boolean;
}

/**
 * The subject of a rating, locked `FOR SHARE` for the caller's transaction: 404 when the actor cannot see it
 * (a member sees himself or herself), 400 on `code` when it is not one that is rated (a committee above the
 * grassroots, a member removed).
 */
export async function lockSubject(
  tx: Db,
  actor: Actor,
  key: { subject: RatingSubject; code: string },
  periodEnd: string,
): Promise<SubjectRow> {
  if (key.subject === 'org') {
    const org = await lockReadableOrg(tx, actor, key.code, 'share');
    if (!(RATED_ORG_KINDS as readonly string[]).includes(org.kind) || org.status !== 'active') {
      throw invalidField('code', {
        vi: 'Chỉ tổ chức cơ sở đảng và chi bộ đang hoạt động được đánh giá, xếp loại ở đây.',
        en: 'Only active grassroots organisations and cells are rated here.',
      });
    }
    return {
      subject: 'org',
      subjectId: org.id,
      orgId: org.id,
      orgPath: org.path,
      orgKind: org.kind,
      code: org.code,
      name: org.name,
      admissionDate: null,
      exempt: false,
    };
  }
  const [member] = await rows<{
    id: number;
    code: string;
    name: string;
    status: string;
    orgId: number;
    orgPath: string;
    admissionDate: string;
    exempt: boolean;
  }>(
    tx,
    sql`SELECT m.id::int AS id, m.member_code AS code, m.full_name AS name, m.status, m.org_id::int AS "orgId",
          m.org_path AS "orgPath", m.admission_date::text AS "admissionDate",
          ((m.exempt_from IS NOT NULL AND m.exempt_from <= ${periodEnd}) OR EXISTS (
            SELECT 1 FROM member_periods p WHERE p.member_id = m.id AND p.kind = 'exempt'
              AND p.from_date <= ${periodEnd} AND (p.to_date IS NULL OR p.to_date >= ${periodEnd}))) AS exempt
        FROM members m WHERE m.member_code = ${key.code} FOR SHARE OF m`,
  );
  if (!member || !(actor.memberId === member.id || can(actor, ANY_ROLE, member.orgPath)))
    throw notFound('member');
  if (member.status !== 'official' && member.status !== 'probationary') {
    throw invalidField('code', {
      vi: 'Đảng viên này không còn sinh hoạt đảng nên không được đánh giá.',
      en: 'This member is no longer active and is not rated.',
    });
  }
  const [cell] = await rows<{ kind: string }>(tx, sql`SELECT kind FROM orgs WHERE id = ${member.orgId}`);
  return {
    subject: 'member',
    subjectId: member.id,
    orgId: member.orgId,
    orgPath: member.orgPath,
    orgKind: cell?.kind ?? 'cell',
    code: member.code,
    name: member.name,
    admissionDate: member.admissionDate,
    exempt: member.exempt,
  };
}

/** The rating rules in force for a node at a period's end (the nearest dated rule set; else the default). */
export async function ratingRulesAt(db: Db, path: string, date: string): Promise<RatingRules> {
  const found = pick(await ruleSetsAlong(db, path), path, date);
  return ratingRulesOf(found?.content ?? DEFAULT_RULE_SET);
}

/** Why the records leave a member out of a period (exempt, newly admitted), or null; organisations: null. */
export function recordedNotRated(s: SubjectRow, year: number, period: RatingPeriod, rules: RatingRules) {
  if (s.subject !== 'member' || s.admissionDate === null) return null;
  return notRatedReasonOf(
    { admissionDate: s.admissionDate, exempt: s.exempt, suspended: false },
    ratingPeriodEnd(year, period),
    rules.notRated,
  );
}

export interface RatingRow {
  id: number;
  year: number;
  period: RatingPeriod;
  subject: RatingSubject;
  subjectId: number;
  orgId: number;
  orgPath: string;
  selfScore: number | null;
  selfLevel: RatingLevel | null;
  selfText: string | null;
  selfSheet: RatingSheet | null;
  selfByName: string | null;
  selfAt: string | null;
  proposalScore: number | null;
  proposalLevel: RatingLevel | null;
  proposalText: string | null;
  proposalSheet: RatingSheet | null;
  proposalMeetingId: number | null;
  proposalByName: string | null;
  proposalAt: string | null;
  decisionScore: number | null;
  decisionLevel: RatingLevel | null;
  decisionReason: string | null;
  decisionSheet: RatingSheet | null;
  decisionByName: string | null;
  decisionAt: string | null;
  notRatedReason: NotRatedReason | null;
  notRatedNote: string | null;
}

const COLUMNS = sql`r.id::int AS id, r.year, r.period, r.subject, r.subject_id::int AS "subjectId",
  r.org_id::int AS "orgId", r.org_path AS "orgPath",
  r.self_score::float8 AS "selfScore", r.self_level AS "selfLevel", r.self_text AS "selfText", r.self_sheet AS "selfSheet",
  r.self_by_name AS "selfByName", r.self_at AS "selfAt",
  r.proposal_score::float8 AS "proposalScore", r.proposal_level AS "proposalLevel",
  r.proposal_text AS "proposalText", r.proposal_sheet AS "proposalSheet", r.proposal_meeting_id::int AS "proposalMeetingId",
  r.proposal_by_name AS "proposalByName", r.proposal_at AS "proposalAt",
  r.decision_score::float8 AS "decisionScore", r.decision_level AS "decisionLevel",
  r.decision_reason AS "decisionReason", r.decision_sheet AS "decisionSheet", r.decision_by_name AS "decisionByName", r.decision_at AS "decisionAt",
  r.not_rated_reason AS "notRatedReason", r.not_rated_note AS "notRatedNote"`;

/** The subject's rating row in a period, made empty when there is none, and locked `FOR UPDATE`. */
export async function lockRatingRow(
  tx: Db,
  s: SubjectRow,
  year: number,
  period: RatingPeriod,
): Promise<RatingRow> {
  await tx.execute(
    sql`INSERT INTO ratings (year, period, subject, subject_id, org_id, org_path)
        VALUES (${year}, ${period}, ${s.subject}, ${s.subjectId}, ${s.orgId}, ${s.orgPath})
        ON CONFLICT (year, period, subject, subject_id) DO NOTHING`,
  );
  const [row] = await rows<RatingRow>(
    tx,
    sql`SELECT ${COLUMNS} FROM ratings r WHERE r.year = ${year} AND r.period = ${period}
          AND r.subject = ${s.subject} AND r.subject_id = ${s.subjectId} FOR UPDATE`,
  );
  if (!row) throw new Error('rating row not found after insert');
  return row;
}

type ListedRow = RatingRow & { code: string; name: string; orgCode: string };

/** Rating rows matching a filter, with the subject's code and name and the organisation's code. */
export function ratingRows(db: Db, where: SQL, limit: number): Promise<ListedRow[]> {
  return rows<ListedRow>(
    db,
    sql`SELECT ${COLUMNS}, o.code AS "orgCode",
          COALESCE(so.code, m.member_code) AS code, COALESCE(so.name, m.full_name) AS name
        FROM ratings r JOIN orgs o ON o.id = r.org_id
        LEFT JOIN orgs so ON r.subject = 'org' AND so.id = r.subject_id
        LEFT JOIN members m ON r.subject = 'member' AND m.id = r.subject_id
        WHERE ${where}
        ORDER BY r.year DESC, r.period, r.subject DESC, r.org_path, COALESCE(m.sort_key, so.sort_key), r.id
        LIMIT ${limit}`,
  );
}

const iso = (at: string | Date | null) => (at === null ? null : new Date(at).toISOString());

/** A rating row as the API answers it, with what the actor may do on it. */
export function presentRating(actor: Actor, r: ListedRow): RatingDto {
  const step = (
    score: number | null,
    sheet: RatingSheet | null,
    level: RatingLevel,
    text: string | null,
    by: string | null,
    at: string | null,
  ) => ({
    score,
    sheet,
    level,
    text,
    by,
    at: iso(at),
  });
  return {
    id: r.id,
    year: r.year,
    period: r.period,
    subject: r.subject,
    code: r.code,
    name: r.name,
    orgCode: r.orgCode,
    self: r.selfLevel
      ? step(r.selfScore, r.selfSheet, r.selfLevel, r.selfText, r.selfByName, r.selfAt)
      : null,
    proposal: r.proposalLevel
      ? {
          ...step(
            r.proposalScore,
            r.proposalSheet,
            r.proposalLevel,
            r.proposalText,
            r.proposalByName,
            r.proposalAt,
          ),
          meetingId: r.proposalMeetingId,
        }
      : null,
    decision: r.decisionLevel
      ? {
          ...step(r.decisionScore, r.decisionSheet, r.decisionLevel, null, r.decisionByName, r.decisionAt),
          reason: r.decisionReason,
        }
      : null,
    notRated: r.notRatedReason ? { reason: r.notRatedReason, note: r.notRatedNote } : null,
    level: r.notRatedReason ? null : r.decisionLevel,
    abilities: abilitiesOf(actor, r),
  };
}
