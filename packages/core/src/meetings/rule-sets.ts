import { z } from 'zod';
import { duesRulesSchema } from '../dues/schemas.ts';
import { fourGoodRulesSchema } from '../four-good/schemas.ts';
import { ratingRulesSchema } from '../ratings/schemas.ts';
import { recommendationRulesSchema } from '../recommendations/schemas.ts';
import { RULE_SET_LIMITS, type RuleSetContent } from '../rule-set-content.ts';
import { supervisionRulesSchema } from '../supervision/schemas.ts';
import { BOOLEAN_FACT_KEYS } from './score.ts';
import { FACT_KEYS, MEETING_KINDS, type MeetingKind, type MeetingRules } from './types.ts';

const bilingualSchema = z.object({
  vi: z.string().trim().min(1).max(300),
  en: z.string().trim().min(1).max(300),
});

const pointsSchema = z.number().int().min(0).max(RULE_SET_LIMITS.sheetTotal);

const criterionOptionSchema = z.object({
  label: bilingualSchema,
  points: pointsSchema,
  min: z.number().finite().optional(),
  below: z.number().finite().optional(),
  above: z.number().finite().optional(),
  equals: z.boolean().optional(),
  fact: z.enum(FACT_KEYS).optional(),
  whenMissing: z.boolean().optional(),
});

const criterionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'criterion id: lower-case ASCII, digits, _' }),
  group: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  label: bilingualSchema,
  max: z.number().int().min(1).max(RULE_SET_LIMITS.sheetTotal),
  kind: z.enum(['auto', 'manual']),
  fact: z.enum(FACT_KEYS).optional(),
  capOnUnexcused: z.boolean().optional(),
  options: z.array(criterionOptionSchema).max(20),
});

const agendaItemSchema = z.object({
  title: bilingualSchema,
  section: z.enum(['opening', 'content', 'closing']),
});

const minutesSchema = z
  .number()
  .int()
  .min(RULE_SET_LIMITS.durationMinutes.min)
  .max(RULE_SET_LIMITS.durationMinutes.max);

type Issue = { path: (string | number)[]; message: string };

/** The cross-field checks a plain shape cannot say; each problem names where it is. */
function ruleSetProblems(rules: RuleSetContent): Issue[] {
  const issues: Issue[] = [];
  const { fromDay, toDay } = rules.meetingWindow;
  if (fromDay > toDay)
    issues.push({ path: ['meetingWindow', 'toDay'], message: 'window ends before it starts' });
  const { good, fair, average } = rules.levels;
  if (!(good > fair && fair > average)) {
    issues.push({ path: ['levels'], message: 'levels must fall strictly: good > fair > average' });
  }
  const criteria = rules.scoreSheet.criteria;
  const total = criteria.reduce((sum, c) => sum + c.max, 0);
  if (total !== RULE_SET_LIMITS.sheetTotal) {
    issues.push({
      path: ['scoreSheet', 'criteria'],
      message: `criterion maxima sum to ${total}, not ${RULE_SET_LIMITS.sheetTotal}`,
    });
  }
  const ids = new Set<string>();
  const groups = rules.scoreSheet.groups?.map((g) => g.id);
  criteria.forEach((c, i) => {
    const at = (...rest: (string | number)[]) => ['scoreSheet', 'criteria', i, ...rest];
    if (ids.has(c.id)) issues.push({ path: at('id'), message: `criterion ${c.id} appears twice` });
    ids.add(c.id);
    if (groups && !groups.includes(c.group)) {
      issues.push({ path: at('group'), message: `criterion ${c.id}: group ${c.group} is not listed` });
    }
    if (c.kind === 'auto' && (!c.fact || c.options.length === 0)) {
      issues.push({
        path: at('fact'),
        message: `criterion ${c.id}: an automatic criterion needs a fact and options`,
      });
    }
    c.options.forEach((o, j) => {
      if (o.points > c.max) {
        issues.push({
          path: at('options', j, 'points'),
          message: `criterion ${c.id}: option above ${c.max}`,
        });
      }
      const fact = o.fact ?? c.fact;
      if (c.kind !== 'auto' || !fact) return;
      const isBoolean = BOOLEAN_FACT_KEYS.includes(fact);
      const numericBounds = o.min !== undefined || o.below !== undefined || o.above !== undefined;
      if (isBoolean ? numericBounds : o.equals !== undefined) {
        issues.push({
          path: at('options', j),
          message: `criterion ${c.id}: ${isBoolean ? 'a yes/no fact selects with equals' : 'a number selects with min/above/below'}`,
        });
      }
    });
  });
  rules.levels.requiredAtMaxForGood.forEach((id, i) => {
    if (!ids.has(id))
      issues.push({ path: ['levels', 'requiredAtMaxForGood', i], message: `no criterion ${id}` });
  });
  return issues;
}

/**
 * A rule set's content (domain.md §3), as stored, edited and sent: window days within
 * `RULE_SET_LIMITS.windowDay` (1–28) with from ≤ to,
 * criterion maxima summing to 100, options within their criterion's maximum, levels good > fair > average.
 */
export const ruleSetContentSchema = z
  .object({
    meetingWindow: z.object({
      fromDay: z.number().int().min(RULE_SET_LIMITS.windowDay.min).max(RULE_SET_LIMITS.windowDay.max),
      toDay: z.number().int().min(RULE_SET_LIMITS.windowDay.min).max(RULE_SET_LIMITS.windowDay.max),
    }),
    defaultStartTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'start time: HH:MM' }),
    minDurationMinutes: z.object({
      regular: minutesSchema,
      combined: minutesSchema,
      thematic: minutesSchema,
      other: minutesSchema,
    }),
    thematicEveryMonths: z
      .number()
      .int()
      .refine((n) => (RULE_SET_LIMITS.thematicEveryMonths as readonly number[]).includes(n), {
        message: 'thematic period: 1, 2, 3, 4, 6 or 12 months',
      }),
    cellCommitteeFrom: z
      .number()
      .int()
      .min(RULE_SET_LIMITS.cellCommitteeFrom.min)
      .max(RULE_SET_LIMITS.cellCommitteeFrom.max),
    cellCommitteeDaysBefore: z
      .number()
      .int()
      .min(RULE_SET_LIMITS.cellCommitteeDaysBefore.min)
      .max(RULE_SET_LIMITS.cellCommitteeDaysBefore.max),
    thematicMode: z.enum(['combined', 'separate']).optional(),
    thematicDaysAfter: z
      .number()
      .int()
      .min(RULE_SET_LIMITS.thematicDaysAfter.min)
      .max(RULE_SET_LIMITS.thematicDaysAfter.max)
      .optional(),
    unscoredAdoption: z.enum(['refuse', 'confirm']).optional(),
    agendaTemplates: z.record(z.enum(MEETING_KINDS), z.array(agendaItemSchema).max(60)),
    scoreSheet: z.object({
      criteria: z.array(criterionSchema).min(1).max(60),
      groups: z
        .array(z.object({ id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), label: bilingualSchema }))
        .optional(),
    }),
    levels: z.object({
      good: pointsSchema,
      fair: pointsSchema,
      average: pointsSchema,
      requiredAtMaxForGood: z.array(z.string()),
    }),
    supervision: supervisionRulesSchema.optional(),
    recommendations: recommendationRulesSchema.optional(),
    ratings: ratingRulesSchema.optional(),
    dues: duesRulesSchema.optional(),
    fourGood: fourGoodRulesSchema.optional(),
  })
  .superRefine((rules, ctx) => {
    for (const issue of ruleSetProblems(rules)) ctx.addIssue({ code: 'custom', ...issue });
  });

/**
 * The minimum duration of a meeting under a rule set: regular and model meetings the regular minimum,
 * thematic ones the thematic minimum or, held together with the regular meeting, the combined one; cell
 * committee and extraordinary meetings the `other` minimum.
 */
export function minDurationFor(rules: MeetingRules, kind: MeetingKind, combined = false): number {
  const m = rules.minDurationMinutes;
  if (combined && (kind === 'regular' || kind === 'thematic')) return m.combined;
  if (kind === 'regular' || kind === 'model') return m.regular;
  if (kind === 'thematic') return m.thematic;
  return m.other;
}

/** Whether `ancestor` is `path` itself or a node above it, on path-segment boundaries ("/1/2/" ∌ "/1/23/"). */
function isAncestorOrSelf(ancestor: string, path: string): boolean {
  if (!path.startsWith(ancestor)) return false;
  if (ancestor.length === path.length || ancestor === '') return true;
  return (
    ancestor.endsWith('/') ||
    ancestor.endsWith('.') ||
    path[ancestor.length] === '/' ||
    path[ancestor.length] === '.'
  );
}

/**
 * The rule set that governs a meeting: among rule sets owned by the meeting's organisation or one of its
 * ancestors and in force on `date` (effectiveFrom ≤ date), the nearest owner's latest one. When the nearest
 * owner's rule sets all start later, the next owner up applies. Between two candidates of the same owner
 * and date the first given wins, so the choice is stable. Null when nothing applies.
 *
 * Because only rule sets in force on `date` are considered, adding a newer rule set never changes the rule
 * set — and so the score — of a meeting held before it.
 */
export function selectRuleSet<T extends { orgPath: string; effectiveFrom: string }>(
  candidates: T[],
  meetingOrgPath: string,
  date: string,
): T | null {
  const day = date.slice(0, 10);
  let best: T | null = null;
  for (const candidate of candidates) {
    if (!isAncestorOrSelf(candidate.orgPath, meetingOrgPath)) continue;
    if (candidate.effectiveFrom.slice(0, 10) > day) continue;
    if (
      best === null ||
      candidate.orgPath.length > best.orgPath.length ||
      (candidate.orgPath.length === best.orgPath.length && candidate.effectiveFrom > best.effectiveFrom)
    ) {
      best = candidate;
    }
  }
  return best;
}
