/**
 * The year's review as a workbook (issue 15 point 5): a sheet of the committee's totals, then one sheet per
 * level of the tree below it (its children, their children …), one row per unit with its organisations and
 * members by level — counts and shares of those rated, one decimal (QĐ 366-QĐ/TW art. 11 levels).
 */
import { RATING_LEVEL_LABELS, RATING_LEVELS, type RatingCountsDto } from '@nennep/core';
import { add, header, renderWorkbook, sheetOf } from '../documents/xlsx-layout.ts';
import { type RatingReportModel, reportTitle } from './report.ts';

const SHORT = { excellent: 'HTXSNV', good: 'HTTNV', completed: 'HTNV', failed: 'KHTNV' } as const;
const PERCENT = '0.0';

const titles = (who: string) => [
  `${who} được xếp loại`,
  ...RATING_LEVELS.flatMap((l) => [`${who} ${SHORT[l]}`, `${who} ${SHORT[l]} (%)`]),
];
const figures = (c: RatingCountsDto) => [
  c.rated,
  ...RATING_LEVELS.flatMap((l) => [c.byLevel[l], c.percent[l]]),
];

/** Percent columns of a unit's row formatted with one decimal (the cells hold the number itself). */
function formatPercents(row: ReturnType<typeof add>) {
  const width = 1 + 2 * RATING_LEVELS.length;
  for (const start of [3, 3 + width]) {
    RATING_LEVELS.forEach((_, k) => {
      row.getCell(start + 2 * k + 2).numFmt = PERCENT;
    });
  }
}

export function renderRatingReportXlsx(model: RatingReportModel): Promise<Buffer> {
  const title = reportTitle(model);
  return renderWorkbook(
    { placeDate: model.header.placeDate, title, subject: model.header.number },
    (workbook) => {
      const total = sheetOf(workbook, 'Tổng hợp', [34, 14, 14]);
      header(total, ['Mức xếp loại', 'Tổ chức đảng', 'Tổ chức (%)', 'Đảng viên', 'Đảng viên (%)']);
      const { organisations: o, members: m } = model.summary;
      for (const level of RATING_LEVELS) {
        const row = add(total, [
          RATING_LEVEL_LABELS[level].vi,
          o.byLevel[level],
          o.percent[level],
          m.byLevel[level],
          m.percent[level],
        ]);
        row.getCell(3).numFmt = PERCENT;
        row.getCell(5).numFmt = PERCENT;
      }
      add(total, [
        'Cộng (được xếp loại)',
        o.rated,
        o.rated > 0 ? 100 : 0,
        m.rated,
        m.rated > 0 ? 100 : 0,
      ]).font = {
        bold: true,
      };
      add(total, []);
      add(total, [`${model.committeeName} — ${title}`]);
      model.levels.forEach((units, i) => {
        const sheet = sheetOf(workbook, `Cấp ${i + 1}`, [10, 34, ...Array(18).fill(12)]);
        header(sheet, ['Mã', 'Đơn vị', ...titles('Tổ chức'), ...titles('Đảng viên')]);
        for (const u of units) {
          const row = add(sheet, [u.code, u.name, ...figures(u.organisations), ...figures(u.members)]);
          formatPercents(row);
        }
      });
    },
  );
}
