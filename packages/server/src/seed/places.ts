/** The 16 communes and the town of Đan Phượng district with their village, cluster and street-group cells. */
import type { OrgCategory } from '../../../core/src/org.ts';
import type { DemoOrgRow } from './types.ts';

export const ROOT_CODE = 'DP';

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

export interface Commune {
  name: string;
  unit: 'xã' | 'thị trấn';
  /** Real villages (thôn); remaining residential cells are "cụm dân cư số N". */
  villages: readonly string[];
  /** Village plus residential-cluster cells. */
  residentialCells: number;
  /** Street-group (tổ dân phố) cells. */
  streetGroups?: number;
  /** Whether the primary school is a grassroots cell directly under the district. */
  primaryIsGrassroots?: boolean;
  /** Whether the health station is a grassroots cell directly under the district. */
  healthIsGrassroots?: boolean;
  extras?: readonly (readonly [code: string, name: string, category: OrgCategory])[];
}

export const COMMUNES: readonly Commune[] = [
  {
    name: 'Phùng',
    unit: 'thị trấn',
    villages: ['Phượng Trì', 'Thụy Ứng'],
    residentialCells: 2,
    streetGroups: 9,
    primaryIsGrassroots: true,
    extras: [['CHOPHUNG', 'Chi bộ Ban Quản lý chợ Phùng', 'other']],
  },
  { name: 'Đan Phượng', unit: 'xã', villages: ['Đại Phùng', 'Đoài Khê', 'Đông Khê'], residentialCells: 7 },
  {
    name: 'Đồng Tháp',
    unit: 'xã',
    villages: ['Bãi Tháp', 'Bãi Thụy', 'Đại Thần', 'Đồng Lạc', 'Thọ Vực'],
    residentialCells: 7,
  },
  {
    name: 'Hạ Mỗ',
    unit: 'xã',
    villages: ['Hạ Mỗ', 'Trúng Đích'],
    residentialCells: 7,
    primaryIsGrassroots: true,
    healthIsGrassroots: true,
  },
  {
    name: 'Hồng Hà',
    unit: 'xã',
    villages: ['Bá Dương Nội', 'Bá Dương Thị', 'Bồng Lai', 'Tiên Tân'],
    residentialCells: 9,
    primaryIsGrassroots: true,
  },
  {
    name: 'Liên Hà',
    unit: 'xã',
    villages: ['Đoài', 'Quý', 'Thượng'],
    residentialCells: 8,
    primaryIsGrassroots: true,
  },
  {
    name: 'Liên Hồng',
    unit: 'xã',
    villages: ['Đông Lai', 'Hữu Cước', 'Thượng Trì', 'Tổ'],
    residentialCells: 7,
  },
  { name: 'Liên Trung', unit: 'xã', villages: ['Hạ Trì', 'Trung'], residentialCells: 6 },
  {
    name: 'Phương Đình',
    unit: 'xã',
    villages: [
      'Cổ Ngõa',
      'Địch Trong',
      'Địch Trung',
      'Địch Đình',
      'Địch Thượng',
      'Ích Vịnh',
      'La Thạch',
      'Phương Mạc',
    ],
    residentialCells: 11,
    primaryIsGrassroots: true,
  },
  {
    name: 'Song Phượng',
    unit: 'xã',
    villages: ['Tháp Thượng', 'Thu Quế', 'Thuận Thượng', 'Thống Nhất'],
    residentialCells: 7,
  },
  {
    name: 'Tân Hội',
    unit: 'xã',
    villages: ['Thượng Hội', 'Thúy Hội', 'Phan Long', 'Vĩnh Kỳ'],
    residentialCells: 10,
    primaryIsGrassroots: true,
    extras: [['HTXNN', 'Chi bộ Hợp tác xã nông nghiệp Tân Hội', 'cooperative']],
  },
  {
    name: 'Tân Lập',
    unit: 'xã',
    villages: ['Hạ Hội'],
    residentialCells: 11,
    primaryIsGrassroots: true,
    healthIsGrassroots: true,
    extras: [['CCN', 'Chi bộ Doanh nghiệp Cụm công nghiệp Tân Lập', 'enterprise']],
  },
  {
    name: 'Thọ An',
    unit: 'xã',
    villages: [],
    residentialCells: 8,
    primaryIsGrassroots: true,
    extras: [['HTXNN', 'Chi bộ Hợp tác xã nông nghiệp Thọ An', 'cooperative']],
  },
  { name: 'Thọ Xuân', unit: 'xã', villages: [], residentialCells: 6 },
  { name: 'Thượng Mỗ', unit: 'xã', villages: [], residentialCells: 7 },
  { name: 'Trung Châu', unit: 'xã', villages: [], residentialCells: 7 },
];

/** "xã Tân Hội" or "thị trấn Phùng". */
export function communeLabel(c: Commune): string {
  return `${c.unit} ${c.name}`;
}

/** Name used in school names: "Tân Hội", but "thị trấn Phùng". */
export function schoolPlace(c: Commune): string {
  return c.unit === 'thị trấn' ? communeLabel(c) : c.name;
}

export function communeCode(c: Commune): string {
  return `${ROOT_CODE}.${asciiCode(c.name)}`;
}

/** The grassroots committee of each commune followed by its cells (parents always before children). */
export function communeOrgs(): DemoOrgRow[] {
  const rows: DemoOrgRow[] = [];
  for (const c of COMMUNES) {
    const code = communeCode(c);
    const cell = (suffix: string, name: string, category: OrgCategory): void => {
      rows.push({ code: `${code}.${suffix}`, name, kind: 'cell', category, parent_code: code });
    };
    rows.push({
      code,
      name: `Đảng bộ ${communeLabel(c)}`,
      kind: 'grassroots_committee',
      category: null,
      parent_code: ROOT_CODE,
    });
    for (let i = 0; i < c.residentialCells; i++) {
      const village = c.villages[i];
      if (village !== undefined) cell(asciiCode(village), `Chi bộ thôn ${village}`, 'village');
      else {
        const n = i - c.villages.length + 1;
        cell(`CDC${n}`, `Chi bộ cụm dân cư số ${n}`, 'residential_cluster');
      }
    }
    for (let n = 1; n <= (c.streetGroups ?? 0); n++) {
      cell(`TDP${n}`, `Chi bộ tổ dân phố ${c.name} ${n}`, 'street_group');
    }
    cell('COQUAN', `Chi bộ Cơ quan ${communeLabel(c)}`, 'agency');
    cell('MAMNON', `Chi bộ Trường Mầm non ${schoolPlace(c)}`, 'school');
    if (!c.primaryIsGrassroots) cell('TIEUHOC', `Chi bộ Trường Tiểu học ${schoolPlace(c)}`, 'school');
    if (!c.healthIsGrassroots) cell('TRAMYTE', `Chi bộ Trạm Y tế ${communeLabel(c)}`, 'health');
    cell('CONGAN', `Chi bộ Công an ${communeLabel(c)}`, 'armed_forces');
    cell('QUANSU', `Chi bộ Quân sự ${communeLabel(c)}`, 'armed_forces');
    for (const [suffix, name, category] of c.extras ?? []) cell(suffix, name, category);
  }
  return rows;
}
