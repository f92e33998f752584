/**
 * Reads of "Chi bộ bốn tốt": the registrations of a subtree, the facts of their year gathered from the
 * meetings (HD 12-HD/BTCTW), the ratings (QĐ 366-QĐ/TW) and the members, the committee's assessments, and the
 * presentation with each criterion's status.
 */
import {
  DEFAULT_RULE_SET,
  evaluateFourGood,
  type FourGoodAssessment,
  type FourGoodCellDto,
  type FourGoodFacts,
  type FourGoodFinalResult,
  type FourGoodRegistrationStatus,
  type FourGoodResult,
  type FourGoodRules,
  fourGoodRulesOf,
  isoDateInVietnam,
  type RatingLevel,
} from '@nennep/core';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { pick, ruleSetsAlong, ruleSetsFor } from '../rule-sets/service.ts';
import { mayDecide } from './policy.ts';

export interface RegistrationRow {
  id: number;
  year: number;
  orgId: number;
  orgPath: string;
  orgCode: string;
  orgName: string;
  status: FourGoodRegistrationStatus;
  note: string | null;
  registeredAt: string;
  registeredByName: string | null;
  withdrawnReason: string | null;
  result: FourGoodFinalResult | null;
  resultComputed: FourGoodResult | null;
  resultReason: string | null;
  resultByName: string | null;
  resultAt: string | null;
}

/** Registrations matching a filter (`g` the registration, `o` its cell), in the tree's order. */
export function registrationRows(db: Db, where: SQL, lock = false): Promise<RegistrationRow[]> {
  return rows<RegistrationRow>(
    db,
    sql`SELECT g.id::int AS id, g.year, g.org_id::int AS "orgId", g.org_path AS "orgPath", o.code AS "orgCode",
          o.name AS "orgName", g.status, g.note, g.registered_at AS "registeredAt",
          g.registered_by_name AS "registeredByName", g.withdrawn_reason AS "withdrawnReason", g.result,
          g.result_computed AS "resultComputed", g.result_reason AS "resultReason",
          g.result_by_name AS "resultByName", g.result_at AS "resultAt"
        FROM four_good_registrations g JOIN orgs o ON o.id = g.org_id
        WHERE ${where} ORDER BY g.org_path, g.id ${lock ? sql`FOR UPDATE OF g` : sql``}`,
  );
}

/** The four-good rules in force for a cell at the year's end (the nearest dated rule set; else the default). */
export async function fourGoodRulesAt(db: Db, path: string, year: number): Promise<FourGoodRules> {
  const found = pick(await ruleSetsAlong(db, path), path, `${year}-12-31`);
  return fourGoodRulesOf(found?.content ?? DEFAULT_RULE_SET);
}

const emptyFacts = (): FourGoodFacts => ({
  meetings: { held: 0, rated: 0, good: 0, poor: 0 },
  cellRating: null,
  members: { rated: 0, goodOrBetter: 0, failed: 0 },
  expelled: 0,
});

/** The facts of the year for each cell (by id), read in four queries whatever the number of cells. */
export async function factsFor(db: Db, orgIds: readonly number[], year: number) {
  const facts = new Map<number, FourGoodFacts>(orgIds.map((id) => [id, emptyFacts()]));
  if (orgIds.length === 0) return facts;
  const ids = sql.join(
    orgIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  // HD 12-HD/BTCTW (06/7/2018) points 1–2: the cell's regular meetings held in the year and their levels.
  const meetings = await rows<{ orgId: number; held: number; rated: number; good: number; poor: number }>(
    db,
    sql`SELECT org_id::int AS "orgId", count(*)::int AS held, count(level)::int AS rated,
          count(*) FILTER (WHERE level = 'good')::int AS good, count(*) FILTER (WHERE level = 'poor')::int AS poor
        FROM meetings WHERE org_id IN (${ids}) AND kind = 'regular' AND status IN ('held', 'adopted')
          AND scheduled_date BETWEEN ${from} AND ${to}
        GROUP BY org_id`,
  );
  // QĐ 366-QĐ/TW art. 11: the committee's decisions on the cell's and its members' annual ratings.
  const ratings = await rows<{ orgId: number; subject: string; level: RatingLevel; n: number }>(
    db,
    sql`SELECT org_id::int AS "orgId", subject, decision_level AS level, count(*)::int AS n
        FROM ratings WHERE org_id IN (${ids}) AND year = ${year} AND period = 'year'
          AND decision_level IS NOT NULL AND not_rated_reason IS NULL
          AND (subject = 'member' OR subject_id = org_id)
        GROUP BY org_id, subject, decision_level`,
  );
  // Members of the cell expelled (khai trừ) in the year, from their status changes.
  const expelled = await rows<{ orgId: number; n: number }>(
    db,
    sql`SELECT m.org_id::int AS "orgId", count(DISTINCT m.id)::int AS n
        FROM member_events e JOIN members m ON m.id = e.member_id
        WHERE m.org_id IN (${ids}) AND e.kind = 'status_changed' AND e.data->>'to' = 'expelled'
          AND e.date BETWEEN ${from} AND ${to}
        GROUP BY m.org_id`,
  );
  for (const m of meetings) {
    const f = facts.get(m.orgId);
    if (f) f.meetings = { held: m.held, rated: m.rated, good: m.good, poor: m.poor };
  }
  for (const r of ratings) {
    const f = facts.get(r.orgId);
    if (!f) continue;
    if (r.subject === 'org') f.cellRating = r.level;
    else {
      f.members.rated += r.n;
      if (r.level === 'excellent' || r.level === 'good') f.members.goodOrBetter += r.n;
      if (r.level === 'failed') f.members.failed += r.n;
    }
  }
  for (const e of expelled) {
    const f = facts.get(e.orgId);
    if (f) f.expelled = e.n;
  }
  return facts;
}

const iso = (at: string | Date) => new Date(at).toISOString();

/** The committee's assessments of the manual criteria, per registration. */
export async function assessmentsFor(db: Db, registrationIds: readonly number[]) {
  const found = new Map<number, Map<string, FourGoodAssessment>>();
  if (registrationIds.length === 0) return found;
  const list = await rows<
    { registrationId: number; criterionId: string } & Omit<FourGoodAssessment, 'at'> & {
        at: string;
      }
  >(
    db,
    sql`SELECT registration_id::int AS "registrationId", criterion_id AS "criterionId", met, note,
          assessed_by_name AS "byName", assessed_at AS at
        FROM four_good_assessments WHERE registration_id IN (${sql.join(
          registrationIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
  for (const a of list) {
    const map = found.get(a.registrationId) ?? new Map<string, FourGoodAssessment>();
    map.set(a.criterionId, { met: a.met, note: a.note, byName: a.byName, at: iso(a.at) });
    found.set(a.registrationId, map);
  }
  return found;
}

/** Is the year over on the injected clock's day in Vietnam? */
export const yearEnded = (year: number, now: Date) => isoDateInVietnam(now) > `${year}-12-31`;

/** Evaluates one registration: its criteria and computed result. */
export function evaluate(
  rules: FourGoodRules,
  facts: FourGoodFacts | undefined,
  assessments: ReadonlyMap<string, FourGoodAssessment> | undefined,
  year: number,
  now: Date,
) {
  return evaluateFourGood(rules, facts ?? emptyFacts(), assessments ?? new Map(), yearEnded(year, now));
}

/** A registration as the API answers it, with what the actor may do on it. */
export function presentRegistration(
  actor: Actor,
  r: RegistrationRow,
  rules: FourGoodRules,
  facts: FourGoodFacts | undefined,
  assessments: ReadonlyMap<string, FourGoodAssessment> | undefined,
  now: Date,
): FourGoodCellDto {
  const { criteria, computed } = evaluate(rules, facts, assessments, r.year, now);
  const decide = mayDecide(actor, r.orgPath) && r.status === 'registered';
  const final =
    r.result && r.resultAt
      ? {
          result: r.result,
          computed: r.resultComputed ?? 'tracking',
          reason: r.resultReason,
          byName: r.resultByName,
          at: iso(r.resultAt),
        }
      : null;
  return {
    org: { code: r.orgCode, name: r.orgName },
    year: r.year,
    status: r.status,
    note: r.note,
    registeredAt: iso(r.registeredAt),
    registeredByName: r.registeredByName,
    withdrawnReason: r.withdrawnReason,
    criteria,
    computed,
    final,
    result: final?.result ?? computed,
    rating: facts?.cellRating ?? null,
    abilities: { assess: decide && final === null, decide, withdraw: decide && final === null },
  };
}

/**
 * Registrations of a filter, presented: facts and assessments read in bulk; the rule sets too when the subtree
 * (`rootPath`) is given, else read per cell.
 */
export async function presentAll(
  db: Db,
  actor: Actor,
  where: SQL,
  year: number,
  now: Date,
  rootPath?: string,
) {
  const list = await registrationRows(db, where);
  const facts = await factsFor(
    db,
    list.map((r) => r.orgId),
    year,
  );
  const assessments = await assessmentsFor(
    db,
    list.map((r) => r.id),
  );
  const candidates = rootPath && list.length > 0 ? await ruleSetsFor(db, rootPath) : null;
  const items: FourGoodCellDto[] = [];
  for (const r of list) {
    const rules = candidates
      ? fourGoodRulesOf(pick(candidates, r.orgPath, `${r.year}-12-31`)?.content ?? DEFAULT_RULE_SET)
      : await fourGoodRulesAt(db, r.orgPath, r.year);
    items.push(presentRegistration(actor, r, rules, facts.get(r.orgId), assessments.get(r.id), now));
  }
  return items;
}
