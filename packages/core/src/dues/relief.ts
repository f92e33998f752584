/**
 * A member's basis history and the cell's relief decisions, kept apart as they are recorded (what the member
 * or the secretary declared; what the cell decided at a meeting), merged into the `DuesBasis` timeline that
 * `dueFor` reads. Pure: no clock, no I/O. Source: QĐ 01-QĐ/TW of 03/02/2026 (exemption and reduction for
 * hardship, each decision for at most 12 months); domain.md §7.
 */
import { basisAt } from './amount.ts';
import { addMonths, type Month } from './months.ts';
import type { DuesBasis } from './types.ts';

/**
 * What the cell decided from a month: an exemption (social pension allowance; hardship), a reduction by a
 * percentage, or `none` — the end of an earlier decision from that month on.
 */
export const DUES_RELIEF_KINDS = ['social_pension', 'hardship', 'reduction', 'none'] as const;
export type DuesReliefKind = (typeof DUES_RELIEF_KINDS)[number];

/** A basis entry as recorded: the category and the amount from a month (no relief). */
export interface DuesBasisEntry {
  from: Month;
  category: string;
  amountVnd: number;
}

/** A relief decision as recorded: from a month until a month (null = until another decision). */
export interface DuesReliefEntry {
  kind: DuesReliefKind;
  /** The reduction's percentage (`reduction` only), else 0. */
  percent: number;
  from: Month;
  until: Month | null;
}

/**
 * The decision in force in a month: of those covering it (`from` ≤ month ≤ `until`), the one that started
 * last; of decisions with the same `from`, the last one given (a correction is a new entry). `none` covers
 * too: it ends what was decided before it.
 */
export function reliefAt(reliefs: readonly DuesReliefEntry[], month: Month): DuesReliefEntry | null {
  let found: DuesReliefEntry | null = null;
  for (const relief of reliefs) {
    const covers = relief.from <= month && (relief.until === null || month <= relief.until);
    if (covers && (found === null || relief.from >= found.from)) found = relief;
  }
  return found && found.kind !== 'none' ? found : null;
}

/**
 * The `DuesBasis` timeline of a member: one entry at each month where the basis or the relief in force
 * changes (a basis' `from`, a decision's `from`, the month after a decision's `until`), each carrying the
 * basis then in force and the decision then in force. Months before the first basis have none: a relief
 * needs a basis to apply to (the server refuses a decision before it). Entries are given in recorded order.
 */
export function basesWithRelief(
  entries: readonly DuesBasisEntry[],
  reliefs: readonly DuesReliefEntry[],
): DuesBasis[] {
  const plain: DuesBasis[] = entries.map((e) => ({
    ...e,
    exemption: null,
    reductionPercent: 0,
    reductionUntil: null,
  }));
  const points = new Set<Month>(entries.map((e) => e.from));
  for (const r of reliefs) {
    points.add(r.from);
    if (r.until !== null) points.add(addMonths(r.until, 1));
  }
  const timeline: DuesBasis[] = [];
  for (const month of [...points].sort()) {
    const basis = basisAt(plain, month);
    if (!basis) continue;
    const relief = reliefAt(reliefs, month);
    timeline.push({
      from: month,
      category: basis.category,
      amountVnd: basis.amountVnd,
      exemption: relief?.kind === 'social_pension' || relief?.kind === 'hardship' ? relief.kind : null,
      reductionPercent: relief?.kind === 'reduction' ? relief.percent : 0,
      reductionUntil: relief ? relief.until : null,
    });
  }
  return timeline;
}
