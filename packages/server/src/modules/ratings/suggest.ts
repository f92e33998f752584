/**
 * Suggested points of the rating sheet (issue 15 point 3; domain.md §8: "monthly meeting ratings feed the
 * cell's rating"): what the app's records tell of the period — an organisation's meetings held of those
 * planned and their scores, the supervisors' visit reports, its tasks and the recommendations it handles done
 * on time; a member's attendance, tasks done and opinions given — turned into points per sheet group as the
 * group's max × the mean ratio of the indicators feeding it. The rater sees them and may override them.
 */
import {
  isoDateInVietnam,
  type RatingEvidenceDto,
  type RatingFeeds,
  type RatingIndicator,
  type RatingPeriod,
  type RatingRules,
  type RatingSubject,
  type RatingSuggestionDto,
  ratingPeriodEnd,
  ratingPeriodStart,
} from '@nennep/core';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { type Actor, ANY_ROLE, can } from '../../http/access.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { RATING_READERS } from './policy.ts';
import { ratingRulesAt } from './queries.ts';

/**
 * The default feeds, rule-set data (a rule set's `ratings.feeds` replaces them). Source: QĐ 366-QĐ/TW art. 9–10
 * (the criteria of collectives: building the Party in organisation — its meetings; inspection and supervision;
 * the results of the tasks; of members: discipline and the duties assigned) with HD 43-HD/BTCTW Mẫu 01, 2A–2C,
 * and domain.md §8 ("monthly meeting ratings feed the cell's rating"). Which indicator feeds which group is a
 * working choice, not read in the text: `verify: true`.
 */
export const DEFAULT_RATING_FEEDS: RatingFeeds = {
  org: {
    organisation_building: ['meetingsHeld', 'meetingQuality'],
    inspection: ['visitQuality'],
    tasks_results: ['tasksOnTime', 'recommendationsOnTime'],
  },
  member: {
    politics_ethics: ['attendance', 'opinions'],
    tasks_results: ['tasksDone'],
  },
  source: 'QĐ 366-QĐ/TW (30/8/2025) art. 9–10; HD 43-HD/BTCTW Mẫu 01, 2A–2C; domain.md §8',
  verify: true,
};

interface Subject {
  subject: RatingSubject;
  id: number;
  code: string;
  name: string;
  path: string;
}

/**
 * The subject by code, with the access of reading its rating: staff of a subtree holding it, a member his or
 * her own (404 when the actor cannot see it at all, 403 when seen but not a reader of ratings).
 */
async function readableSubject(db: Db, actor: Actor, subject: RatingSubject, code: string): Promise<Subject> {
  const [found] =
    subject === 'org'
      ? await rows<Subject & { memberId: null }>(
          db,
          sql`SELECT 'org' AS subject, id::int AS id, code, name, path, NULL AS "memberId" FROM orgs WHERE code = ${code}`,
        )
      : await rows<Subject & { memberId: number }>(
          db,
          sql`SELECT 'member' AS subject, id::int AS id, member_code AS code, full_name AS name, org_path AS path,
                id::int AS "memberId"
              FROM members WHERE member_code = ${code}`,
        );
  const own = found !== undefined && subject === 'member' && actor.memberId === found.id;
  if (!found || !(own || can(actor, ANY_ROLE, found.path)))
    throw notFound(subject === 'org' ? 'org' : 'member');
  if (!own && !can(actor, RATING_READERS, found.path)) throw forbidden();
  return found;
}

const levelsOf = (column: SQL) =>
  sql`COALESCE((SELECT jsonb_object_agg(l, n) FROM (SELECT ${column} AS l, count(*)::int AS n FROM x
      WHERE ${column} IS NOT NULL GROUP BY 1) c), '{}'::jsonb)`;

interface Counted {
  count: number;
  of: number;
  average: number | null;
  levels: Record<string, number> | null;
}

async function one(db: Db, query: SQL): Promise<Counted> {
  const [row] = await rows<Counted>(db, query);
  return row ?? { count: 0, of: 0, average: null, levels: null };
}

/** The indicators of an organisation (its own meetings, visits to it, tasks and recommendations it handles). */
async function orgFacts(db: Db, s: Subject, from: string, to: string) {
  const meetings = one(
    db,
    sql`WITH x AS (SELECT status, total, level FROM meetings WHERE org_id = ${s.id}
          AND scheduled_date BETWEEN ${from} AND ${to})
        SELECT count(*) FILTER (WHERE status IN ('held', 'adopted'))::int AS count, count(*)::int AS of,
          avg(total) FILTER (WHERE status IN ('held', 'adopted'))::float8 AS average, ${levelsOf(sql`level`)} AS levels
        FROM x`,
  );
  const visits = one(
    db,
    sql`WITH x AS (SELECT vr.total, vr.level FROM visits v JOIN visit_reports vr ON vr.visit_id = v.id
          WHERE v.cell_org_id = ${s.id} AND v.scheduled_date BETWEEN ${from} AND ${to}
            AND vr.attended AND vr.total IS NOT NULL)
        SELECT count(*)::int AS count, count(*)::int AS of, avg(total)::float8 AS average,
          ${levelsOf(sql`level`)} AS levels FROM x`,
  );
  const tasks = one(
    db,
    sql`SELECT count(*) FILTER (WHERE t.status = 'done' AND t.status_at IS NOT NULL
            AND (t.status_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= t.deadline)::int AS count,
          count(*)::int AS of, NULL AS average, NULL AS levels
        FROM tasks t JOIN meetings m ON m.id = t.meeting_id
        WHERE m.org_id = ${s.id} AND t.status <> 'dropped' AND t.deadline BETWEEN ${from} AND ${to}`,
  );
  const recommendations = one(
    db,
    sql`SELECT count(*) FILTER (WHERE answered_on IS NOT NULL AND answered_on <= due_date)::int AS count,
          count(*)::int AS of, NULL AS average, NULL AS levels
        FROM recommendations WHERE handler_org_id = ${s.id} AND merged_into_id IS NULL
          AND status <> 'declined' AND due_date BETWEEN ${from} AND ${to}`,
  );
  const [m, v, t, r] = await Promise.all([meetings, visits, tasks, recommendations]);
  const facts: Partial<Record<RatingIndicator, RatingEvidenceDto>> = {};
  if (m.of > 0) facts.meetingsHeld = evidence('meetingsHeld', m.count, m.of, m.count / m.of);
  if (m.average !== null)
    facts.meetingQuality = evidence('meetingQuality', m.count, m.of, m.average / 100, m.average, m.levels);
  if (v.average !== null)
    facts.visitQuality = evidence('visitQuality', v.count, v.of, v.average / 100, v.average, v.levels);
  if (t.of > 0) facts.tasksOnTime = evidence('tasksOnTime', t.count, t.of, t.count / t.of);
  if (r.of > 0)
    facts.recommendationsOnTime = evidence('recommendationsOnTime', r.count, r.of, r.count / r.of);
  return facts;
}

/** The indicators of a member: roll calls of the cell's meetings held, tasks assigned, opinions given. */
async function memberFacts(db: Db, s: Subject, from: string, to: string) {
  const attendance = one(
    db,
    sql`SELECT count(*) FILTER (WHERE a.status = 'present')::int AS count, count(*)::int AS of,
          count(*) FILTER (WHERE a.status = 'present' AND EXISTS (
            SELECT 1 FROM opinions o WHERE o.meeting_id = a.meeting_id AND o.member_id = a.member_id))::float8
            AS average, NULL AS levels
        FROM attendance a JOIN meetings m ON m.id = a.meeting_id
        WHERE a.member_id = ${s.id} AND m.status IN ('held', 'adopted')
          AND a.status NOT IN ('exempt', 'attached_elsewhere') AND m.scheduled_date BETWEEN ${from} AND ${to}`,
  );
  const tasks = one(
    db,
    sql`SELECT count(*) FILTER (WHERE t.status = 'done')::int AS count, count(*)::int AS of,
          NULL AS average, NULL AS levels
        FROM tasks t WHERE t.member_id = ${s.id} AND t.status <> 'dropped' AND t.deadline BETWEEN ${from} AND ${to}`,
  );
  const [a, t] = await Promise.all([attendance, tasks]);
  const facts: Partial<Record<RatingIndicator, RatingEvidenceDto>> = {};
  if (a.of > 0) facts.attendance = evidence('attendance', a.count, a.of, a.count / a.of);
  // Opinions given at the meetings attended (the "average" column above holds their count).
  const spoke = a.average ?? 0;
  if (a.count > 0) facts.opinions = evidence('opinions', spoke, a.count, spoke / a.count);
  if (t.of > 0) facts.tasksDone = evidence('tasksDone', t.count, t.of, t.count / t.of);
  return facts;
}

function evidence(
  indicator: RatingIndicator,
  count: number,
  of: number,
  ratio: number,
  average: number | null = null,
  levels: Record<string, number> | null = null,
): RatingEvidenceDto {
  const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
  return {
    indicator,
    ratio: round(Math.min(1, Math.max(0, ratio)), 4),
    count,
    of,
    average: average === null ? null : round(average, 1),
    levels,
  };
}

/** Points = the group's max × the mean ratio of its indicators with data, to the half point (the score's step). */
export function suggestedPoints(max: number, ratios: number[]): number | null {
  if (ratios.length === 0) return null;
  const mean = ratios.reduce((sum, r) => sum + r, 0) / ratios.length;
  return Math.round(max * mean * 2) / 2;
}

/** The suggestion for a subject's period; the records are counted up to today when the period runs on. */
export async function suggestRating(
  db: Db,
  actor: Actor,
  q: { subject: RatingSubject; id: string; year: number; period: RatingPeriod },
  now: Date,
): Promise<RatingSuggestionDto> {
  const s = await readableSubject(db, actor, q.subject, q.id);
  const end = ratingPeriodEnd(q.year, q.period);
  const today = isoDateInVietnam(now);
  // ISO dates compare as strings: the earlier of today and the period's end.
  const to = [today, end].sort()[0] ?? end;
  const from = ratingPeriodStart(q.year, q.period);
  const rules: RatingRules = await ratingRulesAt(db, s.path, end);
  const feeds = rules.feeds ?? DEFAULT_RATING_FEEDS;
  const facts = q.subject === 'org' ? await orgFacts(db, s, from, to) : await memberFacts(db, s, from, to);
  const groups = rules.sheets[q.subject].map((g) => {
    const found = (feeds[q.subject][g.id] ?? []).flatMap((i) => (facts[i] ? [facts[i]] : []));
    return {
      id: g.id,
      label: g.label,
      max: g.max,
      points: suggestedPoints(
        g.max,
        found.map((e) => e.ratio),
      ),
      evidence: found,
    };
  });
  return {
    subject: q.subject,
    code: s.code,
    name: s.name,
    year: q.year,
    period: q.period,
    groups,
    source: feeds.source,
    verify: feeds.verify ?? false,
  };
}
