import type { OrgKind, OrgStatsDto, OrgTreeNodeDto } from '@nennep/core';
import { CELL_KINDS, foldForSearch } from '@nennep/core';
import { eq, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { orgs } from '../../db/schema/index.ts';

export type OrgRow = typeof orgs.$inferSelect;

export async function findOrg(db: Db, code: string): Promise<OrgRow | null> {
  const [row] = await db.select().from(orgs).where(eq(orgs.code, code));
  return row ?? null;
}

export async function findOrgById(db: Db, id: number): Promise<OrgRow | null> {
  const [row] = await db.select().from(orgs).where(eq(orgs.id, id));
  return row ?? null;
}

/**
 * How a command holds a node it depends on until its transaction ends: `update` for the node it changes,
 * `share` for one it only reads (a parent, a target cell), so a concurrent change of that node waits.
 */
export type RowLock = 'update' | 'share';

/** `findOrg` inside a command's transaction, the row locked (`SELECT … FOR UPDATE` / `FOR SHARE`). */
export async function lockOrg(tx: Db, code: string, lock: RowLock): Promise<OrgRow | null> {
  const [row] = await tx.select().from(orgs).where(eq(orgs.code, code)).for(lock);
  return row ?? null;
}

/** `findOrgById` inside a command's transaction, the row locked. */
export async function lockOrgById(tx: Db, id: number, lock: RowLock): Promise<OrgRow | null> {
  const [row] = await tx.select().from(orgs).where(eq(orgs.id, id)).for(lock);
  return row ?? null;
}

/** The label of the term of office (nhiệm kỳ) a date falls in ("2025–2030"), or null when none is recorded. */
export async function termLabelOf(db: Db, orgId: number, date: string): Promise<string | null> {
  const [term] = await rows<{ label: string }>(
    db,
    sql`SELECT label FROM org_terms WHERE org_id = ${orgId} AND starts_on <= ${date} ORDER BY starts_on DESC LIMIT 1`,
  );
  return term?.label ?? null;
}

const cellKinds = sql.raw(
  CELL_KINDS.filter((k) => k !== 'party_group')
    .map((k) => `'${k}'`)
    .join(','),
);

/**
 * Nodes with their member and cell counts (whole subtree, active only), in Vietnamese name order.
 * The subtree of `o` is the range [o.path, o.path || '~'): '~' sorts after '/' and the digits, and a
 * range (unlike LIKE with a computed pattern) lets each correlated count use the btree index.
 */
async function treeNodes(db: Db, where: ReturnType<typeof sql>): Promise<OrgTreeNodeDto[]> {
  const result = await rows<{
    code: string;
    name: string;
    kind: OrgKind;
    category: string | null;
    status: OrgTreeNodeDto['status'];
    child_count: number;
    member_count: number;
    cell_count: number;
  }>(
    db,
    sql`SELECT o.code, o.name, o.kind, o.category, o.status,
      (SELECT count(*)::int FROM orgs c WHERE c.parent_id = o.id AND c.status = 'active') AS child_count,
      (SELECT count(*)::int FROM members m WHERE m.org_path >= o.path AND m.org_path < o.path || '~'
         AND m.status IN ('official', 'probationary')) AS member_count,
      (SELECT count(*)::int FROM orgs c WHERE c.path > o.path AND c.path < o.path || '~'
         AND c.kind IN (${cellKinds}) AND c.status = 'active') AS cell_count
    FROM orgs o WHERE ${where} ORDER BY o.sort_key`,
  );
  return result.map((r) => ({
    code: r.code,
    name: r.name,
    kind: r.kind,
    category: r.category as OrgTreeNodeDto['category'],
    status: r.status,
    childCount: r.child_count,
    memberCount: r.member_count,
    cellCount: r.cell_count,
  }));
}

export function treeRoots(db: Db, paths: string[]) {
  if (paths.length === 0) return Promise.resolve([]);
  return treeNodes(
    db,
    sql`o.path IN (${sql.join(
      paths.map((p) => sql`${p}`),
      sql`, `,
    )})`,
  );
}

export function treeChildren(db: Db, parentId: number, includeEnded: boolean) {
  return treeNodes(
    db,
    includeEnded ? sql`o.parent_id = ${parentId}` : sql`o.parent_id = ${parentId} AND o.status = 'active'`,
  );
}

/** Ancestors of a node from the top, stopping at (and including) the first one at or below `floorPath`. */
export async function ancestorsOf(db: Db, org: OrgRow, floorPaths: string[]) {
  const ids = org.path.split('/').filter(Boolean).map(Number).slice(0, -1);
  if (ids.length === 0) return [];
  const list = await rows<{ code: string; name: string; path: string }>(
    db,
    sql`SELECT code, name, path FROM orgs WHERE id IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )}) ORDER BY depth`,
  );
  return list
    .filter((a) => floorPaths.some((f) => a.path.startsWith(f)))
    .map(({ code, name }) => ({ code, name }));
}

/** Statistics of a subtree; the root node itself is not counted. */
export async function orgStats(db: Db, path: string, today: string): Promise<OrgStatsDto> {
  const kinds = await rows<{ kind: string; category: string | null; n: number }>(
    db,
    sql`SELECT kind, category, count(*)::int AS n FROM orgs
        WHERE path LIKE ${`${path}%`} AND path <> ${path} AND status = 'active' GROUP BY kind, category`,
  );
  const byKind: Record<string, number> = {};
  const cellsByCategory: Record<string, number> = {};
  for (const row of kinds) {
    byKind[row.kind] = (byKind[row.kind] ?? 0) + row.n;
    if (row.kind === 'cell') {
      const category = row.category ?? 'other';
      cellsByCategory[category] = (cellsByCategory[category] ?? 0) + row.n;
    }
  }
  const [m] = await rows<{ total: number; official: number; probationary: number; exempt: number }>(
    db,
    sql`SELECT count(*)::int AS total,
          count(*) FILTER (WHERE status = 'official')::int AS official,
          count(*) FILTER (WHERE status = 'probationary')::int AS probationary,
          count(*) FILTER (WHERE exempt_from IS NOT NULL AND exempt_from <= ${today})::int AS exempt
        FROM members WHERE org_path LIKE ${`${path}%`} AND status IN ('official', 'probationary')`,
  );
  return {
    grassrootsOrgs: (byKind.grassroots_committee ?? 0) + (byKind.grassroots_cell ?? 0),
    byKind,
    cellsByCategory,
    members: m ?? { total: 0, official: 0, probationary: 0, exempt: 0 },
  };
}

export async function orgHistory(db: Db, orgId: number) {
  return rows<{ kind: string; at: string; data: Record<string, unknown>; actor_name: string | null }>(
    db,
    sql`SELECT e.kind, e.at, e.data, a.username AS actor_name FROM org_events e
        LEFT JOIN accounts a ON a.id = e.actor_id WHERE e.org_id = ${orgId} ORDER BY e.at DESC, e.id DESC`,
  );
}

/** Organisations inside the scopes whose code or unaccented name contains the words. */
export async function searchOrgs(db: Db, scopes: string[], q: string, limit = 20) {
  if (scopes.length === 0) return [];
  const folded = `%${foldForSearch(q)}%`;
  const inScope = sql.join(
    scopes.map((s) => sql`path LIKE ${`${s}%`}`),
    sql` OR `,
  );
  return rows<{ code: string; name: string; kind: OrgKind }>(
    db,
    sql`SELECT code, name, kind FROM orgs WHERE (${inScope}) AND status = 'active'
        AND (lower(code) LIKE ${folded} OR replace(lower(unaccent(name)), 'đ', 'd') LIKE ${folded})
        ORDER BY depth, sort_key LIMIT ${limit}`,
  );
}
