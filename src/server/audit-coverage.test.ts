/**
 * Every successful write through the API leaves exactly the audit row that names it, with the caller as
 * actor and the request id of the call; and every write route of the app is covered by this list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { createTestApp, engine, type Session, type TestApp } from './testing/harness';
import { auditLog, units, users } from './platform/db/schema';

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

const id = async (table: 'units' | 'users', key: string) =>
  table === 'units'
    ? (await t.database.db.select().from(units).where(eq(units.code, key)))[0]!
    : (await t.database.db.select().from(users).where(eq(users.username, key)))[0]!;

type Step = [
  route: string,
  action: string,
  run: () => Promise<{ statusCode: number; headers: Record<string, unknown> }>,
];

const steps: Step[] = [
  [
    'POST /api/units',
    'unit.create',
    () =>
      admin.request('POST', '/api/units', {
        code: 'AC-1',
        name: 'Kiểm tra',
        kind: 'other',
        parentId: null,
        activeFrom: '2026-01-01',
      }),
  ],
  [
    'PATCH /api/units/:id',
    'unit.update',
    async () => {
      const u = await id('units', 'AC-1');
      return admin.request('PATCH', `/api/units/${u.id}`, { name: 'Kiểm tra 2', version: u.version });
    },
  ],
  [
    'POST /api/units/:id/deactivate',
    'unit.deactivate',
    async () => {
      const u = await id('units', 'AC-1');
      return admin.request('POST', `/api/units/${u.id}/deactivate`, {
        activeTo: '2026-02-01',
        version: u.version,
      });
    },
  ],
  [
    'POST /api/units/:id/reactivate',
    'unit.reactivate',
    async () => {
      const u = await id('units', 'AC-1');
      return admin.request('POST', `/api/units/${u.id}/reactivate`, { version: u.version });
    },
  ],
  [
    'POST /api/users',
    'user.create',
    async () =>
      admin.request('POST', '/api/users', {
        username: 'ac.user',
        displayName: 'Người Kiểm Tra',
        role: 'leader',
        unitId: (await id('units', 'AC-1')).id,
        password: 'KiemTra2026x',
      }),
  ],
  [
    'PATCH /api/users/:id',
    'user.update',
    async () => {
      const u = await id('users', 'ac.user');
      return admin.request('PATCH', `/api/users/${u.id}`, { role: 'officer', version: u.version });
    },
  ],
  [
    'POST /api/users/:id/reset-password',
    'user.reset_password',
    async () =>
      admin.request('POST', `/api/users/${(await id('users', 'ac.user')).id}/reset-password`, {
        newPassword: 'DatLai2026abc',
      }),
  ],
  [
    'POST /api/users/:id/unlock',
    'user.unlock',
    async () => admin.request('POST', `/api/users/${(await id('users', 'ac.user')).id}/unlock`),
  ],
  [
    'POST /api/users/:id/revoke-sessions',
    'user.revoke_sessions',
    async () => admin.request('POST', `/api/users/${(await id('users', 'ac.user')).id}/revoke-sessions`),
  ],
  [
    'POST /api/auth/login',
    'auth.login',
    () =>
      t.sut.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'canbo', password: 'VinhDanh2020' },
      }),
  ],
  [
    'POST /api/auth/change-password',
    'auth.password_changed',
    async () =>
      (await t.login('khoitruong')).request('POST', '/api/auth/change-password', {
        currentPassword: 'VinhDanh2020',
        newPassword: 'KhoiTruong2026',
        confirmPassword: 'KhoiTruong2026',
      }),
  ],
  [
    'DELETE /api/auth/sessions/:id',
    'auth.session_revoked',
    async () => {
      const s = await t.login('lanhdao');
      await t.login('lanhdao');
      const list = (await s.request('GET', '/api/auth/sessions')).json() as {
        id: string;
        current: boolean;
      }[];
      return s.request('DELETE', `/api/auth/sessions/${list.find((x) => !x.current)!.id}`);
    },
  ],
  [
    'POST /api/auth/logout',
    'auth.logout',
    async () => (await t.login('hoidong')).request('POST', '/api/auth/logout'),
  ],
];

describe(`audit coverage (${engine})`, () => {
  it('the list covers every write route the app registers', () => {
    const writes = t.routes
      .filter((r) => r.method !== 'GET')
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(steps.map((s) => s[0]).sort()).toEqual(writes);
  });

  it.each(steps)('%s writes %s', async (_route, action, run) => {
    const res = await run();
    expect(res.statusCode).toBeLessThan(300);
    const last = (await t.database.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1))[0]!;
    expect(last.action).toBe(action);
    expect(last.requestId).toBe(res.headers['x-request-id']);
  });
});
