import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { fileStore, sha256Of, sniffFile } from './files';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-files-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const PDF = Buffer.from('%PDF-1.7\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(8)]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, 0]);
const EXE = Buffer.from('MZ\x90\x00\x03\x00\x00\x00PE\x00\x00');
const ELF = Buffer.from('\x7fELF\x02\x01\x01');

describe('what a file is, by its bytes', () => {
  it.each([
    ['to-trinh.pdf', PDF, 'pdf'],
    ['TO-TRINH.PDF', PDF, 'pdf'],
    ['anh.png', PNG, 'png'],
    ['anh.jpg', JPEG, 'jpeg'],
    ['anh.jpeg', JPEG, 'jpeg'],
    ['setup.pdf', EXE, null],
    ['run.pdf', ELF, null],
    ['anh.pdf', PNG, null],
    ['to-trinh.docx', PDF, null],
    ['empty.pdf', Buffer.alloc(0), null],
    ['noext', PDF, null],
  ] as const)('%s → %s', async (name, bytes, type) => {
    expect(await sniffFile(bytes, name)).toBe(type);
  });

  it('a DOCX is a zip holding word/document.xml; a spreadsheet renamed .docx is not', async () => {
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('Báo cáo')] }] }),
    );
    expect(await sniffFile(docx, 'bao-cao.docx')).toBe('docx');
    expect(await sniffFile(docx, 'bao-cao.pdf')).toBeNull();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x');
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await sniffFile(xlsx, 'bang.docx')).toBeNull();
    expect(await sniffFile(Buffer.from('PK\x03\x04broken'), 'x.docx')).toBeNull();
  });
});

describe('the file store', () => {
  it('keeps each content once under its checksum and gives it back', async () => {
    const sut = fileStore(dir);
    const sha = await sut.put(PDF);
    expect(sha).toBe(sha256Of(PDF));
    expect(await sut.put(PDF)).toBe(sha);
    expect(fs.readdirSync(path.join(dir, 'files'))).toEqual([sha]);
    expect(await sut.get(sha)).toEqual(PDF);
  });

  it('refuses a damaged file and a name that is not a checksum', async () => {
    const sut = fileStore(dir);
    const sha = await sut.put(PNG);
    fs.writeFileSync(sut.pathOf(sha), Buffer.from('tampered'));
    await expect(sut.get(sha)).rejects.toThrow(/checksum/);
    // Uploading the same content again repairs the stored copy.
    await sut.put(PNG);
    expect(await sut.get(sha)).toEqual(PNG);
    expect(() => sut.pathOf('../../etc/passwd')).toThrow();
  });
});
