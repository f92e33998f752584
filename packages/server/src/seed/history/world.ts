/**
 * The demo as the history needs it, read once after the tree and the members are in: every cell with its
 * members (ids, positions, dates), a diligence per cell, the rule set in force and each cell's naming.
 */
import { hasCellCommittee, type RuleSetContent } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { issuerOf } from '../../modules/orgs/naming.ts';
import { mulberry32 } from '../prng.ts';
import type { CellWords } from './adopt.ts';
import type { HistoryCell } from './calendar.ts';
import type { HistoryMember } from './record.ts';

export type RollMember = HistoryMember & { sortKey: string };

export interface DemoWorld {
  cells: HistoryCell[];
  members: Map<number, RollMember[]>;
  words: Map<number, CellWords>;
  ruleSet: { id: number; content: RuleSetContent };
}

/** The node just below the root a path lies in (the commune, or the agencies' committee). */
export const topUnitOf = (path: string) => `${path.split('/').slice(0, 3).join('/')}/`;

export async function loadWorld(
  db: Db,
  rootPath: string,
  ruleSet: DemoWorld['ruleSet'],
  options: { seed: number; diligent: string },
): Promise<DemoWorld> {
  const cellRows = await rows<Omit<HistoryCell, 'index' | 'hasCommittee' | 'diligence'>>(
    db,
    sql`SELECT id::int AS id, code, path, name, kind, category FROM orgs
        WHERE path LIKE ${`${rootPath}%`} AND kind IN ('cell', 'grassroots_cell') AND status = 'active'
        ORDER BY path`,
  );
  const memberRows = await rows<RollMember & { orgId: number }>(
    db,
    sql`SELECT id::int AS id, org_id::int AS "orgId", member_code AS code, full_name AS "fullName", position,
          extract(year FROM birth_date)::int AS "birthYear", admission_date::text AS "admissionDate",
          official_date::text AS "officialDate", exempt_from::text AS "exemptFrom", sort_key AS "sortKey"
        FROM members WHERE org_path LIKE ${`${rootPath}%`} AND status IN ('official', 'probationary')
        ORDER BY sort_key, member_code`,
  );
  const rng = mulberry32(options.seed);
  const members = new Map<number, RollMember[]>();
  for (const m of memberRows) {
    // A few members work away most of the year (never one who leads the cell): the "absent more than
    // three times in a row" flag has someone to find.
    const away = m.position === 'member' && rng() < 1 / 250;
    members.set(m.orgId, [...(members.get(m.orgId) ?? []), { ...m, away }]);
  }
  const seen = new Map<string, number>();
  const cells = cellRows.map((c): HistoryCell => {
    const unit = topUnitOf(c.path);
    const index = seen.get(unit) ?? 0;
    seen.set(unit, index + 1);
    const own = members.get(c.id) ?? [];
    // Most cells are careful, a few are not: the four quality levels all occur.
    const roll = rng();
    const diligence =
      c.code === options.diligent ? 0.9 : roll < 0.12 ? 0.15 + rng() * 0.25 : 0.5 + rng() * 0.5;
    return { ...c, index, hasCommittee: hasCellCommittee(own.map((m) => m.position)), diligence };
  });
  const words = new Map<number, CellWords>();
  for (const cell of cells) {
    const issuer = await issuerOf(db, cell);
    words.set(cell.id, {
      heading: issuer.heading,
      symbol: issuer.own.symbol,
      placeName: issuer.own.placeName,
      onBehalf: issuer.own.onBehalf,
      superiorBody: issuer.superior?.bodyName ?? null,
    });
  }
  return { cells, members, words, ruleSet };
}
