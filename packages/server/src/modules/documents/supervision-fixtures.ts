/**
 * A quarterly supervision report (domain.md §4, Đan Phượng practice): the district committee's working
 * groups attend the village, cluster and street-group cells of five communes in the first month of
 * Quý I/2027. Cell and commune names follow the demo seed; people are invented. The figures agree with
 * each other (the test checks it): 16 target cells, 13 visited, 14 visits, 13 reports.
 */
import type { QualityLevel, SupervisionReportModel } from '@nennep/core';

const TAN_HOI = 'Đảng bộ xã Tân Hội';
const LIEN_HA = 'Đảng bộ xã Liên Hà';
const THUONG_MO = 'Đảng bộ xã Thượng Mỗ';
const HONG_HA = 'Đảng bộ xã Hồng Hà';
const PHUNG = 'Đảng bộ thị trấn Phùng';

const KHANH = 'Nguyễn Văn Khánh';
const HANG = 'Lê Thị Thu Hằng';
const CUONG = 'Đỗ Mạnh Cường';
const VINH = 'Phạm Quang Vinh';
const LAN_ANH = 'Trần Thị Lan Anh';
const THANG = 'Nguyễn Đức Thắng';
const TUAN = 'Hoàng Minh Tuấn';
const MAI = 'Vũ Thị Ngọc Mai';

type Visit = SupervisionReportModel['visits'][number];

/** A visit the visitor attended: the cell's own score, then the visitor's (null: not scored or reported). */
function visit(
  cellName: string,
  unitName: string,
  date: string,
  visitorName: string,
  cell: [number, QualityLevel] | null,
  visitor: [number, QualityLevel] | null,
): Visit {
  return {
    cellName,
    unitName,
    date,
    visitorName,
    attended: true,
    cellTotal: cell?.[0] ?? null,
    cellLevel: cell?.[1] ?? null,
    visitorTotal: visitor?.[0] ?? null,
    visitorLevel: visitor?.[1] ?? null,
  };
}

const VISITS: Visit[] = [
  visit('Chi bộ thôn Thượng Hội', TAN_HOI, '2027-01-05', KHANH, [95, 'good'], [92, 'good']),
  visit('Chi bộ thôn Thúy Hội', TAN_HOI, '2027-01-08', HANG, [91, 'good'], [84, 'fair']),
  visit('Chi bộ thôn Phan Long', TAN_HOI, '2027-01-12', CUONG, [88, 'fair'], [86, 'fair']),
  // The visitor fell ill and reported that he could not attend; nobody replaced him.
  { ...visit('Chi bộ thôn Vĩnh Kỳ', TAN_HOI, '2027-01-15', KHANH, null, null), attended: false },
  visit('Chi bộ thôn Đoài', LIEN_HA, '2027-01-06', HANG, [93, 'good'], [93, 'good']),
  visit('Chi bộ thôn Quý', LIEN_HA, '2027-01-13', CUONG, [85, 'fair'], [78, 'fair']),
  visit('Chi bộ thôn Thượng', LIEN_HA, '2027-01-20', KHANH, [90, 'good'], [82, 'fair']),
  visit('Chi bộ cụm dân cư số 1', THUONG_MO, '2027-01-07', VINH, [92, 'good'], [91, 'good']),
  // The cell did not score its own meeting.
  visit('Chi bộ cụm dân cư số 2', THUONG_MO, '2027-01-14', LAN_ANH, null, [68, 'average']),
  visit('Chi bộ thôn Bồng Lai', HONG_HA, '2027-01-09', THANG, [80, 'fair'], [72, 'fair']),
  visit('Chi bộ thôn Tiên Tân', HONG_HA, '2027-01-21', VINH, [76, 'fair'], [65, 'average']),
  visit('Chi bộ tổ dân phố Phùng 1', PHUNG, '2027-01-05', TUAN, [96, 'good'], [94, 'good']),
  visit('Chi bộ tổ dân phố Phùng 2', PHUNG, '2027-01-11', MAI, [90, 'good'], [88, 'fair']),
  // Attended, the report is overdue.
  visit('Chi bộ tổ dân phố Phùng 3', PHUNG, '2027-01-19', TUAN, [89, 'fair'], null),
];

/** The sample quarterly report of Huyện ủy Đan Phượng for Quý I/2027. */
export function sampleSupervisionReportModel(): SupervisionReportModel {
  return {
    parentName: 'Đảng bộ thành phố Hà Nội',
    committeeName: 'Huyện ủy Đan Phượng',
    committeeCode: 'DP',
    placeDateLine: 'Đan Phượng, ngày 05 tháng 4 năm 2027',
    documentNumber: 'Số 215-BC/HU',
    period: {
      key: '2027-Q1',
      kind: 'quarter',
      from: '2027-01-01',
      to: '2027-03-31',
      windowFrom: '2027-01-01',
      windowTo: '2027-01-31',
      label: { vi: 'Quý I/2027', en: 'Q1 2027' },
    },
    rulesSummary:
      'Mỗi chi bộ thôn, tổ dân phố, cụm dân cư được cấp ủy cấp trên dự sinh hoạt ít nhất 01 lần trong ' +
      'tháng đầu của quý; người dự báo cáo kết quả trong 07 ngày sau buổi sinh hoạt.',
    totals: {
      targetCells: 16,
      visited: 13,
      planned: 1,
      toVisit: 3,
      overdue: 2,
      reportsOverdue: 1,
      visits: 14,
      reported: 13,
      attended: 13,
    },
    byUnit: [
      { name: TAN_HOI, targetCells: 4, visited: 3, toVisit: 1, overdue: 1 },
      { name: LIEN_HA, targetCells: 3, visited: 3, toVisit: 0, overdue: 0 },
      { name: THUONG_MO, targetCells: 3, visited: 2, toVisit: 1, overdue: 0 },
      { name: HONG_HA, targetCells: 3, visited: 2, toVisit: 1, overdue: 1 },
      { name: PHUNG, targetCells: 3, visited: 3, toVisit: 0, overdue: 0 },
    ],
    byVisitor: [
      { name: KHANH, planned: 3, reported: 3 },
      { name: HANG, planned: 2, reported: 2 },
      { name: CUONG, planned: 2, reported: 2 },
      { name: VINH, planned: 2, reported: 2 },
      { name: LAN_ANH, planned: 1, reported: 1 },
      { name: THANG, planned: 1, reported: 1 },
      { name: TUAN, planned: 2, reported: 1 },
      { name: MAI, planned: 1, reported: 1 },
    ],
    byGroup: [
      { name: 'Tổ công tác số 1', planned: 7, reported: 7 },
      { name: 'Tổ công tác số 2', planned: 4, reported: 4 },
      { name: 'Tổ công tác số 3', planned: 3, reported: 2 },
    ],
    levels: {
      cell: { good: 7, fair: 5, average: 0, poor: 0 },
      visitor: { good: 4, fair: 6, average: 2, poor: 0 },
    },
    visits: VISITS.map((v) => ({ ...v })),
    notVisited: [
      {
        cellName: 'Chi bộ thôn Vĩnh Kỳ',
        unitName: TAN_HOI,
        reason: 'Đồng chí được phân công bị ốm, không dự được; chưa bố trí người dự thay (quá hạn).',
      },
      {
        cellName: 'Chi bộ cụm dân cư số 3',
        unitName: THUONG_MO,
        reason: 'Chi bộ hoãn sinh hoạt do tổ chức bầu trưởng cụm dân cư; đã bố trí dự ngày 08/4/2027.',
      },
      {
        cellName: 'Chi bộ thôn Bá Dương Nội',
        unitName: HONG_HA,
        reason: 'Chi bộ lùi lịch sinh hoạt sang ngày 29/01/2027, trùng lịch của tổ công tác (quá hạn).',
      },
    ],
    recommendations: [
      {
        cellName: 'Chi bộ thôn Thượng Hội',
        text: 'Đề nghị sớm có hướng dẫn sinh hoạt chi bộ trực tuyến đối với đảng viên đi làm ăn xa.',
      },
      {
        cellName: 'Chi bộ thôn Quý',
        text: 'Đề nghị hỗ trợ kinh phí sửa chữa nhà văn hóa thôn, nơi chi bộ sinh hoạt, đã xuống cấp.',
      },
      {
        cellName: 'Chi bộ thôn Thượng',
        text: 'Kiến nghị xem xét điều chỉnh phụ cấp cho bí thư chi bộ thôn theo quy định mới.',
      },
      {
        cellName: 'Chi bộ thôn Tiên Tân',
        text: 'Đề nghị xử lý dứt điểm tình trạng đổ rác thải ven đê Hồng Hà.',
      },
      {
        cellName: 'Chi bộ tổ dân phố Phùng 1',
        text: 'Đề nghị tăng cường kiểm tra trật tự đô thị, lấn chiếm vỉa hè trên Quốc lộ 32.',
      },
    ],
    issues: [
      {
        cellName: 'Chi bộ thôn Tiên Tân',
        text:
          'Buổi sinh hoạt còn nặng về thông báo, ít thảo luận; chi bộ tự chấm cao hơn người dự 11 điểm. ' +
          'Đề nghị Đảng ủy xã Hồng Hà chỉ đạo rút kinh nghiệm.',
      },
      {
        cellName: 'Chi bộ cụm dân cư số 2',
        text: 'Chi bộ chưa tự đánh giá chất lượng buổi sinh hoạt; biên bản ghi chưa đầy đủ ý kiến thảo luận.',
      },
      {
        cellName: 'Chi bộ thôn Bá Dương Nội',
        text: 'Chi bộ tự ý lùi lịch sinh hoạt, không báo cáo Đảng ủy xã; đề nghị chấn chỉnh.',
      },
    ],
    preparedBy: 'Nguyễn Thị Thanh Hương',
    // Signed for the collective by the deputy secretary (HD 36-HD/VPTW), not by the staff who compiled it.
    signature: { onBehalf: 'T/M BAN THƯỜNG VỤ', title: 'PHÓ BÍ THƯ', name: 'Trần Văn Quang' },
    recipients: [
      'Ban Thường vụ Thành ủy Hà Nội (để báo cáo)',
      'Các đồng chí Ủy viên Ban Thường vụ',
      'Các tổ công tác, đồng chí được phân công dự sinh hoạt',
      'Các đảng ủy có chi bộ được dự sinh hoạt',
      'Lưu Văn phòng',
    ],
  };
}
