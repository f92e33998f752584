import {
  formatVietnameseDate,
  type RecommendationDashboardDto,
  type RecommendationDto,
  type RecommendationLevel,
} from '@nennep/core';
import { LIST_DATE, listSheet, newWorkbook, xlsxBytes } from '../documents/workbook.ts';

const STATUS_VI: Record<string, string> = {
  received: 'Mới tiếp nhận',
  assigned: 'Đã chuyển xử lý',
  in_progress: 'Đang giải quyết',
  answered: 'Đã trả lời',
  reported_back: 'Đã thông báo lại chi bộ',
  merged: 'Đã gộp',
  declined: 'Không tiếp nhận',
};
const LEVEL_VI: Record<RecommendationLevel, string> = {
  cell: 'Chi bộ',
  grassroots: 'Cấp ủy cơ sở',
  superior: 'Cấp ủy cấp trên',
  outside: 'Cơ quan ngoài Đảng',
};

/** The recommendations of the period as an .xlsx workbook (one row each, Vietnamese headers). */
export async function recommendationsWorkbook(
  dashboard: RecommendationDashboardDto,
  items: RecommendationDto[],
) {
  // Dated like every list export: before, `modified` was left to exceljs, which takes the clock.
  const workbook = newWorkbook(LIST_DATE);
  const sheet = listSheet(
    workbook,
    'Kiến nghị',
    [
      { header: 'Số', key: 'id', width: 7 },
      { header: 'Ngày nêu', key: 'raisedOn', width: 12 },
      { header: 'Chi bộ', key: 'cell', width: 30 },
      { header: 'Người nêu', key: 'raisedBy', width: 24 },
      { header: 'Nội dung', key: 'text', width: 60 },
      { header: 'Lĩnh vực', key: 'category', width: 22 },
      { header: 'Trạng thái', key: 'status', width: 22 },
      { header: 'Cấp giải quyết', key: 'level', width: 18 },
      { header: 'Đơn vị giải quyết', key: 'handler', width: 30 },
      { header: 'Hạn trả lời', key: 'due', width: 12 },
      { header: 'Quá hạn', key: 'overdue', width: 9 },
      { header: 'Trả lời', key: 'answer', width: 60 },
    ],
    { frozen: true },
  );
  for (const r of items) {
    sheet.addRow({
      id: r.id,
      raisedOn: formatVietnameseDate(r.raisedOn),
      cell: r.cellName,
      raisedBy: r.raisedBy,
      text: r.text,
      category: r.categoryLabel.vi,
      status: STATUS_VI[r.status] ?? r.status,
      level: LEVEL_VI[r.level],
      handler: r.outsideBody ? `${r.handlerName} → ${r.outsideBody}` : r.handlerName,
      due: r.dueDate ? formatVietnameseDate(r.dueDate) : '',
      overdue: r.overdue ? 'Có' : '',
      answer: r.answer ?? '',
    });
  }
  const summary = workbook.addWorksheet('Tổng hợp');
  summary.addRow([
    `Kiến nghị của ${dashboard.orgName}`,
    `${formatVietnameseDate(dashboard.from)}–${formatVietnameseDate(dashboard.to)}`,
  ]);
  summary.addRow(['Tổng số', dashboard.totals.raised]);
  summary.addRow(['Chưa trả lời', dashboard.totals.open]);
  summary.addRow(['Quá hạn', dashboard.totals.overdue]);
  summary.addRow(['Đã trả lời', dashboard.totals.answered]);
  summary.addRow(['Đã thông báo lại chi bộ', dashboard.totals.reportedBack]);
  summary.addRow(['Thời gian trả lời trung vị (ngày)', dashboard.timeToAnswer.medianDays ?? '']);
  summary.addRow(['Thời gian trả lời, 90% trong vòng (ngày)', dashboard.timeToAnswer.p90Days ?? '']);
  summary.addRow([]);
  summary.addRow(['Lĩnh vực', 'Tổng', 'Chưa trả lời', 'Quá hạn', 'Đã trả lời']).font = { bold: true };
  for (const c of dashboard.byCategory) summary.addRow([c.label.vi, c.raised, c.open, c.overdue, c.answered]);
  summary.getColumn(1).width = 40;
  return xlsxBytes(workbook);
}
