/**
 * Every action the audit log records, by group: `<group>.<kind>` (principle 5: every write leaves an audit
 * event). The server's `audit()` takes only these (`AuditAction`), the event tables of meetings, orgs and
 * members take their group's kinds, and the web's labels (`auditActions` in app/i18n/{vi,en}-labels.ts) must
 * name each one — so a new action without a Vietnamese and an English name does not compile, and the audit
 * page never shows a raw code.
 */
export const AUDIT_ACTIONS = {
  auth: ['login', 'logout', 'login_failed', 'locked', 'password_changed', 'locale'],
  org: [
    'created',
    'renamed',
    'moved',
    'merged',
    'absorbed',
    'split',
    'dissolved',
    'imported',
    'naming_changed',
  ],
  member: [
    'created',
    'updated',
    'transferred',
    'transferred_in',
    'status_changed',
    'exempted',
    'attached',
    'personal_viewed',
    'exported',
    'imported',
  ],
  account: ['created', 'updated', 'seeded'],
  import: ['committed', 'orgs', 'members', 'ratings', 'dues', 'dues-basis', 'mapping_saved'],
  meeting: [
    'planned',
    'created',
    'updated',
    'rescheduled',
    'cancelled',
    'material_added',
    'started',
    'ended',
    'attendance',
    'confirmed',
    'excused',
    'guest_added',
    'opinion_added',
    'task_added',
    'task_status',
    'vote_recorded',
    'manual_scores',
    'conclusion',
    'item_conclusion',
    'adopted',
    'addendum',
    'notified',
    'opinion_edited',
    'opinion_removed',
    'task_removed',
    'guest_removed',
    'vote_removed',
    'material_removed',
    'prepared',
    'agenda_item_added',
    'agenda_prepared',
    'agenda_item_dropped',
    'agenda_item_moved',
    'document_passed_on',
    'so_tay_posted',
    'so_tay_undone',
    'recognition_early',
  ],
  meeting_days: ['applied'],
  rule_set: ['created'],
  supervision: [
    'planned',
    'plan_published',
    'visit_added',
    'visit_edited',
    'visit_cancelled',
    'checked_in',
    'report_filed',
    'report_addendum',
    'report_issued',
    'group_created',
    'group_updated',
    'assignment_created',
    'assignment_ended',
    'availability_set',
  ],
  thematic: [
    'topic_created',
    'topic_published',
    'topic_withdrawn',
    'topic_deleted',
    'registered',
    'approved',
    'refused',
    'replanned',
    'meeting_linked',
    'paper_drafted',
    'paper_shared',
    'paper_commented',
    'session_created',
    'session_paper_assigned',
    'session_resolution_drafted',
    'session_resolution_shared',
    'session_resolution_commented',
    'session_resolution_issued',
  ],
  pass_on: ['registered'],
  recommendation: [
    'received',
    'forwarded',
    'in_progress',
    'answered',
    'declined',
    'merged',
    'answer_given',
    'answer_not_given',
    'escalated',
    'attachment_added',
  ],
  dues: ['basis', 'payment', 'reason', 'relief', 'portal_import'],
  rating: ['self_assessed', 'proposed', 'decided', 'not_rated'],
  four_good: ['registered', 'assessed', 'result', 'withdrawn'],
  report: ['words_saved', 'issued'],
  alerts: ['run'],
  calendar_feed: ['created', 'deleted'],
  notification: ['read'],
  // Written by the command line: the demo loaded, a backup taken or restored (db/backup).
  demo: ['seeded'],
  database: ['backed_up', 'restored'],
} as const;

export type AuditGroup = keyof typeof AUDIT_ACTIONS;

/** The kinds of one group: `AuditKind<'meeting'>` is 'planned' | 'created' | … */
export type AuditKind<G extends AuditGroup> = (typeof AUDIT_ACTIONS)[G][number];

/** `meeting.opinion_added`, `auth.login` … */
export type AuditAction = { [G in AuditGroup]: `${G}.${AuditKind<G>}` }[AuditGroup];

/** A name for each action of each group, in one language (the web's `auditActions`). */
export type AuditActionLabels = { [G in AuditGroup]: Record<AuditKind<G>, string> };

/** Every action, `group.kind`, in the registry's order. */
export const allAuditActions = (): AuditAction[] =>
  (Object.keys(AUDIT_ACTIONS) as AuditGroup[]).flatMap((group) =>
    AUDIT_ACTIONS[group].map((kind) => `${group}.${kind}` as AuditAction),
  );
