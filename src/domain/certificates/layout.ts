/**
 * Certificates (Giấy khen, Bằng khen) on pre-printed paper: the positioning maths, pure. A template gives
 * the page, a global printer offset and, per field, a box in millimetres from the top-left corner of the
 * sheet (x, y of the box's top-left, its width = the text's maximum width), a font size, an alignment in the
 * box and how many lines it may take. Text that does not fit shrinks (down to the minimum size) before it
 * wraps; a PDF renderer only draws what these functions place.
 *
 * Units: 1 inch = 25,4 mm = 72 pt, so 1 mm = 72 / 25,4 pt ≈ 2,8346 pt. PDF coordinates here run from the
 * top-left corner downwards (as pdfkit draws), like a ruler laid on the paper.
 */

export const PT_PER_MM = 72 / 25.4;
export const mmToPt = (mm: number) => mm * PT_PER_MM;
export const ptToMm = (pt: number) => pt / PT_PER_MM;

export const PAPER_SIZES_MM = {
  A4: { width: 210, height: 297 },
  A3: { width: 297, height: 420 },
} as const;
export type PaperSize = keyof typeof PAPER_SIZES_MM;

export const CERTIFICATE_FIELDS = [
  'issuer',
  'title',
  'recipientName',
  'unit',
  'achievement',
  'decision',
  'placeDate',
  'signerTitle',
  'signerName',
] as const;
export type CertificateField = (typeof CERTIFICATE_FIELDS)[number];

export const CERTIFICATE_FIELD_LABELS: Record<CertificateField, string> = {
  issuer: 'Cấp tặng (dòng đầu)',
  title: 'Tên hình thức (GIẤY KHEN / BẰNG KHEN)',
  recipientName: 'Tên người, tập thể được khen',
  unit: 'Chức vụ, đơn vị',
  achievement: 'Thành tích',
  decision: 'Số và ngày quyết định',
  placeDate: 'Địa danh, ngày tháng',
  signerTitle: 'Chức vụ người ký',
  signerName: 'Họ tên người ký',
};

export type Align = 'left' | 'center' | 'right';

export interface FieldLayout {
  enabled: boolean;
  /** Box top-left from the sheet's top-left corner, in mm (before the printer offset). */
  x: number;
  y: number;
  /** The box width: the text's maximum width, in mm. */
  width: number;
  /** Preferred and smallest font size, in pt. */
  fontSize: number;
  minFontSize: number;
  align: Align;
  bold: boolean;
  italic: boolean;
  uppercase: boolean;
  /** Lines the text may wrap to once shrunk to the minimum size. */
  maxLines: number;
}

export interface CertificateLayout {
  page: { size: PaperSize; orientation: 'portrait' | 'landscape' };
  /** Printer calibration: moves every field by (x, y) mm; positive is right and down. */
  offset: { x: number; y: number };
  fields: Record<CertificateField, FieldLayout>;
}

/** The sheet in mm, turned for the orientation. */
export function pageSizeMm(page: CertificateLayout['page']): { width: number; height: number } {
  const s = PAPER_SIZES_MM[page.size];
  return page.orientation === 'landscape'
    ? { width: s.height, height: s.width }
    : { width: s.width, height: s.height };
}

/** Width of a text at a font size, in pt (the renderer's font metrics). */
export type Measure = (text: string, fontSize: number) => number;

/** Greedy word wrap at a size; a single word longer than the width stays on its own line. */
export function wrapWords(text: string, widthPt: number, fontSize: number, measure: Measure): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (line && measure(next, fontSize) > widthPt) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export interface Fitted {
  fontSize: number;
  lines: string[];
  /** True when even the smallest size needs more lines than allowed (all lines are still drawn). */
  overflow: boolean;
}

/** Shrinking steps of half a point: fine enough for print, few enough to be instant. */
const STEP = 0.5;

/**
 * Fit a text in a box: the largest size from `fontSize` down to `minFontSize` (half-point steps) at which it
 * takes at most `maxLines` lines; failing that, the smallest size, wrapped, with `overflow`.
 */
export function fitText(
  text: string,
  widthPt: number,
  f: Pick<FieldLayout, 'fontSize' | 'minFontSize' | 'maxLines'>,
  measure: Measure,
): Fitted {
  const min = Math.min(f.minFontSize, f.fontSize);
  for (let size = f.fontSize; size >= min - 1e-9; size -= STEP) {
    const lines = f.maxLines <= 1 ? [text] : wrapWords(text, widthPt, size, measure);
    if (lines.length <= Math.max(1, f.maxLines) && lines.every((l) => measure(l, size) <= widthPt + 1e-6))
      return { fontSize: size, lines, overflow: false };
  }
  const lines = wrapWords(text, widthPt, min, measure);
  return { fontSize: min, lines, overflow: true };
}

/** Left edge of a line of width `textPt` aligned in the box [left, left + width]. */
export function alignedX(leftPt: number, widthPt: number, textPt: number, align: Align): number {
  if (align === 'center') return leftPt + (widthPt - textPt) / 2;
  if (align === 'right') return leftPt + widthPt - textPt;
  return leftPt;
}

export interface PlacedLine {
  text: string;
  /** Top-left of the line, in pt from the sheet's top-left corner. */
  x: number;
  y: number;
  width: number;
}

export interface PlacedField {
  field: CertificateField;
  fontSize: number;
  bold: boolean;
  italic: boolean;
  lines: PlacedLine[];
  overflow: boolean;
}

/** Line height as a multiple of the font size. */
export const LINE_HEIGHT = 1.25;

/**
 * Place every enabled field with text: NFC-normalised (a name typed with combining marks prints as the same
 * glyphs as a precomposed one), upper-cased if asked (Vietnamese-aware), shrunk to fit, aligned, offset.
 */
export function placeFields(
  layout: CertificateLayout,
  texts: Partial<Record<CertificateField, string>>,
  measure: (text: string, fontSize: number, style: { bold: boolean; italic: boolean }) => number,
): PlacedField[] {
  const out: PlacedField[] = [];
  for (const field of CERTIFICATE_FIELDS) {
    const f = layout.fields[field];
    const raw = texts[field];
    if (!f?.enabled || !raw?.trim()) continue;
    const style = { bold: f.bold, italic: f.italic };
    const m: Measure = (t, size) => measure(t, size, style);
    const left = mmToPt(f.x + layout.offset.x);
    const top = mmToPt(f.y + layout.offset.y);
    const width = mmToPt(f.width);
    const lines: PlacedLine[] = [];
    let fontSize = f.fontSize;
    let overflow = false;
    let y = top;
    // Explicit line breaks (e.g. "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC") are kept; each part is fitted at one size.
    const parts = normalise(raw, f.uppercase).split('\n');
    const fitted = parts.map((p) => fitText(p, width, { ...f, maxLines: f.maxLines }, m));
    fontSize = Math.min(...fitted.map((x) => x.fontSize));
    for (const part of parts) {
      const fit = fitText(part, width, { ...f, fontSize, maxLines: f.maxLines }, m);
      overflow ||= fit.overflow;
      for (const text of fit.lines) {
        const w = m(text, fontSize);
        lines.push({ text, x: alignedX(left, width, w, f.align), y, width: w });
        y += fontSize * LINE_HEIGHT;
      }
    }
    out.push({ field, fontSize, bold: f.bold, italic: f.italic, lines, overflow });
  }
  return out;
}

export function normalise(text: string, uppercase = false): string {
  const t = text
    .normalize('NFC')
    .replace(/[ \t]+/g, ' ')
    .trim();
  return uppercase ? t.toLocaleUpperCase('vi') : t;
}
