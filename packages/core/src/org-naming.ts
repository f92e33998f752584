/**
 * How documents and screens name an organisation and its leading body (domain.md §1, "the shape of
 * 2026"): "Đảng bộ xã Tân Hội" is led by "Đảng ủy xã Tân Hội", signs "T/M BAN THƯỜNG VỤ", numbers its
 * documents "…/ĐU" and dates them "Tân Hội, ngày …". Kinds stay generic; these words are data of the
 * node. Each has a default derived from the node's kind and name (and, for the place, from the nodes
 * above it), and any of them can be overridden on the node. No imports: the web reads this file too.
 */

/** The kinds of node, as `orgs/types.ts` lists them (repeated as a type so this file needs no imports). */
type Kind =
  | 'committee'
  | 'grassroots_committee'
  | 'sub_committee'
  | 'grassroots_cell'
  | 'cell'
  | 'party_group';

/** The words a node may override; absent or blank = the default. */
export interface OrgNamingOverrides {
  /** The leading body: "Đảng ủy xã Tân Hội", "Tỉnh ủy Hồng Châu", "Chi ủy". */
  bodyName?: string;
  /** The short symbol after the document type: "ĐU", "TU", "CB". */
  symbol?: string;
  /** The place in the date line: "Tân Hội" in "Tân Hội, ngày 04 tháng 11 năm 2026". */
  placeName?: string;
  /** Who a document is signed for: "T/M BAN THƯỜNG VỤ", "T/M ĐẢNG ỦY", "T/M CHI BỘ". */
  onBehalf?: string;
}

export const NAMING_FIELDS = ['bodyName', 'symbol', 'placeName', 'onBehalf'] as const;
export type NamingField = (typeof NAMING_FIELDS)[number];

/** The resolved words of a node: what every document and screen prints. */
export interface OrgNaming {
  /** The organisation itself: "Đảng bộ xã Tân Hội", "Chi bộ thôn Thượng Hội". */
  name: string;
  bodyName: string;
  /** The body a document names as its issuer: the leading body of a committee, the cell itself. */
  issuerName: string;
  symbol: string;
  placeName: string;
  onBehalf: string;
}

/** The default and the override of each field, for the organisation page. */
export interface OrgNamingDto {
  resolved: OrgNaming;
  defaults: Omit<OrgNaming, 'name'>;
  overrides: OrgNamingOverrides;
}

export const NAMING_LIMITS = { bodyName: 200, symbol: 12, placeName: 100, onBehalf: 100 } as const;

interface NamingNode {
  kind: Kind | string;
  name: string;
  naming?: OrgNamingOverrides | null;
}

/** "Đảng bộ <unit> X" → its committee's title and symbol. Order matters: "thị xã" before "xã". */
const COMMITTEE_UNITS: readonly (readonly [unit: string, body: string, symbol: string])[] = [
  ['tỉnh', 'Tỉnh ủy', 'TU'],
  ['thành phố', 'Thành ủy', 'TU'],
  ['thị xã', 'Thị ủy', 'TU'],
  ['huyện', 'Huyện ủy', 'HU'],
  ['quận', 'Quận ủy', 'QU'],
  ['thị trấn', 'Đảng ủy thị trấn', 'ĐU'],
  ['đặc khu', 'Đảng ủy đặc khu', 'ĐU'],
  ['phường', 'Đảng ủy phường', 'ĐU'],
  ['xã', 'Đảng ủy xã', 'ĐU'],
];

const CELL_KINDS: readonly string[] = ['grassroots_cell', 'cell'];
const COMMITTEE_KINDS: readonly string[] = ['committee', 'grassroots_committee', 'sub_committee'];

const clean = (text: string | undefined | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * The administrative unit a committee is named after, if any: from the Party organisation's name ("Đảng bộ
 * xã Tân Hội" → xã, Tân Hội) or from its leading body's, which some trees use as the node's name ("Thành ủy
 * Cần Thơ" → thành phố, Cần Thơ; "Đảng ủy phường Ninh Kiều" → phường, Ninh Kiều). An agency's or a
 * school's body ("Đảng bộ Trường Đại học Cần Thơ") names no unit: null.
 */
export function unitOfName(
  name: string,
): { unit: string; place: string; body: string; symbol: string } | null {
  const text = clean(name).normalize('NFC');
  const prefix = /^đảng bộ\s+/iu.exec(text);
  const rest = prefix ? text.slice(prefix[0].length) : text;
  for (const [unit, body, symbol] of COMMITTEE_UNITS) {
    // "Đảng bộ <unit> X" or "<body> X"; the body already holds the unit where it is "Đảng ủy xã …".
    // "ủy" is also written "uỷ" (the older placing of the tone mark).
    const words = prefix ? unit : body.replace('ủy', '(?:ủy|uỷ)');
    const match = new RegExp(`^${words}\\s+(.+)$`, 'iu').exec(rest);
    if (match?.[1]) return { unit, place: match[1].trim(), body, symbol };
  }
  return null;
}

/** The leading body of a committee from its name: "Đảng bộ các cơ quan Đảng tỉnh" → "Đảng ủy các cơ quan Đảng tỉnh". */
function defaultBodyName(kind: string, name: string, hasCellCommittee: boolean): string {
  const text = clean(name);
  if (CELL_KINDS.includes(kind) || kind === 'party_group') {
    if (kind === 'party_group') return `Tổ trưởng ${text}`;
    return hasCellCommittee ? 'Chi ủy' : 'Bí thư chi bộ';
  }
  const unit = unitOfName(text);
  if (unit) return `${unit.body} ${unit.place}`;
  const bộPhận = /^đảng bộ bộ phận\s+(.+)$/iu.exec(text);
  if (bộPhận?.[1]) return `Đảng ủy bộ phận ${bộPhận[1]}`;
  const plain = /^đảng bộ\s+(.+)$/iu.exec(text);
  if (plain?.[1]) return `Đảng ủy ${plain[1]}`;
  return text;
}

function defaultSymbol(kind: string, name: string): string {
  if (CELL_KINDS.includes(kind)) return 'CB';
  if (kind === 'party_group') return 'TĐ';
  return unitOfName(name)?.symbol ?? 'ĐU';
}

function defaultOnBehalf(kind: string): string {
  if (CELL_KINDS.includes(kind)) return 'T/M CHI BỘ';
  if (kind === 'party_group') return 'T/M TỔ ĐẢNG';
  return COMMITTEE_KINDS.includes(kind) ? 'T/M BAN THƯỜNG VỤ' : 'T/M CHI BỘ';
}

/**
 * The words of a node. `ancestors` run from the root down to the node's parent (resolved the same way),
 * so a cell or an agency committee, whose name holds no place, dates its documents where the nearest
 * committee named after a place does ("Chi bộ thôn Thượng Hội" → "Tân Hội").
 */
export function resolveNaming(
  node: NamingNode,
  ancestors: readonly NamingNode[] = [],
  options: { hasCellCommittee?: boolean } = {},
): OrgNamingDto {
  const overrides = normaliseOverrides(node.naming);
  const parentPlace = ancestors.length > 0 ? placeOf(ancestors) : '';
  const defaults = {
    bodyName: defaultBodyName(node.kind, node.name, options.hasCellCommittee ?? true),
    issuerName: '',
    symbol: defaultSymbol(node.kind, node.name),
    // The date line opens with a place name (địa danh; HD 36-HD/VPTW of 03/4/2018, "địa danh và ngày,
    // tháng, năm ban hành"). A body named after no place (a cell, an agency's or a school's committee)
    // dates its documents where the nearest node above it that has a place does; only when none has one,
    // by its own name (the organisation page then shows the override to set).
    placeName: unitOfName(node.name)?.place ?? (parentPlace || clean(node.name)),
    onBehalf: defaultOnBehalf(node.kind),
  };
  const bodyName = overrides.bodyName ?? defaults.bodyName;
  const issuerName = CELL_KINDS.includes(node.kind) ? clean(node.name) : bodyName;
  defaults.issuerName = CELL_KINDS.includes(node.kind) ? clean(node.name) : defaults.bodyName;
  return {
    resolved: {
      name: clean(node.name),
      bodyName,
      issuerName,
      symbol: overrides.symbol ?? defaults.symbol,
      placeName: overrides.placeName ?? defaults.placeName,
      onBehalf: overrides.onBehalf ?? defaults.onBehalf,
    },
    defaults,
    overrides,
  };
}

/**
 * The place of the last node of a chain (root first): its own (override or unit in its name), else that of
 * the nearest node above that has one, else '' — never a name that is not a place ("Đảng bộ Trường Đại
 * học Cần Thơ" is not where its cells date their documents: "Cần Thơ" above it is).
 */
function placeOf(chain: readonly NamingNode[]): string {
  for (let i = chain.length - 1; i >= 0; i--) {
    const node = chain[i];
    const own = node && (normaliseOverrides(node.naming).placeName ?? unitOfName(node.name)?.place);
    if (own) return own;
  }
  return '';
}

/** Blank overrides are no overrides; whitespace is collapsed. */
export function normaliseOverrides(overrides: OrgNamingOverrides | null | undefined): OrgNamingOverrides {
  const out: OrgNamingOverrides = {};
  for (const field of NAMING_FIELDS) {
    const value = clean(overrides?.[field]);
    if (value) out[field] = value;
  }
  return out;
}

/** The top left of a Party document issued by `issuer` (domain.md §3): its superior organisation, then itself. */
export function documentHeading(
  issuer: OrgNaming,
  superior: OrgNaming | null,
): { superior: string; issuer: string } {
  return {
    superior: (superior?.name ?? '').toLocaleUpperCase('vi'),
    issuer: issuer.issuerName.toLocaleUpperCase('vi'),
  };
}
