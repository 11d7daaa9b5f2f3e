import { describe, expect, it } from 'vitest';
import { fold, matches, viCollator } from './text';

describe('Vietnamese text helpers', () => {
  it.each([
    ['Đội Quản lý cảng cá', 'doi quan ly cang ca'],
    ['Trung tâm Khuyến nông', 'trung tam khuyen nong'],
    ['ỨNG DỤNG', 'ung dung'],
  ])('fold(%s) = %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('matches ignoring accents and case', () => {
    expect(matches('Sở Nông nghiệp và Phát triển nông thôn', 'phat trien')).toBe(true);
    expect(matches('Sở Nông nghiệp', 'lâm nghiệp')).toBe(false);
  });

  it('sorts in Vietnamese alphabetical order (Đ after D)', () => {
    expect(['Đội', 'Em', 'Dân', 'Ánh'].sort(viCollator.compare)).toEqual(['Ánh', 'Dân', 'Đội', 'Em']);
  });
});
