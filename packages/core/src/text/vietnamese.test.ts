import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  collationKey,
  compareVietnameseNames,
  foldForSearch,
  givenNameOf,
  nameSortKey,
} from './vietnamese.ts';

const collator = new Intl.Collator('vi');
const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);
const byKey = (a: string, b: string) => sign(a < b ? -1 : a > b ? 1 : 0);

const SYLLABLES = [
  'a',
  'à',
  'á',
  'ả',
  'ã',
  'ạ',
  'ă',
  'ắ',
  'ằ',
  'â',
  'ấ',
  'ậ',
  'an',
  'anh',
  'ánh',
  'bình',
  'đức',
  'dũng',
  'dung',
  'đông',
  'hà',
  'ha',
  'hạ',
  'hải',
  'hài',
  'ơn',
  'ôn',
  'on',
  'ư',
  'u',
  'ưng',
  'ung',
  'thủy',
  'thuý',
  'hoà',
  'hòa',
  'hoa',
  'ngọc',
  'ngoc',
  'nga',
  'ngà',
  'yến',
  'yên',
  'xuân',
  'vũ',
  'võ',
  'tú',
  'tư',
  'tứ',
  'nguyễn',
  'trần',
  'lê',
  'phạm',
  'đặng',
  'đỗ',
  'văn',
  'thị',
  'hữu',
  'quốc',
  'giang',
  'gia',
];
const word = fc
  .tuple(fc.constantFrom(...SYLLABLES), fc.boolean())
  .map(([s, upper]) => (upper ? s.charAt(0).toUpperCase() + s.slice(1) : s));
const fullName = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));

describe('Vietnamese collation key', () => {
  it('orders single strings exactly as Intl.Collator("vi")', () => {
    fc.assert(
      fc.property(fullName, fullName, (a, b) => {
        expect(byKey(collationKey(a), collationKey(b))).toBe(sign(collator.compare(a, b)));
      }),
      { numRuns: 5000 },
    );
  });

  it('orders names by given name, then full name, as Intl.Collator("vi") on that pair', () => {
    const expected = (a: string, b: string) =>
      sign(collator.compare(givenNameOf(a), givenNameOf(b))) || sign(collator.compare(a, b));
    fc.assert(
      fc.property(fullName, fullName, (a, b) => {
        expect(byKey(nameSortKey(a), nameSortKey(b))).toBe(expected(a, b));
        expect(sign(compareVietnameseNames(a, b))).toBe(expected(a, b));
      }),
      { numRuns: 5000 },
    );
  });

  it('puts the Vietnamese letters in their alphabet order', () => {
    const letters = [
      'a',
      'ă',
      'â',
      'b',
      'c',
      'd',
      'đ',
      'e',
      'ê',
      'g',
      'h',
      'i',
      'o',
      'ô',
      'ơ',
      'u',
      'ư',
      'y',
    ];
    const shuffled = [...letters].reverse();
    expect(shuffled.sort((x, y) => byKey(collationKey(x), collationKey(y)))).toEqual(letters);
  });

  it('sorts a list by given name the Vietnamese way', () => {
    const names = [
      'Trần Văn Đức',
      'Nguyễn Thị An',
      'Lê Văn Dũng',
      'Phạm Thị Ánh',
      'Nguyễn Văn Anh',
      'Đỗ Thị Ân',
    ];
    const sorted = [...names].sort(compareVietnameseNames);
    expect(sorted).toEqual([
      'Nguyễn Thị An',
      'Nguyễn Văn Anh',
      'Phạm Thị Ánh',
      'Đỗ Thị Ân',
      'Lê Văn Dũng',
      'Trần Văn Đức',
    ]);
  });
});

describe('search folding', () => {
  it('finds accented names from unaccented words', () => {
    expect(foldForSearch('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(foldForSearch('  ĐẶNG   Thị  Hường ')).toBe('dang thi huong');
    expect(foldForSearch('Thuỷ')).toBe(foldForSearch('Thủy'));
  });
});
