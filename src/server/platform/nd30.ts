/**
 * A Word document in the administrative format of Nghị định 30/2020/NĐ-CP (Phụ lục I): A4; margins top and
 * bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; the header block (parent body over issuing body,
 * national motto with its rule), the number line, place and date in italics, the document type in bold
 * capitals with its summary, a justified body with a first-line indent, tables with explicit column widths,
 * the signature block and "Nơi nhận:". Page numbers centred at the top from page 2.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import yauzl from 'yauzl';

export interface Nd30Table {
  /** Widths in millimetres; they add up to the text width (165 mm on A4 with these margins). */
  columns: { header: string; widthMm: number; align?: 'left' | 'center' | 'right' }[];
  rows: { cells: string[]; bold?: boolean }[];
}

/** A body paragraph with more than plain text (decisions: "Điều 1." lead-ins, italic "Căn cứ" lines, centred lines). */
export interface Nd30Paragraph {
  text: string;
  /** Bold words before the text ("Điều 1."), followed by a space. */
  lead?: string;
  bold?: boolean;
  italics?: boolean;
  /** Centred, no first-line indent (e.g. "QUYẾT ĐỊNH:" and the issuer's title line). */
  center?: boolean;
}

/** An attached list (phụ lục / danh sách kèm theo) on a new page, with its own heading. */
export interface Nd30Annex {
  /** Bold capitals: "DANH SÁCH". */
  title: string;
  /** Bold lines under it: what the list is. */
  subtitle: string[];
  /** Italic line: "(Kèm theo Quyết định số … ngày … của …)". */
  reference: string;
  table: Nd30Table;
  closing?: Nd30Paragraph[];
}

export interface Nd30Document {
  /** The parent body above the issuer; '' for an issuer with none shown (e.g. the province's committee). */
  parentBody: string;
  issuer: string;
  /** e.g. "Số:      /BC-KTĐ" (left blank for the number given at signing). */
  number: string;
  place: string;
  date: Date;
  docType: string;
  summary: string;
  /** A short rule under the summary (decisions print one). */
  summaryRule?: boolean;
  paragraphs: (string | Nd30Paragraph)[];
  tables: Nd30Table[];
  /** After the tables. */
  closing?: (string | Nd30Paragraph)[];
  /** `onBehalf` may be '' when the head signs in their own name. */
  signature: { onBehalf: string; title: string; name: string };
  recipients: string[];
  annex?: Nd30Annex;
}

const FONT = 'Times New Roman';
/** Millimetres to twips, rounded (docx's helper truncates: A4 would come out 1 twip short). */
const convertMillimetersToTwip = (mm: number) => Math.round((mm * 1440) / 25.4);
/** Half-points. */
const PT = (n: number) => n * 2;
const TEXT_WIDTH_MM = 210 - 30 - 15;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({
    text,
    font: FONT,
    size: PT(o.size ?? 14),
    bold: o.bold ?? false,
    italics: o.italics ?? false,
  });

const centred = (runs: TextRun[], after = 0) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after, before: 0 }, children: runs });

/** A short rule under a heading line: a centred paragraph with a bottom border would span the cell, so a run of underscores the width of ⅓ of the line is used, as printed forms do. */
const rule = (chars: number) => centred([run('─'.repeat(chars), { size: 8 })], 60);

function cell(children: Paragraph[], widthMm: number, borders = true, top = false) {
  return new TableCell({
    width: { size: convertMillimetersToTwip(widthMm), type: WidthType.DXA },
    verticalAlign: top ? VerticalAlign.TOP : VerticalAlign.CENTER,
    borders: borders
      ? { top: THIN, bottom: THIN, left: THIN, right: THIN }
      : { top: NONE, bottom: NONE, left: NONE, right: NONE },
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    children,
  });
}

function layoutTable(widthsMm: number[], rows: TableRow[], borders: boolean) {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: convertMillimetersToTwip(widthsMm.reduce((s, w) => s + w, 0)), type: WidthType.DXA },
    columnWidths: widthsMm.map(convertMillimetersToTwip),
    borders: borders ? undefined : NO_BORDERS,
    rows,
  });
}

const two = (n: number) => String(n).padStart(2, '0');

/** "ngày 05 tháng 01 năm 2026" in Vietnam time (UTC+7), whatever the server's zone. */
export function vietnameseDate(place: string, date: Date): string {
  const d = new Date(date.getTime() + 7 * 3600_000);
  return `${place}, ngày ${two(d.getUTCDate())} tháng ${two(d.getUTCMonth() + 1)} năm ${d.getUTCFullYear()}`;
}

function headerBlock(doc: Nd30Document): Table {
  const left = 70;
  const right = TEXT_WIDTH_MM - left;
  return layoutTable(
    [left, right],
    [
      new TableRow({
        children: [
          cell(
            [
              ...(doc.parentBody ? [centred([run(doc.parentBody.toUpperCase(), { size: 12 })])] : []),
              centred([run(doc.issuer.toUpperCase(), { size: 12, bold: true })]),
              rule(12),
            ],
            left,
            false,
          ),
          cell(
            [
              centred([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 12, bold: true })]),
              centred([run('Độc lập - Tự do - Hạnh phúc', { size: 13, bold: true })]),
              rule(22),
            ],
            right,
            false,
          ),
        ],
      }),
      new TableRow({
        children: [
          cell([centred([run(doc.number, { size: 13 })])], left, false),
          cell(
            [centred([run(vietnameseDate(doc.place, doc.date), { size: 14, italics: true })])],
            right,
            false,
          ),
        ],
      }),
    ],
    false,
  );
}

function dataTable(t: Nd30Table): Table {
  const align = (a?: 'left' | 'center' | 'right') =>
    a === 'center' ? AlignmentType.CENTER : a === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
  const widths = t.columns.map((c) => c.widthMm);
  return layoutTable(
    widths,
    [
      new TableRow({
        tableHeader: true,
        children: t.columns.map((c) =>
          cell(
            [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [run(c.header, { size: 12, bold: true })],
              }),
            ],
            c.widthMm,
          ),
        ),
      }),
      ...t.rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: t.columns.map((c, i) =>
              cell(
                [
                  new Paragraph({
                    alignment: align(c.align),
                    children: [run(r.cells[i] ?? '', { size: 12, bold: r.bold ?? false })],
                  }),
                ],
                c.widthMm,
              ),
            ),
          }),
      ),
    ],
    true,
  );
}

function signatureBlock(doc: Nd30Document): Table {
  const left = 80;
  const right = TEXT_WIDTH_MM - left;
  return layoutTable(
    [left, right],
    [
      new TableRow({
        // The signer's authority, title and name stay on one page (never "KT. GIÁM ĐỐC" alone at a foot).
        cantSplit: true,
        children: [
          cell(
            [
              new Paragraph({ children: [run('Nơi nhận:', { size: 12, bold: true, italics: true })] }),
              ...doc.recipients.map(
                (r, i) =>
                  new Paragraph({
                    children: [run(`- ${r}${i === doc.recipients.length - 1 ? '.' : ';'}`, { size: 11 })],
                  }),
              ),
            ],
            left,
            false,
            // "Nơi nhận:" starts level with the signer's authority line (Nghị định 30/2020, Phụ lục I).
            true,
          ),
          cell(
            [
              ...(doc.signature.onBehalf
                ? [centred([run(doc.signature.onBehalf.toUpperCase(), { size: 14, bold: true })])]
                : []),
              centred([run(doc.signature.title.toUpperCase(), { size: 14, bold: true })], 1400),
              centred([run(doc.signature.name, { size: 14, bold: true })]),
            ],
            right,
            false,
            true,
          ),
        ],
      }),
    ],
    false,
  );
}

export async function renderNd30(doc: Nd30Document): Promise<Buffer> {
  const body = (p: string | Nd30Paragraph) => {
    const x: Nd30Paragraph = typeof p === 'string' ? { text: p } : p;
    const o = { size: 14, bold: x.bold ?? false, italics: x.italics ?? false };
    return new Paragraph({
      alignment: x.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
      ...(x.center ? {} : { indent: { firstLine: convertMillimetersToTwip(12.7) } }),
      spacing: { before: 60, after: 60, line: 300 },
      children: [...(x.lead ? [run(`${x.lead} `, { ...o, bold: true })] : []), run(x.text, o)],
    });
  };
  const annex = doc.annex;
  const document = new Document({
    creator: 'VinhDanh',
    title: `${doc.docType} ${doc.summary}`,
    styles: { default: { document: { run: { font: FONT, size: PT(14) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(20),
              bottom: convertMillimetersToTwip(20),
              left: convertMillimetersToTwip(30),
              right: convertMillimetersToTwip(15),
              header: convertMillimetersToTwip(10),
            },
          },
        },
        headers: {
          // Page numbers from page 2, centred at the top; none on the first page.
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT(13) })],
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: [
          headerBlock(doc),
          new Paragraph({ spacing: { before: 240 }, children: [] }),
          centred([run(doc.docType.toUpperCase(), { size: 14, bold: true })]),
          centred([run(doc.summary, { size: 14, bold: true })], doc.summaryRule ? 0 : 240),
          ...(doc.summaryRule ? [rule(10)] : []),
          ...doc.paragraphs.map(body),
          ...doc.tables.flatMap((t) => [
            dataTable(t),
            new Paragraph({ spacing: { after: 120 }, children: [] }),
          ]),
          ...(doc.closing ?? []).map(body),
          new Paragraph({ spacing: { before: 120 }, children: [] }),
          signatureBlock(doc),
          ...(annex
            ? [
                new Paragraph({
                  pageBreakBefore: true,
                  alignment: AlignmentType.CENTER,
                  children: [run(annex.title.toUpperCase(), { size: 14, bold: true })],
                }),
                ...annex.subtitle.map((t) => centred([run(t, { size: 14, bold: true })])),
                centred([run(annex.reference, { size: 14, italics: true })]),
                rule(10),
                // Drawn as XML after packing (fastTableXml): thousands of rows through docx's object tree
                // take seconds and a gigabyte of heap.
                new Paragraph({ children: [new TextRun(ANNEX_PLACEHOLDER)] }),
                new Paragraph({ spacing: { after: 120 }, children: [] }),
                ...(annex.closing ?? []).map(body),
              ]
            : []),
        ],
      },
    ],
  });
  if (!annex) return Packer.toBuffer(document);
  const packed = await Packer.toBuffer(document);
  const xml = await zipEntryText(packed, 'word/document.xml');
  const at = xml.indexOf(ANNEX_PLACEHOLDER);
  const start =
    xml.lastIndexOf('<w:p>', at) >= 0 ? xml.lastIndexOf('<w:p>', at) : xml.lastIndexOf('<w:p ', at);
  const end = xml.indexOf('</w:p>', at) + '</w:p>'.length;
  if (at < 0 || start < 0 || end < at) throw new Error('annex placeholder not found');
  const patched = xml.slice(0, start) + fastTableXml(annex.table) + xml.slice(end);
  return Packer.toBuffer(document, false, [{ path: 'word/document.xml', data: patched }]);
}

const ANNEX_PLACEHOLDER = '#VD-ANNEX-TABLE#';

async function zipEntryText(buffer: Buffer, name: string): Promise<string> {
  const zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, autoClose: false });
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== name) continue;
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    }
    throw new Error(`${name} not in zip`);
  } finally {
    zip.close();
  }
}

const escapeXml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));

/**
 * The same table as `dataTable` (fixed layout, explicit column widths, thin borders, a repeated header row,
 * rows that do not split across pages, Times New Roman 12 pt) written straight as WordprocessingML.
 */
export function fastTableXml(t: Nd30Table): string {
  const widths = t.columns.map((c) => convertMillimetersToTwip(c.widthMm));
  const total = widths.reduce((s, w) => s + w, 0);
  const border = (side: string) => `<w:${side} w:val="single" w:color="000000" w:sz="4"/>`;
  const borders = ['top', 'left', 'bottom', 'right'].map(border).join('');
  const jc = (a?: 'left' | 'center' | 'right') =>
    a === 'center' ? 'center' : a === 'right' ? 'right' : 'left';
  const runProps = (bold: boolean) =>
    `<w:rPr><w:rFonts w:ascii="${FONT}" w:cs="${FONT}" w:eastAsia="${FONT}" w:hAnsi="${FONT}"/>${bold ? '<w:b/><w:bCs/>' : ''}<w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>`;
  const cellXml = (text: string, width: number, align: string, bold: boolean) =>
    `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/><w:tcBorders>${borders}</w:tcBorders>` +
    `<w:tcMar><w:top w:type="dxa" w:w="30"/><w:left w:type="dxa" w:w="60"/><w:bottom w:type="dxa" w:w="30"/><w:right w:type="dxa" w:w="60"/></w:tcMar>` +
    `<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:jc w:val="${align}"/></w:pPr>` +
    (text ? `<w:r>${runProps(bold)}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>` : '') +
    `</w:p></w:tc>`;
  const parts: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${total}"/><w:tblBorders>${borders}` +
      `<w:insideH w:val="single" w:color="000000" w:sz="4"/><w:insideV w:val="single" w:color="000000" w:sz="4"/></w:tblBorders>` +
      `<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
    `<w:tr><w:trPr><w:tblHeader/></w:trPr>${t.columns.map((c, i) => cellXml(c.header, widths[i]!, 'center', true)).join('')}</w:tr>`,
  ];
  for (const r of t.rows)
    parts.push(
      `<w:tr><w:trPr><w:cantSplit/></w:trPr>${t.columns
        .map((c, i) => cellXml(r.cells[i] ?? '', widths[i]!, jc(c.align), r.bold ?? false))
        .join('')}</w:tr>`,
    );
  parts.push('</w:tbl>');
  return parts.join('');
}

export const ND30_TEXT_WIDTH_MM = TEXT_WIDTH_MM;
