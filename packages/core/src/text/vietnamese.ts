/**
 * Vietnamese text: a sort key whose byte order (PostgreSQL `COLLATE "C"`) equals
 * `Intl.Collator('vi')`, and an accent-free form for search.
 *
 * PGlite ships no ICU collation, so names are sorted by a key column computed here
 * rather than by `COLLATE "vi-x-icu"`. The key mirrors ICU's three levels:
 * primary (base letters in the Vietnamese alphabet), secondary (tone and other marks),
 * tertiary (case), each level compared over the whole string before the next.
 */

const ALPHABET = [
  'a',
  'ă',
  'â',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'ê',
  'f',
  'g',
  'h',
  'i',
  'j',
  'k',
  'l',
  'm',
  'n',
  'o',
  'ô',
  'ơ',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'ư',
  'v',
  'w',
  'x',
  'y',
  'z',
];

/** Tone marks in the order of the CLDR Vietnamese tailoring (none < huyền < hỏi < ngã < sắc < nặng). */
const TONES: Record<string, string> = {
  '\u0300': '1',
  '\u0309': '2',
  '\u0303': '3',
  '\u0301': '4',
  '\u0323': '5',
};

/** Marks that make a separate letter in Vietnamese (ă â ê ô ơ ư), recomposed before lookup. */
const LETTER_MARKS = new Set(['\u0306', '\u0302', '\u031b']);

// PostgreSQL text cannot hold NUL: the lowest bytes used are 1 (between fields) and 2 (between levels).
const FIELD_SEPARATOR = '\u0001';
const LEVEL_SEPARATOR = '\u0002';
const primaryOf = new Map<string, string>();
ALPHABET.forEach((letter, index) => {
  primaryOf.set(letter, String.fromCharCode(0x40 + index));
});

interface Element {
  primary: string;
  secondary: string;
  tertiary: string;
}

/** Split a string into collation elements: one per letter, digit, space or punctuation. */
function elementsOf(text: string): Element[] {
  const elements: Element[] = [];
  for (const cluster of text.normalize('NFD').match(/\P{M}\p{M}*/gu) ?? []) {
    const base = cluster[0] ?? '';
    const marks = cluster.slice(base.length);
    let letterMarks = '';
    let secondary = '0';
    for (const mark of marks) {
      if (LETTER_MARKS.has(mark)) letterMarks += mark;
      else secondary = TONES[mark] ?? '6';
    }
    const letter = (base + letterMarks).normalize('NFC');
    const lower = letter.toLowerCase();
    const tertiary = lower === letter ? '0' : '1';
    const mapped = primaryOf.get(lower);
    if (mapped) {
      elements.push({ primary: mapped, secondary, tertiary });
    } else if (/\s/u.test(base)) {
      elements.push({ primary: '\u0003', secondary: '0', tertiary: '0' });
    } else if (/\d/u.test(base)) {
      elements.push({ primary: String.fromCharCode(0x30 + Number(base)), secondary: '0', tertiary: '0' });
    } else if (/\p{L}/u.test(base)) {
      // A letter outside the Vietnamese alphabet: sort after z by code point.
      elements.push({ primary: `\u007e${base.toLowerCase()}`, secondary, tertiary });
    } else {
      elements.push({ primary: '\u0004', secondary: '0', tertiary: '0' });
    }
  }
  return elements;
}

/** The three-level key of one string; byte order equals `Intl.Collator('vi')` order. */
export function collationKey(text: string): string {
  const elements = elementsOf(text.trim().replace(/\s+/gu, ' '));
  return [
    elements.map((e) => e.primary).join(''),
    elements.map((e) => e.secondary).join(''),
    elements.map((e) => e.tertiary).join(''),
  ].join(LEVEL_SEPARATOR);
}

/** The given name (tên): the last word of a Vietnamese full name. */
export function givenNameOf(fullName: string): string {
  const words = fullName.trim().split(/\s+/u);
  return words[words.length - 1] ?? '';
}

/**
 * The key members are listed by: given name first, then the full name, each in Vietnamese order.
 * Equals comparing `[givenNameOf(a), a]` with `[givenNameOf(b), b]` by `Intl.Collator('vi')`.
 */
export function nameSortKey(fullName: string): string {
  const name = fullName.trim().replace(/\s+/gu, ' ');
  return `${collationKey(givenNameOf(name))}${FIELD_SEPARATOR}${collationKey(name)}`;
}

/** Lowercase, without tone or letter marks, đ as d, spaces folded: "Nguyễn Văn Đức" → "nguyen van duc". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Compare two full names the Vietnamese way (given name, then full name). */
export function compareVietnameseNames(a: string, b: string): number {
  const ka = nameSortKey(a);
  const kb = nameSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
