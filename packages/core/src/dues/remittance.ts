/**
 * The remittance dashboard (issue 16 point 5; domain.md §7): for a node and each child, what was due and
 * collected, the rate, the members in arrears, and what the levels keep and send up, rolled up the tree —
 * a commune is the sum of its cells. Pure: per-cell monthly figures in, per-node sums out; the split up the
 * chain is `remit` (shares of the rule set in force, QĐ 342-QĐ/TW (2010) until the 2026 ones are entered).
 */
import { z } from 'zod';
import { unitOfName } from '../org-naming.ts';
import { orgCodeSchema } from '../orgs/schemas.ts';
import type { DuesRemittanceFigures } from './api-types.ts';
import type { Month } from './months.ts';
import { type RemitNode, remit } from './remit.ts';
import { duesMonthSchema } from './schemas.ts';
import type { RemitLevel, RemitShare } from './types.ts';

/** `GET /api/dues/remittance?org=CODE&year=YYYY[&month=YYYY-MM]` (the report routes take the same). */
export const duesRemittanceQuerySchema = z.object({
  org: orgCodeSchema,
  year: z.coerce.number().int().min(1900).max(2100),
  month: duesMonthSchema.optional(),
});
export type DuesRemittanceQuery = z.infer<typeof duesRemittanceQuerySchema>;

/** Administrative units whose grassroots organisation is a "commune" one (QĐ 342-QĐ/TW: keeps 90 %). */
const COMMUNE_UNITS = new Set(['xã', 'phường', 'thị trấn', 'đặc khu']);

/**
 * The remittance level of a node (QĐ 342-QĐ/TW (2010), distribution of dues): a cell under a grassroots
 * committee or a sub-committee keeps a cell's share; a grassroots organisation named after a commune, ward,
 * town or special zone keeps the commune share, another grassroots one the other share; a committee above
 * the grassroots the higher levels' share. A party group keeps nothing: its members pay to the cell.
 */
export function remitLevelOf(node: { kind: string; name: string }): RemitLevel | null {
  switch (node.kind) {
    case 'cell':
      return 'cell';
    case 'sub_committee':
      return 'sub_committee';
    case 'grassroots_committee':
    case 'grassroots_cell':
      return COMMUNE_UNITS.has(unitOfName(node.name)?.unit ?? '') ? 'grassroots_commune' : 'grassroots_other';
    case 'committee':
      return 'superior';
    default:
      return null;
  }
}

/** The percentage with one decimal; null when nothing was due. */
export const ratePercent = (collectedVnd: number, expectedVnd: number): number | null =>
  expectedVnd > 0 ? Math.round((collectedVnd * 1000) / expectedVnd) / 10 : null;

/** What one collecting node (a node holding members) had due and collected in one month. */
export interface CellMonth {
  /** The node's materialised path ("/1/7/42/"). */
  path: string;
  month: Month;
  expectedVnd: number;
  collectedVnd: number;
}

export type RollupFigures = Omit<DuesRemittanceFigures, 'ratePercent' | 'membersInArrears'>;

const zero = (): RollupFigures => ({
  expectedVnd: 0,
  collectedVnd: 0,
  keptVnd: 0,
  ownKeptVnd: 0,
  sentVnd: 0,
});

/** "/1/7/42/" → ["/1/7/42/", "/1/7/", "/1/"]: the node first, then its ancestors upward. */
export function pathsUp(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, ids.length - i).join('/')}/`);
}

/**
 * Rolls the cells' months up the tree. Each cell-month's collection is split up the chain of its ancestors
 * (`remit`, the shares in force for that cell and month); every ancestor adds the cell's due and collected
 * amounts, its own kept amount, the amounts kept at or below it, and what it sent up. Whole VND: at every
 * node and in every month kept + sent = collected.
 */
export function rollUpRemittance(
  cellMonths: readonly CellMonth[],
  levelOf: (path: string) => RemitLevel | null,
  sharesOf: (path: string, month: Month) => readonly RemitShare[],
): { byNode: Map<string, RollupFigures>; byNodeMonth: Map<string, RollupFigures> } {
  const byNode = new Map<string, RollupFigures>();
  const byNodeMonth = new Map<string, RollupFigures>();
  const bump = (map: Map<string, RollupFigures>, key: string, add: RollupFigures) => {
    const f = map.get(key) ?? zero();
    f.expectedVnd += add.expectedVnd;
    f.collectedVnd += add.collectedVnd;
    f.keptVnd += add.keptVnd;
    f.ownKeptVnd += add.ownKeptVnd;
    f.sentVnd += add.sentVnd;
    map.set(key, f);
  };
  for (const cm of cellMonths) {
    const up = pathsUp(cm.path);
    const chain: RemitNode[] = [];
    for (const path of up) {
      const level = levelOf(path);
      if (level) chain.push({ code: path, level });
    }
    const lines = new Map(
      remit(cm.collectedVnd, chain, sharesOf(cm.path, cm.month)).levels.map((l) => [l.code, l]),
    );
    let keptBelow = 0;
    for (const path of up) {
      const own = lines.get(path)?.keptVnd ?? 0;
      keptBelow += own;
      const add = {
        expectedVnd: cm.expectedVnd,
        collectedVnd: cm.collectedVnd,
        keptVnd: keptBelow,
        ownKeptVnd: own,
        sentVnd: cm.collectedVnd - keptBelow,
      };
      bump(byNode, path, add);
      bump(byNodeMonth, `${path}|${cm.month}`, add);
    }
  }
  return { byNode, byNodeMonth };
}
