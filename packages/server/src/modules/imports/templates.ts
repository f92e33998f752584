/**
 * Downloadable templates: the Vietnamese header row and one example row, as .xlsx (dates as real date
 * cells shown dd/mm/yyyy) or as .csv (UTF-8 with BOM and CRLF, which Excel opens correctly).
 * The workbook's own dates are fixed, so nothing in it reveals when it was downloaded.
 */
import { ORG_KIND_LABELS } from '@nennep/core';
import { listSheet, newWorkbook, xlsxBytes } from '../documents/workbook.ts';
import {
  CATEGORY_LABELS,
  columnsOf,
  type ImportKind,
  POSITION_LABELS,
  SEX_LABELS,
  STATUS_LABELS,
} from './columns.ts';

export const TEMPLATE_NAMES = ['orgs.xlsx', 'members.xlsx', 'orgs.csv', 'members.csv'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/**
 * The example rows fit the demo (seed/province.ts): a new village cell under the commune committee of
 * Tân Hội with a party group of its own, and a new member of the cell of Thượng Hội. Imported untouched
 * into the demo, each template validates (round-trip.test.ts keeps it so).
 */
const EXAMPLES: Record<ImportKind, Record<string, string>[]> = {
  orgs: [
    {
      code: 'HC.TANHOI.DONGHOI',
      name: 'Chi bộ thôn Đông Hội',
      kind: ORG_KIND_LABELS.cell.vi,
      category: CATEGORY_LABELS.village.split(',')[0] ?? 'Thôn',
      parent_code: 'HC.TANHOI',
      body_name: '',
      symbol: '',
      place_name: '',
      on_behalf: '',
    },
    {
      code: 'HC.TANHOI.DONGHOI.XOM1',
      name: 'Tổ đảng xóm 1',
      kind: ORG_KIND_LABELS.party_group.vi,
      category: '',
      parent_code: 'HC.TANHOI.DONGHOI',
      body_name: '',
      symbol: '',
      place_name: '',
      on_behalf: '',
    },
  ],
  members: [
    {
      member_code: 'DV900001',
      full_name: 'Nguyễn Văn Đức',
      sex: SEX_LABELS.male,
      birth_date: '1975-03-15',
      org_code: 'HC.TANHOI.THUONGHOI',
      status: STATUS_LABELS.official,
      admission_date: '2000-05-19',
      official_date: '2001-05-19',
      position: POSITION_LABELS.member,
      party_card_no: '90000001',
      exempt_from: '',
      notes: '',
    },
  ],
};

const EPOCH = new Date(Date.UTC(2026, 0, 1));
const csvField = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const display = (iso: string) => iso.split('-').reverse().join('/');

export function templateKind(name: TemplateName): ImportKind {
  return name.startsWith('orgs') ? 'orgs' : 'members';
}

export async function renderTemplate(name: TemplateName): Promise<{ body: Buffer; contentType: string }> {
  const kind = templateKind(name);
  const columns = columnsOf(kind);
  const examples = EXAMPLES[kind];
  if (name.endsWith('.csv')) {
    const lines = [
      columns.map((c) => csvField(c.vi)).join(','),
      ...examples.map((e) =>
        columns
          .map((c) => csvField(c.date && e[c.key] ? display(e[c.key] ?? '') : (e[c.key] ?? '')))
          .join(','),
      ),
    ];
    return {
      body: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'),
      contentType: 'text/csv; charset=utf-8',
    };
  }
  const workbook = newWorkbook(EPOCH);
  const sheet = listSheet(
    workbook,
    kind === 'orgs' ? 'To chuc' : 'Dang vien',
    columns.map((c) => ({
      header: c.vi,
      key: c.key,
      width: Math.max(14, c.vi.length + 4),
      style: c.date ? { numFmt: 'dd/mm/yyyy' } : {},
    })),
  );
  for (const example of examples) {
    sheet.addRow(
      Object.fromEntries(
        columns.map((c) => {
          const value = example[c.key] ?? '';
          return [c.key, c.date && value ? new Date(`${value}T00:00:00Z`) : value];
        }),
      ),
    );
  }
  return {
    body: await xlsxBytes(workbook),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}
