/**
 * What a backup holds, read from the database's own catalog rather than from a list in the code: every
 * table of the public schema (a table added by a later migration cannot be left out), its columns, the
 * foreign keys that order the load, and the sequences behind the identity columns.
 */

export interface Queryable {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface CatalogColumn {
  name: string;
  type: string;
}

export interface CatalogTable {
  name: string;
  /** Stored columns in their order; generated columns are left out (the database computes them). */
  columns: CatalogColumn[];
}

export interface Catalog {
  /** Tables in load order: each after the tables its foreign keys reference. */
  tables: CatalogTable[];
  sequences: string[];
  /**
   * Derived tables (roll-ups): their comment starts with `derived:` and a function `<table>_rebuild()`
   * recomputes them from the others. A backup leaves them out; restore empties and rebuilds them.
   */
  derived: string[];
}

/** The table that records the applied migrations (db/migrate.ts). */
export const MIGRATIONS_TABLE = 'nennep_migrations';

/** A quoted SQL identifier. */
export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** A table or sequence of the public schema, quoted. */
export const qualified = (name: string) => `public.${ident(name)}`;

/** Objects of an extension (pg_trgm, unaccent) are the extension's, not ours: left out. */
const NOT_EXTENSION_MEMBER = `NOT EXISTS (
  SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')`;

/** A table computed from the others (a roll-up kept by triggers): its comment says `derived: …`. */
const DERIVED = `COALESCE(obj_description(c.oid, 'pg_class') LIKE 'derived:%', false)`;

export async function readCatalog(db: Queryable): Promise<Catalog> {
  // Ordinary and partitioned tables; a partition's rows are read and written through its parent.
  const tables = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND ${NOT_EXTENSION_MEMBER} AND NOT ${DERIVED}
      ORDER BY c.relname COLLATE "C"`,
  );
  const derived = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND ${DERIVED}
      ORDER BY c.relname COLLATE "C"`,
  );
  const columns = await db.query<{ table: string; name: string; type: string }>(
    `SELECT c.relname AS "table", a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY c.relname COLLATE "C", a.attnum`,
  );
  const references = await db.query<{ child: string; parent: string }>(
    `SELECT ch.relname AS child, pa.relname AS parent
       FROM pg_constraint k
       JOIN pg_class ch ON ch.oid = k.conrelid
       JOIN pg_class pa ON pa.oid = k.confrelid
      WHERE k.contype = 'f' AND ch.relnamespace = 'public'::regnamespace
        AND pa.relnamespace = 'public'::regnamespace`,
  );
  const sequences = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S' AND ${NOT_EXTENSION_MEMBER}
      ORDER BY c.relname COLLATE "C"`,
  );
  const byTable = new Map<string, CatalogColumn[]>(tables.map((t) => [t.name, []]));
  for (const column of columns) byTable.get(column.table)?.push({ name: column.name, type: column.type });
  const order = loadOrder(
    tables.map((t) => t.name),
    references,
  );
  return {
    tables: order.map((name) => ({ name, columns: byTable.get(name) ?? [] })),
    sequences: sequences.map((s) => s.name),
    derived: derived.map((d) => d.name),
  };
}

/**
 * Tables sorted so each comes after the tables it references (Kahn's algorithm, ties by name, so the
 * order is stable). A table referencing itself loads in one COPY, whose checks run at its end. Tables in a
 * cycle of foreign keys (none today) follow in name order: a row then referencing a row not yet loaded
 * fails the restore as a whole, never half of it.
 */
export function loadOrder(
  names: readonly string[],
  references: readonly { child: string; parent: string }[],
) {
  const known = new Set(names);
  const parents = new Map<string, Set<string>>(names.map((n) => [n, new Set<string>()]));
  for (const { child, parent } of references) {
    if (child !== parent && known.has(child) && known.has(parent)) parents.get(child)?.add(parent);
  }
  const order: string[] = [];
  const placed = new Set<string>();
  let remaining = [...names].sort();
  while (remaining.length > 0) {
    const ready = remaining.filter((n) => [...(parents.get(n) ?? [])].every((p) => placed.has(p)));
    const next = ready.length > 0 ? ready : remaining;
    for (const name of next) {
      order.push(name);
      placed.add(name);
    }
    remaining = remaining.filter((n) => !placed.has(n));
  }
  return order;
}
