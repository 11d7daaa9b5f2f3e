/**
 * The streaming JSON reader (json-stream.ts): every block size from 1 byte up, so that block boundaries
 * fall inside strings, escapes, multi-byte UTF-8 characters, nested containers and separators.
 */
import { describe, expect, it } from 'vitest';
import { arrayElements, bufferSource, indexDocument, JsonSyntaxError } from './json-stream';
import { readJsonDataset } from './import.service';

const tricky: unknown[] = [
  { code: 'CB001', fullName: 'Nguyễn Thị Thu', note: 'dấu "ngoặc", phẩy, ngoặc ] } [ {' },
  { text: 'back\\slash \\" then quote \u1ea1 \u0000 tab\t newline\n', emoji: '𝔙 😀 Đ' },
  [1, [2, [3, { deep: ['a,b', 'c]d'] }]], []],
  'a bare string with \\u escapes \u00e0',
  -12.5e3,
  true,
  null,
  {},
  [],
];

const doc = (members: Record<string, unknown>, space = 0) => JSON.stringify(members, null, space);

function elementsOf(text: string, blockBytes: number) {
  const source = bufferSource(Buffer.from(text, 'utf8'));
  const index = indexDocument(source, undefined, blockBytes);
  if (index.top !== 'object') throw new Error('not an object');
  const out: Record<string, unknown[]> = {};
  for (const m of index.members) {
    if (m.elements < 0) continue;
    out[m.key] = [...arrayElements(source, m.range, blockBytes)].map((e) => JSON.parse(e.text) as unknown);
    expect(out[m.key]!.length).toBe(m.elements);
  }
  return { index, out };
}

describe('streaming JSON reader', () => {
  it('yields every element exactly, whatever the block size', () => {
    for (const space of [0, 2]) {
      const text = `\uFEFF${doc({ format: 'vinhdanh-dataset', version: 1, people: tricky, empty: [], units: [{ a: 1 }] }, space)}`;
      for (let block = 1; block <= 24; block++) {
        const { index, out } = elementsOf(text, block);
        expect(out.people).toEqual(tricky);
        expect(out.empty).toEqual([]);
        expect(out.units).toEqual([{ a: 1 }]);
        if (index.top !== 'object') throw new Error('not an object');
        expect(index.members.find((m) => m.key === 'format')?.value).toBe('vinhdanh-dataset');
        expect(index.members.find((m) => m.key === 'version')?.value).toBe(1);
      }
    }
  });

  it('passes on the blocks it reads (to hash the file) and positions from 1', () => {
    const text = doc({ people: [{ a: 'ă' }, { b: 2 }] });
    const seen: Buffer[] = [];
    const source = bufferSource(Buffer.from(text));
    const index = indexDocument(source, (b) => seen.push(Buffer.from(b)), 5);
    expect(Buffer.concat(seen).toString('utf8')).toBe(text);
    if (index.top !== 'object') throw new Error('not an object');
    expect([...arrayElements(source, index.members[0]!.range, 3)].map((e) => e.position)).toEqual([1, 2]);
  });

  it('indexes a bare array', () => {
    const source = bufferSource(Buffer.from(' [ {"a":1} , {"b":"]"} ] \n'));
    const index = indexDocument(source, undefined, 2);
    expect(index).toMatchObject({ top: 'array', elements: 2 });
  });

  const syntaxError = (text: string, block = 3): JsonSyntaxError => {
    try {
      const { out } = elementsOf(text, block);
      throw new Error(`no error: ${JSON.stringify(out)}`);
    } catch (err) {
      if (!(err instanceof JsonSyntaxError)) throw err;
      return err;
    }
  };

  it('reports structural errors in Vietnamese with their line and column', () => {
    expect(syntaxError('{"people": [{"a": "không đóng}]}').reason).toContain('chưa được đóng');
    expect(syntaxError('{"people": [{"a": 1]]}').reason).toContain('không khớp');
    const missingComma = syntaxError('{\n  "format": "vinhdanh-dataset"\n  "people": []\n}');
    expect(missingComma.reason).toBe('thiếu dấu "," hoặc "}" sau một giá trị');
    expect([missingComma.line, missingComma.column]).toEqual([3, 3]);
    expect(syntaxError('{"people": []} x').reason).toContain('dữ liệu thừa');
    expect(syntaxError('{"people": [').reason).toContain('kết thúc giữa chừng');
    expect(syntaxError('{people: []}').reason).toContain('tên khóa');
    expect(syntaxError('{"people" []}').reason).toContain('thiếu dấu ":"');
    expect(syntaxError('   ').reason).toBe('tệp rỗng');
    // Separators between records are checked while reading the array.
    expect(syntaxError('{"people": [{"a":1} {"b":2}]}').reason).toContain('thiếu dấu ","');
    expect(syntaxError('{"people": [{"a":1},,{"b":2}]}').reason).toContain('hai dấu ","');
    expect(syntaxError('{"people": [{"a":1},]}').reason).toContain('dấu "," thừa');
  });

  it('gives the dataset reader a clear Vietnamese error for a broken file and a row error for a broken record', () => {
    const broken = readJsonDataset('{"format": "vinhdanh-dataset", "version": 1, "people": [{"code": "A"');
    expect(broken.errors).toHaveLength(1);
    expect(broken.errors[0]).toMatchObject({ kind: 'dataset', row: 0 });
    expect(broken.errors[0]!.message).toMatch(/^Tệp không phải JSON hợp lệ: .*\(dòng 1, cột \d+\)$/);
    expect(broken.data).toEqual({});

    const badRecord = readJsonDataset(
      '{"format": "vinhdanh-dataset", "version": 1, "people": [' +
        '{"code": "CB1", "fullName": "Lê Văn A", "sex": "male", "isLeader": false},' +
        '{"code": "CB2", fullName: "x"}]}',
    );
    expect(badRecord.errors).toEqual([
      expect.objectContaining({
        kind: 'people',
        row: 2,
        message: expect.stringMatching(/^Bản ghi không phải JSON hợp lệ/),
      }),
    ]);
    expect(badRecord.data.people?.map((p) => p.row)).toEqual([1]);
  });
});
