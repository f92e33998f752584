/**
 * Bulk writes of an import, inside one transaction on one connection: ids are reserved from the identity
 * sequences in one statement, new rows go in with COPY, changed rows through a COPY-filled temporary
 * table and one UPDATE … FROM. Each entity keeps its history (org_events, member_events).
 */
import { collationKey, foldForSearch, nameSortKey } from '@nennep/core';
import { type Conn, copyChunked, copyLine, reserveIds } from '../../db/bulk.ts';
import type { Actor } from '../../http/access.ts';
import type { OrgSnapshot } from './validate.ts';
import type { MemberPlan, MemberSnapshot } from './validate-members.ts';
import type { OrgPlan } from './validate-orgs.ts';

export const loadOrgs = (conn: Conn) =>
  conn.query<OrgSnapshot>(
    `SELECT id::int AS id, code, name, kind, category, parent_id::int AS "parentId", path, status, naming FROM orgs`,
  );

/** The stored members with these codes, keyed by code. */
export async function loadMembers(conn: Conn, codes: string[]): Promise<Map<string, MemberSnapshot>> {
  if (codes.length === 0) return new Map();
  const list = await conn.query<MemberSnapshot>(
    `SELECT m.id::int AS id, m.member_code AS "memberCode", m.full_name AS "fullName", m.sex,
       m.birth_date::text AS "birthDate", m.org_id::int AS "orgId", o.code AS "orgCode", m.org_path AS "orgPath",
       m.status, m.admission_date::text AS "admissionDate", m.official_date::text AS "officialDate", m.position,
       m.party_card_no AS "partyCardNo", m.exempt_from::text AS "exemptFrom", m.notes
     FROM members m JOIN orgs o ON o.id = m.org_id WHERE m.member_code = ANY($1::text[])`,
    [codes],
  );
  return new Map(list.map((m) => [m.memberCode, m]));
}

const depthOf = (path: string) => path.split('/').length - 3;
const SOURCE = 'import';

/** Writes an organisations plan; returns the ids of nodes whose path changed (moves). */
export async function commitOrgs(conn: Conn, plan: OrgPlan, orgs: OrgSnapshot[], actor: Actor | null) {
  const actorId = actor?.id ?? null;
  const ids = await reserveIds(conn, 'orgs', plan.creates.length);
  const idOf = new Map(orgs.map((o) => [o.code, o.id]));
  for (const [i, c] of plan.creates.entries()) idOf.set(c.code, ids[i] as number);
  const parentIdOf = new Map<number, number | null>(orgs.map((o) => [o.id, o.parentId]));
  const parentId = (code: string | null) => (code === null ? null : (idOf.get(code) ?? null));
  for (const [i, c] of plan.creates.entries()) parentIdOf.set(ids[i] as number, parentId(c.parentCode));
  for (const u of plan.updates) if (u.moved) parentIdOf.set(u.org.id, parentId(u.parentCode));
  const paths = new Map<number, string>();
  const pathOf = (id: number): string => {
    let path = paths.get(id);
    if (path === undefined) {
      const parent = parentIdOf.get(id) ?? null;
      path = `${parent === null ? '/' : pathOf(parent)}${id}/`;
      paths.set(id, path);
    }
    return path;
  };

  await copyChunked(
    conn,
    'orgs',
    ['id', 'code', 'name', 'kind', 'category', 'parent_id', 'path', 'depth', 'sort_key', 'naming'],
    plan.creates.length,
    (i) => {
      const c = plan.creates[i];
      const id = ids[i] as number;
      if (!c) return '';
      const path = pathOf(id);
      return copyLine([
        id,
        c.code,
        c.name,
        c.kind,
        c.category,
        parentIdOf.get(id),
        path,
        depthOf(path),
        collationKey(c.name),
        JSON.stringify(c.naming),
      ]);
    },
  );

  const updates = new Map(plan.updates.map((u) => [u.org.id, u]));
  const changed = orgs.filter((o) => updates.has(o.id) || pathOf(o.id) !== o.path);
  if (changed.length > 0) {
    await conn.query(`CREATE TEMP TABLE import_org_changes (id bigint, name text, sort_key text, category text,
      parent_id bigint, path text, depth int, naming jsonb) ON COMMIT DROP`);
    await conn.copy(
      'import_org_changes',
      ['id', 'name', 'sort_key', 'category', 'parent_id', 'path', 'depth', 'naming'],
      changed.map((o) => {
        const u = updates.get(o.id);
        const path = pathOf(o.id);
        const name = u?.name ?? o.name;
        return copyLine([
          o.id,
          name,
          u?.renamed ? collationKey(name) : null,
          u ? u.category : o.category,
          parentIdOf.get(o.id),
          path,
          depthOf(path),
          JSON.stringify(u ? u.naming : o.naming),
        ]);
      }),
    );
    await conn.query(`UPDATE orgs o SET name = s.name, sort_key = COALESCE(s.sort_key, o.sort_key), category = s.category,
      parent_id = s.parent_id, path = s.path, depth = s.depth, naming = s.naming
      FROM import_org_changes s WHERE o.id = s.id`);
    const moved = changed.filter((o) => pathOf(o.id) !== o.path);
    if (moved.length > 0) {
      await conn.query(
        `UPDATE members m SET org_path = o.path, updated_at = now() FROM orgs o
         WHERE o.id = m.org_id AND m.org_id = ANY($1::bigint[]) AND m.org_path <> o.path`,
        [moved.map((o) => o.id)],
      );
    }
    // Audit trail paths: deepest moved nodes first, so a node's own rewrite is never applied twice.
    const roots = plan.updates.filter((u) => u.moved).sort((a, b) => b.org.path.length - a.org.path.length);
    for (const u of roots) {
      await conn.query(
        `UPDATE audit_events SET org_path = $2 || substr(org_path, $3::int) WHERE org_path LIKE $1`,
        [`${u.org.path}%`, pathOf(u.org.id), u.org.path.length + 1],
      );
    }
  }

  const events: string[] = [];
  const event = (orgId: number, kind: string, data: Record<string, unknown>) =>
    events.push(copyLine([orgId, kind, JSON.stringify({ ...data, source: SOURCE }), actorId]));
  for (const [i, c] of plan.creates.entries()) {
    event(ids[i] as number, 'created', { code: c.code, name: c.name, parentCode: c.parentCode });
  }

  for (const u of plan.updates) {
    if (u.renamed) event(u.org.id, 'renamed', { from: u.org.name, to: u.name, note: null });
    if (u.moved)
      event(u.org.id, 'moved', { fromParentId: u.org.parentId, toParentCode: u.parentCode, note: null });
    if (u.recategorized)
      event(u.org.id, 'updated', { fields: ['category'], from: u.org.category, to: u.category });
    if (u.renamedWords) event(u.org.id, 'naming_changed', { from: u.org.naming, to: u.naming, note: null });
  }
  if (events.length > 0) await conn.copy('org_events', ['org_id', 'kind', 'data', 'actor_id'], events);
  return { paths: plan.creates.map((_, i) => pathOf(ids[i] as number)) };
}

/** The columns of `members` an import writes, in COPY order (the benchmark COPYs the same). */
export const MEMBER_COLUMNS = [
  'member_code',
  'full_name',
  'sort_key',
  'search_text',
  'sex',
  'birth_date',
  'org_id',
  'org_path',
  'status',
  'admission_date',
  'official_date',
  'position',
  'party_card_no',
  'exempt_from',
  'notes',
] as const;

/**
 * A name's sort key and search text (core's Vietnamese collation) for the `sort_key` and `search_text`
 * columns, computed once per name: names repeat across a large file.
 */
export function nameKeys(): (name: string) => [sortKey: string, searchText: string] {
  const keys = new Map<string, [string, string]>();
  return (name) => {
    let k = keys.get(name);
    if (!k) {
      k = [nameSortKey(name), foldForSearch(name)];
      keys.set(name, k);
    }
    return k;
  };
}

/** Writes a members plan: creates, updates, transfers, each with its member_events row. */
export async function commitMembers(
  conn: Conn,
  plan: MemberPlan,
  actor: Actor | null,
  today: string,
  onRows?: (rows: number) => void,
) {
  const actorId = actor?.id ?? null;
  const keysOf = nameKeys();
  const values = (m: MemberPlan['creates'][number] | MemberPlan['updates'][number]['after']) => {
    const [sortKey, searchText] = keysOf(m.fullName);
    return [
      m.memberCode,
      m.fullName,
      sortKey,
      searchText,
      m.sex,
      m.birthDate,
      m.orgId,
      m.orgPath,
      m.status,
      m.admissionDate,
      m.officialDate,
      m.position,
      m.partyCardNo,
      m.exemptFrom,
      m.notes,
    ];
  };

  const ids = await reserveIds(conn, 'members', plan.creates.length);
  const created = plan.creates;
  await copyChunked(
    conn,
    'members',
    ['id', ...MEMBER_COLUMNS],
    created.length,
    (i) => {
      const m = created[i];
      return m ? copyLine([ids[i], ...values(m)]) : '';
    },
    onRows,
  );
  const eventColumns = ['member_id', 'kind', 'date', 'from_org_id', 'to_org_id', 'data', 'actor_id'];
  await copyChunked(conn, 'member_events', eventColumns, created.length, (i) => {
    const m = created[i];
    if (!m) return '';
    return copyLine([
      ids[i],
      'created',
      m.admissionDate,
      null,
      m.orgId,
      `{"orgCode":${JSON.stringify(m.orgCode)},"source":"import"}`,
      actorId,
    ]);
  });
  const exempt = created.flatMap((m, i) =>
    m.exemptFrom ? [copyLine([ids[i], 'exempt', m.exemptFrom, SOURCE])] : [],
  );
  if (exempt.length > 0)
    await conn.copy('member_periods', ['member_id', 'kind', 'from_date', 'reason'], exempt);

  const updates = plan.updates;
  if (updates.length === 0) return;
  // Once per transaction, emptied for each batch of a file read in batches (members-stream.ts).
  await conn.query(`CREATE TEMP TABLE IF NOT EXISTS import_member_changes (id bigint, member_code text,
    full_name text, sort_key text, search_text text, sex text, birth_date date, org_id bigint, org_path text,
    status text, admission_date date, official_date date, position text, party_card_no text, exempt_from date,
    notes text, exempt_changed boolean) ON COMMIT DROP`);
  await conn.query('TRUNCATE import_member_changes');
  await copyChunked(
    conn,
    'import_member_changes',
    ['id', ...MEMBER_COLUMNS, 'exempt_changed'],
    updates.length,
    (i) => {
      const u = updates[i];
      return u
        ? copyLine([u.before.id, ...values(u.after), u.changed.includes('exempt_from') ? 't' : 'f'])
        : '';
    },
    onRows,
  );
  const set = MEMBER_COLUMNS.filter((c) => c !== 'member_code')
    .map((c) => `${c} = s.${c}`)
    .join(', ');
  await conn.query(
    `UPDATE members m SET ${set}, updated_at = now() FROM import_member_changes s WHERE m.id = s.id`,
  );
  await conn.query(
    `UPDATE member_periods p SET to_date = GREATEST(p.from_date,
       CASE WHEN s.exempt_from IS NULL THEN $1::date ELSE LEAST($1::date, s.exempt_from - 1) END)
     FROM import_member_changes s WHERE s.exempt_changed AND p.member_id = s.id AND p.kind = 'exempt' AND p.to_date IS NULL`,
    [today],
  );
  await conn.query(`INSERT INTO member_periods (member_id, kind, from_date, reason)
    SELECT id, 'exempt', exempt_from, '${SOURCE}' FROM import_member_changes WHERE exempt_changed AND exempt_from IS NOT NULL`);

  const events: string[] = [];
  for (const u of updates) {
    const { before, after } = u;
    const event = (
      kind: string,
      date: string | null,
      from: number | null,
      to: number | null,
      data: Record<string, unknown>,
    ) =>
      events.push(
        copyLine([before.id, kind, date, from, to, JSON.stringify({ ...data, source: SOURCE }), actorId]),
      );
    if (u.changed.includes('org_code')) {
      event('transferred', today, before.orgId, after.orgId, {
        fromOrgCode: before.orgCode,
        toOrgCode: after.orgCode,
        note: null,
      });
    }
    if (u.changed.includes('status')) {
      event('status_changed', after.officialDate ?? today, null, null, {
        from: before.status,
        to: after.status,
        reason: null,
      });
    }
    const fields = u.changed.filter((k) => k !== 'org_code' && k !== 'status').map(fieldName);
    if (fields.length > 0) event('updated', null, null, null, { fields });
  }
  if (events.length > 0) await conn.copy('member_events', eventColumns, events);
}

/** Column key → the member field name used in history and audit ("birth_date" → "birthDate"). */
const fieldName = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
