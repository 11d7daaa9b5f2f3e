import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../../shared/units/units.schema';
import { buildUnitTree, countNodes, filterUnitTree, parentKeys, subtreeIds } from './unit-tree';

function unit(id: string, name: string, parentId: string | null, extra: Partial<Unit> = {}): Unit {
  return {
    id,
    code: id.toUpperCase(),
    name,
    shortName: null,
    kind: 'public_service',
    parentId,
    documentSymbol: null,
    isDemo: false,
    activeFrom: '2000-01-01',
    activeTo: null,
    active: true,
    version: 1,
    ...extra,
  };
}

const units = [
  unit('so', 'Sở Nông nghiệp', null),
  unit('tt-b', 'Trung tâm Khuyến nông', 'so'),
  unit('tt-a', 'Ban Quản lý cảng cá', 'so'),
  unit('vp', 'Văn phòng Sở', 'so', { active: false, activeTo: '2020-12-31' }),
  unit('doi', 'Đội tàu', 'tt-a'),
  unit('lac', 'Đơn vị lạc', 'khong-co'),
];

describe('buildUnitTree', () => {
  it('nests children under parents, sorts siblings the Vietnamese way and records depth', () => {
    const sut = buildUnitTree(units);
    expect(sut.map((n) => n.id)).toEqual(['lac', 'so']);
    const so = sut[1]!;
    expect(so.children!.map((n) => n.name)).toEqual([
      'Ban Quản lý cảng cá',
      'Trung tâm Khuyến nông',
      'Văn phòng Sở',
    ]);
    expect(so.children![0]!.children![0]).toMatchObject({ id: 'doi', depth: 2 });
    expect(countNodes(sut)).toBe(units.length);
    expect(parentKeys(sut)).toEqual(['so', 'tt-a']);
  });

  it('makes a unit whose parent is out of sight a root (a unit officer sees only their branch)', () => {
    expect(buildUnitTree(units).find((n) => n.id === 'lac')).toMatchObject({ depth: 0 });
  });
});

describe('filterUnitTree', () => {
  const tree = buildUnitTree(units);

  it('keeps matches and the path to them, ignoring accents', () => {
    const sut = filterUnitTree(tree, { text: 'doi tau', showInactive: true });
    expect(sut.map((n) => n.id)).toEqual(['so']);
    expect(sut[0]!.children!.map((n) => n.id)).toEqual(['tt-a']);
    expect(sut[0]!.children![0]!.children!.map((n) => n.id)).toEqual(['doi']);
  });

  it('matches codes too', () => {
    expect(countNodes(filterUnitTree(tree, { text: 'TT-B', showInactive: true }))).toBe(2);
  });

  it('hides inactive units when asked', () => {
    const all = countNodes(filterUnitTree(tree, { text: '', showInactive: true }));
    const active = countNodes(filterUnitTree(tree, { text: '', showInactive: false }));
    expect(all - active).toBe(1);
  });
});

describe('subtreeIds', () => {
  it('is the unit and everything under it (never a valid new parent for it)', () => {
    expect([...subtreeIds(units, 'tt-a')].sort()).toEqual(['doi', 'tt-a']);
    expect(subtreeIds(units, 'so').size).toBe(5);
  });
});
