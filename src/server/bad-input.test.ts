/**
 * Hostile and malformed input: a 4xx with a Vietnamese message, nothing written, no stack trace, and
 * SQL- or script-looking strings stored and shown back literally.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, engine, type Session, type TestApp } from './testing/harness';

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp({ bodyLimitBytes: 64 * 1024 });
});
afterAll(async () => t?.close());
beforeEach(async () => {
  await t.seed();
  admin = await t.login('admin');
});

async function counts() {
  const rows = await t.database.rows<{ u: unknown; a: unknown }>(
    sql`select (select count(*) from units) as u, (select count(*) from audit_log) as a`,
  );
  return { units: Number(rows[0]!.u), audit: Number(rows[0]!.a) };
}

const raw = (payload: string, contentType = 'application/json') =>
  t.sut.inject({
    method: 'POST',
    url: '/api/units',
    cookies: { vd_session: admin.cookie },
    headers: { 'x-csrf-token': admin.csrf, 'content-type': contentType },
    payload,
  });

const valid = {
  code: 'OK-1',
  name: 'Đơn vị hợp lệ',
  kind: 'other',
  parentId: null,
  activeFrom: '2026-01-01',
};

function expectCleanError(res: { statusCode: number; body: string }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  const body = JSON.parse(res.body);
  expect(body.code).toBe(code);
  expect(body.message).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
  expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
  expect(body).not.toHaveProperty('stack');
}

describe(`bad input (${engine})`, () => {
  it.each([
    ['malformed JSON', '{"code": "X", "name": ', 400, 'REQUEST.MALFORMED'],
    ['JSON that is not an object', '"just a string"', 400, 'VALIDATION.FAILED'],
    ['an unknown field', JSON.stringify({ ...valid, isAdmin: true }), 400, 'VALIDATION.FAILED'],
    ['a wrong type', JSON.stringify({ ...valid, name: 123 }), 400, 'VALIDATION.FAILED'],
    ['a missing field', JSON.stringify({ code: 'X' }), 400, 'VALIDATION.FAILED'],
    ['an empty name', JSON.stringify({ ...valid, name: '   ' }), 400, 'VALIDATION.FAILED'],
    ['a control character', JSON.stringify({ ...valid, name: 'A\u0007B' }), 400, 'VALIDATION.FAILED'],
    ['a malformed uuid', JSON.stringify({ ...valid, parentId: "1' OR '1'='1" }), 400, 'VALIDATION.FAILED'],
    [
      'an oversized body',
      JSON.stringify({ ...valid, name: 'x'.repeat(70 * 1024) }),
      413,
      'REQUEST.TOO_LARGE',
    ],
  ])('%s → 4xx, nothing written', async (_name, payload, status, code) => {
    const before = await counts();
    expectCleanError(await raw(payload), status, code);
    expect(await counts()).toEqual(before);
  });

  it('a form-encoded body is refused (JSON only, which also blocks simple cross-site form posts)', async () => {
    const before = await counts();
    expectCleanError(
      await raw('code=X&name=Y', 'application/x-www-form-urlencoded'),
      415,
      'REQUEST.UNSUPPORTED_MEDIA',
    );
    expect(await counts()).toEqual(before);
  });

  it('field errors name the field, in Vietnamese', async () => {
    const res = await raw(JSON.stringify({ ...valid, kind: 'galaxy', activeFrom: '31/12/2020' }));
    const body = res.json();
    expect(body.fields.kind).toBe('Loại đơn vị không hợp lệ');
    expect(body.fields.activeFrom).toBe('Ngày phải có dạng yyyy-mm-dd');
    const unknown = (await raw(JSON.stringify({ ...valid, extra: 1 }))).json();
    expect(Object.values(unknown.fields).join(' ')).toMatch(/extra/);
  });

  it('a malformed query string and path parameter are refused', async () => {
    expectCleanError(await admin.request('GET', '/api/units/not-a-uuid'), 400, 'VALIDATION.FAILED');
    expectCleanError(await admin.request('GET', '/api/users?page=-1'), 400, 'VALIDATION.FAILED');
    expectCleanError(await admin.request('GET', '/api/audit?from=hom-qua'), 400, 'VALIDATION.FAILED');
  });

  it.each([
    ["Robert'); DROP TABLE units;--", 'SQL-1'],
    ['<script>alert("xss")</script>', 'XSS-1'],
    ['<img src=x onerror=alert(1)> & "quotes" \'single\'', 'XSS-2'],
    ['Trung tâm %_\\ ký tự đặc biệt', 'PCT-1'],
  ])('stores %s literally and returns it unchanged', async (name, code) => {
    const res = await admin.request('POST', '/api/units', { ...valid, code, name });
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const list = (await admin.request('GET', '/api/units')).json() as { code: string; name: string }[];
    expect(list.find((u) => u.code === code)!.name).toBe(name);
    expect(Number((await t.database.rows<{ n: unknown }>(sql`select count(*) as n from units`))[0]!.n)).toBe(
      12,
    );
  });

  it('a search string with SQL and LIKE metacharacters matches literally', async () => {
    const res = await admin.request('GET', `/api/users?q=${encodeURIComponent("' or 1=1 --")}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(0);
  });

  it('unknown API routes answer 404 in JSON, in Vietnamese', async () => {
    expectCleanError(await admin.request('GET', '/api/khong-co'), 404, 'ROUTE.NOT_FOUND');
  });
});

describe(`system routes (${engine})`, () => {
  it('health reports the engine and version', async () => {
    const res = await t.sut.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      database: engine,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('echoes a caller-supplied request id', async () => {
    const res = await t.sut.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'lb-12345' },
    });
    expect(res.headers['x-request-id']).toBe('lb-12345');
  });

  it('serves the OpenAPI document with every route', async () => {
    const res = await t.sut.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { paths: Record<string, Record<string, unknown>> };
    for (const route of t.routes) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.url}`).toBeDefined();
    }
    expect((await t.sut.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });
});
