/**
 * Reads of the dues: the members of a subtree or one member with their basis history and the cell's relief
 * decisions (merged by core's `basesWithRelief`), the payments and reasons of a span of months, and the dues
 * rules in force for each month (the rule set's `dues`, else QĐ 01-QĐ/TW's defaults). The amounts themselves
 * are core's (`dueFor`, `ledgerFor`, `unpaidMonths`): nothing here computes a due.
 */
import {
  basesWithRelief,
  DEFAULT_DUES_RULES,
  type DuesBasisEntry,
  type DuesChannel,
  type DuesExcuse,
  type DuesPayment,
  type DuesReliefEntry,
  type DuesReliefKind,
  type DuesRules,
  type MemberDuesBasis,
  type Month,
} from '@nennep/core';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { pick, type RuleSetRow, ruleSetsAlong, ruleSetsFor } from '../rule-sets/service.ts';

/** At most this many members in one `IN (…)` list (PostgreSQL takes 65,535 parameters a statement). */
const CHUNK = 5000;

/** Runs a read over a list in chunks and joins the answers in order. */
async function inChunks<T, R>(list: readonly T[], read: (chunk: readonly T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(...(await read(list.slice(i, i + CHUNK))));
  return out;
}

/** A member as the dues read it. */
export interface DuesMemberRow {
  id: number;
  code: string;
  name: string;
  orgId: number;
  orgPath: string;
  status: string;
  admissionDate: string;
}

const MEMBER_COLUMNS = sql`m.id::int AS id, m.member_code AS code, m.full_name AS name, m.org_id::int AS "orgId",
  m.org_path AS "orgPath", m.status, m.admission_date::text AS "admissionDate"`;

/** Members who owe dues: official and probationary members (domain.md §2), not those who left. */
export const ACTIVE_STATUSES = sql`m.status IN ('official', 'probationary')`;

/**
 * Members by code, locked `FOR UPDATE` for the caller's transaction in id order (two commands over the same
 * members never wait on each other crosswise): each dues write holds its members' rows.
 */
export async function lockMembers(tx: Db, codes: readonly string[]): Promise<Map<string, DuesMemberRow>> {
  if (codes.length === 0) return new Map();
  const unique = [...new Set(codes)];
  // One statement when it fits (id order across the whole set); larger files lock chunk by chunk.
  const found = await inChunks(unique, (chunk) =>
    rows<DuesMemberRow>(
      tx,
      sql`SELECT ${MEMBER_COLUMNS} FROM members m
          WHERE m.member_code IN (${sql.join(
            chunk.map((c) => sql`${c}`),
            sql`, `,
          )}) ORDER BY m.id FOR UPDATE OF m`,
    ),
  );
  return new Map(found.map((m) => [m.code, m]));
}

/** The active members of a subtree, in Vietnamese name order. */
export function membersUnder(db: Db, path: string) {
  return rows<DuesMemberRow>(
    db,
    sql`SELECT ${MEMBER_COLUMNS} FROM members m
        WHERE m.org_path LIKE ${`${path}%`} AND ${ACTIVE_STATUSES}
        ORDER BY m.sort_key COLLATE "C", m.member_code`,
  );
}

/** One member by id (the account's own). */
export async function memberById(db: Db, id: number): Promise<DuesMemberRow | null> {
  const [found] = await rows<DuesMemberRow>(
    db,
    sql`SELECT ${MEMBER_COLUMNS} FROM members m WHERE m.id = ${id}`,
  );
  return found ?? null;
}

/** What was recorded so far for these members and months (a correction may not take a month below 0). */
export async function paidSoFar(tx: Db, pairs: { member: DuesMemberRow; month: string }[]) {
  const sums = new Map<string, number>();
  const found = await inChunks(pairs, (chunk) =>
    rows<{ memberId: number; month: string; paid: number }>(
      tx,
      sql`SELECT member_id::int AS "memberId", month, SUM(paid_vnd)::float8 AS paid FROM dues_payments
          WHERE (member_id, month) IN (${sql.join(
            chunk.map((p) => sql`(${p.member.id}::bigint, ${p.month}::text)`),
            sql`, `,
          )}) GROUP BY member_id, month`,
    ),
  );
  for (const f of found) sums.set(`${f.memberId}|${f.month}`, f.paid);
  return sums;
}

/** The members whose entries a read takes: the given ones (`m` in the SQL). */
const inMembers = (column: SQL, members: readonly DuesMemberRow[]) =>
  members.length === 0
    ? sql`FALSE`
    : sql`${column} IN (${sql.join(
        members.map((m) => sql`${m.id}`),
        sql`, `,
      )})`;

/** Basis entries and relief decisions of members, in recorded order, by member id. */
export async function basesOf(db: Db, members: readonly DuesMemberRow[]) {
  const bases = await inChunks(members, (chunk) =>
    rows<DuesBasisEntry & { memberId: number }>(
      db,
      sql`SELECT member_id::int AS "memberId", from_month AS "from", category, amount_vnd::float8 AS "amountVnd"
          FROM dues_bases WHERE ${inMembers(sql`member_id`, chunk)} ORDER BY id`,
    ),
  );
  const reliefs = await inChunks(members, (chunk) =>
    rows<DuesReliefEntry & { memberId: number }>(
      db,
      sql`SELECT member_id::int AS "memberId", kind, percent, from_month AS "from", until_month AS "until"
          FROM dues_reliefs WHERE ${inMembers(sql`member_id`, chunk)} ORDER BY id`,
    ),
  );
  const out = new Map<number, MemberDuesBasis>();
  for (const m of members) {
    const own = <T extends { memberId: number }>(list: T[]) => list.filter((e) => e.memberId === m.id);
    out.set(m.id, {
      admissionDate: m.admissionDate,
      bases: basesWithRelief(
        own(bases).map(({ from, category, amountVnd }) => ({ from, category, amountVnd })),
        own(reliefs).map(({ kind, percent, from, until }) => ({
          kind: kind as DuesReliefKind,
          percent,
          from,
          until,
        })),
      ),
    });
  }
  return out;
}

/** The plain basis entries of one member (for the relief command's "a basis first" check). */
export function basisEntriesOf(db: Db, memberId: number) {
  return rows<DuesBasisEntry>(
    db,
    sql`SELECT from_month AS "from", category, amount_vnd::float8 AS "amountVnd"
        FROM dues_bases WHERE member_id = ${memberId} ORDER BY id`,
  );
}

/** Payments of members for months in [from, to], as core reads them (member code, month, amount). */
export function paymentsOf(db: Db, members: readonly DuesMemberRow[], from: Month, to: Month) {
  return inChunks(members, (chunk) =>
    rows<DuesPayment>(
      db,
      sql`SELECT m.member_code AS "memberCode", p.month, p.paid_vnd::float8 AS "paidVnd",
            p.paid_on::text AS "paidOn", p.channel
          FROM dues_payments p JOIN members m ON m.id = p.member_id
          WHERE ${inMembers(sql`p.member_id`, chunk)} AND p.month >= ${from} AND p.month <= ${to}
          ORDER BY p.id`,
    ),
  ).then((list) => list.map((p) => ({ ...p, channel: p.channel as DuesChannel })));
}

/** The reasons recorded for members' unpaid months in [from, to] (the latest per month counts). */
export async function reasonsOf(db: Db, members: readonly DuesMemberRow[], from: Month, to: Month) {
  const list = await inChunks(members, (chunk) =>
    rows<DuesExcuse>(
      db,
      sql`SELECT m.member_code AS "memberCode", r.month, r.reason
          FROM dues_reasons r JOIN members m ON m.id = r.member_id
          WHERE ${inMembers(sql`r.member_id`, chunk)} AND r.month >= ${from} AND r.month <= ${to}
          ORDER BY r.id`,
    ),
  );
  const latest = new Map(list.map((r) => [`${r.memberCode}|${r.month}`, r]));
  return [...latest.values()];
}

/**
 * The dues rules in force for a node in a month: the rule set in force on the month's first day along the
 * node's path, its `dues` part, else the defaults of QĐ 01-QĐ/TW (core `DEFAULT_DUES_RULES`).
 */
export function duesRulesOf(candidates: RuleSetRow[], path: string, month: Month): DuesRules {
  return pick(candidates, path, `${month}-01`)?.content.dues ?? DEFAULT_DUES_RULES;
}

/** The rule sets a subtree's dues may read (those along it and inside it). */
export const duesRuleSetsFor = (db: Db, path: string) => ruleSetsFor(db, path);
/** The rule sets along one node. */
export const duesRuleSetsAlong = (db: Db, path: string) => ruleSetsAlong(db, path);
