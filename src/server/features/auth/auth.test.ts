import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, engine, type TestApp } from '../../testing/harness';
import { sessions, users, auditLog } from '../../platform/db/schema';
import { DEMO_PASSWORD } from '../../seed/demo';
import { bootstrap } from '../../seed/bootstrap';
import { testConfig } from '../../platform/config';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({
    loginMaxFailures: 3,
    loginLockMinutes: 15,
    sessionIdleMinutes: 30,
    sessionAbsoluteHours: 8,
  });
});
afterAll(async () => t?.close());
beforeEach(async () => t.seed());

const login = (username: string, password: string) =>
  t.sut.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe(`auth (${engine})`, () => {
  it('logs in with the right password: httpOnly SameSite cookie, current user with permissions', async () => {
    const res = await login('admin', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'vd_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const me = res.json();
    expect(me).toMatchObject({ username: 'admin', role: 'admin', unitName: 'Văn phòng Sở' });
    expect(me.permissions).toContain('write:unit:any');
    expect(me.csrfToken).toMatch(/^[\w-]{20,}$/);
    // The cookie token is not what the database stores.
    const stored = await t.database.db.select().from(sessions);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).not.toBe(cookie.value);

    const session = await t.login('admin');
    const meRes = await session.request('GET', '/api/auth/me');
    expect(meRes.statusCode).toBe(200);
    expect(meRes.json().username).toBe('admin');
  });

  it('usernames are case-insensitive', async () => {
    expect((await login('ADMIN', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a wrong password and an unknown user with the same Vietnamese message', async () => {
    const wrong = await login('admin', 'sai-mat-khau-1');
    const unknown = await login('khong-ton-tai', 'sai-mat-khau-1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({
      code: 'AUTH.INVALID_CREDENTIALS',
      message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    });
    expect(unknown.json().message).toBe(wrong.json().message);
    expect(wrong.cookies).toHaveLength(0);
  });

  it('refuses a deactivated account', async () => {
    await t.database.db.update(users).set({ active: false }).where(eq(users.username, 'canbo'));
    expect((await login('canbo', DEMO_PASSWORD)).statusCode).toBe(401);
  });

  it('locks the account after repeated failures, even for the right password, and unlocks after the period', async () => {
    for (let i = 0; i < 2; i++) expect((await login('canbo', 'sai-mat-khau-1')).statusCode).toBe(401);
    const third = await login('canbo', 'sai-mat-khau-1');
    expect(third.statusCode).toBe(429);
    expect(third.json().code).toBe('AUTH.LOCKED');
    const right = await login('canbo', DEMO_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(right.json().message).toContain('tạm thời bị khóa');
    t.time.advance(16 * 60_000);
    expect((await login('canbo', DEMO_PASSWORD)).statusCode).toBe(200);
    const actions = (await t.database.db.select({ a: auditLog.action }).from(auditLog)).map((r) => r.a);
    expect(actions).toEqual(
      expect.arrayContaining(['auth.login_failed', 'auth.locked', 'auth.login_refused_locked', 'auth.login']),
    );
  });

  it('a successful login resets the failure count', async () => {
    await login('canbo', 'sai-mat-khau-1');
    await login('canbo', 'sai-mat-khau-1');
    expect((await login('canbo', DEMO_PASSWORD)).statusCode).toBe(200);
    await login('canbo', 'sai-mat-khau-1');
    await login('canbo', 'sai-mat-khau-1');
    expect((await login('canbo', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('an admin can unlock a locked account', async () => {
    for (let i = 0; i < 3; i++) await login('canbo', 'sai-mat-khau-1');
    const admin = await t.login('admin');
    const target = (await t.database.db.select().from(users).where(eq(users.username, 'canbo')))[0]!;
    expect((await admin.request('GET', `/api/users/${target.id}`)).json().locked).toBe(true);
    expect((await admin.request('POST', `/api/users/${target.id}/unlock`)).statusCode).toBe(200);
    expect((await login('canbo', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('expires an idle session', async () => {
    const s = await t.login('canbo');
    t.time.advance(29 * 60_000);
    expect((await s.request('GET', '/api/auth/me')).statusCode).toBe(200);
    // Activity moved the idle window.
    t.time.advance(29 * 60_000);
    expect((await s.request('GET', '/api/auth/me')).statusCode).toBe(200);
    t.time.advance(31 * 60_000);
    const res = await s.request('GET', '/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('AUTH.SESSION_EXPIRED');
  });

  it('expires a session at its absolute limit however active it is', async () => {
    const s = await t.login('canbo');
    for (let i = 0; i < 16; i++) {
      t.time.advance(29 * 60_000);
      expect((await s.request('GET', '/api/auth/me')).statusCode).toBe(200);
    }
    t.time.advance(29 * 60_000); // 8h05 after login
    expect((await s.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('logout revokes the session in the database', async () => {
    const s = await t.login('canbo');
    const out = await s.request('POST', '/api/auth/logout');
    expect(out.statusCode).toBe(204);
    expect((await s.request('GET', '/api/auth/me')).json().code).toBe('AUTH.SESSION_EXPIRED');
    const rows = await t.database.db.select().from(sessions);
    expect(rows[0]!.revokedAt).not.toBeNull();
  });

  it('a user lists and revokes their own other sessions', async () => {
    const a = await t.login('canbo');
    const b = await t.login('canbo');
    const list = (await a.request('GET', '/api/auth/sessions')).json() as { id: string; current: boolean }[];
    expect(list).toHaveLength(2);
    const other = list.find((s) => !s.current)!;
    expect((await a.request('DELETE', `/api/auth/sessions/${other.id}`)).statusCode).toBe(200);
    expect((await b.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await a.request('GET', '/api/auth/me')).statusCode).toBe(200);
    // Someone else's session id reads as not found.
    const c = await t.login('admin');
    const cId = ((await c.request('GET', '/api/auth/sessions')).json() as { id: string }[])[0]!.id;
    expect((await a.request('DELETE', `/api/auth/sessions/${cId}`)).statusCode).toBe(404);
  });

  it('an admin revokes all sessions of a user', async () => {
    const s = await t.login('donvi');
    const admin = await t.login('admin');
    const res = await admin.request('POST', `/api/users/${s.user.id}/revoke-sessions`);
    expect(res.statusCode).toBe(200);
    expect(res.json().revoked).toBe(1);
    expect((await s.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated write without, or with a wrong, CSRF token', async () => {
    const s = await t.login('admin');
    const body = {
      code: 'CSRF-TEST',
      name: 'Thử CSRF',
      kind: 'other',
      parentId: null,
      activeFrom: '2026-01-01',
    };
    const missing = await t.sut.inject({
      method: 'POST',
      url: '/api/units',
      cookies: { vd_session: s.cookie },
      payload: body,
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ code: 'AUTH.CSRF' });
    const wrong = await s.request('POST', '/api/units', body, { 'x-csrf-token': 'x'.repeat(32) });
    expect(wrong.statusCode).toBe(403);
    // Another session's token does not work either.
    const other = await t.login('admin');
    expect((await s.request('POST', '/api/units', body, { 'x-csrf-token': other.csrf })).statusCode).toBe(
      403,
    );
    const n = await t.database.rows<{ n: unknown }>(
      sql`select count(*) as n from units where code = 'CSRF-TEST'`,
    );
    expect(Number(n[0]!.n)).toBe(0);
    expect((await s.request('POST', '/api/units', body)).statusCode).toBe(201);
  });

  it('requires a session for protected routes', async () => {
    const res = await t.sut.inject({ method: 'GET', url: '/api/units' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'AUTH.REQUIRED', message: 'Vui lòng đăng nhập.' });
    const forged = await t.sut.inject({
      method: 'GET',
      url: '/api/units',
      cookies: { vd_session: 'forged-token' },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('changes the password: old one stops working, other sessions end', async () => {
    const a = await t.login('canbo');
    const b = await t.login('canbo');
    const res = await a.request('POST', '/api/auth/change-password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'MatKhauMoi2026',
      confirmPassword: 'MatKhauMoi2026',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().revokedOtherSessions).toBe(1);
    expect((await b.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await a.request('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await login('canbo', DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await login('canbo', 'MatKhauMoi2026')).statusCode).toBe(200);
  });

  it('rejects a weak or mismatched new password and a wrong current one, in Vietnamese', async () => {
    const a = await t.login('canbo');
    const weak = await a.request('POST', '/api/auth/change-password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'ngan',
      confirmPassword: 'khac',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields).toMatchObject({ newPassword: 'Mật khẩu mới phải có ít nhất 10 ký tự' });
    const wrongCurrent = await a.request('POST', '/api/auth/change-password', {
      currentPassword: 'khong-dung-1',
      newPassword: 'MatKhauMoi2026',
      confirmPassword: 'MatKhauMoi2026',
    });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().code).toBe('AUTH.WRONG_PASSWORD');
  });

  it('a user whose password must change can reach only me, logout and change-password', async () => {
    await t.database.db.update(users).set({ mustChangePassword: true }).where(eq(users.username, 'canbo'));
    const s = await t.login('canbo');
    expect((await s.request('GET', '/api/auth/me')).json().mustChangePassword).toBe(true);
    const blocked = await s.request('GET', '/api/units');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('AUTH.PASSWORD_CHANGE_REQUIRED');
    await s.request('POST', '/api/auth/change-password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'MatKhauMoi2026',
      confirmPassword: 'MatKhauMoi2026',
    });
    expect((await s.request('GET', '/api/units')).statusCode).toBe(200);
  });

  it('in production mode no seeded password survives the first login', async () => {
    const result = await bootstrap(
      t.database,
      testConfig({ mode: 'production', seedDemo: false }),
      t.time.clock,
    );
    expect(result.firstAdmin).toBeUndefined(); // users exist already
    const s = await t.login('admin');
    expect((await s.request('GET', '/api/units')).json().code).toBe('AUTH.PASSWORD_CHANGE_REQUIRED');
  });

  it('on an empty production database creates one admin with a one-time password that must be changed', async () => {
    await t.database.reset();
    const result = await bootstrap(
      t.database,
      testConfig({ mode: 'production', seedDemo: false }),
      t.time.clock,
    );
    expect(result.firstAdmin?.username).toBe('admin');
    const s = await t.login('admin', result.firstAdmin!.password);
    expect((await s.request('GET', '/api/auth/me')).json().mustChangePassword).toBe(true);
    expect((await s.request('GET', '/api/users')).statusCode).toBe(403);
  });
});
