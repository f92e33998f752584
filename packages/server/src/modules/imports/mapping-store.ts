/**
 * Remembered column mappings (`import_mappings`): one per organisation, kind and file shape. A mapping is
 * saved for the organisation of the importer's highest importing grant when a mapped file is committed,
 * and found again for any organisation on the line of the actor's grants: the grant's own first, then
 * those above it (nearest first), then those below (latest first) — a province's mapping serves its
 * communes, and a commune's serves the province until the province saves its own.
 */
import type { Conn } from '../../db/bulk.ts';
import type { Actor } from '../../http/access.ts';
import type { ImportKind } from './columns.ts';
import { importerGrants } from './policy.ts';

export async function findSavedMapping(
  conn: Pick<Conn, 'query'>,
  actor: Actor,
  kind: ImportKind,
  shape: string,
): Promise<Record<string, string | null> | null> {
  const paths = importerGrants(actor, kind).map((g) => g.path);
  if (paths.length === 0) return null;
  const [found] = await conn.query<{ columns: Record<string, string | null> }>(
    `SELECT m.columns FROM import_mappings m JOIN orgs o ON o.id = m.org_id
     WHERE m.kind = $1 AND m.shape = $2
       AND EXISTS (SELECT 1 FROM unnest($3::text[]) g WHERE g LIKE o.path || '%' OR o.path LIKE g || '%')
     ORDER BY CASE WHEN o.path = ANY($3::text[]) THEN 0
                   WHEN EXISTS (SELECT 1 FROM unnest($3::text[]) g WHERE g LIKE o.path || '%') THEN 1
                   ELSE 2 END,
       length(o.path) DESC, m.updated_at DESC, m.id DESC
     LIMIT 1`,
    [kind, shape, paths],
  );
  return found?.columns ?? null;
}

/**
 * Remembers the mapping of a committed file, inside the commit's transaction. A new or changed mapping
 * records an audit event (headers and column keys only: no cell of the file).
 */
export async function saveMapping(
  conn: Conn,
  actor: Actor,
  kind: ImportKind,
  shape: string,
  columns: Record<string, string | null>,
) {
  const grant = importerGrants(actor, kind)[0];
  if (!grant) return;
  const [before] = await conn.query<{ columns: Record<string, string | null> }>(
    'SELECT columns FROM import_mappings WHERE org_id = $1 AND kind = $2 AND shape = $3',
    [grant.orgId, kind, shape],
  );
  await conn.query(
    `INSERT INTO import_mappings (org_id, kind, shape, columns, account_id) VALUES ($1, $2, $3, $4::jsonb, $5)
     ON CONFLICT (org_id, kind, shape) DO UPDATE SET columns = EXCLUDED.columns,
       account_id = EXCLUDED.account_id, updated_at = now()`,
    [grant.orgId, kind, shape, JSON.stringify(columns), actor.id],
  );
  if (before && sameColumns(before.columns, columns)) return;
  await conn.query(
    `INSERT INTO audit_events (actor_id, actor_name, action, entity_type, entity_id, org_path, detail)
     VALUES ($1, $2, 'import.mapping_saved', 'import_mapping', $3, $4, $5::jsonb)`,
    [
      actor.id,
      actor.username,
      `${kind}:${shape.slice(0, 16)}`,
      grant.path,
      JSON.stringify({ kind, columns }),
    ],
  );
}

/** jsonb keeps its own key order: compare entry by entry. */
function sameColumns(a: Record<string, string | null>, b: Record<string, string | null>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && a[k] === b[k]);
}
