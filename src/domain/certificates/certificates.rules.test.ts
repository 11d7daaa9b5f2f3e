/** Certificate positioning maths and texts: mm → pt, offset, alignment, shrinking to fit, NFC. */
import { describe, expect, it } from 'vitest';
import {
  PT_PER_MM,
  achievementText,
  alignedX,
  certificateTexts,
  defaultLayout,
  fitText,
  headOf,
  mmToPt,
  normalise,
  pageSizeMm,
  placeAndDate,
  placeFields,
  wrapWords,
  type CertificateLayout,
  type Measure,
} from './index';

/** A monospace "font": every character is 0,5 em wide. */
const mono: Measure = (text, size) => text.length * size * 0.5;

describe('millimetres to points', () => {
  it.each([
    [25.4, 72],
    [0, 0],
    [210, 595.2756],
    [297, 841.8898],
  ])('%f mm = %f pt', (mm, pt) => {
    expect(mmToPt(mm)).toBeCloseTo(pt, 3);
  });
  it('1 mm ≈ 2,8346 pt', () => expect(PT_PER_MM).toBeCloseTo(2.83465, 4));
  it.each([
    ['A4', 'portrait', 210, 297],
    ['A4', 'landscape', 297, 210],
    ['A3', 'landscape', 420, 297],
  ] as const)('%s %s is %i × %i mm', (size, orientation, w, h) => {
    expect(pageSizeMm({ size, orientation })).toEqual({ width: w, height: h });
  });
});

describe('alignment in the box', () => {
  it.each([
    ['left', 100],
    ['center', 100 + (200 - 50) / 2],
    ['right', 100 + 200 - 50],
  ] as const)('%s', (align, x) => {
    expect(alignedX(100, 200, 50, align)).toBe(x);
  });
});

describe('fitting text by shrinking the font', () => {
  const f = { fontSize: 20, minFontSize: 10, maxLines: 1 };
  it('keeps the preferred size when the text fits', () => {
    // 10 characters × 10 pt = 100 pt ≤ 100 pt.
    expect(fitText('abcdefghij', 100, f, mono)).toEqual({
      fontSize: 20,
      lines: ['abcdefghij'],
      overflow: false,
    });
  });
  it('shrinks by half points until it fits', () => {
    // 12 characters: 12 × s/2 ≤ 100 → s ≤ 16,67 → 16,5.
    expect(fitText('abcdefghijkl', 100, f, mono)).toEqual({
      fontSize: 16.5,
      lines: ['abcdefghijkl'],
      overflow: false,
    });
  });
  it('stops at the minimum and says it overflows', () => {
    const r = fitText('a'.repeat(40), 100, f, mono);
    expect(r.fontSize).toBe(10);
    expect(r.overflow).toBe(true);
  });
  it('wraps onto the allowed lines before shrinking further', () => {
    const r = fitText('aaaa bbbb cccc dddd', 100, { fontSize: 20, minFontSize: 10, maxLines: 2 }, mono);
    // At 20 pt one word is 40 pt: "aaaa bbbb" is 90 pt → two lines at full size.
    expect(r).toEqual({ fontSize: 20, lines: ['aaaa bbbb', 'cccc dddd'], overflow: false });
  });
  it('word wrap keeps an over-long word on its own line', () => {
    expect(wrapWords('a bbbbbbbbbbbbbbbbbbbb c', 50, 10, mono)).toEqual(['a', 'bbbbbbbbbbbbbbbbbbbb', 'c']);
  });
});

const layout = (): CertificateLayout => defaultLayout('GK');

describe('placing the fields', () => {
  it('moves every line by the printer offset', () => {
    const base = placeFields(layout(), { recipientName: 'Nguyễn Văn An' }, mono)[0]!;
    const moved = placeFields(
      { ...layout(), offset: { x: 3, y: -2 } },
      { recipientName: 'Nguyễn Văn An' },
      mono,
    )[0]!;
    expect(moved.lines[0]!.x - base.lines[0]!.x).toBeCloseTo(mmToPt(3), 6);
    expect(moved.lines[0]!.y - base.lines[0]!.y).toBeCloseTo(mmToPt(-2), 6);
  });

  it('centres the name in its box, from the box’s top-left in mm', () => {
    const l = layout();
    const f = l.fields.recipientName;
    const [p] = placeFields(l, { recipientName: 'Lê Thị Ngọc Hân' }, mono);
    const w = 'Lê Thị Ngọc Hân'.length * f.fontSize * 0.5;
    expect(p!.lines[0]!.x).toBeCloseTo(mmToPt(f.x) + (mmToPt(f.width) - w) / 2, 6);
    expect(p!.lines[0]!.y).toBeCloseTo(mmToPt(f.y), 6);
  });

  it('leaves out disabled and empty fields, keeps explicit line breaks', () => {
    const l = layout();
    l.fields.title.enabled = false;
    const placed = placeFields(
      l,
      { title: 'GIẤY KHEN', unit: '  ', signerTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC' },
      mono,
    );
    expect(placed.map((p) => p.field)).toEqual(['signerTitle']);
    expect(placed[0]!.lines.map((x) => x.text)).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
  });

  it('prints a name typed with combining marks as precomposed (NFC) text', () => {
    const nfd = 'Nguyễn Thị Hồng Nhung'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Thị Hồng Nhung');
    const [p] = placeFields(layout(), { recipientName: nfd }, mono);
    expect(p!.lines[0]!.text).toBe('Nguyễn Thị Hồng Nhung'.normalize('NFC'));
  });

  it('upper-cases Vietnamese with its diacritics', () => {
    expect(normalise('giám đốc sở nông nghiệp', true)).toBe('GIÁM ĐỐC SỞ NÔNG NGHIỆP');
  });
});

describe('what a certificate says', () => {
  it.each([
    [
      'Sở Nông nghiệp và Phát triển nông thôn tỉnh Bạc Liêu',
      'Giám đốc Sở Nông nghiệp và Phát triển nông thôn tỉnh Bạc Liêu',
    ],
    ['Ủy ban nhân dân tỉnh Bạc Liêu', 'Chủ tịch Ủy ban nhân dân tỉnh Bạc Liêu'],
  ])('%s is headed by %s', (issuer, full) => {
    expect(headOf(issuer).full).toBe(full);
  });

  it.each([
    [
      'Về việc tặng Giấy khen cho các tập thể, cá nhân đã có thành tích trong phong trào thi đua năm 2020',
      'Đã có thành tích trong phong trào thi đua năm 2020',
    ],
    ['Về việc tặng Giấy khen năm 2020', 'Đã hoàn thành xuất sắc nhiệm vụ năm 2020'],
  ])('achievement from “%s”', (summary, text) => {
    expect(achievementText(summary, 2020)).toBe(text);
  });

  it('dates in the Nghị định 30 manner', () => {
    expect(placeAndDate('Bạc Liêu', '2021-01-08')).toBe('Bạc Liêu, ngày 08 tháng 01 năm 2021');
  });

  it('signs KT. for a deputy', () => {
    const t = certificateTexts({
      issuerName: 'Ủy ban nhân dân tỉnh Bạc Liêu',
      awardCode: 'BK_TINH',
      recipientKind: 'collective',
      displayName: 'Trung tâm Khuyến nông',
      displayDetail: '',
      year: 2020,
      track: 'thematic',
      decisionNumber: '2105/QĐ-UBND',
      decidedOn: '2020-12-10',
      decisionSummary: 'Về việc tặng Bằng khen',
      place: 'Bạc Liêu',
      signMode: 'KT',
      signerTitle: 'Phó Chủ tịch',
      signerName: 'Phạm Minh Quân',
    });
    expect(t.title).toBe('BẰNG KHEN');
    expect(t.issuer).toBe('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẠC LIÊU\nTẶNG');
    expect(t.signerTitle).toBe('KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH');
    expect(t.decision).toBe('Quyết định số 2105/QĐ-UBND ngày 10/12/2020');
  });
});
