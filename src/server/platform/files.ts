/**
 * Uploaded files (dossier attachments, scoring evidence): what a file is, judged by its bytes (never by its name or the browser's type), and where
 * it is kept — outside the database, under `<upload dir>/files/<sha256>`, written once (same content, same
 * file), so the database holds only the name, kind, size and checksum.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import yauzl from 'yauzl';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export type SniffedType = 'pdf' | 'docx' | 'jpeg' | 'png';
export const MIME: Record<SniffedType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jpeg: 'image/jpeg',
  png: 'image/png',
};
const EXTENSIONS: Record<SniffedType, readonly string[]> = {
  pdf: ['.pdf'],
  docx: ['.docx'],
  jpeg: ['.jpg', '.jpeg'],
  png: ['.png'],
};

const startsWith = (b: Buffer, sig: number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);

async function zipHasEntry(bytes: Buffer, name: string): Promise<boolean> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, autoClose: false });
  } catch {
    return false;
  }
  try {
    if (zip.entryCount > 10_000) return false;
    for await (const entry of zip.eachEntry()) if (entry.fileName === name) return true;
    return false;
  } catch {
    return false;
  } finally {
    zip.close();
  }
}

/**
 * The file's real type from its first bytes: PDF `%PDF-`, JPEG `FF D8 FF`, PNG's 8-byte signature, DOCX a
 * zip holding `word/document.xml`. Anything else (an executable renamed .pdf, a legacy .doc, a zip) is
 * null. The name's extension must agree with the content, so a PNG named .pdf is refused too.
 */
export async function sniffFile(bytes: Buffer, fileName: string): Promise<SniffedType | null> {
  let type: SniffedType | null = null;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) type = 'pdf';
  else if (startsWith(bytes, [0xff, 0xd8, 0xff])) type = 'jpeg';
  else if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) type = 'png';
  else if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && (await zipHasEntry(bytes, 'word/document.xml')))
    type = 'docx';
  if (!type) return null;
  const ext = path.extname(fileName).toLowerCase();
  return EXTENSIONS[type].includes(ext) ? type : null;
}

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export function fileStore(uploadDir: string) {
  const dir = path.join(uploadDir, 'files');
  const pathOf = (sha: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error(`not a sha256: ${sha}`);
    return path.join(dir, sha);
  };
  return {
    pathOf,
    /** Writes the bytes under their checksum (atomically: temp file, then rename); returns the checksum. */
    async put(bytes: Buffer): Promise<string> {
      const sha = sha256Of(bytes);
      await fs.mkdir(dir, { recursive: true });
      const target = pathOf(sha);
      try {
        // Already kept: only if intact (a damaged copy is replaced by the good bytes just received).
        if (sha256Of(await fs.readFile(target)) === sha) return sha;
      } catch {
        // not there yet
      }
      const tmp = path.join(dir, `.${sha}.${randomBytes(6).toString('hex')}.tmp`);
      await fs.writeFile(tmp, bytes, { flag: 'wx' });
      await fs.rename(tmp, target);
      return sha;
    },
    /** The stored bytes, checked against their checksum (a damaged file is an error, not a download). */
    async get(sha: string): Promise<Buffer> {
      const bytes = await fs.readFile(pathOf(sha));
      if (sha256Of(bytes) !== sha) throw new Error(`stored file ${sha} does not match its checksum`);
      return bytes;
    },
  };
}
export type FileStore = ReturnType<typeof fileStore>;
