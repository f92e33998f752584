import { DEFAULT_RULE_SET, type RuleSetContent, ruleSetContentSchema, selectRuleSet } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { insertOne } from '../../db/insert.ts';
import { ruleSets } from '../../db/schema/index.ts';
import { type Actor, assertCan } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { AppError, zodFieldErrors } from '../../http/errors.ts';
import { lockReadableOrg } from '../orgs/policy.ts';

export interface RuleSetRow {
  id: number;
  orgPath: string;
  orgCode: string;
  name: string;
  effectiveFrom: string;
  content: RuleSetContent;
}

/** The date the default rules date from: HD 12-HD/BTCTW of 06/7/2018. */
export const DEFAULT_EFFECTIVE_FROM = '2018-07-06';

/** Rule sets owned by a node on the path from the root to `path` (the candidates for a meeting there). */
export function ruleSetsAlong(db: Db, path: string) {
  return rows<RuleSetRow>(
    db,
    sql`SELECT r.id::int AS id, r.org_path AS "orgPath", o.code AS "orgCode", r.name,
          r.effective_from::text AS "effectiveFrom", r.content
        FROM rule_sets r JOIN orgs o ON o.id = r.org_id
        WHERE ${path} LIKE r.org_path || '%' ORDER BY r.org_path, r.effective_from, r.id`,
  );
}

/** Every rule set in or above a subtree, for planning many cells at once. */
export function ruleSetsFor(db: Db, rootPath: string) {
  return rows<RuleSetRow>(
    db,
    sql`SELECT r.id::int AS id, r.org_path AS "orgPath", o.code AS "orgCode", r.name,
          r.effective_from::text AS "effectiveFrom", r.content
        FROM rule_sets r JOIN orgs o ON o.id = r.org_id
        WHERE ${rootPath} LIKE r.org_path || '%' OR r.org_path LIKE ${`${rootPath}%`}
        ORDER BY r.org_path, r.effective_from, r.id`,
  );
}

/** Among candidates, the one in force for a node on a date; ties on the date go to the newest row. */
export function pick(candidates: RuleSetRow[], path: string, date: string): RuleSetRow | null {
  return selectRuleSet([...candidates].reverse(), path, date);
}

/**
 * The rule set in force for a node on a date. When no node above has one, the default of domain.md §3 is
 * stored as the root's rule set first, so that every meeting refers to rules kept as data.
 */
export async function ruleSetFor(tx: Db, path: string, date: string): Promise<RuleSetRow> {
  const found = pick(await ruleSetsAlong(tx, path), path, date);
  if (found) return found;
  const rootId = Number(path.split('/')[1]);
  const rootPath = `/${rootId}/`;
  await tx.insert(ruleSets).values({
    orgId: rootId,
    orgPath: rootPath,
    name: 'Mặc định (HD 12-HD/BTCTW, HD 42-HD/BTCTW)',
    effectiveFrom: DEFAULT_EFFECTIVE_FROM,
    content: DEFAULT_RULE_SET,
  });
  const stored = pick(await ruleSetsAlong(tx, path), path, date);
  if (!stored) throw new Error('default rule set not found after insert');
  return stored;
}

/**
 * The rule sets along a node and the one in force on a date, in one transaction: the default is stored
 * first when no node above has rules (`ruleSetFor`), so even the default is data.
 */
export function ruleSetsInForce(db: Db, path: string, date: string) {
  return db.transaction(async (tx) => {
    await ruleSetFor(tx, path, date);
    const candidates = await ruleSetsAlong(tx, path);
    return { candidates, effective: pick(candidates, path, date) };
  });
}

/**
 * Adds a dated rule set at a node (rule sets are rows, never edited): for its admins only (404 unseen, 403),
 * the node held `FOR SHARE` for the transaction. Returns its id.
 */
export function addRuleSet(
  db: Db,
  actor: Actor,
  input: { orgCode: string; name: string; effectiveFrom: string; content: unknown },
) {
  return db.transaction(async (tx) => {
    const org = await lockReadableOrg(tx, actor, input.orgCode, 'share');
    assertCan(actor, ['admin'], org.path);
    return createRuleSet(tx, actor, org, input);
  });
}

/** Checks a rule set's content (criteria sum to 100, levels ordered, …); 400 naming the parts at fault. */
export function parseRuleSetContent(content: unknown): RuleSetContent {
  const parsed = ruleSetContentSchema.safeParse(content);
  if (parsed.success) return parsed.data as RuleSetContent;
  const fields = zodFieldErrors(parsed.error.issues, 'content');
  const detail = {
    vi: fields.map((f) => f.message.vi).join('; '),
    en: fields.map((f) => f.message.en).join('; '),
  };
  throw new AppError(400, 'validation', { detail }, [{ field: 'content', message: detail }]);
}

/** Adds a rule set version; rule sets are never edited in place. */
async function createRuleSet(
  tx: Db,
  actor: Actor,
  org: { id: number; path: string; code: string },
  input: { name: string; effectiveFrom: string; content: unknown },
) {
  const content = parseRuleSetContent(input.content);
  const row = await insertOne(
    tx
      .insert(ruleSets)
      .values({
        orgId: org.id,
        orgPath: org.path,
        name: input.name,
        effectiveFrom: input.effectiveFrom,
        content,
        createdBy: actor.id,
      })
      .returning({ id: ruleSets.id }),
    'rule set',
  );
  await audit(tx, actor, {
    action: 'rule_set.created',
    entityType: 'rule_set',
    entityId: row.id,
    orgPath: org.path,
    detail: { name: input.name, effectiveFrom: input.effectiveFrom },
  });
  return row.id;
}
