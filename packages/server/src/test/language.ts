/**
 * A heuristic check that a text is in one language only, for the tests that walk every message.
 * Vietnamese: every word (placeholders, numbers and upper-case codes aside) must be a possible
 * Vietnamese syllable, so "meeting", "email" or "undefined" show up. English: no letter that only
 * Vietnamese writes (ă â đ ê ô ơ ư, tone marks). Proper names and codes that may cross over are listed.
 */

/**
 * Words allowed inside a Vietnamese text although no Vietnamese syllable spells them: date patterns,
 * file types, and the names of products people know by their brand.
 */
const VI_ALLOWED = new Set([
  ...['d', 'm', 'dd', 'mm', 'yyyy', 'hh'],
  ...['docx', 'xlsx', 'xls', 'csv', 'pdf', 'ics'],
  ...['word', 'excel', 'google', 'iphone'],
]);

/**
 * Vietnamese inside an English text that is meant: proper names (the product, places, the national
 * member database people export from), document symbols, and data written in Vietnamese whatever the
 * interface language (values a file may hold, titles printed on a Party document). Longest first, so a
 * fragment inside another does not break it.
 */
const EN_ALLOWED_FRAGMENTS = [
  ...['Nền Nếp', 'ĐU', 'Tân Hội', 'Cơ sở dữ liệu đảng viên'],
  ...['Nữ', 'chính thức', 'Chính thức', 'dự bị', 'Dự bị'],
  ...['PHÓ BÍ THƯ THƯỜNG TRỰC', 'BÍ THƯ'],
].sort((a, b) => b.length - a.length);

/** Texts that may read the same in both languages: names and codes. */
const SAME_IN_BOTH = new Set(['Nền Nếp', 'ĐU', 'PDF', 'DOCX', 'XLSX', 'CSV']);

const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?';
const NUCLEUS = '[aăâeêioôơuưy]{1,3}';
const CODA = '(?:ng|nh|ch|[cmnpt])?';
const SYLLABLE = new RegExp(`^${ONSET}${NUCLEUS}${CODA}$`);

/** Placeholders of every kind we write: `{name}`, `{{count}}`, `${…}` kept as `{…}`, i18next tags. */
function withoutPlaceholders(text: string): string {
  return text
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\$t\([^)]*\)/g, ' ')
    .replace(/<\/?\d+>/g, ' ');
}

/** Tone marks off, vowel shapes (ă â ê ô ơ ư) kept: "được" → "đươc". */
function withoutTones(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '')
    .normalize('NFC');
}

const wordsOf = (text: string) =>
  withoutPlaceholders(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Words of a Vietnamese text that no Vietnamese syllable spells. */
export function notVietnamese(text: string): string[] {
  return wordsOf(text).filter((word) => {
    if (/\d/.test(word)) return false;
    if (word === word.toUpperCase()) return false;
    const lower = word.toLowerCase();
    if (VI_ALLOWED.has(lower)) return false;
    return !SYLLABLE.test(withoutTones(lower));
  });
}

/** After NFD: đ, or any mark on a letter (Vietnamese tones, the hats of â ê ô, the breve of ă, the horn of ơ ư). */
const VIETNAMESE_LETTER = /đ|\p{M}/u;

/** Words of an English text that carry letters only Vietnamese writes. */
export function notEnglish(text: string): string[] {
  const meant = EN_ALLOWED_FRAGMENTS.reduce((rest, fragment) => rest.split(fragment).join(' '), text);
  return wordsOf(meant).filter((word) => VIETNAMESE_LETTER.test(word.toLowerCase().normalize('NFD')));
}

/** What is wrong with a pair of texts meant to say the same thing in Vietnamese and English. */
export function pairProblems(vi: string, en: string): string[] {
  const problems: string[] = [];
  if (!vi.trim()) problems.push('empty Vietnamese');
  if (!en.trim()) problems.push('empty English');
  const foreign = notVietnamese(vi);
  if (foreign.length) problems.push(`English in Vietnamese: ${foreign.join(', ')}`);
  const accented = notEnglish(en);
  if (accented.length) problems.push(`Vietnamese in English: ${accented.join(', ')}`);
  const letters = withoutPlaceholders(vi).replace(/[^\p{L}]/gu, '');
  if (vi === en && letters && !SAME_IN_BOTH.has(vi)) problems.push('same text in both languages');
  return problems;
}
