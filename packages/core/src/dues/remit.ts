/**
 * Remittance (trích nộp đảng phí): what each level keeps of the dues collected below it and what it sends
 * up (domain.md §7; shares are rule data: the QĐ 342-QĐ/TW (2010) shares until the 2026 ones are entered).
 */
import type { RemitLevel, RemitShare } from './types.ts';

/** One level of the chain the money passes through, from the collecting cell upward. */
export interface RemitNode {
  code: string;
  level: RemitLevel;
  /** This node's own share in percent, within its share's `range` (e.g. a cell's 30–50 %); else the rule's. */
  keepPercent?: number;
}

export interface RemitLine {
  code: string;
  level: RemitLevel;
  keepPercent: number;
  receivedVnd: number;
  keptVnd: number;
  sentVnd: number;
}

export interface Remittance {
  levels: RemitLine[];
  /** What the top of the chain sends beyond it (to the level above the tree, e.g. the Central Office). */
  sentBeyondVnd: number;
}

/** The share a node keeps: its own within the rule's range, else the rule's; 0 for a level without a rule. */
export function keepPercentOf(node: RemitNode, shares: readonly RemitShare[]): number {
  const share = shares.find((s) => s.level === node.level);
  if (!share) return 0;
  if (node.keepPercent === undefined) return share.keepPercent;
  const { min, max } = share.range ?? { min: share.keepPercent, max: share.keepPercent };
  return Math.min(max, Math.max(min, node.keepPercent));
}

/**
 * Splits the dues collected by the first node of `chain` up the chain: each level receives what the level
 * below sends, keeps its percentage and sends the rest up; the top sends the rest beyond the chain.
 * Integer VND: a level keeps the whole-VND part of its share (rounded down) and sends the remainder up, so
 * no VND is lost or made: at every level kept + sent = received, and the kept amounts plus what leaves the
 * top equal the collected amount exactly.
 */
export function remit(
  collectedVnd: number,
  chain: readonly RemitNode[],
  shares: readonly RemitShare[],
): Remittance {
  const levels: RemitLine[] = [];
  let received = Math.trunc(collectedVnd);
  for (const node of chain) {
    const keepPercent = keepPercentOf(node, shares);
    // Math.floor on a negative amount (a month of corrections) would keep more than the share: truncate.
    const keptVnd = Math.trunc((received * keepPercent) / 100);
    const sentVnd = received - keptVnd;
    levels.push({ code: node.code, level: node.level, keepPercent, receivedVnd: received, keptVnd, sentVnd });
    received = sentVnd;
  }
  return { levels, sentBeyondVnd: received };
}
