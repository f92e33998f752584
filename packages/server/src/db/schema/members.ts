import { sql } from 'drizzle-orm';
import { bigint, date, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bytewiseText } from './types.ts';

export const members = pgTable(
  'members',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberCode: text('member_code').notNull().unique(),
    fullName: text('full_name').notNull(),
    /** Vietnamese order key (given name, full name), computed by core's `nameSortKey`; sort with COLLATE "C". */
    sortKey: bytewiseText('sort_key').notNull(),
    /** Accent-free lowercase full name for search ("nguyen van duc"). */
    searchText: text('search_text').notNull(),
    sex: text('sex').notNull(),
    birthDate: date('birth_date'),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    /** Copy of the cell's path, kept in step on transfer and move, for one-range subtree scans. */
    orgPath: bytewiseText('org_path').notNull(),
    status: text('status').notNull(),
    admissionDate: date('admission_date').notNull(),
    officialDate: date('official_date'),
    position: text('position').notNull().default('member'),
    partyCardNo: text('party_card_no'),
    /** Start of the current exemption (miễn sinh hoạt), null when not exempt. */
    exemptFrom: date('exempt_from'),
    notes: text('notes'),
    ethnicity: text('ethnicity'),
    religion: text('religion'),
    hometown: text('hometown'),
    citizenId: text('citizen_id'),
    phone: text('phone'),
    statusDate: date('status_date'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('members_org_path_idx').on(t.orgPath, t.sortKey),
    index('members_sort_idx').on(t.sortKey),
    index('members_org_idx').on(t.orgId),
    index('members_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

/** Exemption and temporary-attachment periods. */
export const memberPeriods = pgTable(
  'member_periods',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: bigint('member_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date'),
    orgId: bigint('org_id', { mode: 'number' }),
    reason: text('reason'),
  },
  (t) => [index('member_periods_member_idx').on(t.memberId)],
);

/** History of a member: admitted, transferred, status changes, exemptions, edits. */
export const memberEvents = pgTable(
  'member_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    memberId: bigint('member_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    date: date('date'),
    fromOrgId: bigint('from_org_id', { mode: 'number' }),
    toOrgId: bigint('to_org_id', { mode: 'number' }),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    actorId: bigint('actor_id', { mode: 'number' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('member_events_member_idx').on(t.memberId, t.at)],
);
