/**
 * Data for the backup tests, and the comparison that proves a restore: every table of the public schema,
 * read from the catalog as the backup reads it, digested row for row.
 */
import { type Queryable, qualified, readCatalog } from '../db/backup/catalog.ts';
import { withSession } from '../db/backup/session.ts';
import type { Database } from '../db/client.ts';

/**
 * A table of every awkward kind of value, made in the test databases only (source and target alike): an
 * array, numeric, float, interval, uuid, a generated column (left out of the file, computed again) and an
 * identity. The backup finds it in the catalog, as it would find a table of a later migration.
 */
export async function addProbeTable(database: Database) {
  await database.raw.query(`CREATE TABLE backup_probe (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    label text NOT NULL,
    note text,
    tags text[],
    amount numeric,
    ratio double precision,
    span interval,
    ref uuid,
    shout text GENERATED ALWAYS AS (upper(label)) STORED
  )`);
}

/** Text that COPY must escape: tab, newline, carriage return, backslashes, `\N`, `\.`, quotes, emoji. */
const awkwardText = (n: number) =>
  `\\. Đảng bộ xã "Hồng Châu"\tcột 2\ndòng 2\r\\N \\\\ ${n} Nguyễn Thị Ánh 😀`;

const ALL_BYTES = `\\x${Buffer.from(Array.from({ length: 256 }, (_, i) => i)).toString('hex')}`;

/** A value, as text the type's input function reads, for each column type the schema uses. */
function testValue(type: string, n: number, where: string): string {
  if (type === 'text' || type.startsWith('character varying')) return awkwardText(n);
  if (type === 'bigint' || type === 'integer' || type === 'smallint') return String(n);
  if (type === 'boolean') return n % 2 === 1 ? 'true' : 'false';
  if (type === 'date') return n === 1 ? '2024-02-29' : '1930-01-01';
  if (type === 'timestamp with time zone') return `2024-02-29 23:59:5${n}.123456+07`;
  if (type === 'timestamp without time zone') return `2024-02-29 23:59:5${n}.123456`;
  if (type === 'jsonb' || type === 'json')
    return JSON.stringify({ 'văn bản': `dòng 1\ndòng 2\t\\ "${n}"`, list: [1, 2.5, null, true], n });
  if (type === 'bytea') return ALL_BYTES;
  if (type === 'numeric') return `12345678901234567890.12345678${n}`;
  // A score on the 100-point scale (ratings, numeric(4,1)): the largest and a negative with its decimal.
  if (/^numeric\(\d+, *\d+\)$/.test(type)) return n === 1 ? '999.9' : '-0.5';
  if (type === 'double precision' || type === 'real') return n === 1 ? '0.1' : '-1.7976931348623157e+308';
  if (type === 'text[]') return `{"a\\\\b","c\\td",NULL,"Việt ${n}"}`;
  if (type === 'interval') return `1 year 2 mons ${n} days 04:05:06.789`;
  if (type === 'uuid') return `0f8fad5b-d9cb-469f-a165-70867728950${n}`;
  throw new Error(`backup-data.ts: no test value for ${where} (${type}); add one`);
}

/**
 * Adds two rows to every table: one with every column filled with awkward values, one with NULL in every
 * column that allows it. A row that would break a unique key is left out (the table keeps its others).
 */
export async function fillEveryTable(database: Database) {
  const columns = await database.raw.query<{
    table: string;
    name: string;
    type: string;
    notNull: boolean;
    identity: string;
  }>(
    `SELECT c.relname AS "table", a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS "notNull", a.attidentity AS identity
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
        AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
        -- A derived table (roll-up) holds what its triggers compute, never rows of its own.
        AND NOT COALESCE(obj_description(c.oid, 'pg_class') LIKE 'derived:%', false)
      ORDER BY c.relname, a.attnum`,
  );
  const tables = new Map<string, typeof columns>();
  for (const column of columns) {
    if (column.identity !== '') continue; // GENERATED ALWAYS: the database numbers the rows
    tables.set(column.table, [...(tables.get(column.table) ?? []), column]);
  }
  for (const [table, cols] of tables) {
    if (table === 'nennep_migrations') continue;
    for (const n of [1, 2]) {
      const values = cols.map((c) =>
        n === 2 && !c.notNull ? null : testValue(c.type, n, `${table}.${c.name}`),
      );
      await database.raw.query(
        `INSERT INTO ${qualified(table)} (${cols.map((c) => `"${c.name}"`).join(', ')})
         VALUES (${cols.map((c, i) => `$${i + 1}::text::${c.type}`).join(', ')}) ON CONFLICT DO NOTHING`,
        values,
      );
    }
  }
}

export interface Digest {
  rows: number;
  md5: string;
}

/**
 * Every table's row count and the md5 of its rows' text, sorted (and every sequence's state), read in one
 * snapshot. `where` narrows a table (the audit events a backup or a restore adds itself).
 */
export async function digestAll(
  database: Database,
  where: Record<string, string> = {},
): Promise<Record<string, Digest | string>> {
  return withSession(database, 'snapshot', async (session) => {
    const catalog = await readCatalog(session);
    const result: Record<string, Digest | string> = {};
    // Derived tables (roll-ups) too, as `derived <name>`: restore must rebuild them as they were.
    const derived = catalog.derived.map((name) => ({ name, key: `derived ${name}` }));
    for (const table of [...catalog.tables.map((t) => ({ name: t.name, key: t.name })), ...derived]) {
      const filter = where[table.name] ? `WHERE ${where[table.name]}` : '';
      const [row] = await session.query<{ rows: number; md5: string }>(
        `SELECT count(*)::int AS rows,
                md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text COLLATE "C"), '')) AS md5
           FROM ${qualified(table.name)} x ${filter}`,
      );
      result[table.key] = { rows: row?.rows ?? -1, md5: row?.md5 ?? '' };
    }
    for (const name of catalog.sequences) {
      const [row] = await session.query<{ state: string }>(
        `SELECT last_value || '/' || is_called AS state FROM ${qualified(name)}`,
      );
      result[`sequence ${name}`] = row?.state ?? '';
    }
    return result;
  });
}

/** The names of the public schema's tables, from the catalog. */
export async function tableNames(db: Queryable): Promise<string[]> {
  return (await readCatalog(db)).tables.map((t) => t.name).sort();
}
