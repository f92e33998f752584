/**
 * The "xuất sắc" quota inside a decision's transaction (QĐ 366-QĐ/TW art. 11; the 2023 rule QĐ 124-QĐ/TW):
 * the comparison group is locked (its superior's row `FOR UPDATE`, then the period's rating rows of the group),
 * so two decisions in one group never both take the last place.
 */
import {
  CELL_KINDS,
  checkExcellentQuota,
  GRASSROOTS_KINDS,
  type QuotaCheck,
  type RatingLevel,
  type RatingPeriod,
} from '@nennep/core';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { conflict } from '../../http/errors.ts';
import type { SubjectRow } from './queries.ts';

/**
 * The group a subject is compared within (`groupBy: 'superior'`): an organisation with its siblings of the
 * same class (grassroots organisations, or cells) under the same superior; a member with the members of the
 * same grassroots organisation (the nearest chi bộ cơ sở / đảng bộ cơ sở at or above the cell; else the
 * cell's superior, as for village cells directly under a commune since 2025).
 */
async function groupOf(tx: Db, s: SubjectRow): Promise<{ lockId: number; where: SQL }> {
  const [cell] = await rows<{ parentId: number | null }>(
    tx,
    sql`SELECT parent_id::int AS "parentId" FROM orgs WHERE id = ${s.orgId}`,
  );
  if (s.subject === 'org') {
    const kinds =
      (CELL_KINDS as readonly string[]).includes(s.orgKind) && s.orgKind !== 'grassroots_cell'
        ? CELL_KINDS.filter((k) => k !== 'grassroots_cell')
        : GRASSROOTS_KINDS;
    const parentId = cell?.parentId ?? s.orgId;
    return {
      lockId: parentId,
      where: sql`r.subject = 'org' AND r.subject_id IN (SELECT id FROM orgs WHERE parent_id = ${parentId}
        AND kind IN (${sql.join(
          kinds.map((k) => sql`${k}`),
          sql`, `,
        )}))`,
    };
  }
  const [grassroots] = await rows<{ id: number; path: string }>(
    tx,
    sql`SELECT id::int AS id, path FROM orgs WHERE ${s.orgPath} LIKE path || '%'
          AND kind IN ('grassroots_committee', 'grassroots_cell') ORDER BY depth DESC LIMIT 1`,
  );
  const [fallback] = grassroots
    ? [grassroots]
    : await rows<{ id: number; path: string }>(
        tx,
        sql`SELECT id::int AS id, path FROM orgs WHERE id = ${cell?.parentId ?? s.orgId}`,
      );
  const group = fallback ?? { id: s.orgId, path: s.orgPath };
  return { lockId: group.id, where: sql`r.subject = 'member' AND r.org_path LIKE ${`${group.path}%`}` };
}

/**
 * Checks the quota for a decision of `level` on the subject's row, with the group locked. Those rated good or
 * better are counted from each row's decision, else its proposal (the candidates the committee is deciding
 * on); those rated excellent from the decisions only. Refused (409, field `level`) with the numbers when the
 * decision would take the group over the quota — by a new excellent or by leaving the base.
 */
export async function assertQuota(
  tx: Db,
  s: SubjectRow,
  year: number,
  period: RatingPeriod,
  rowId: number,
  level: RatingLevel,
  percent: number,
): Promise<QuotaCheck> {
  const group = await groupOf(tx, s);
  await tx.execute(sql`SELECT id FROM orgs WHERE id = ${group.lockId} FOR UPDATE`);
  const others = await rows<{ decided: RatingLevel | null; counted: RatingLevel | null }>(
    tx,
    sql`SELECT r.decision_level AS decided, COALESCE(r.decision_level, r.proposal_level) AS counted
        FROM ratings r WHERE r.year = ${year} AND r.period = ${period} AND r.id <> ${rowId}
          AND r.not_rated_reason IS NULL AND ${group.where}
        FOR UPDATE OF r`,
  );
  const excellent = others.filter((o) => o.decided === 'excellent').length + (level === 'excellent' ? 1 : 0);
  const good = others.filter(
    (o) => o.counted === 'good' || (o.counted === 'excellent' && o.decided !== 'excellent'),
  ).length;
  const check = checkExcellentQuota({ excellent, good: good + (level === 'good' ? 1 : 0) }, percent);
  if (!check.ok && (level === 'excellent' || level === 'completed' || level === 'failed')) {
    throw conflict(
      {
        vi: `Vượt tỷ lệ hoàn thành xuất sắc nhiệm vụ: ${check.excellent} trên ${check.base} tổ chức, đảng viên được xếp loại hoàn thành tốt nhiệm vụ trở lên; tối đa ${check.percent}% là ${check.max}.`,
        en: `Over the excellent quota: ${check.excellent} of ${check.base} rated good or better; at most ${check.percent}% is ${check.max}.`,
      },
      'level',
    );
  }
  return check;
}
