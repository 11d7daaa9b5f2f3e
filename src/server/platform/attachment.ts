import type { FastifyReply } from 'fastify';

/** Sends a file download with an ASCII fallback name and the exact UTF-8 name (RFC 6266). */
export function attachment(reply: FastifyReply, filename: string, type: string, body: Buffer | string) {
  const ascii = filename
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/"/g, '');
  return reply
    .type(type)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    )
    .send(body);
}
