import {
  foldForSearch,
  type MemberListDto,
  type MemberListItemDto,
  type MemberListQuery,
  type MemberPeriodDto,
} from '@nennep/core';
import { eq, type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { memberPeriods, members } from '../../db/schema/index.ts';

export type MemberRow = typeof members.$inferSelect;

export async function findMember(db: Db, code: string): Promise<MemberRow | null> {
  const [row] = await db.select().from(members).where(eq(members.memberCode, code));
  return row ?? null;
}

/** `findMember` inside a command's transaction, the row locked until it ends (`SELECT … FOR UPDATE`). */
export async function lockMember(tx: Db, code: string): Promise<MemberRow | null> {
  const [row] = await tx.select().from(members).where(eq(members.memberCode, code)).for('update');
  return row ?? null;
}

/** The WHERE clause of a member list: scopes, filters, search. */
export function memberFilter(
  scopes: string[],
  query: Omit<MemberListQuery, 'page' | 'pageSize'>,
  today: string,
): SQL {
  const parts: SQL[] = [
    sql`(${sql.join(
      scopes.map((s) => sql`m.org_path LIKE ${`${s}%`}`),
      sql` OR `,
    )})`,
  ];
  if (query.status) parts.push(sql`m.status = ${query.status}`);
  else if (query.includeInactive !== 'true') parts.push(sql`m.status IN ('official', 'probationary')`);
  if (query.exempt === 'true') parts.push(sql`m.exempt_from IS NOT NULL AND m.exempt_from <= ${today}`);
  if (query.exempt === 'false') parts.push(sql`(m.exempt_from IS NULL OR m.exempt_from > ${today})`);
  if (query.sex) parts.push(sql`m.sex = ${query.sex}`);
  const words = query.q ? foldForSearch(query.q) : '';
  if (words) parts.push(sql`(m.search_text LIKE ${`%${words}%`} OR lower(m.member_code) = ${words})`);
  return sql.join(parts, sql` AND `);
}

interface ListRow {
  member_code: string;
  full_name: string;
  sex: MemberListItemDto['sex'];
  org_code: string;
  org_name: string;
  status: MemberListItemDto['status'];
  position: MemberListItemDto['position'];
  admission_date: string;
  official_date: string | null;
  exempt: boolean;
}

export const presentListRow = (r: ListRow): MemberListItemDto => ({
  memberCode: r.member_code,
  fullName: r.full_name,
  sex: r.sex,
  orgCode: r.org_code,
  orgName: r.org_name,
  status: r.status,
  position: r.position,
  admissionDate: r.admission_date,
  officialDate: r.official_date,
  exempt: r.exempt,
});

/** One page of members in Vietnamese name order (given name, then full name). */
export async function listMembers(
  db: Db,
  scopes: string[],
  query: MemberListQuery,
  today: string,
): Promise<MemberListDto> {
  const where = memberFilter(scopes, query, today);
  const offset = (query.page - 1) * query.pageSize;
  const [count] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM members m WHERE ${where}`);
  const items = await rows<ListRow>(
    db,
    sql`SELECT m.member_code, m.full_name, m.sex, o.code AS org_code, o.name AS org_name, m.status, m.position,
          m.admission_date::text AS admission_date, m.official_date::text AS official_date,
          (m.exempt_from IS NOT NULL AND m.exempt_from <= ${today}) AS exempt
        FROM members m JOIN orgs o ON o.id = m.org_id
        WHERE ${where} ORDER BY m.sort_key, m.member_code LIMIT ${query.pageSize} OFFSET ${offset}`,
  );
  return {
    total: count?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    items: items.map(presentListRow),
  };
}

/** Every member matching a filter, for export (bounded). */
export async function allMembers(
  db: Db,
  scopes: string[],
  query: MemberListQuery,
  today: string,
  limit = 200_000,
) {
  const where = memberFilter(scopes, query, today);
  const list = await rows<ListRow & { birth_date: string | null; party_card_no: string | null }>(
    db,
    sql`SELECT m.member_code, m.full_name, m.sex, o.code AS org_code, o.name AS org_name, m.status, m.position,
          m.admission_date::text AS admission_date, m.official_date::text AS official_date,
          m.party_card_no, (m.exempt_from IS NOT NULL AND m.exempt_from <= ${today}) AS exempt
        FROM members m JOIN orgs o ON o.id = m.org_id
        WHERE ${where} ORDER BY m.sort_key, m.member_code LIMIT ${limit}`,
  );
  return list;
}

export async function memberPeriodsOf(db: Db, memberId: number) {
  return rows<MemberPeriodDto>(
    db,
    sql`SELECT p.kind, p.from_date::text AS "from", p.to_date::text AS "to", o.code AS "orgCode", o.name AS "orgName",
          p.reason
        FROM ${memberPeriods} p LEFT JOIN orgs o ON o.id = p.org_id WHERE p.member_id = ${memberId} ORDER BY p.from_date`,
  );
}

export async function memberHistory(db: Db, memberId: number) {
  return rows<{
    kind: string;
    date: string | null;
    at: string;
    from_org: string | null;
    to_org: string | null;
    data: Record<string, unknown>;
    actor_name: string | null;
  }>(
    db,
    sql`SELECT e.kind, e.date::text AS date, e.at, fo.name AS from_org, t.name AS to_org, e.data, a.username AS actor_name
        FROM member_events e LEFT JOIN orgs fo ON fo.id = e.from_org_id LEFT JOIN orgs t ON t.id = e.to_org_id
        LEFT JOIN accounts a ON a.id = e.actor_id WHERE e.member_id = ${memberId} ORDER BY e.at DESC, e.id DESC`,
  );
}
