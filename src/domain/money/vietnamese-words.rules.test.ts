import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { amountInWords, formatDong } from './vietnamese-words';

describe('amountInWords — amounts in words on decisions and payment lists', () => {
  const sut = amountInWords;

  test.each([
    [0, 'Không đồng'],
    [10, 'Mười đồng'],
    [15, 'Mười lăm đồng'],
    [20, 'Hai mươi đồng'],
    [100, 'Một trăm đồng'],
    [101, 'Một trăm linh một đồng'],
    [110, 'Một trăm mười đồng'],
    [14_000, 'Mười bốn nghìn đồng'],
    [21_000, 'Hai mươi mốt nghìn đồng'],
    [25_000, 'Hai mươi lăm nghìn đồng'],
    [105_000, 'Một trăm linh năm nghìn đồng'],
    [230_000, 'Hai trăm ba mươi nghìn đồng'],
    [702_000, 'Bảy trăm linh hai nghìn đồng'],
    [1_000_001, 'Một triệu không trăm linh một đồng'],
    [1_001_000, 'Một triệu không trăm linh một nghìn đồng'],
    [1_015_000, 'Một triệu không trăm mười lăm nghìn đồng'],
    [1_880_000, 'Một triệu tám trăm tám mươi nghìn đồng'],
    [2_004_000, 'Hai triệu không trăm linh bốn nghìn đồng'],
    [2_340_000, 'Hai triệu ba trăm bốn mươi nghìn đồng'],
    [30_000_000, 'Ba mươi triệu đồng'],
    [1_000_000_000, 'Một tỷ đồng'],
    [1_500_000_000, 'Một tỷ năm trăm triệu đồng'],
  ])('%i đồng → "%s"', (dong, words) => {
    expect(sut(dong)).toBe(words);
  });

  test.each([
    ['11 is "mười một" ("mốt" only after "mươi")', 11, 'Mười một đồng'],
    ['31 is "ba mươi mốt"', 31, 'Ba mươi mốt đồng'],
    ['24 is "hai mươi bốn" (no "tư")', 24, 'Hai mươi bốn đồng'],
    ['5 alone is "năm"', 5, 'Năm đồng'],
    ['"linh năm", not "linh lăm"', 1_005, 'Một nghìn không trăm linh năm đồng'],
    ['a silent tỷ-group between parts', 1_000_000_005, 'Một tỷ không trăm linh năm đồng'],
    ['"nghìn tỷ"', 1_000_000_000_000, 'Một nghìn tỷ đồng'],
    ['several groups of tỷ', 1_200_000_000_000, 'Một nghìn hai trăm tỷ đồng'],
    [
      'the largest amount read',
      999_999_999_999_999,
      'Chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng',
    ],
  ])('%s', (_name, dong, words) => {
    expect(sut(dong)).toBe(words);
  });

  test.each([[-1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY], [1_000_000_000_000_000]])(
    'rejects %s with a RangeError',
    (dong) => {
      expect(() => sut(dong)).toThrow(RangeError);
    },
  );

  test('never throws for whole amounts up to 1e12 and always ends in " đồng"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), (dong) => {
        const words = sut(dong);
        expect(words.endsWith(' đồng')).toBe(true);
        expect(words.charAt(0)).toBe(words.charAt(0).toUpperCase());
        expect(words).not.toMatch(/ {2}|ngàn|lẻ| tư /);
      }),
    );
  });
});

describe('formatDong — money printed as "30.000.000 đồng"', () => {
  const sut = formatDong;

  test.each([
    [0, '0 đồng'],
    [999, '999 đồng'],
    [1_000, '1.000 đồng'],
    [230_000, '230.000 đồng'],
    [1_490_000, '1.490.000 đồng'],
    [30_000_000, '30.000.000 đồng'],
    [1_000_000_000_000, '1.000.000.000.000 đồng'],
    [-1_060_000, '-1.060.000 đồng'],
  ])('%i → "%s"', (n, text) => {
    expect(sut(n)).toBe(text);
  });

  test.each([[1.5], [Number.NaN]])('rejects %s with a RangeError', (n) => {
    expect(() => sut(n)).toThrow(RangeError);
  });
});
