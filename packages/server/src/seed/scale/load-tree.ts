/**
 * The generated tree and its members, COPYed as the import writes them (`MEMBER_COLUMNS`, sort keys from
 * core's Vietnamese collation), each with its history row (org_events, member_events, member_periods).
 */
import { collationKey } from '@nennep/core';
import { type Conn, copyChunked, copyLine, reserveIds } from '../../db/bulk.ts';
import { MEMBER_COLUMNS } from '../../modules/imports/commit.ts';
import type { DemoMemberRow } from '../types.ts';
import type { ScaleTree } from './tree.ts';

/** The values of `MEMBER_COLUMNS` for a generated member in an organisation (also bench/import.ts' COPY). */
export function memberValues(
  m: DemoMemberRow,
  orgId: number | undefined,
  orgPath: string | undefined,
  [sortKey, searchText]: readonly [string, string],
) {
  return [
    m.member_code,
    m.full_name,
    sortKey,
    searchText,
    m.sex,
    m.birth_date,
    orgId,
    orgPath,
    m.status,
    m.admission_date,
    m.official_date,
    m.position,
    m.party_card_no,
    m.exempt_from,
    m.notes,
  ];
}

/** Writes the organisations (created at `at`); returns their ids and paths, in the tree's order. */
export async function writeOrgs(conn: Conn, tree: ScaleTree, at: string) {
  const orgIds = await reserveIds(conn, 'orgs', tree.orgs.length);
  const paths: string[] = [];
  tree.orgs.forEach((o, i) => {
    paths.push(`${o.parent < 0 ? '/' : paths[o.parent]}${orgIds[i]}/`);
  });
  await copyChunked(
    conn,
    'orgs',
    ['id', 'code', 'name', 'kind', 'category', 'parent_id', 'path', 'depth', 'sort_key', 'created_at'],
    tree.orgs.length,
    (i) => {
      const o = tree.orgs[i];
      const path = paths[i] ?? '';
      return copyLine([
        orgIds[i],
        o?.code,
        o?.name,
        o?.kind,
        o?.category,
        o && o.parent >= 0 ? orgIds[o.parent] : null,
        path,
        path.split('/').length - 3,
        collationKey(o?.name ?? ''),
        at,
      ]);
    },
  );
  await copyChunked(conn, 'org_events', ['org_id', 'kind', 'data', 'at'], tree.orgs.length, (i) => {
    const o = tree.orgs[i];
    const parent = o && o.parent >= 0 ? tree.orgs[o.parent]?.code : null;
    return copyLine([
      orgIds[i],
      'created',
      JSON.stringify({ code: o?.code, name: o?.name, parentCode: parent, source: 'seed-demo' }),
      at,
    ]);
  });
  return { orgIds, paths };
}

/** Writes the members into their cells (created at `at`); returns their ids, in the tree's order. */
export async function writeMembers(
  conn: Conn,
  tree: ScaleTree,
  orgs: { orgIds: readonly number[]; paths: readonly string[]; indexOfCode: ReadonlyMap<string, number> },
  at: string,
  keysOf: (name: string) => readonly [string, string],
) {
  const { orgIds, paths, indexOfCode } = orgs;
  const memberIds = await reserveIds(conn, 'members', tree.members.length);
  await copyChunked(
    conn,
    'members',
    ['id', ...MEMBER_COLUMNS, 'created_at', 'updated_at'],
    tree.members.length,
    (i) => {
      const m = tree.members[i];
      if (!m) return '';
      const org = indexOfCode.get(m.org_code) ?? 0;
      return copyLine([
        memberIds[i],
        ...memberValues(m, orgIds[org], paths[org], keysOf(m.full_name)),
        at,
        at,
      ]);
    },
  );
  await copyChunked(
    conn,
    'member_events',
    ['member_id', 'kind', 'date', 'to_org_id', 'data', 'at'],
    tree.members.length,
    (i) => {
      const m = tree.members[i];
      const org = indexOfCode.get(m?.org_code ?? '') ?? 0;
      return copyLine([
        memberIds[i],
        'created',
        m?.admission_date,
        orgIds[org],
        `{"orgCode":${JSON.stringify(m?.org_code)},"source":"seed-demo"}`,
        at,
      ]);
    },
  );
  const exempt = tree.members.flatMap((m, i) =>
    m.exempt_from ? [copyLine([memberIds[i], 'exempt', m.exempt_from, 'seed-demo'])] : [],
  );
  if (exempt.length > 0)
    await conn.copy('member_periods', ['member_id', 'kind', 'from_date', 'reason'], exempt);
  return memberIds;
}
