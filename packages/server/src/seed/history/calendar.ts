/**
 * The demo's calendar of cell meetings, relative to the day it is seeded: the last twelve months, the
 * current one and the next. Each cell meets in the rule set's window of every month (cells of a commune on
 * different days, so its committee members can attend them), holds a thematic meeting on its own evening in
 * the middle month of each quarter, and two days before the regular meeting its chi ủy — or, in a cell
 * without one, its bí thư and phó bí thư — meets to prepare it (HD 12-HD/BTCTW). A few meetings are held late (rescheduled past the window) or called off, more often in the less
 * diligent cells; one cell of each commune has not planned the current month yet. Pure and deterministic for
 * a given seed and day.
 */
import { addDays, daysInMonth, isoDate, type MeetingKind, preparationTitle } from '@nennep/core';
import type { OrgCategory, OrgKind } from '../../../../core/src/orgs/types.ts';
import { mulberry32, type Rng } from '../prng.ts';

export interface HistoryCell {
  id: number;
  code: string;
  path: string;
  name: string;
  kind: OrgKind;
  category: OrgCategory | null;
  /** Position among the cells of its commune (or agency committee): spreads their meeting days. */
  index: number;
  /** The cell has elected a chi ủy (it has committee members). */
  hasCommittee: boolean;
  /** 0–1: how carefully the cell prepares and holds its meetings (attendance, papers, tasks done). */
  diligence: number;
}

export type Fate = 'held' | 'cancelled' | 'upcoming';

export interface CalendarMeeting {
  cell: HistoryCell;
  kind: Extract<MeetingKind, 'regular' | 'thematic' | 'cell_committee'>;
  /** The bí thư and phó bí thư's preparation meeting of a cell without a chi ủy is titled so; else null. */
  title: string | null;
  date: string;
  startTime: string;
  place: string;
  fate: Fate;
  /** A late meeting: the date it was planned for, and why it moved. */
  movedFrom: { date: string; reason: string } | null;
  cancelReason: string | null;
}

export interface CalendarInput {
  cells: readonly HistoryCell[];
  today: string;
  window: { fromDay: number; toDay: number };
  seed: number;
  /** The demo secretary's cell: its regular meeting comes a few days after the seed day when possible. */
  secretaryCellCode: string;
}

const RESIDENTIAL: readonly (OrgCategory | null)[] = ['village', 'street_group', 'residential_cluster'];
const MOVE_REASONS = [
  'Trùng lịch tổ chức Ngày hội Đại đoàn kết toàn dân tộc ở khu dân cư',
  'Thời tiết mưa bão, đường ngập',
  'Đồng chí Bí thư đi học tập trung',
  'Trùng lịch làm việc với đoàn kiểm tra của cấp trên',
  'Vào thời vụ thu hoạch',
];
const CANCEL_REASONS = [
  'Không đủ số đảng viên tham dự do mùa vụ; chi bộ sinh hoạt ghép vào tháng sau',
  'Địa phương tập trung phòng, chống bão lũ',
  'Đồng chí Bí thư ốm, chưa bố trí được người chủ trì',
];

/** Evening for residential cells (members work by day), afternoon for agencies, schools and units. */
export function startTimeOf(cell: Pick<HistoryCell, 'category'>): string {
  return RESIDENTIAL.includes(cell.category) ? '19:30' : '14:00';
}

export function placeOf(cell: Pick<HistoryCell, 'category' | 'name'>): string {
  const own = cell.name.replace(/^Chi bộ\s+/u, '');
  if (cell.category === 'village' || cell.category === 'street_group') return `Nhà văn hóa ${own}`;
  return `Phòng họp ${own}`;
}

/** Position in its commune of the cell that has not yet planned the current month's meeting. */
export const LAGGING_INDEX = 1;

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

/** The months from twelve months before today's to the one after it, as [year, month]. */
export function calendarMonths(today: string): [number, number][] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const out: [number, number][] = [];
  for (let offset = -12; offset <= 1; offset++) {
    const index = year * 12 + (month - 1) + offset;
    out.push([Math.floor(index / 12), (index % 12) + 1]);
  }
  return out;
}

/** The day of the month a cell holds its regular meeting. */
function regularDay(input: CalendarInput, cell: HistoryCell): number {
  const { fromDay, toDay } = input.window;
  const span = toDay - fromDay + 1;
  if (cell.code === input.secretaryCellCode) {
    // Two or three days after the seed day when that is still in the window, else early in the window.
    const wanted = Number(input.today.slice(8, 10)) + 2;
    return wanted <= toDay ? Math.max(wanted, fromDay) : fromDay + Math.min(2, span - 1);
  }
  return fromDay + (cell.index % span);
}

/** Every meeting of every cell in the calendar months, in date order. */
export function demoCalendar(input: CalendarInput): CalendarMeeting[] {
  const { today } = input;
  const out: CalendarMeeting[] = [];
  const months = calendarMonths(today);
  for (const cell of input.cells) {
    const rng = mulberry32(input.seed ^ (cell.id * 2_654_435_761));
    const startTime = startTimeOf(cell);
    const place = placeOf(cell);
    const lateness = 0.02 + (1 - cell.diligence) * 0.1;
    const absence = 0.01 + (1 - cell.diligence) * 0.06;
    months.forEach(([year, month], monthIndex) => {
      // The second cell of each commune has not planned this month's meeting yet: its committee sees it
      // among the cells that have not met (and the daily alerts name it once the window has passed).
      if (
        monthIndex === months.length - 2 &&
        cell.index === LAGGING_INDEX &&
        cell.code !== input.secretaryCellCode
      )
        return;
      const last = daysInMonth(year, month);
      const planned = isoDate(year, month, Math.min(regularDay(input, cell), last));
      const future = planned >= today;
      // The first month and the current one are kept whole, so every dashboard has a full last month.
      const variable = monthIndex > 0 && !future && monthIndex < months.length - 2;
      const roll = rng();
      let fate: Fate = future ? 'upcoming' : 'held';
      let date = planned;
      let movedFrom: CalendarMeeting['movedFrom'] = null;
      let cancelReason: string | null = null;
      if (variable && roll < absence && cell.code !== input.secretaryCellCode) {
        fate = 'cancelled';
        cancelReason = pick(rng, CANCEL_REASONS);
      } else if (variable && roll < absence + lateness) {
        // A few days past the window, before the quarter's thematic evening (from the 15th).
        const later = isoDate(year, month, Math.min(last, input.window.toDay + 2 + Math.floor(rng() * 3)));
        movedFrom = { date: planned, reason: pick(rng, MOVE_REASONS) };
        date = later;
        fate = later < today ? 'held' : 'upcoming';
      }
      // The preparation meeting (HD 12-HD/BTCTW): the chi ủy's, or the bí thư and phó bí thư's.
      const committeeDate = addDays(date, -2);
      const skipped = fate !== 'upcoming' && rng() > 0.7 + cell.diligence * 0.3;
      out.push({
        cell,
        kind: 'cell_committee',
        title: preparationTitle(cell.hasCommittee),
        date: committeeDate,
        startTime,
        place,
        fate: committeeDate >= today ? 'upcoming' : skipped ? 'cancelled' : 'held',
        movedFrom: null,
        cancelReason:
          committeeDate < today && skipped
            ? cell.hasCommittee
              ? 'Chi ủy thống nhất nội dung qua điện thoại'
              : 'Bí thư, phó bí thư thống nhất nội dung qua điện thoại'
            : null,
      });
      out.push({ cell, kind: 'regular', title: null, date, startTime, place, fate, movedFrom, cancelReason });
      if (month % 3 === 2) {
        // The thematic meeting of the quarter, on an evening of its own in the middle month.
        const day = Math.min(last, 15 + (cell.index % 6));
        const thematicDate = isoDate(year, month, day);
        const missed = thematicDate < today && variable && rng() < absence;
        out.push({
          cell,
          kind: 'thematic',
          title: null,
          date: thematicDate,
          startTime,
          place,
          fate: thematicDate >= today ? 'upcoming' : missed ? 'cancelled' : 'held',
          movedFrom: null,
          cancelReason: missed ? pick(rng, CANCEL_REASONS) : null,
        });
      }
    });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.cell.id - b.cell.id));
}
