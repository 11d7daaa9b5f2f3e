/**
 * Certificates as print-ready PDF (pdfkit): one page per recipient, each field drawn where the pure layout
 * maths (src/domain/certificates) places it, in Noto Serif — bundled through npm (SIL Open Font License),
 * with every Vietnamese glyph, so the output does not depend on the fonts of the machine. The calibration
 * page draws a millimetre grid, the sheet's edges and a crosshair with a box at each field's position.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import {
  CERTIFICATE_FIELD_LABELS,
  mmToPt,
  pageSizeMm,
  placeFields,
  type CertificateField,
  type CertificateLayout,
} from '../../../domain/certificates';

const require = createRequire(import.meta.url);
const FONT_DIR = path.dirname(require.resolve('@expo-google-fonts/noto-serif/package.json'));
const FONTS = {
  regular: path.join(FONT_DIR, '400Regular', 'NotoSerif_400Regular.ttf'),
  bold: path.join(FONT_DIR, '700Bold', 'NotoSerif_700Bold.ttf'),
  italic: path.join(FONT_DIR, '400Regular_Italic', 'NotoSerif_400Regular_Italic.ttf'),
  boldItalic: path.join(FONT_DIR, '700Bold_Italic', 'NotoSerif_700Bold_Italic.ttf'),
};
const fontName = (s: { bold: boolean; italic: boolean }) =>
  s.bold && s.italic ? 'boldItalic' : s.bold ? 'bold' : s.italic ? 'italic' : 'regular';

export interface CertificatePage {
  layout: CertificateLayout;
  texts: Partial<Record<CertificateField, string>>;
}

type Doc = InstanceType<typeof PDFDocument>;

function newDocument(title: string): Doc {
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    info: { Title: title, Creator: 'VinhDanh', Producer: 'VinhDanh' },
    pdfVersion: '1.7',
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, file);
  return doc;
}

function addPage(doc: Doc, layout: CertificateLayout) {
  const size = pageSizeMm(layout.page);
  doc.addPage({ size: [mmToPt(size.width), mmToPt(size.height)], margin: 0 });
}

function drawFields(doc: Doc, page: CertificatePage) {
  const placed = placeFields(page.layout, page.texts, (text, size, style) =>
    doc.font(fontName(style)).fontSize(size).widthOfString(text),
  );
  doc.fillColor('black');
  for (const f of placed) {
    doc.font(fontName(f)).fontSize(f.fontSize);
    for (const line of f.lines) doc.text(line.text, line.x, line.y, { lineBreak: false });
  }
}

function drawCalibration(doc: Doc, layout: CertificateLayout) {
  const { width, height } = pageSizeMm(layout.page);
  // Millimetre grid: a thin line every 5 mm, a darker one every 10 mm with its number.
  for (let x = 0; x <= width; x += 5) {
    doc
      .lineWidth(x % 10 === 0 ? 0.4 : 0.15)
      .strokeColor(x % 10 === 0 ? '#7a9cc6' : '#c9d7ea')
      .moveTo(mmToPt(x), 0)
      .lineTo(mmToPt(x), mmToPt(height))
      .stroke();
    if (x % 10 === 0 && x > 0)
      doc
        .font('regular')
        .fontSize(5)
        .fillColor('#37618f')
        .text(String(x), mmToPt(x) + 1, 2, { lineBreak: false });
  }
  for (let y = 0; y <= height; y += 5) {
    doc
      .lineWidth(y % 10 === 0 ? 0.4 : 0.15)
      .strokeColor(y % 10 === 0 ? '#7a9cc6' : '#c9d7ea')
      .moveTo(0, mmToPt(y))
      .lineTo(mmToPt(width), mmToPt(y))
      .stroke();
    if (y % 10 === 0 && y > 0)
      doc
        .font('regular')
        .fontSize(5)
        .fillColor('#37618f')
        .text(String(y), 2, mmToPt(y) + 1, { lineBreak: false });
  }
  doc
    .font('bold')
    .fontSize(9)
    .fillColor('#b00020')
    .text(
      `TRANG CĂN CHỈNH — lưới 1 ô = 5 mm; độ lệch máy in: ngang ${layout.offset.x} mm, dọc ${layout.offset.y} mm`,
      mmToPt(12),
      mmToPt(height - 8),
      { lineBreak: false },
    );
  // Each enabled field: its box (offset applied) and a crosshair on its top-left anchor.
  for (const [key, f] of Object.entries(layout.fields) as [
    CertificateField,
    CertificateLayout['fields'][CertificateField],
  ][]) {
    if (!f.enabled) continue;
    const x = mmToPt(f.x + layout.offset.x);
    const y = mmToPt(f.y + layout.offset.y);
    const h = f.fontSize * 1.25 * f.maxLines;
    doc.lineWidth(0.6).strokeColor('#b00020').rect(x, y, mmToPt(f.width), h).stroke();
    doc
      .lineWidth(0.8)
      .moveTo(x - 8, y)
      .lineTo(x + 8, y)
      .moveTo(x, y - 8)
      .lineTo(x, y + 8)
      .stroke();
    doc
      .font('italic')
      .fontSize(6)
      .fillColor('#b00020')
      .text(`${CERTIFICATE_FIELD_LABELS[key]} (${f.x}; ${f.y})`, x + 2, y - 8, { lineBreak: false });
  }
}

let measuring: Doc | undefined;
/**
 * The fields of a certificate that do not fit their box even at the smallest size (measured with the same
 * fonts as the PDF, without drawing): the print screen warns about them before paper is spent.
 */
export function overflowingFields(page: CertificatePage): CertificateField[] {
  measuring ??= newDocument('đo');
  const doc = measuring;
  return placeFields(page.layout, page.texts, (text, size, style) =>
    doc.font(fontName(style)).fontSize(size).widthOfString(text),
  )
    .filter((f) => f.overflow)
    .map((f) => f.field);
}

/** One PDF: the calibration page first when asked, then one page per certificate. */
export async function certificatesPdf(
  title: string,
  pages: readonly CertificatePage[],
  calibration?: { layout: CertificateLayout; sample?: CertificatePage['texts'] },
): Promise<Buffer> {
  const doc = newDocument(title);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  if (calibration) {
    addPage(doc, calibration.layout);
    drawCalibration(doc, calibration.layout);
    if (calibration.sample) drawFields(doc, { layout: calibration.layout, texts: calibration.sample });
  }
  for (const p of pages) {
    addPage(doc, p.layout);
    drawFields(doc, p);
  }
  doc.end();
  return done;
}
