import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { RuleSetContent } from '../rule-set-content.ts';
import { DEFAULT_RULE_SET } from './default-rule-set.ts';
import { minDurationFor, ruleSetContentSchema, selectRuleSet } from './rule-sets.ts';
import { scoreSheetMax } from './score.ts';

const clone = (): RuleSetContent => structuredClone(DEFAULT_RULE_SET);
const problems = (rules: unknown) => {
  const result = ruleSetContentSchema.safeParse(rules);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
};

describe('default rule set', () => {
  it('passes its own schema and its sheet sums to 100', () => {
    expect(ruleSetContentSchema.parse(DEFAULT_RULE_SET)).toEqual(DEFAULT_RULE_SET);
    expect(scoreSheetMax(DEFAULT_RULE_SET.scoreSheet)).toBe(100);
    expectTypeOf<z.infer<typeof ruleSetContentSchema>>().toEqualTypeOf<RuleSetContent>();
  });

  it('has the groups of domain.md §3 with their weights', () => {
    const byGroup: Record<string, number> = {};
    for (const c of DEFAULT_RULE_SET.scoreSheet.criteria) byGroup[c.group] = (byGroup[c.group] ?? 0) + c.max;
    expect(byGroup).toEqual({
      duration: 5,
      attendance: 5,
      preparation: 10,
      conduct: 30,
      chairing: 10,
      principles: 5,
      results: 30,
      closing: 5,
    });
  });

  it('keeps the standard order in every agenda template: opening, content, closing', () => {
    const rank = { opening: 0, content: 1, closing: 2 };
    for (const items of Object.values(DEFAULT_RULE_SET.agendaTemplates)) {
      const ranks = items.map((i) => rank[i.section]);
      expect(ranks).toEqual([...ranks].sort());
      expect(new Set(ranks).size).toBe(3);
    }
    const regular = DEFAULT_RULE_SET.agendaTemplates.regular.map((i) => i.title.vi);
    expect(regular.indexOf('Tự phê bình và phê bình')).toBeLessThan(
      regular.indexOf('Phát biểu của đồng chí cấp ủy cấp trên dự sinh hoạt'),
    );
    expect(regular.at(-1)).toBe('Bế mạc');
  });

  it('gives the minimum durations by kind', () => {
    expect(minDurationFor(DEFAULT_RULE_SET, 'regular')).toBe(90);
    expect(minDurationFor(DEFAULT_RULE_SET, 'thematic', true)).toBe(120);
    expect(minDurationFor(DEFAULT_RULE_SET, 'thematic')).toBe(90);
    expect(minDurationFor(DEFAULT_RULE_SET, 'cell_committee')).toBe(0);
  });
});

describe('rule set schema', () => {
  it('refuses a sheet that does not sum to 100', () => {
    const rules = clone();
    (rules.scoreSheet.criteria[0] as { max: number }).max = 6;
    expect(problems(rules)).toContain('scoreSheet.criteria');
  });

  it('refuses an option worth more than its criterion', () => {
    const rules = clone();
    const option = rules.scoreSheet.criteria[0]?.options[0];
    if (option) option.points = 6;
    expect(problems(rules)).toContain('scoreSheet.criteria.0.options.0.points');
  });

  it('refuses a window outside 1–28 or ending before it starts', () => {
    expect(problems({ ...clone(), meetingWindow: { fromDay: 3, toDay: 29 } })).toContain(
      'meetingWindow.toDay',
    );
    expect(problems({ ...clone(), meetingWindow: { fromDay: 0, toDay: 5 } })).toContain(
      'meetingWindow.fromDay',
    );
    expect(problems({ ...clone(), meetingWindow: { fromDay: 6, toDay: 5 } })).toContain(
      'meetingWindow.toDay',
    );
    expect(problems({ ...clone(), meetingWindow: { fromDay: 28, toDay: 28 } })).toEqual([]);
  });

  it('refuses levels that do not fall and required criteria that do not exist', () => {
    const rules = clone();
    expect(problems({ ...rules, levels: { ...rules.levels, fair: 90 } })).toContain('levels');
    expect(problems({ ...rules, levels: { ...rules.levels, requiredAtMaxForGood: ['nope'] } })).toContain(
      'levels.requiredAtMaxForGood.0',
    );
  });

  it('refuses duplicate criterion ids and a missing agenda kind', () => {
    const rules = clone();
    const [first, second] = rules.scoreSheet.criteria;
    if (first && second) second.id = first.id;
    expect(problems(rules)).toContain('scoreSheet.criteria.1.id');
    const { model: _model, ...agendas } = DEFAULT_RULE_SET.agendaTemplates;
    expect(problems({ ...clone(), agendaTemplates: agendas })).toContain('agendaTemplates.model');
  });
});

describe('selectRuleSet', () => {
  const r = (orgPath: string, effectiveFrom: string, name = `${orgPath}@${effectiveFrom}`) => ({
    orgPath,
    effectiveFrom,
    name,
  });

  it('takes the nearest ancestor in force, and falls back up when it has none yet', () => {
    const sets = [
      r('/1/', '2020-01-01'),
      r('/1/7/', '2025-07-01'),
      r('/1/7/', '2026-01-01'),
      r('/1/7/42/', '2026-06-01'),
    ];
    expect(selectRuleSet(sets, '/1/7/42/', '2026-03-05')?.name).toBe('/1/7/@2026-01-01');
    expect(selectRuleSet(sets, '/1/7/42/', '2026-06-01')?.name).toBe('/1/7/42/@2026-06-01');
    expect(selectRuleSet(sets, '/1/7/42/', '2025-03-05')?.name).toBe('/1/@2020-01-01');
    expect(selectRuleSet(sets, '/1/8/', '2026-03-05')?.name).toBe('/1/@2020-01-01');
    expect(selectRuleSet(sets, '/2/', '2026-03-05')).toBeNull();
    expect(selectRuleSet(sets, '/1/', '2019-12-31')).toBeNull();
  });

  it('does not take a sibling whose path merely starts the same', () => {
    expect(selectRuleSet([r('/1/2', '2020-01-01')], '/1/23/', '2026-01-01')).toBeNull();
    expect(selectRuleSet([r('/1/2', '2020-01-01')], '/1/2/3/', '2026-01-01')?.orgPath).toBe('/1/2');
  });

  const pool = ['/1/', '/1/2/', '/1/2/3/', '/1/23/', '/1/2/3/4/', '/5/', '/5/6/'];
  const dates = ['2024-01-01', '2024-07-01', '2025-01-01', '2025-07-01', '2026-01-01', '2026-07-01'];
  const candidateArb = fc.record({
    orgPath: fc.constantFrom(...pool),
    effectiveFrom: fc.constantFrom(...dates),
    name: fc.string(),
  });
  const isAncestor = (a: string, p: string) => p.startsWith(a);

  it('never picks from outside the ancestry or not yet in force, and picks the nearest latest', () => {
    fc.assert(
      fc.property(
        fc.array(candidateArb, { maxLength: 12 }),
        fc.constantFrom(...pool),
        fc.constantFrom(...dates),
        (sets, path, date) => {
          const chosen = selectRuleSet(sets, path, date);
          const eligible = sets.filter((s) => isAncestor(s.orgPath, path) && s.effectiveFrom <= date);
          if (chosen === null) {
            expect(eligible).toEqual([]);
            return;
          }
          expect(sets).toContain(chosen);
          expect(isAncestor(chosen.orgPath, path)).toBe(true);
          expect(chosen.effectiveFrom <= date).toBe(true);
          for (const other of eligible) {
            expect(other.orgPath.length).toBeLessThanOrEqual(chosen.orgPath.length);
            if (other.orgPath === chosen.orgPath)
              expect(other.effectiveFrom <= chosen.effectiveFrom).toBe(true);
          }
        },
      ),
    );
  });

  it('an old meeting keeps its rule set when a newer one is added', () => {
    fc.assert(
      fc.property(
        fc.array(candidateArb, { maxLength: 12 }),
        fc.constantFrom(...pool),
        fc.constantFrom(...dates),
        candidateArb,
        fc.nat(),
        (sets, path, date, added, at) => {
          const later = { ...added, effectiveFrom: '2027-01-01' };
          const position = at % (sets.length + 1);
          const more = [...sets.slice(0, position), later, ...sets.slice(position)];
          expect(selectRuleSet(more, path, date)).toBe(selectRuleSet(sets, path, date));
        },
      ),
    );
  });
});
