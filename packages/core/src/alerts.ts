/**
 * The kinds of alert the daily run raises (domain.md §3–§5): meetings, supervision visits, recommendations.
 * No imports, so that the web takes it through the `@nennep/core/alerts` subpath.
 */
export const ALERT_KINDS = [
  'absent3',
  'nomeeting',
  'materials',
  'thematic',
  'visit_soon',
  'visit_report',
  'rec_escalated',
  'rec_overdue',
  'pass_on',
  'dues_arrears',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
