import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { bytea, bytewiseText } from './types.ts';

/**
 * Dated rule sets owned by an organisation node and inherited down its subtree. Rows are never
 * updated: an edit is a new row, so a meeting's `rule_set_id` keeps pointing at the rules it was scored with.
 */
export const ruleSets = pgTable(
  'rule_sets',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    orgPath: bytewiseText('org_path').notNull(),
    name: text('name').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    content: jsonb('content').notNull(),
    createdBy: bigint('created_by', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rule_sets_org_idx').on(t.orgPath, t.effectiveFrom)],
);

/** Terms of office (nhiệm kỳ): document numbers run from 01 per type within a term. */
export const orgTerms = pgTable('org_terms', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  orgId: bigint('org_id', { mode: 'number' }).notNull(),
  startsOn: date('starts_on').notNull(),
  label: text('label').notNull(),
});

export const documentCounters = pgTable(
  'document_counters',
  {
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    term: text('term').notNull(),
    docType: text('doc_type').notNull(),
    last: integer('last').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.term, t.docType] })],
);

export const meetings = pgTable(
  'meetings',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: bigint('org_id', { mode: 'number' }).notNull(),
    orgPath: bytewiseText('org_path').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('planned'),
    /** Held together with the month's regular meeting (then the minimum is the combined one). */
    combined: boolean('combined').notNull().default(false),
    title: text('title'),
    scheduledDate: date('scheduled_date').notNull(),
    startTime: text('start_time').notNull(),
    place: text('place'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    chairMemberId: bigint('chair_member_id', { mode: 'number' }),
    minuteTakerMemberId: bigint('minute_taker_member_id', { mode: 'number' }),
    // Each item may carry the chair's conclusion on it (core `AgendaItem.conclusion`).
    agenda: jsonb('agenda')
      .$type<{ title: string; section: string; conclusion?: string }[]>()
      .notNull()
      .default([]),
    ruleSetId: bigint('rule_set_id', { mode: 'number' }),
    manualScores: jsonb('manual_scores').$type<Record<string, number>>().notNull().default({}),
    score: jsonb('score'),
    level: text('level'),
    total: integer('total'),
    conclusion: text('conclusion'),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }),
    /** The adopted minutes model, frozen: documents are rendered from it, byte for byte the same. */
    adoptedModel: jsonb('adopted_model'),
    contentHash: text('content_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meetings_org_date_idx').on(t.orgPath, t.scheduledDate),
    index('meetings_date_idx').on(t.scheduledDate),
    // The roll-up triggers recompute a cell's month from here (migration 0013).
    index('meetings_org_id_date_idx').on(t.orgId, t.scheduledDate),
  ],
);

export const meetingEvents = pgTable(
  'meeting_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    meetingId: bigint('meeting_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    actorId: bigint('actor_id', { mode: 'number' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meeting_events_meeting_idx').on(t.meetingId)],
);

export const attendance = pgTable(
  'attendance',
  {
    meetingId: bigint('meeting_id', { mode: 'number' }).notNull(),
    memberId: bigint('member_id', { mode: 'number' }).notNull(),
    status: text('status').notNull(),
    reason: text('reason'),
    /**
     * Whether the cell accepts the reason of an excused absence: only then is it "vắng mặt có lý do"
     * (HD 12-HD/BTCTW point 2.1) and out of the vote base (QĐ 24-QĐ/TW point 9.3.2). Meaningless otherwise.
     */
    reasonAccepted: boolean('reason_accepted').notNull().default(true),
    /** The member's status on the day, frozen with the roll call. */
    memberStatus: text('member_status').notNull(),
    suspended: boolean('suspended').notNull().default(false),
    /** Member's own reply before the meeting: confirmed or excused. */
    reply: text('reply'),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.memberId] }), index('attendance_member_idx').on(t.memberId)],
);

export const guests = pgTable('meeting_guests', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  meetingId: bigint('meeting_id', { mode: 'number' }).notNull(),
  name: text('name').notNull(),
  role: text('role'),
});

export const opinions = pgTable(
  'opinions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    meetingId: bigint('meeting_id', { mode: 'number' }).notNull(),
    memberId: bigint('member_id', { mode: 'number' }),
    /** A guest speaking (superior committee member). */
    guestName: text('guest_name'),
    agendaIndex: integer('agenda_index').notNull(),
    summary: text('summary').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('opinions_meeting_idx').on(t.meetingId)],
);

export const tasks = pgTable(
  'tasks',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    meetingId: bigint('meeting_id', { mode: 'number' }).notNull(),
    orgPath: bytewiseText('org_path').notNull(),
    memberId: bigint('member_id', { mode: 'number' }),
    text: text('text').notNull(),
    deadline: date('deadline'),
    status: text('status').notNull().default('open'),
    statusAt: timestamp('status_at', { withTimezone: true }),
  },
  (t) => [index('tasks_meeting_idx').on(t.meetingId), index('tasks_member_idx').on(t.memberId)],
);

export const votes = pgTable('votes', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  meetingId: bigint('meeting_id', { mode: 'number' }).notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  /** For personnel votes: the member concerned. */
  memberId: bigint('member_id', { mode: 'number' }),
  votesFor: integer('votes_for').notNull(),
  votesAgainst: integer('votes_against').notNull(),
  abstain: integer('abstain').notNull(),
  eligible: integer('eligible').notNull(),
  passed: boolean('passed').notNull(),
  statement: jsonb('statement').$type<{ vi: string; en: string }>().notNull(),
});

export const materials = pgTable(
  'materials',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    meetingId: bigint('meeting_id', { mode: 'number' }).notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    bytes: bytea('bytes').notNull(),
    publishAt: timestamp('publish_at', { withTimezone: true }).notNull(),
    uploadedBy: bigint('uploaded_by', { mode: 'number' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('materials_meeting_idx').on(t.meetingId)],
);

/** Issued documents (minutes, resolutions, addenda): immutable rows, numbered per type per term. */
export const issuedDocuments = pgTable(
  'issued_documents',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    meetingId: bigint('meeting_id', { mode: 'number' }).notNull(),
    docType: text('doc_type').notNull(),
    number: text('number').notNull(),
    model: jsonb('model').notNull(),
    /**
     * SHA-256 of the DOCX rendered from the frozen model: set at adoption, or — for history loaded in bulk
     * (the demo) — by the fingerprint pass that renders it right after the load (`documents/fingerprints.ts`).
     */
    sha256: text('sha256'),
    /**
     * The issued bytes themselves, kept so that a later change of layout never changes an issued document:
     * the DOCX from adoption (or the fingerprint pass), the PDF from adoption or its first reading.
     */
    docx: bytea('docx'),
    pdf: bytea('pdf'),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('issued_documents_meeting_idx').on(t.meetingId),
    unique('issued_documents_number').on(t.meetingId, t.docType),
  ],
);

/** Dated corrections to adopted minutes (đính chính): the minutes themselves never change. */
export const addenda = pgTable('addenda', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  meetingId: bigint('meeting_id', { mode: 'number' }).notNull(),
  date: date('date').notNull(),
  text: text('text').notNull(),
  createdBy: bigint('created_by', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The in-app inbox (and the outbox for email when SMTP is configured). */
export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: bigint('account_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    /** Deduplicates alerts: the same key is raised once per account. */
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_account_idx').on(t.accountId, t.createdAt),
    unique('notifications_dedupe').on(t.accountId, t.dedupeKey),
  ],
);

/** Secret tokens of ICS calendar feeds (per cell or per person). */
export const calendarFeeds = pgTable('calendar_feeds', {
  token: text('token').primaryKey(),
  accountId: bigint('account_id', { mode: 'number' }).notNull(),
  orgId: bigint('org_id', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/**
 * Email waiting to be sent. Written in the transaction that raises the notice; a sender delivers it after
 * commit when SMTP is configured, so a slow or failing mail server never holds up or undoes a write.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    accountId: bigint('account_id', { mode: 'number' }).notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [index('mail_outbox_pending_idx').on(t.sentAt, t.id)],
);
