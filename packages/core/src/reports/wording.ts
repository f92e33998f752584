import { levelLabel } from '../meetings/score.ts';
import { QUALITY_LEVELS } from '../meetings/types.ts';
import { nextReportPeriod, periodWord, reportPeriodText } from './periods.ts';
import type { LevelCounts, ReportFigures, ReportPeriod, ReportWords } from './types.ts';

/** Part of a whole in percent with one decimal (81.3), or null when there is nothing to divide by. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part * 1000) / whole) / 10 : null;
}

/** 81.3 → "81,3", 95 → "95": Vietnamese decimal comma, one decimal at most. */
export function decimalText(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1).replace('.', ',');
}

/** "95/100 chi bộ (95%)"; the share is left out when the whole is 0. */
export function shareText(part: number, whole: number, unit: string): string {
  const percent = percentOf(part, whole);
  return percent === null ? `${part} ${unit}` : `${part}/${whole} ${unit} (${decimalText(percent)}%)`;
}

/** The mean of the values, one decimal; null for none. */
export function meanOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) * 10) / values.length) / 10;
}

export const levelTotal = (levels: LevelCounts) => QUALITY_LEVELS.reduce((sum, l) => sum + levels[l], 0);

/** Regular meetings whose month is over (or held already): those the on-time share is taken over. */
export const dueMeetings = (f: ReportFigures) => f.regular.expected - f.regular.pending;

function supervisionTotals(f: ReportFigures) {
  const periods = f.supervision?.periods ?? [];
  return {
    count: periods.length,
    target: periods.reduce((sum, p) => sum + p.targetCells, 0),
    visited: periods.reduce((sum, p) => sum + p.visited, 0),
  };
}

function assessment(f: ReportFigures, period: ReportPeriod): string[] {
  const word = periodWord(period.kind);
  if (f.cells === 0) return [`Trong ${word}, không có chi bộ trực thuộc đang hoạt động.`];
  const lines = [
    `Trong ${word}, ${shareText(f.regular.fullCells, f.cells, 'chi bộ')} sinh hoạt thường kỳ đầy đủ ` +
      `${f.months.length} tháng; ${shareText(f.regular.onTime, dueMeetings(f), 'lượt')} chi bộ sinh hoạt ` +
      'đúng thời gian quy định.',
  ];
  const rated = levelTotal(f.levels);
  lines.push(
    rated === 0
      ? 'Chưa có buổi sinh hoạt thường kỳ nào thông qua biên bản và xếp loại chất lượng.'
      : `Trong ${rated} buổi sinh hoạt thường kỳ đã thông qua biên bản, xếp loại ` +
          QUALITY_LEVELS.map(
            (l) =>
              `${levelLabel(l, 'vi')} ${f.levels[l]} buổi (${decimalText(percentOf(f.levels[l], rated) ?? 0)}%)`,
          ).join(', ') +
          '.',
  );
  if (f.attendancePercent !== null) {
    const speaking =
      f.speakingPercent === null
        ? ''
        : `; bình quân ${decimalText(f.speakingPercent)}% đảng viên dự họp phát biểu ý kiến`;
    lines.push(`Tỷ lệ đảng viên dự sinh hoạt bình quân đạt ${decimalText(f.attendancePercent)}%${speaking}.`);
  }
  lines.push(
    `${capitalise(shareText(f.thematic.cells, f.cells, 'chi bộ'))} tổ chức sinh hoạt chuyên đề ` +
      `(${f.thematic.meetings} buổi).`,
  );
  const sup = supervisionTotals(f);
  if (sup.target > 0) {
    const unit = sup.count > 1 ? 'lượt chi bộ' : 'chi bộ';
    lines.push(`Cấp ủy cấp trên dự sinh hoạt ${shareText(sup.visited, sup.target, unit)} thuộc chỉ tiêu.`);
  }
  const r = f.recommendations;
  lines.push(
    r.raised === 0
      ? `Trong ${word}, đảng viên không nêu kiến nghị, đề xuất.`
      : `Đảng viên nêu ${r.raised} kiến nghị, đề xuất; đã trả lời ${r.answered}, đang giải quyết ${r.open}` +
          `${r.overdue > 0 ? ` (quá hạn ${r.overdue})` : ''}.`,
  );
  return lines;
}

function shortcomings(f: ReportFigures): string[] {
  const lines: string[] = [];
  if (f.regular.notHeld > 0) lines.push(`Còn ${f.regular.notHeld} lượt chi bộ không sinh hoạt thường kỳ.`);
  if (f.regular.late > 0)
    lines.push(`${f.regular.late} lượt chi bộ sinh hoạt muộn so với thời gian quy định.`);
  const weak = f.levels.average + f.levels.poor;
  if (weak > 0) lines.push(`${weak} buổi sinh hoạt thường kỳ xếp loại Trung bình, Kém.`);
  const noThematic = f.cells - f.thematic.cells;
  if (noThematic > 0) lines.push(`${noThematic} chi bộ chưa tổ chức sinh hoạt chuyên đề.`);
  const sup = supervisionTotals(f);
  if (sup.target > sup.visited) {
    const unit = sup.count > 1 ? 'lượt chi bộ' : 'chi bộ';
    lines.push(`${sup.target - sup.visited} ${unit} thuộc chỉ tiêu chưa được cấp ủy cấp trên dự sinh hoạt.`);
  }
  if (f.recommendations.overdue > 0) {
    lines.push(`${f.recommendations.overdue} kiến nghị, đề xuất quá hạn chưa được trả lời.`);
  }
  if (lines.length === 0) return ['Không có hạn chế đáng kể trong thực hiện chế độ sinh hoạt chi bộ.'];
  return lines.map((line) => `- ${line}`);
}

function directions(f: ReportFigures, period: ReportPeriod): string[] {
  const lines = [
    'Chỉ đạo các chi bộ duy trì nền nếp sinh hoạt thường kỳ, nâng cao chất lượng sinh hoạt chi bộ.',
  ];
  if (f.regular.notHeld + f.regular.late > 0) {
    lines.push('Chấn chỉnh các chi bộ không sinh hoạt hoặc sinh hoạt không đúng thời gian quy định.');
  }
  if (f.cells > f.thematic.cells)
    lines.push('Bảo đảm mỗi chi bộ tổ chức sinh hoạt chuyên đề ít nhất mỗi quý một lần.');
  const sup = supervisionTotals(f);
  if (sup.target > sup.visited)
    lines.push('Bố trí cấp ủy viên dự sinh hoạt các chi bộ chưa được dự theo chỉ tiêu.');
  if (f.recommendations.open > 0)
    lines.push('Trả lời dứt điểm các kiến nghị, đề xuất của đảng viên còn tồn đọng.');
  return [
    `Nhiệm vụ trọng tâm ${reportPeriodText(nextReportPeriod(period))}:`,
    ...lines.map((line) => `- ${line}`),
  ];
}

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

/**
 * The words a report starts with, drafted from its figures; paragraphs are separated by line breaks.
 * The committee edits them; a field left blank goes back to this default.
 */
export function defaultReportWords(figures: ReportFigures, period: ReportPeriod): ReportWords {
  return {
    assessment: assessment(figures, period).join('\n'),
    shortcomings: shortcomings(figures).join('\n'),
    directions: directions(figures, period).join('\n'),
    proposals: 'Không có kiến nghị, đề xuất.',
    signerName: '',
    signerTitle: 'BÍ THƯ',
  };
}
