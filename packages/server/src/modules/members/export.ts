import { formatVietnameseDate } from '@nennep/core';
import ExcelJS from 'exceljs';

const STATUS_VI: Record<string, string> = {
  official: 'Chính thức',
  probationary: 'Dự bị',
  removed: 'Xóa tên',
  expelled: 'Khai trừ',
  deceased: 'Từ trần',
};
const POSITION_VI: Record<string, string> = {
  secretary: 'Bí thư',
  deputy_secretary: 'Phó Bí thư',
  committee_member: 'Chi ủy viên',
  member: 'Đảng viên',
};

export interface ExportRow {
  member_code: string;
  full_name: string;
  sex: string;
  org_code: string;
  org_name: string;
  status: string;
  position: string;
  admission_date: string;
  official_date: string | null;
  party_card_no: string | null;
  exempt: boolean;
}

/** A member list as an .xlsx workbook, in the order given (Vietnamese name order). */
export async function membersWorkbook(rows: ExportRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Nền Nếp';
  workbook.created = new Date(0);
  const sheet = workbook.addWorksheet('Đảng viên');
  sheet.columns = [
    { header: 'STT', key: 'no', width: 6 },
    { header: 'Mã đảng viên', key: 'code', width: 14 },
    { header: 'Họ và tên', key: 'name', width: 28 },
    { header: 'Giới tính', key: 'sex', width: 10 },
    { header: 'Chi bộ', key: 'org', width: 36 },
    { header: 'Trạng thái', key: 'status', width: 12 },
    { header: 'Chức vụ', key: 'position', width: 14 },
    { header: 'Ngày vào Đảng', key: 'admission', width: 14 },
    { header: 'Ngày chính thức', key: 'official', width: 14 },
    { header: 'Số thẻ đảng viên', key: 'card', width: 16 },
    { header: 'Miễn sinh hoạt', key: 'exempt', width: 14 },
  ];
  sheet.getRow(1).font = { bold: true };
  rows.forEach((r, i) => {
    sheet.addRow({
      no: i + 1,
      code: r.member_code,
      name: r.full_name,
      sex: r.sex === 'male' ? 'Nam' : 'Nữ',
      org: r.org_name,
      status: STATUS_VI[r.status] ?? r.status,
      position: POSITION_VI[r.position] ?? r.position,
      admission: formatVietnameseDate(r.admission_date),
      official: r.official_date ? formatVietnameseDate(r.official_date) : '',
      card: r.party_card_no ?? '',
      exempt: r.exempt ? 'Có' : '',
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
