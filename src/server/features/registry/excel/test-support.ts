/**
 * Builders for spreadsheet tests: workbooks written with exceljs the way an officer's Excel would save
 * them, and hand-made zip files (for zip bombs and files that only pretend to be workbooks).
 */
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import iconv from 'iconv-lite';

export interface SheetSpec {
  name: string;
  rows: ExcelJS.CellValue[][];
  /** Extra changes (merges, formats) before saving. */
  setup?: (ws: ExcelJS.Worksheet) => void;
}

export async function xlsxOf(...sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, i) => {
      row.forEach((value, j) => {
        if (value !== null && value !== undefined) ws.getCell(i + 1, j + 1).value = value;
      });
    });
    s.setup?.(ws);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function loadXlsx(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

export interface ZipEntrySpec {
  name: string;
  /** Deflated already (raw deflate) when `compressed` is set; `size` and `crc` then describe the original. */
  data: Buffer;
  compressed?: { size: number; crc: number };
  /** Lie about the uncompressed size in the headers. */
  declaredSize?: number;
}

/** A minimal zip writer (deflate, no data descriptors), enough to fool a naive unzipper. */
export function zipOf(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = e.compressed ? e.data : deflateRawSync(e.data);
    const size = e.declaredSize ?? e.compressed?.size ?? e.data.length;
    const crc = e.compressed?.crc ?? crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** `n` megabytes of zeros, deflated as one stream fed a megabyte at a time (never held whole). */
export async function deflatedZeros(megabytes: number): Promise<{ data: Buffer; size: number; crc: number }> {
  const chunk = Buffer.alloc(1024 * 1024);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  for (let i = 0; i < megabytes; i++) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return { data: Buffer.concat(out), size: megabytes * 1024 * 1024, crc };
}

/** The parts a .xlsx must have, so the zip passes the "is it a workbook" test. */
export const WORKBOOK_PARTS: ZipEntrySpec[] = [
  { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
  { name: 'xl/workbook.xml', data: Buffer.from('<?xml version="1.0"?><workbook/>') },
];

/** The text of one part of a zip (to look at the XML Excel will read). */
export async function zipEntryText(buffer: Buffer, name: string): Promise<string> {
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

/** Windows-1258 writes a toned vowel as its base letter followed by a combining tone mark. */
export function toWindows1258(s: string): Buffer {
  const tones = /[\u0300\u0301\u0303\u0309\u0323]/g;
  const decomposed = [...s.normalize('NFC')]
    .map((ch) => {
      const d = ch.normalize('NFD');
      const tone = d.match(tones)?.[0] ?? '';
      return d.replace(tones, '').normalize('NFC') + tone;
    })
    .join('');
  return iconv.encode(decomposed, 'windows1258');
}
