import type { OverviewRow, OverviewSummary, Role } from '@nennep/core';
import type { Db } from '../../db/client.ts';
import { type Actor, ANY_ROLE, can } from '../../http/access.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import type { OrgRow } from '../orgs/queries.ts';
import { overviewOf } from './rollups.ts';

export { stateOf, summarise } from './figures.ts';
export { qualityFigures } from './rollups.ts';

/** Who sees the committee's view of a subtree's meetings (domain.md §10). */
export const OVERVIEW_READERS: readonly Role[] = ['admin', 'committee_member'];

/** Outside every grant: 404 (existence does not leak); inside but not admin or committee member: 403. */
export function assertCanOverview(actor: Actor, org: OrgRow | null): OrgRow {
  if (!org || !can(actor, ANY_ROLE, org.path)) throw notFound('org');
  if (!can(actor, OVERVIEW_READERS, org.path)) throw forbidden();
  return org;
}

/**
 * The committee's view of one month: a row per active cell of the subtree (one page of them when `page` is
 * given), whether its regular meeting was held on time (within the window of the rule set in force for the
 * cell), late, not at all, or is still to come, with the quality level of adopted minutes and the attendance
 * and speaking shares of the roll call; the summary counts every cell. Read from the roll-ups (rollups.ts);
 * naive.ts reads the same from the raw rows.
 */
export async function meetingsOverview(
  db: Db,
  root: OrgRow,
  month: string,
  today: string,
  page?: { offset: number; limit: number },
): Promise<{ month: string; items: OverviewRow[]; summary: OverviewSummary }> {
  const { items, summary } = await overviewOf(db, root, month, today, page);
  return { month, items, summary };
}
