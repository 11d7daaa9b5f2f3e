import { describe, expect, it } from 'vitest';
import { compareVietnamese, foldVietnamese, personSortKey, splitVietnameseName } from './vietnamese';

describe('Vietnamese text', () => {
  it.each([
    ['Nguyễn Thị Thu', 'nguyen thi thu'],
    ['ĐẶNG HOÀNG PHÚC', 'dang hoang phuc'],
    ['Trường Sa', 'truong sa'],
  ])('folds %s → %s', (input, folded) => expect(foldVietnamese(input)).toBe(folded));

  it('orders the alphabet the Vietnamese way: a < ă < â, d < đ, o < ô < ơ, u < ư', () => {
    const words = ['Đức', 'Dũng', 'Ân', 'Ăn', 'An', 'Bảo', 'Ơn', 'Ôn', 'On', 'Ưng', 'Uyên', 'Yến'];
    expect([...words].sort(compareVietnamese)).toEqual([
      'An',
      'Ăn',
      'Ân',
      'Bảo',
      'Dũng',
      'Đức',
      'On',
      'Ôn',
      'Ơn',
      'Uyên',
      'Ưng',
      'Yến',
    ]);
  });

  it('orders tones after letters: ngang, huyền, hỏi, ngã, sắc, nặng', () => {
    expect(['mạ', 'má', 'mã', 'mả', 'mà', 'ma'].sort(compareVietnamese)).toEqual([
      'ma',
      'mà',
      'mả',
      'mã',
      'má',
      'mạ',
    ]);
    expect(['Hà', 'Hai', 'Ha'].sort(compareVietnamese)).toEqual(['Ha', 'Hà', 'Hai']);
  });

  it('splits a name and sorts people by given name, then family name, then middle name', () => {
    expect(splitVietnameseName(' Nguyễn  Thị Thu Hà ')).toEqual({
      familyName: 'Nguyễn',
      middleName: 'Thị Thu',
      givenName: 'Hà',
    });
    const people = ['Trần Văn Bình', 'Nguyễn Thị An', 'Lê Văn Bình', 'Lê Anh Bình', 'Nguyễn Văn Ánh'];
    const sorted = [...people].sort((a, b) => (personSortKey(a) < personSortKey(b) ? -1 : 1));
    expect(sorted).toEqual([
      'Nguyễn Thị An',
      'Nguyễn Văn Ánh',
      'Lê Anh Bình',
      'Lê Văn Bình',
      'Trần Văn Bình',
    ]);
  });
});
