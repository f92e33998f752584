import type { Bilingual, QualityLevel } from '@nennep/core/meetings/types';
import type { VisitDetailDto } from './api';

export type SheetCriterion = VisitDetailDto['sheet'][number];

/**
 * The score sheet's criteria in their groups, in the sheet's order, each group with its heading from the
 * rule set when it has one (`label` null: the caller falls back to a known name, or the id).
 */
export function groupSheet(sheet: SheetCriterion[], headings: VisitDetailDto['sheetGroups'] = []) {
  const ids = [...new Set(sheet.map((c) => c.group))];
  return ids.map((id) => ({
    id,
    label: (headings.find((g) => g.id === id)?.label ?? null) as Bilingual | null,
    criteria: sheet.filter((c) => c.group === id),
  }));
}

/**
 * A preview of the rating as the visitor scores, with the bounds of the rule set in force (sent with the
 * visit): Tốt needs the total and every required criterion at its maximum, else it falls to Khá. Only a
 * preview: the server rates the report when it is filed.
 */
export function previewLevel(
  total: number,
  levels: VisitDetailDto['levels'],
  sheet: SheetCriterion[],
  points: Record<string, number | null | undefined>,
): QualityLevel {
  if (total >= levels.good) {
    const atMax = levels.requiredAtMaxForGood.every((id) => {
      const criterion = sheet.find((c) => c.id === id);
      return criterion !== undefined && (points[id] ?? 0) >= criterion.max;
    });
    return atMax ? 'good' : 'fair';
  }
  if (total >= levels.fair) return 'fair';
  if (total >= levels.average) return 'average';
  return 'poor';
}
