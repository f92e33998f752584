/**
 * The columns of import files and the words accepted in them. Headers and coded values are matched
 * after folding (no accents, lowercase, punctuation as spaces), so "Mã cấp trên", "MA CAP TREN" and
 * "parent_code" name the same column, and "Chi bộ trực thuộc" the same kind as "cell".
 */
import {
  foldForSearch,
  type ImportKind,
  type Locale,
  type MemberStatus,
  ORG_CATEGORIES,
  ORG_KIND_LABELS,
  ORG_KINDS,
  type OrgCategory,
  type OrgKind,
  POSITIONS,
  type Position,
} from '@nennep/core';
import type { Bilingual } from '../../http/errors.ts';

// The kinds of import are core's (imports/types.ts), which the web reads too.
export { IMPORT_KINDS, type ImportKind } from '@nennep/core';

export interface ColumnSpec {
  key: string;
  /** Header of the Vietnamese template. */
  vi: string;
  required: boolean;
  /** Other headers accepted (compared folded). */
  aliases: string[];
  /** Columns holding dates (dd/mm/yyyy, ISO, or date cells). */
  date?: boolean;
  /**
   * Headers other systems write for this column (the province's member database, older lists): never
   * matched as they stand, only weighed when a mapping is guessed (mapping.ts).
   */
  hints?: string[];
}

export const ORG_COLUMNS: readonly ColumnSpec[] = [
  { key: 'code', vi: 'Mã', required: true, aliases: ['Mã tổ chức'], hints: ['Mã đơn vị', 'Mã số'] },
  {
    key: 'name',
    vi: 'Tên',
    required: true,
    aliases: ['Tên tổ chức'],
    hints: ['Tên đơn vị', 'Tên tổ chức đảng', 'Tên chi bộ, đảng bộ'],
  },
  { key: 'kind', vi: 'Loại', required: true, aliases: ['Loại tổ chức'], hints: ['Cấp tổ chức'] },
  { key: 'category', vi: 'Loại hình', required: false, aliases: [], hints: ['Loại hình tổ chức đảng'] },
  {
    key: 'parent_code',
    vi: 'Mã cấp trên',
    required: false,
    aliases: ['Mã tổ chức cấp trên', 'Cấp trên'],
    hints: ['Trực thuộc', 'Mã đơn vị cấp trên', 'Đơn vị cấp trên'],
  },
  // How documents name the node (org-naming.ts); blank = the default from kind and name.
  { key: 'body_name', vi: 'Tên cấp ủy', required: false, aliases: ['Cấp ủy', 'Tên cơ quan lãnh đạo'] },
  { key: 'symbol', vi: 'Ký hiệu văn bản', required: false, aliases: ['Ký hiệu'] },
  { key: 'place_name', vi: 'Địa danh', required: false, aliases: ['Địa danh ghi ngày tháng'] },
  { key: 'on_behalf', vi: 'Thẩm quyền ký', required: false, aliases: ['Ký thay mặt', 'T/M'] },
];

export const MEMBER_COLUMNS: readonly ColumnSpec[] = [
  {
    key: 'member_code',
    vi: 'Mã đảng viên',
    required: true,
    aliases: ['Mã ĐV'],
    hints: ['Mã số đảng viên', 'Số lý lịch', 'Số lý lịch đảng viên', 'Mã hồ sơ'],
  },
  {
    key: 'full_name',
    vi: 'Họ và tên',
    required: true,
    aliases: ['Họ tên'],
    hints: ['Họ và tên đảng viên', 'Họ tên đảng viên', 'Họ và tên khai sinh', 'Tên đảng viên'],
  },
  { key: 'sex', vi: 'Giới tính', required: true, aliases: [], hints: ['Nam/Nữ', 'Giới'] },
  {
    key: 'birth_date',
    vi: 'Ngày sinh',
    required: false,
    aliases: [],
    date: true,
    hints: ['Ngày tháng năm sinh', 'Sinh ngày'],
  },
  {
    key: 'org_code',
    vi: 'Mã chi bộ',
    required: true,
    aliases: ['Mã tổ chức'],
    hints: ['Chi bộ', 'Tên chi bộ', 'Chi bộ sinh hoạt', 'Tổ chức đảng', 'Đơn vị'],
  },
  {
    key: 'status',
    vi: 'Trạng thái',
    required: true,
    aliases: [],
    hints: ['Tình trạng', 'Loại đảng viên', 'Chính thức/Dự bị', 'Đảng viên chính thức/dự bị'],
  },
  {
    key: 'admission_date',
    vi: 'Ngày vào Đảng',
    required: true,
    aliases: ['Ngày kết nạp'],
    date: true,
    hints: ['Ngày kết nạp Đảng', 'Ngày kết nạp vào Đảng', 'Ngày vào Đảng lần đầu'],
  },
  {
    key: 'official_date',
    vi: 'Ngày chính thức',
    required: false,
    aliases: [],
    date: true,
    hints: [
      'Ngày công nhận chính thức',
      'Ngày được công nhận đảng viên chính thức',
      'Ngày chuyển chính thức',
    ],
  },
  {
    key: 'position',
    vi: 'Chức vụ',
    required: false,
    aliases: [],
    hints: ['Chức vụ Đảng', 'Chức vụ trong chi bộ', 'Chức vụ cấp ủy'],
  },
  {
    key: 'party_card_no',
    vi: 'Số thẻ đảng viên',
    required: false,
    aliases: ['Số thẻ', 'Số thẻ đảng'],
    hints: ['Thẻ đảng viên', 'Số thẻ Đảng viên'],
  },
  {
    key: 'exempt_from',
    vi: 'Miễn sinh hoạt từ',
    required: false,
    aliases: ['Ngày miễn sinh hoạt'],
    date: true,
    hints: ['Miễn sinh hoạt', 'Ngày miễn công tác và sinh hoạt đảng', 'Miễn công tác và sinh hoạt đảng từ'],
  },
  { key: 'notes', vi: 'Ghi chú', required: false, aliases: [], hints: ['Chú thích', 'Ghi chú khác'] },
];

export const columnsOf = (kind: ImportKind): readonly ColumnSpec[] =>
  kind === 'orgs' ? ORG_COLUMNS : MEMBER_COLUMNS;

/** Folded form used for every comparison of headers and coded values. */
export function fold(text: string): string {
  return foldForSearch(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The column's name in a message: the Vietnamese header, or the English key. */
export function columnLabel(kind: ImportKind, key: string, locale: Locale): string {
  if (locale === 'en') return key;
  return columnsOf(kind).find((c) => c.key === key)?.vi ?? key;
}

export interface HeaderMatch {
  /** Keys of the recognised columns, in the order of the file. */
  keys: (string | null)[];
  errors: { field: string; message: Bilingual }[];
}

const headerLookups = new Map<ImportKind, Map<string, string>>();

/** The column a header names as it stands (template header, key or alias, folded); null if none. */
export function headerKey(kind: ImportKind, header: string): string | null {
  let lookup = headerLookups.get(kind);
  if (!lookup) {
    lookup = new Map<string, string>();
    for (const column of columnsOf(kind)) {
      for (const name of [column.key, column.vi, ...column.aliases]) lookup.set(fold(name), column.key);
    }
    headerLookups.set(kind, lookup);
  }
  return lookup.get(fold(header)) ?? null;
}

/** Recognises the header row; unknown columns (e.g. "STT") are ignored, a missing required one is an error. */
export function matchHeader(kind: ImportKind, header: readonly string[]): HeaderMatch {
  const keys: (string | null)[] = [];
  const seen = new Set<string>();
  const errors: HeaderMatch['errors'] = [];
  for (const cell of header) {
    const key = headerKey(kind, cell);
    if (key && seen.has(key)) {
      errors.push({
        field: key,
        message: { vi: `Cột "${cell}" bị lặp lại.`, en: `Column "${cell}" appears twice.` },
      });
      keys.push(null);
      continue;
    }
    if (key) seen.add(key);
    keys.push(key);
  }
  for (const column of columnsOf(kind)) {
    if (column.required && !seen.has(column.key)) {
      errors.push({
        field: column.key,
        message: { vi: `Thiếu cột "${column.vi}".`, en: `Missing column "${column.key}".` },
      });
    }
  }
  return { keys, errors };
}

function dictionary<T extends string>(entries: Record<T, readonly string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of Object.entries(entries) as [T, readonly string[]][]) {
    map.set(fold(value), value);
    for (const word of words) map.set(fold(word), value);
  }
  return map;
}

const KIND_WORDS = dictionary<OrgKind>(
  Object.fromEntries(
    ORG_KINDS.map((kind) => [kind, [ORG_KIND_LABELS[kind].vi, ORG_KIND_LABELS[kind].en]]),
  ) as Record<OrgKind, string[]>,
);

/** Vietnamese names of the default categories (domain.md §1). */
export const CATEGORY_LABELS: Record<OrgCategory, string> = {
  village: 'Thôn, ấp, bản, làng',
  street_group: 'Tổ dân phố, khóm, khu phố',
  residential_cluster: 'Cụm dân cư',
  agency: 'Cơ quan',
  public_service: 'Đơn vị sự nghiệp',
  school: 'Trường học',
  health: 'Y tế',
  enterprise: 'Doanh nghiệp',
  cooperative: 'Hợp tác xã',
  credit_fund: 'Quỹ tín dụng nhân dân',
  armed_forces: 'Quân sự, công an',
  other: 'Khác',
};

const CATEGORY_WORDS = dictionary<OrgCategory>({
  village: [CATEGORY_LABELS.village, 'thôn', 'ấp', 'bản', 'làng', 'xóm'],
  street_group: [CATEGORY_LABELS.street_group, 'tổ dân phố', 'khóm', 'khu phố'],
  residential_cluster: [CATEGORY_LABELS.residential_cluster, 'khu dân cư'],
  agency: [CATEGORY_LABELS.agency, 'cơ quan Đảng', 'cơ quan chính quyền'],
  public_service: [CATEGORY_LABELS.public_service],
  school: [CATEGORY_LABELS.school, 'trường'],
  health: [CATEGORY_LABELS.health, 'bệnh viện', 'trạm y tế'],
  enterprise: [CATEGORY_LABELS.enterprise],
  cooperative: [CATEGORY_LABELS.cooperative, 'HTX'],
  credit_fund: [CATEGORY_LABELS.credit_fund, 'quỹ tín dụng'],
  armed_forces: [CATEGORY_LABELS.armed_forces, 'quân sự', 'công an', 'lực lượng vũ trang'],
  other: [CATEGORY_LABELS.other],
});

export const SEX_LABELS = { male: 'Nam', female: 'Nữ' } as const;
const SEX_WORDS = dictionary<'male' | 'female'>({ male: ['Nam'], female: ['Nữ'] });

export const STATUS_LABELS = { official: 'Chính thức', probationary: 'Dự bị' } as const;
/**
 * Statuses a file may only repeat: a member export lists removed, expelled and deceased members under
 * these words, and importing it back must change nothing (validate-members.ts refuses any other use).
 */
export const ENDED_STATUS_LABELS = { removed: 'Xóa tên', expelled: 'Khai trừ', deceased: 'Từ trần' } as const;
const STATUS_WORDS = dictionary<MemberStatus>({
  official: ['Chính thức', 'Đảng viên chính thức'],
  probationary: ['Dự bị', 'Đảng viên dự bị'],
  removed: [ENDED_STATUS_LABELS.removed, 'Đã xóa tên'],
  expelled: [ENDED_STATUS_LABELS.expelled, 'Đã khai trừ'],
  deceased: [ENDED_STATUS_LABELS.deceased, 'Đã từ trần', 'Đã mất'],
});

export const POSITION_LABELS: Record<Position, string> = {
  secretary: 'Bí thư',
  deputy_secretary: 'Phó Bí thư',
  committee_member: 'Chi ủy viên',
  member: 'Đảng viên',
};
const POSITION_WORDS = dictionary<Position>(
  Object.fromEntries(POSITIONS.map((p) => [p, [POSITION_LABELS[p]]])) as Record<Position, string[]>,
);

/** A reader of one coded column; remembers the cells it has seen (files repeat a handful of words). */
function reader<T extends string>(words: Map<string, T>): (text: string) => T | null {
  const seen = new Map<string, T | null>();
  return (text) => {
    let value = seen.get(text);
    if (value === undefined) {
      value = words.get(fold(text)) ?? null;
      if (seen.size < 10_000) seen.set(text, value);
    }
    return value;
  };
}

export const parseKind = reader(KIND_WORDS);
export const parseCategory = reader(CATEGORY_WORDS);
export const parseSex = reader(SEX_WORDS);
export const parseStatus = reader(STATUS_WORDS);
export const parsePosition = reader(POSITION_WORDS);

/** Accepted words of a coded column, for error messages. */
export const ACCEPTED: Record<string, Bilingual> = {
  kind: {
    vi: ORG_KINDS.map((k) => ORG_KIND_LABELS[k].vi).join(', '),
    en: ORG_KINDS.join(', '),
  },
  category: {
    vi: ORG_CATEGORIES.map((c) => CATEGORY_LABELS[c]).join('; '),
    en: ORG_CATEGORIES.join(', '),
  },
  sex: { vi: 'Nam, Nữ', en: 'male, female (Nam, Nữ)' },
  status: { vi: 'Chính thức, Dự bị', en: 'official, probationary (chính thức, dự bị)' },
  position: {
    vi: POSITIONS.map((p) => POSITION_LABELS[p]).join(', '),
    en: POSITIONS.join(', '),
  },
};
