import { describe, expect, it } from 'vitest';
import { vi } from './vi';
import { en } from './en';
import { translate } from './index';

const placeholders = (s: string) => [...s.matchAll(/\$?\{(\w+)\}/g)].map((m) => m[0]).sort();

describe('message catalogues', () => {
  it('English has exactly the Vietnamese keys (the type checks missing ones; this catches extras)', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it('every message is non-empty and has the same placeholders in both languages', () => {
    const problems = (Object.keys(vi) as (keyof typeof vi)[]).filter(
      (key) =>
        !vi[key].trim() || !en[key].trim() || placeholders(en[key]).join() !== placeholders(vi[key]).join(),
    );
    expect(problems).toEqual([]);
  });

  it('fills parameters and leaves unknown ones visible', () => {
    expect(translate('vi', 'units.created', { name: 'Văn phòng' })).toBe('Đã thêm đơn vị Văn phòng.');
    expect(translate('en', 'units.created')).toBe('Unit {name} added.');
  });
});
