/** The compact natural-key index the streamed import keeps per kind (dataset-import.ts), against a Map. */
import { describe, expect, it } from 'vitest';
import { KeyIndex } from './dataset-import';

describe('KeyIndex', () => {
  it('finds every repeated key, with its first row and whether the content is the same, past many rehashes', () => {
    const index = new KeyIndex();
    const reference = new Map<string, { row: number; content: string }>();
    const keys = (i: number) =>
      [
        `P${i % 7919}|${2015 + (i % 11)}`,
        `P:CB${i % 5003}|LDTT|2020|${i % 3001}/QĐ-UBND`,
        `H:hộ ông ${i % 97}|ấp ${i % 13}`,
      ][i % 3]!;
    for (let row = 1; row <= 60_000; row++) {
      const key = keys(row * 7);
      const record = { key, v: row % 5 === 0 ? 'khác' : 'giống' };
      const seen = index.see(key, row, record);
      const first = reference.get(key);
      if (!first) {
        expect(seen).toBeUndefined();
        reference.set(key, { row, content: JSON.stringify(record) });
      } else {
        expect(seen).toEqual({ row: first.row, same: first.content === JSON.stringify(record) });
      }
    }
    expect(reference.size).toBeGreaterThan(10_000);
  });
});
