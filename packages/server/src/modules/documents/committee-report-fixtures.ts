/**
 * A commune committee's report of Quý III/2026 (Đảng ủy xã Tân Hội, under Tỉnh ủy Hồng Châu): 12 cells,
 * the figures agree with each other (the test checks it). Names follow the demo seed; people are invented.
 */
import { type CommitteeReportModel, defaultReportWords, type ReportFigures } from '@nennep/core';

const UNITS: ReportFigures['units'] = [
  ['Chi bộ thôn Phan Long', 3, 3, { good: 2, fair: 1, average: 0, poor: 0 }, 91.2],
  ['Chi bộ thôn Thượng Hội', 3, 2, { good: 1, fair: 2, average: 0, poor: 0 }, 88.5],
  ['Chi bộ thôn Thúy Hội', 3, 3, { good: 3, fair: 0, average: 0, poor: 0 }, 95],
  ['Chi bộ thôn Vĩnh Kỳ', 2, 1, { good: 0, fair: 1, average: 1, poor: 0 }, 76.4],
].map(([name, held, onTime, levels, attendance], i) => ({
  code: `TH${i + 1}`,
  name: name as string,
  cells: 1,
  expected: 3,
  held: held as number,
  onTime: onTime as number,
  notHeld: 3 - (held as number),
  levels: levels as ReportFigures['levels'],
  attendancePercent: attendance as number,
}));

const FIGURES: ReportFigures = {
  asOf: '2026-10-05',
  cells: 4,
  months: [
    { month: '2026-07', onTime: 3, late: 1, notHeld: 0, pending: 0 },
    { month: '2026-08', onTime: 3, late: 0, notHeld: 1, pending: 0 },
    { month: '2026-09', onTime: 3, late: 1, notHeld: 0, pending: 0 },
  ],
  regular: { expected: 12, onTime: 9, late: 2, notHeld: 1, pending: 0, fullCells: 3 },
  levels: { good: 6, fair: 4, average: 1, poor: 0 },
  attendancePercent: 87.8,
  speakingPercent: 52.4,
  thematic: { meetings: 3, cells: 3 },
  supervision: {
    target:
      'Mỗi chi bộ thôn, tổ dân phố, cụm dân cư được cấp ủy cấp trên dự sinh hoạt 1 lần mỗi quý, trong 1 tháng đầu.',
    periods: [{ key: '2026-Q3', label: 'Quý III/2026', targetCells: 4, visited: 3, toVisit: 1, overdue: 1 }],
  },
  recommendations: { raised: 5, answered: 3, open: 2, overdue: 1 },
  unitKind: 'cells',
  units: UNITS,
};

/** The sample report, issued as Số 03-BC/ĐU. */
export function sampleCommitteeReportModel(): CommitteeReportModel {
  const period = {
    key: '2026-Q3',
    kind: 'quarter' as const,
    from: '2026-07-01',
    to: '2026-09-30',
    label: { vi: 'Quý III/2026', en: 'Q3 2026' },
  };
  const figures = structuredClone(FIGURES);
  return {
    header: {
      superior: 'ĐẢNG BỘ TỈNH HỒNG CHÂU',
      issuer: 'ĐẢNG ỦY XÃ TÂN HỘI',
      number: 'Số 03-BC/ĐU',
      placeDate: 'Tân Hội, ngày 05 tháng 10 năm 2026',
    },
    issuerName: 'Đảng ủy xã Tân Hội',
    committeeCode: 'TH',
    onBehalf: 'T/M BAN THƯỜNG VỤ',
    recipients: ['Tỉnh ủy Hồng Châu (để báo cáo)', 'Các chi bộ trực thuộc', 'Lưu VP'],
    period,
    figures,
    words: {
      ...defaultReportWords(figures, period),
      proposals: 'Đề nghị Tỉnh ủy sớm ban hành hướng dẫn sinh hoạt chi bộ trực tuyến.',
      signerName: 'Nguyễn Văn Hùng',
      signerTitle: 'PHÓ BÍ THƯ THƯỜNG TRỰC',
    },
  };
}
