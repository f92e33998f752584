/**
 * The dashboard of the year's review per unit (issue 15 point 5): for each child organisation of a committee
 * (for a province its communes, wards and agency committees; for a commune its cells) the distribution of the
 * levels decided in its subtree this year and last year, and the change in percentage points.
 * Plain data (no zod), so the web bundle may import it.
 */
import type { OrgKind } from '../orgs/types.ts';
import { RATING_LEVELS, type RatingCountsDto, type RatingLevel, type RatingPeriod } from './types.ts';

/** Change per level in percentage points (one decimal); null when last year had nobody rated to compare. */
export type RatingChange = Record<RatingLevel, number> | null;

export interface RatingYearPairDto {
  current: RatingCountsDto;
  previous: RatingCountsDto;
  change: RatingChange;
}

export interface RatingByCommuneRowDto {
  code: string;
  name: string;
  kind: OrgKind;
  /** Whether the child has children of its own (the dashboard drills down into it). */
  hasChildren: boolean;
  organisations: RatingYearPairDto;
  members: RatingYearPairDto;
}

/** `GET /api/ratings/by-commune`: one row per child organisation, in the tree's order. */
export interface RatingByCommuneDto {
  orgCode: string;
  orgName: string;
  year: number;
  previousYear: number;
  period: RatingPeriod;
  items: RatingByCommuneRowDto[];
}

/**
 * This year's share minus last year's, in percentage points, on the one-decimal shares the summary prints
 * (`percentOneDecimal`), so the change read off the table is exactly the difference of its two figures.
 */
export function ratingChange(current: RatingCountsDto, previous: RatingCountsDto): RatingChange {
  if (previous.rated === 0 || current.rated === 0) return null;
  return Object.fromEntries(
    RATING_LEVELS.map((l) => [l, Math.round((current.percent[l] - previous.percent[l]) * 10) / 10]),
  ) as Record<RatingLevel, number>;
}
