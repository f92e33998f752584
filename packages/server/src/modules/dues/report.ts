/**
 * The dues report (issue 16 point 5): "Báo cáo tình hình thu, nộp đảng phí năm YYYY" of a node over its
 * subtree — due, collected, rate, members in arrears, what the levels keep and what goes up, per unit below
 * and per month — as a Party document (HD 36-HD/VPTW layout: header "ĐẢNG CỘNG SẢN VIỆT NAM", the committee,
 * number and date line from the injected clock, signature block). The figures are those of
 * `GET /api/dues/remittance` (remittance.ts); same data, same bytes (the documents module's fixed dates).
 */
import {
  DEFAULT_DUES_RULES,
  type DuesRemittanceDto,
  type DuesRemittanceFigures,
  isoDateInVietnam,
  type Month,
  placeDateLine,
} from '@nennep/core';
import type { Db } from '../../db/client.ts';
import { renderBlocksDocx } from '../documents/docx-blocks.ts';
import {
  type Block,
  headerBlock,
  numberedHeading,
  paragraph,
  points,
  recipientsColumn,
  signatureColumn,
  type TableColumn,
} from '../documents/party-layout.ts';
import { issuerOf } from '../orgs/naming.ts';
import { type MemberDuesRow, remittanceData } from './remittance.ts';

export interface DuesReportModel {
  data: DuesRemittanceDto;
  members: MemberDuesRow[];
  header: { superior: string; issuer: string; number: string; placeDate: string };
  committeeName: string;
  onBehalf: string;
  preparedBy: string;
  /** "năm 2026", "tháng 3 năm 2026". */
  periodText: string;
}

/** 1234567 → "1.234.567" (Vietnamese thousands separator). */
export const vndText = (value: number) =>
  `${value < 0 ? '-' : ''}${String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;

/** "92,5" — one decimal with the Vietnamese comma; "—" when nothing was due. */
export const rateText = (rate: number | null) => (rate === null ? '—' : points(rate));

export const monthText = (month: Month) => `tháng ${Number(month.slice(5, 7))}/${month.slice(0, 4)}`;

export const duesPeriodText = (year: number, month: Month | null) =>
  month === null ? `năm ${year}` : `tháng ${Number(month.slice(5, 7))} năm ${year}`;

export const duesReportTitle = (model: Pick<DuesReportModel, 'periodText'>) =>
  `Tình hình thu, nộp đảng phí ${model.periodText}`;

/** The report's model, dated by the injected clock's day (Vietnam). */
export async function duesReportModel(
  db: Db,
  org: { path: string },
  year: number,
  month: Month | undefined,
  preparedBy: string,
  now: Date,
): Promise<DuesReportModel> {
  const { dto, members } = await remittanceData(db, org, year, month, now);
  const { own, heading } = await issuerOf(db, org);
  return {
    data: dto,
    members,
    header: {
      superior: heading.superior,
      issuer: heading.issuer,
      number: `Số    -BC/${own.symbol}`,
      placeDate: placeDateLine(own.placeName, isoDateInVietnam(now)),
    },
    committeeName: own.issuerName,
    onBehalf: own.onBehalf,
    preparedBy,
    periodText: duesPeriodText(year, dto.month),
  };
}

const money = (title: string): TableColumn => ({ title, width: 14, align: 'right' });

/** Due, collected, rate, kept and sent of each unit below (or of each month). */
function figuresTable(
  first: string,
  rows: {
    label: string;
    f: Omit<DuesRemittanceFigures, 'membersInArrears'> & { membersInArrears?: number };
  }[],
): Block {
  const withArrears = rows.some((r) => r.f.membersInArrears !== undefined);
  return {
    kind: 'table',
    columns: [
      { title: 'TT', width: 6, align: 'center' },
      { title: first, width: withArrears ? 22 : 30, align: 'left' },
      money('Phải thu (đồng)'),
      money('Đã thu (đồng)'),
      { title: 'Tỷ lệ (%)', width: 8, align: 'center' },
      ...(withArrears ? [{ title: 'Đảng viên chưa nộp đủ', width: 8, align: 'center' } as TableColumn] : []),
      money('Giữ lại (đồng)'),
      money('Nộp cấp trên (đồng)'),
    ],
    rows: rows.map(({ label, f }, i) => [
      String(i + 1),
      label,
      vndText(f.expectedVnd),
      vndText(f.collectedVnd),
      rateText(f.ratePercent),
      ...(withArrears ? [String(f.membersInArrears ?? 0)] : []),
      vndText(f.keptVnd),
      vndText(f.sentVnd),
    ]),
  };
}

/** The report as layout blocks. */
export function duesReportBlocks(model: DuesReportModel): Block[] {
  const { org, children, byMonth } = model.data;
  const rules = DEFAULT_DUES_RULES.regulation;
  const blocks: Block[] = [
    headerBlock(model.header),
    { kind: 'title', text: 'BÁO CÁO' },
    { kind: 'subtitle', text: duesReportTitle(model) },
    { kind: 'rule' },
    paragraph(
      `Thực hiện Quy định số ${rules.code} ngày ${rules.issued.slice(8, 10)}/${rules.issued.slice(5, 7)}/` +
        `${rules.issued.slice(0, 4)} về chế độ đảng phí, ${model.committeeName} báo cáo tình hình thu, nộp ` +
        `đảng phí ${model.periodText} như sau:`,
      { indent: true },
    ),
    { kind: 'heading', text: numberedHeading(1, 'KẾT QUẢ THU ĐẢNG PHÍ') },
    paragraph(
      `Số đảng phí phải thu: ${vndText(org.expectedVnd)} đồng; số đã thu: ${vndText(org.collectedVnd)} đồng` +
        (org.ratePercent === null ? '.' : `, đạt ${rateText(org.ratePercent)}%.`),
      { indent: true },
    ),
    paragraph(`Số đảng viên chưa nộp đủ đảng phí: ${org.membersInArrears} đồng chí.`, { indent: true }),
    { kind: 'heading', text: numberedHeading(2, 'TRÍCH GIỮ LẠI VÀ NỘP CẤP TRÊN') },
    paragraph(
      `Số trích giữ lại ở các cấp: ${vndText(org.keptVnd)} đồng (trong đó ${model.committeeName} giữ lại ` +
        `${vndText(org.ownKeptVnd)} đồng); số nộp cấp trên: ${vndText(org.sentVnd)} đồng.`,
      { indent: true },
    ),
  ];
  let part = 3;
  if (children.length > 0) {
    blocks.push(
      { kind: 'heading', text: numberedHeading(part++, 'SỐ LIỆU THEO ĐƠN VỊ TRỰC THUỘC') },
      figuresTable(
        'Đơn vị',
        children.map((c) => ({ label: c.name, f: c })),
      ),
    );
  }
  if (byMonth.length > 1) {
    blocks.push(
      { kind: 'heading', text: numberedHeading(part++, 'SỐ LIỆU THEO THÁNG') },
      figuresTable(
        'Tháng',
        byMonth.map((m) => ({ label: monthText(m.month), f: m })),
      ),
    );
  }
  blocks.push(
    paragraph(
      'Tỷ lệ tính trên số phải thu của các tháng đã đến hạn; tỷ lệ trích giữ lại ở mỗi cấp theo quy định ' +
        'phân cấp quản lý đảng phí hiện hành. Sổ thu nộp đảng phí chi tiết kèm theo bảng tính.',
      { indent: true },
    ),
    {
      kind: 'columns',
      left: recipientsColumn(['Cấp ủy cấp trên', 'Lưu VT']),
      right: signatureColumn({ onBehalf: model.onBehalf, title: [], name: model.preparedBy }),
    },
  );
  return blocks;
}

/** The report as a DOCX (A4, HD 36 layout). Same model, same bytes. */
export function renderDuesReportDocx(model: DuesReportModel): Promise<Buffer> {
  return renderBlocksDocx(duesReportBlocks(model), {
    title: `BÁO CÁO ${duesReportTitle(model)}`,
    subject: model.header.number,
    header: { placeDate: model.header.placeDate },
  });
}
