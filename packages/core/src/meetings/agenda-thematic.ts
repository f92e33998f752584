/**
 * The thematic topic of the quarter on the agenda prepared for a thematic meeting or a combined session
 * (pure, no I/O; agenda-sources.ts places it after "Trình bày chuyên đề (tham luận)"). HD 12-HD/BTCTW
 * (06/7/2018), its part on sinh hoạt chuyên đề: at least one thematic meeting per quarter, on a topic of the
 * superior committee's plan or the cell's own agreed by the committee; the paper is prepared by the members
 * assigned and sent to the members beforehand for comments.
 */
import { formatVietnameseDate } from '../dates.ts';
import type { RegistrationStatus } from '../thematic/types.ts';
import type { PrefillItem } from './agenda-sources.ts';
import { MEETING_LIMITS } from './api-types.ts';

/** The regulation each thematic item cites. */
const CITE = 'HD 12-HD/BTCTW ngày 06/7/2018, phần sinh hoạt chuyên đề';

/** A cell's registration for the meeting's quarter, as the agenda needs it. */
export interface ThematicRegistrationDue {
  id: number;
  year: number;
  quarter: number;
  title: string;
  status: RegistrationStatus;
  /** The cell's own topic (not one the committee published). */
  own: boolean;
  refusalReason: string | null;
  /** Full names of the presenters, in the order assigned. */
  presenters: readonly string[];
  /** The day (ISO, in Vietnam) the paper was first shared with the members for comments; null: not yet. */
  paperSharedOn: string | null;
}

const clip = (text: string) =>
  text.length <= MEETING_LIMITS.agendaItemTitle
    ? text
    : `${text.slice(0, MEETING_LIMITS.agendaItemTitle - 1)}…`;

/**
 * The item of the quarter's topic: a registered or approved topic with its presenters and whether the paper
 * was shared; a pending own topic awaiting the committee's approval; a refused one the cell must replace
 * with a topic the committee approves.
 */
export function thematicItem(reg: ThematicRegistrationDue): PrefillItem {
  const quarter = `quý ${reg.quarter}/${reg.year}`;
  const source = { kind: 'thematic', ref: String(reg.id) } as const;
  if (reg.status === 'pending') {
    return {
      title: clip(`Chuyên đề: ${reg.title} (chờ cấp ủy duyệt)`),
      section: 'content',
      source,
      reason: `Chuyên đề ${quarter} do chi bộ tự chọn, đang chờ cấp ủy cấp trên duyệt; chỉ sinh hoạt chuyên đề này khi đã được duyệt (${CITE}).`,
    };
  }
  if (reg.status === 'refused') {
    const why = reg.refusalReason ? ` (lý do: ${reg.refusalReason})` : '';
    return {
      title: clip(`Chuyên đề ${quarter}: chờ cấp ủy duyệt chuyên đề khác`),
      section: 'content',
      source,
      reason: `Chuyên đề “${reg.title}” chi bộ đề xuất cho ${quarter} đã bị cấp ủy cấp trên từ chối${why}; chi bộ đăng ký chuyên đề khác và chờ cấp ủy duyệt (${CITE}).`,
    };
  }
  const who = reg.presenters.length > 0 ? reg.presenters.join(', ') : 'chưa phân công';
  const paper = reg.paperSharedOn
    ? `bài đã chia sẻ cho đảng viên góp ý ngày ${formatVietnameseDate(reg.paperSharedOn)}`
    : 'bài chưa chia sẻ cho đảng viên góp ý';
  const approved = reg.own ? ' (chuyên đề của chi bộ, cấp ủy cấp trên đã duyệt)' : '';
  return {
    title: clip(`Chuyên đề: ${reg.title}`),
    section: 'content',
    source,
    reason: `Chuyên đề ${quarter} đã đăng ký${approved}; người trình bày: ${who}; ${paper} (${CITE}).`,
  };
}
