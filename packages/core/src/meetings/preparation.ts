/**
 * Who prepares a cell meeting (chuẩn bị sinh hoạt chi bộ), and how that preparation is named and counted.
 *
 * Sources:
 * - Điều lệ Đảng (2011) art. 24: a cell with 9 or more official members elects a chi ủy, and the bí thư and
 *   phó bí thư from it; a smaller cell elects a bí thư and, where needed, a phó bí thư — no chi ủy.
 * - HD 12-HD/BTCTW (06/7/2018) on raising the quality of cell meetings, preparation: the chi ủy meets before
 *   the cell meeting to agree its content and draft resolution; where the cell has no chi ủy, the bí thư and
 *   phó bí thư do so. HD 42-HD/BTCTW (28/10/2025) keeps that step.
 */
import { addDays } from './calendar.ts';
import type { Bilingual, MeetingRules } from './types.ts';

/** Positions called to a preparation meeting: the chi ủy — or, where none was elected, the bí thư and phó bí thư. */
export const PREPARATION_POSITIONS: readonly string[] = ['secretary', 'deputy_secretary', 'committee_member'];

/**
 * Whether a cell has a chi ủy, from who was elected to it: at least one member holds the position of chi ủy
 * viên. A bí thư and a phó bí thư alone are not a committee (Điều lệ Đảng art. 24). The size of the cell
 * does not decide it: a cell of 9 or more that has not elected one yet has none.
 */
export function hasCellCommittee(positions: Iterable<string>): boolean {
  for (const position of positions) if (position === 'committee_member') return true;
  return false;
}

/**
 * Advice, never a rule that changes what is planned or scored: a cell with at least the rule set's
 * `cellCommitteeFrom` official members (9 by Điều lệ Đảng art. 24) and no elected chi ủy should elect one.
 */
export function cellCommitteeAdvised(
  officialMembers: number,
  hasCommittee: boolean,
  rules: Pick<MeetingRules, 'cellCommitteeFrom'>,
): boolean {
  return !hasCommittee && officialMembers >= rules.cellCommitteeFrom;
}

/**
 * The name of the preparation meeting of a cell without a chi ủy (HD 12-HD/BTCTW; HD 42-HD/BTCTW): the
 * meeting keeps the kind `cell_committee` and carries this as its title.
 */
export const SECRETARIES_PREPARATION_TITLE = 'Họp bí thư, phó bí thư chuẩn bị nội dung sinh hoạt chi bộ';

/** How each preparation meeting is named, in both languages. */
export const PREPARATION_LABELS: Record<'cell_committee' | 'secretaries', Bilingual> = {
  cell_committee: { vi: 'Họp chi ủy', en: 'Cell committee meeting' },
  secretaries: {
    vi: SECRETARIES_PREPARATION_TITLE,
    en: "Secretary and deputy's meeting to prepare the cell meeting",
  },
};

/** The title a planned preparation meeting gets: none for a chi ủy meeting, the secretaries' one otherwise. */
export const preparationTitle = (hasCommittee: boolean): string | null =>
  hasCommittee ? null : SECRETARIES_PREPARATION_TITLE;

/**
 * Days before a cell meeting within which a preparation meeting held counts as its preparation. The
 * regulations say "before the meeting" without a figure; two weeks is this application's reading (it spans
 * a preparation moved a few days earlier, not the previous month's).
 */
export const PREPARATION_WINDOW_DAYS = 14;

/** The first day (ISO) on which a preparation meeting counts for a cell meeting on `meetingDate`. */
export const preparationFrom = (meetingDate: string): string =>
  addDays(meetingDate, -PREPARATION_WINDOW_DAYS);
