/**
 * The 2026 demo organisation (domain.md §1, "the shape of 2026"): a province with no district level, four of
 * its communes and wards in full, and the provincial Party agencies' committee. The province is invented
 * (Hồng Châu); its names follow the post-2025 style — xã, phường, thôn, tổ dân phố, no huyện, quận or thị
 * trấn. A commune committee leads its village and street cells directly and stands over a few grassroots
 * organisations (a school's grassroots cell, an enterprise's committee with a sub-committee).
 */
import type { OrgCategory, OrgKind } from '../../../core/src/orgs/types.ts';
import type { DemoOrgRow } from './types.ts';

export const ROOT_CODE = 'HC';
export const ROOT_NAME = 'Đảng bộ tỉnh Hồng Châu';

/** "Tân Hội" → "TANHOI": ASCII upper-case letters and digits only. */
export function asciiCode(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

type Unit = readonly [code: string, name: string, category: OrgCategory, kind?: OrgKind];

export interface CommuneDef {
  code: string;
  unit: 'xã' | 'phường';
  name: string;
  /** Residential cells: villages (thôn) in a commune, street groups (tổ dân phố) in a ward. */
  residential: readonly string[];
  /** The other cells led directly by the commune committee. */
  units: readonly Unit[];
  /** Grassroots cells under the commune committee (chi bộ cơ sở). */
  grassrootsCells?: readonly Unit[];
  /** A grassroots committee with its cells and one sub-committee (đảng bộ bộ phận). */
  enterprise?: {
    code: string;
    name: string;
    cells: readonly (readonly [code: string, name: string])[];
    sub: { code: string; name: string; cells: readonly (readonly [code: string, name: string])[] };
  };
}

/** The cells every commune or ward has: schools, the health station, police, military, its agencies. */
function commonUnits(unit: 'xã' | 'phường', place: string): Unit[] {
  return [
    ['MN', `Chi bộ Trường Mầm non ${place}`, 'school'],
    ['TH', `Chi bộ Trường Tiểu học ${place}`, 'school'],
    ['THCS', `Chi bộ Trường Trung học cơ sở ${place}`, 'school'],
    ['TYT', `Chi bộ Trạm Y tế ${unit} ${place}`, 'health'],
    ['CA', `Chi bộ Công an ${unit} ${place}`, 'armed_forces'],
    ['QS', `Chi bộ Quân sự ${unit} ${place}`, 'armed_forces'],
    ['CQD', `Chi bộ Cơ quan Đảng, Mặt trận và các đoàn thể ${unit}`, 'agency'],
    ['CQCQ', `Chi bộ Cơ quan Hội đồng nhân dân và Ủy ban nhân dân ${unit}`, 'agency'],
  ];
}

export const COMMUNES: readonly CommuneDef[] = [
  {
    code: 'TANHOI',
    unit: 'xã',
    name: 'Tân Hội',
    residential: [
      'Thượng Hội',
      'Thúy Hội',
      'Trung Hội',
      'Hạ Hội',
      'Đông Lai',
      'Phan Long',
      'Bá Dương',
      'Thọ Vực',
      'Đại Thần',
      'Tiên Tân',
      'Bãi Tháp',
      'Đồng Lạc',
    ],
    units: [...commonUnits('xã', 'Tân Hội'), ['QTD', 'Chi bộ Quỹ tín dụng nhân dân Tân Hội', 'credit_fund']],
    grassrootsCells: [
      ['THPT', 'Chi bộ Trường Trung học phổ thông Tân Hội', 'school', 'grassroots_cell'],
      ['HTX', 'Chi bộ Hợp tác xã dịch vụ nông nghiệp Tân Hội', 'cooperative', 'grassroots_cell'],
    ],
  },
  {
    code: 'DONGTHANH',
    unit: 'phường',
    name: 'Đông Thành',
    residential: [
      'Bắc Sơn',
      'Nam Sơn',
      'Đông Sơn',
      'Tây Sơn',
      'Trung Sơn',
      'Hòa Bình',
      'Thống Nhất',
      'Độc Lập',
      'Tân Thành',
      'Tân Tiến',
      'Quyết Thắng',
      'Quang Trung',
      'Lê Lợi',
      'Trần Phú',
      'Nguyễn Trãi',
      'Hùng Vương',
      'Phú Xuân',
      'Đồng Tâm',
    ],
    units: [
      ...commonUnits('phường', 'Đông Thành'),
      ['TTHCC', 'Chi bộ Trung tâm Phục vụ hành chính công phường', 'agency'],
      ['CHO', 'Chi bộ Ban Quản lý chợ Đông Thành', 'other'],
    ],
    grassrootsCells: [['THPT', 'Chi bộ Trường Trung học phổ thông Đông Thành', 'school', 'grassroots_cell']],
    enterprise: {
      code: 'MAYDT',
      name: 'Đảng bộ Công ty Cổ phần May Đông Thành',
      cells: [
        ['VP', 'Chi bộ Khối văn phòng'],
        ['HT', 'Chi bộ Phân xưởng hoàn thiện'],
      ],
      sub: {
        code: 'XN1',
        name: 'Đảng bộ bộ phận Xí nghiệp May số 1',
        cells: [
          ['CAT', 'Chi bộ Phân xưởng cắt'],
          ['MAY1', 'Chi bộ Phân xưởng may 1'],
          ['MAY2', 'Chi bộ Phân xưởng may 2'],
        ],
      },
    },
  },
  {
    code: 'LIENHONG',
    unit: 'xã',
    name: 'Liên Hồng',
    residential: [
      'Hữu Cước',
      'Thượng Trì',
      'Hạ Trì',
      'Đông Hạ',
      'Trung Hòa',
      'Liên Bạt',
      'Bạch Đa',
      'Xuân Lai',
      'Yên Thái',
      'Ngọc Than',
    ],
    units: commonUnits('xã', 'Liên Hồng'),
  },
  {
    code: 'PHUONGSON',
    unit: 'xã',
    name: 'Phượng Sơn',
    residential: [
      'Phượng Trì',
      'Thụy Ứng',
      'Song Phượng',
      'Thu Quế',
      'Đoài Khê',
      'Đông Khê',
      'Tháp Thượng',
      'Bãi Thụy',
      'Vĩnh Kỳ',
      'Tiên Sơn',
      'Kim Hoàng',
      'Gia Lạc',
    ],
    units: [...commonUnits('xã', 'Phượng Sơn'), ['CHO', 'Chi bộ Ban Quản lý chợ Phượng Sơn', 'other']],
  },
];

/** The provincial Party agencies' committee: grassroots cells, and the Party office's committee. */
const AGENCIES = {
  code: 'CQD',
  name: 'Đảng bộ các cơ quan Đảng tỉnh',
  grassrootsCells: [
    ['BTC', 'Chi bộ Ban Tổ chức Tỉnh ủy'],
    ['BTGDV', 'Chi bộ Ban Tuyên giáo và Dân vận Tỉnh ủy'],
    ['UBKT', 'Chi bộ Ủy ban Kiểm tra Tỉnh ủy'],
    ['BNC', 'Chi bộ Ban Nội chính Tỉnh ủy'],
    ['TCT', 'Chi bộ Trường Chính trị tỉnh'],
  ],
  office: {
    code: 'VPTU',
    name: 'Đảng bộ Văn phòng Tỉnh ủy',
    cells: [
      ['TH', 'Chi bộ Phòng Tổng hợp'],
      ['HCLT', 'Chi bộ Phòng Hành chính - Lưu trữ'],
      ['QTTV', 'Chi bộ Phòng Quản trị - Tài vụ'],
    ],
  },
} as const;

const row = (
  code: string,
  name: string,
  kind: OrgKind,
  category: OrgCategory | null,
  parent: string | null,
): DemoOrgRow => ({ code, name, kind, category, parent_code: parent });

/** One commune or ward: its committee, then every node under it, parents first. */
export function communeRows(c: CommuneDef): DemoOrgRow[] {
  const code = `${ROOT_CODE}.${c.code}`;
  const rows = [row(code, `Đảng bộ ${c.unit} ${c.name}`, 'committee', null, ROOT_CODE)];
  const prefix = c.unit === 'xã' ? 'thôn' : 'tổ dân phố';
  for (const place of c.residential) {
    const category: OrgCategory = c.unit === 'xã' ? 'village' : 'street_group';
    rows.push(row(`${code}.${asciiCode(place)}`, `Chi bộ ${prefix} ${place}`, 'cell', category, code));
  }
  for (const [unit, name, category, kind] of c.units)
    rows.push(row(`${code}.${unit}`, name, kind ?? 'cell', category, code));
  for (const [unit, name, category, kind] of c.grassrootsCells ?? [])
    rows.push(row(`${code}.${unit}`, name, kind ?? 'grassroots_cell', category, code));
  if (c.enterprise) {
    const e = c.enterprise;
    const eCode = `${code}.${e.code}`;
    rows.push(row(eCode, e.name, 'grassroots_committee', 'enterprise', code));
    for (const [unit, name] of e.cells) rows.push(row(`${eCode}.${unit}`, name, 'cell', 'enterprise', eCode));
    const sCode = `${eCode}.${e.sub.code}`;
    rows.push(row(sCode, e.sub.name, 'sub_committee', 'enterprise', eCode));
    for (const [unit, name] of e.sub.cells)
      rows.push(row(`${sCode}.${unit}`, name, 'cell', 'enterprise', sCode));
  }
  return rows;
}

/** The agencies' committee and its units. */
function agencyRows(): DemoOrgRow[] {
  const code = `${ROOT_CODE}.${AGENCIES.code}`;
  const rows = [row(code, AGENCIES.name, 'committee', 'agency', ROOT_CODE)];
  for (const [unit, name] of AGENCIES.grassrootsCells)
    rows.push(row(`${code}.${unit}`, name, 'grassroots_cell', 'agency', code));
  const office = `${code}.${AGENCIES.office.code}`;
  rows.push(row(office, AGENCIES.office.name, 'grassroots_committee', 'agency', code));
  for (const [unit, name] of AGENCIES.office.cells)
    rows.push(row(`${office}.${unit}`, name, 'cell', 'agency', office));
  return rows;
}

/** The whole tree, parents before children. */
export function provinceRows(): DemoOrgRow[] {
  return [
    row(ROOT_CODE, ROOT_NAME, 'committee', null, null),
    ...COMMUNES.flatMap(communeRows),
    ...agencyRows(),
  ];
}
