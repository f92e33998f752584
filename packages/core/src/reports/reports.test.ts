import { describe, expect, it } from 'vitest';
import {
  monthsOf,
  nextReportPeriod,
  reportPeriod,
  reportPeriodText,
  supervisionPeriodsWithin,
} from './periods.ts';
import { reportWordsSchema, saveReportWordsSchema } from './schemas.ts';
import { REPORT_LIMITS, type ReportFigures, type ReportPeriod } from './types.ts';
import { decimalText, defaultReportWords, meanOf, percentOf, shareText } from './wording.ts';

const Q3 = reportPeriod('2026-Q3') as ReportPeriod;
const H1 = reportPeriod('2026-H1') as ReportPeriod;

/** A commune of 100 cells in Quý III/2026: figures that agree with each other. */
function figures(patch: Partial<ReportFigures> = {}): ReportFigures {
  return {
    asOf: '2026-10-05',
    cells: 100,
    months: [
      { month: '2026-07', onTime: 96, late: 2, notHeld: 2, pending: 0 },
      { month: '2026-08', onTime: 97, late: 2, notHeld: 1, pending: 0 },
      { month: '2026-09', onTime: 97, late: 1, notHeld: 2, pending: 0 },
    ],
    regular: { expected: 300, onTime: 290, late: 5, notHeld: 5, pending: 0, fullCells: 95 },
    levels: { good: 120, fair: 140, average: 30, poor: 2 },
    attendancePercent: 92.46,
    speakingPercent: 55,
    thematic: { meetings: 90, cells: 88 },
    supervision: {
      target: 'Mỗi chi bộ thôn, tổ dân phố, cụm dân cư được dự 1 lần mỗi quý.',
      periods: [
        { key: '2026-Q3', label: 'Quý III/2026', targetCells: 60, visited: 57, toVisit: 3, overdue: 3 },
      ],
    },
    recommendations: { raised: 14, answered: 10, open: 4, overdue: 1 },
    unitKind: 'cells',
    units: [],
    ...patch,
  };
}

describe('report periods', () => {
  it('takes quarters and half years, and refuses months, whole years and nonsense', () => {
    expect(Q3).toEqual({
      key: '2026-Q3',
      kind: 'quarter',
      from: '2026-07-01',
      to: '2026-09-30',
      label: { vi: 'Quý III/2026', en: 'Q3 2026' },
    });
    expect(H1).toMatchObject({ kind: 'half_year', from: '2026-01-01', to: '2026-06-30' });
    for (const key of ['2026-M07', '2026', '2026-Q5', '2026-H3', 'Q3-2026', '']) {
      expect(reportPeriod(key), key).toBeNull();
    }
  });

  it('lists the months, names the period as a sentence does and steps to the next one', () => {
    expect(monthsOf(Q3)).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(monthsOf(reportPeriod('2026-H2') as ReportPeriod)).toEqual([
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    expect(reportPeriodText(Q3)).toBe('quý III năm 2026');
    expect(reportPeriodText(H1)).toBe('6 tháng đầu năm 2026');
    expect(reportPeriodText(reportPeriod('2026-H2') as ReportPeriod)).toBe('6 tháng cuối năm 2026');
    expect(nextReportPeriod(reportPeriod('2026-Q4') as ReportPeriod).key).toBe('2027-Q1');
    expect(nextReportPeriod(H1).key).toBe('2026-H2');
    expect(nextReportPeriod(reportPeriod('2026-H2') as ReportPeriod).key).toBe('2027-H1');
  });

  it('finds the supervision periods inside a report period', () => {
    expect(supervisionPeriodsWithin('quarter', 1, H1).map((p) => p.key)).toEqual(['2026-Q1', '2026-Q2']);
    expect(supervisionPeriodsWithin('quarter', 1, Q3).map((p) => [p.key, p.windowTo])).toEqual([
      ['2026-Q3', '2026-07-31'],
    ]);
    expect(supervisionPeriodsWithin('month', 1, Q3).map((p) => p.key)).toEqual([
      '2026-M07',
      '2026-M08',
      '2026-M09',
    ]);
    expect(supervisionPeriodsWithin('half_year', 2, Q3)).toEqual([]);
    expect(supervisionPeriodsWithin('year', 1, H1)).toEqual([]);
  });
});

describe('shares and decimals', () => {
  it('writes Vietnamese decimals and leaves out a share of nothing', () => {
    expect(percentOf(13, 16)).toBe(81.3);
    expect(percentOf(1, 0)).toBeNull();
    expect(decimalText(81.3)).toBe('81,3');
    expect(decimalText(95)).toBe('95');
    expect(shareText(95, 100, 'chi bộ')).toBe('95/100 chi bộ (95%)');
    expect(shareText(0, 0, 'chi bộ')).toBe('0 chi bộ');
    expect(meanOf([75, 80, 90.5])).toBe(81.8);
    expect(meanOf([])).toBeNull();
  });
});

describe('default words', () => {
  it('drafts the assessment from the figures', () => {
    const words = defaultReportWords(figures(), Q3);
    expect(words.assessment.split('\n')).toEqual([
      'Trong quý, 95/100 chi bộ (95%) sinh hoạt thường kỳ đầy đủ 3 tháng; 290/300 lượt (96,7%) chi bộ sinh hoạt đúng thời gian quy định.',
      'Trong 292 buổi sinh hoạt thường kỳ đã thông qua biên bản, xếp loại Tốt 120 buổi (41,1%), Khá 140 buổi (47,9%), Trung bình 30 buổi (10,3%), Kém 2 buổi (0,7%).',
      'Tỷ lệ đảng viên dự sinh hoạt bình quân đạt 92,5%; bình quân 55% đảng viên dự họp phát biểu ý kiến.',
      '88/100 chi bộ (88%) tổ chức sinh hoạt chuyên đề (90 buổi).',
      'Cấp ủy cấp trên dự sinh hoạt 57/60 chi bộ (95%) thuộc chỉ tiêu.',
      'Đảng viên nêu 14 kiến nghị, đề xuất; đã trả lời 10, đang giải quyết 4 (quá hạn 1).',
    ]);
    expect(words.signerTitle).toBe('BÍ THƯ');
    expect(words.signerName).toBe('');
  });

  it('lists only the shortcomings the figures show, and the next period’s tasks', () => {
    const words = defaultReportWords(figures(), Q3);
    expect(words.shortcomings.split('\n')).toEqual([
      '- Còn 5 lượt chi bộ không sinh hoạt thường kỳ.',
      '- 5 lượt chi bộ sinh hoạt muộn so với thời gian quy định.',
      '- 32 buổi sinh hoạt thường kỳ xếp loại Trung bình, Kém.',
      '- 12 chi bộ chưa tổ chức sinh hoạt chuyên đề.',
      '- 3 chi bộ thuộc chỉ tiêu chưa được cấp ủy cấp trên dự sinh hoạt.',
      '- 1 kiến nghị, đề xuất quá hạn chưa được trả lời.',
    ]);
    expect(words.directions.split('\n')[0]).toBe('Nhiệm vụ trọng tâm quý IV năm 2026:');
    const clean = figures({
      regular: { expected: 300, onTime: 300, late: 0, notHeld: 0, pending: 0, fullCells: 100 },
      levels: { good: 300, fair: 0, average: 0, poor: 0 },
      thematic: { meetings: 100, cells: 100 },
      supervision: null,
      recommendations: { raised: 0, answered: 0, open: 0, overdue: 0 },
    });
    const none = defaultReportWords(clean, H1);
    expect(none.shortcomings).toBe('Không có hạn chế đáng kể trong thực hiện chế độ sinh hoạt chi bộ.');
    expect(none.assessment).toContain(
      'Trong 6 tháng, 100/100 chi bộ (100%) sinh hoạt thường kỳ đầy đủ 3 tháng',
    );
    expect(none.assessment).toContain('Trong 6 tháng, đảng viên không nêu kiến nghị, đề xuất.');
    expect(none.assessment).not.toContain('Cấp ủy cấp trên');
    expect(none.directions.split('\n')).toEqual([
      'Nhiệm vụ trọng tâm 6 tháng cuối năm 2026:',
      '- Chỉ đạo các chi bộ duy trì nền nếp sinh hoạt thường kỳ, nâng cao chất lượng sinh hoạt chi bộ.',
    ]);
  });

  it('counts visits as "lượt chi bộ" when a half year holds two supervision quarters', () => {
    const two = figures({
      supervision: {
        target: 'x',
        periods: [
          { key: '2026-Q1', label: 'Quý I/2026', targetCells: 10, visited: 10, toVisit: 0, overdue: 0 },
          { key: '2026-Q2', label: 'Quý II/2026', targetCells: 10, visited: 7, toVisit: 3, overdue: 3 },
        ],
      },
    });
    const words = defaultReportWords(two, H1);
    expect(words.assessment).toContain(
      'Cấp ủy cấp trên dự sinh hoạt 17/20 lượt chi bộ (85%) thuộc chỉ tiêu.',
    );
    expect(words.shortcomings).toContain(
      '- 3 lượt chi bộ thuộc chỉ tiêu chưa được cấp ủy cấp trên dự sinh hoạt.',
    );
  });

  it('says so when the subtree has no active cell', () => {
    const empty = figures({ cells: 0, months: [], units: [] });
    expect(defaultReportWords(empty, Q3).assessment).toBe(
      'Trong quý, không có chi bộ trực thuộc đang hoạt động.',
    );
  });
});

describe('words schema', () => {
  it('trims, accepts null (back to the default) and refuses text over the limit, naming the field', () => {
    const ok = reportWordsSchema.parse({
      assessment: '  Tốt.  ',
      shortcomings: null,
      directions: null,
      proposals: null,
      signerName: 'Nguyễn Văn An',
      signerTitle: 'PHÓ BÍ THƯ THƯỜNG TRỰC',
    });
    expect(ok.assessment).toBe('Tốt.');
    const long = saveReportWordsSchema.safeParse({
      committeeCode: 'GA',
      periodKey: '2026-Q3',
      words: { ...ok, signerName: 'a'.repeat(REPORT_LIMITS.signerName + 1) },
    });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.path).toEqual(['words', 'signerName']);
  });
});
