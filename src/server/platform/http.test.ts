import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { installErrorHandling } from './http';

/** Errors as the drivers raise them: the SQLSTATE on `code`, or on `cause` when wrapped (drizzle). */
const sqlError = (code: string, wrapped: boolean) =>
  wrapped
    ? Object.assign(new Error('Failed query'), {
        cause: Object.assign(new Error('deadlock detected'), { code }),
      })
    : Object.assign(new Error('deadlock detected'), { code });

let app: FastifyInstance;
beforeAll(async () => {
  app = Fastify({ logger: false });
  installErrorHandling(app);
  app.get('/deadlock', async () => {
    throw sqlError('40P01', true);
  });
  app.get('/serialization', async () => {
    throw sqlError('40001', false);
  });
  app.get('/other', async () => {
    throw sqlError('XX000', false);
  });
  await app.ready();
});
afterAll(async () => app?.close());

describe('error handling', () => {
  it('answers a transaction aborted by a concurrent one with a retryable conflict in Vietnamese', async () => {
    for (const url of ['/deadlock', '/serialization']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'CONFLICT.RETRY',
        message: expect.stringContaining('thử lại'),
      });
    }
  });

  it('answers any other database fault as an internal error, without its text', async () => {
    const res = await app.inject({ method: 'GET', url: '/other' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'INTERNAL' });
    expect(res.body).not.toContain('deadlock');
  });
});
