import type { QualityLevel } from '../../lib/types';
import type { VisitDetailDto } from './api';

export type SheetCriterion = VisitDetailDto['sheet'][number];

/** The score sheet's criteria in their groups, in the sheet's order. */
export function groupSheet(sheet: SheetCriterion[]) {
  const ids = [...new Set(sheet.map((c) => c.group))];
  return ids.map((id) => ({ id, criteria: sheet.filter((c) => c.group === id) }));
}

/**
 * A preview of the rating from the total, with the default bounds (Tốt ≥ 90, Khá ≥ 70, Trung bình ≥ 50).
 * Only a preview: the server rates the report by the rule set in force, which may differ.
 */
export function previewLevel(total: number): QualityLevel {
  if (total >= 90) return 'good';
  if (total >= 70) return 'fair';
  if (total >= 50) return 'average';
  return 'poor';
}
