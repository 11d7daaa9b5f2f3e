/** The one file of a multipart request (imports, attachments, evidence), read whole within the size limit. */
import type { FastifyRequest } from 'fastify';
import { raise } from './errors';
import type { ErrorCode } from '../../shared/errors';

export interface UploadedFile {
  filename: string;
  bytes: Buffer;
}

/**
 * Refuses a request without a file (IMPORT.FILE_REQUIRED) and a file over the multipart size limit
 * (`tooLarge`, by default the import's message).
 */
export async function uploadedFile(
  request: FastifyRequest,
  tooLarge: ErrorCode = 'IMPORT.TOO_LARGE',
): Promise<UploadedFile> {
  if (!request.isMultipart()) raise('IMPORT.FILE_REQUIRED');
  const file = await request.file();
  if (!file) raise('IMPORT.FILE_REQUIRED');
  let bytes: Buffer;
  try {
    bytes = await file.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') raise(tooLarge);
    throw err;
  }
  if (file.file.truncated) raise(tooLarge);
  return { filename: file.filename, bytes };
}
