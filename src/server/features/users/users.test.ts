import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { createTestApp, engine, type Session, type TestApp } from '../../testing/harness';
import { auditLog, units, users } from '../../platform/db/schema';
import type { User } from '../../../shared/users/users.schema';

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
beforeEach(async () => {
  await t.seed();
  admin = await t.login('admin');
});

const unitId = async (code: string) =>
  (await t.database.db.select().from(units).where(eq(units.code, code)))[0]!.id;

describe(`users (${engine})`, () => {
  it('creates a user who must change the password at first login; the hash never reaches the audit log', async () => {
    const res = await admin.request('POST', '/api/users', {
      username: 'Nguyen.Van.An',
      displayName: 'Nguyễn Văn An',
      role: 'unit_officer',
      unitId: await unitId('BL-BQLCC'),
      password: 'TamThoi2026x',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'nguyen.van.an',
      mustChangePassword: true,
      unitName: 'Ban Quản lý cảng cá tỉnh Bạc Liêu',
    });
    const row = (await t.database.db.select().from(users).where(eq(users.username, 'nguyen.van.an')))[0]!;
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const audit = (await t.database.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1))[0]!;
    expect(audit.action).toBe('user.create');
    expect(JSON.stringify(audit.after)).not.toContain('argon2');
    const s = await t.login('nguyen.van.an', 'TamThoi2026x');
    expect((await s.request('GET', '/api/units')).json().code).toBe('AUTH.PASSWORD_CHANGE_REQUIRED');
  });

  it('refuses a taken username and an unknown role with Vietnamese field messages', async () => {
    const taken = await admin.request('POST', '/api/users', {
      username: 'canbo',
      displayName: 'Trùng',
      role: 'officer',
      unitId: await unitId('BL-SNN'),
      password: 'TamThoi2026x',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().fields.username).toBe('Tên đăng nhập đã tồn tại');
    const role = await admin.request('POST', '/api/users', {
      username: 'moi',
      displayName: 'Mới',
      role: 'superuser',
      unitId: await unitId('BL-SNN'),
      password: 'TamThoi2026x',
    });
    expect(role.statusCode).toBe(400);
    expect(role.json().fields.role).toBe('Vai trò không hợp lệ');
  });

  it('searches names without diacritics and sorts the Vietnamese way (given name first)', async () => {
    const byQuery = (await admin.request('GET', '/api/users?q=vo%20thi%20my')).json() as { items: User[] };
    expect(byQuery.items.map((u) => u.displayName)).toEqual(['Võ Thị Mỹ Linh']);
    const all = (await admin.request('GET', '/api/users')).json() as { items: User[]; total: number };
    expect(all.total).toBe(6);
    // Bảo, Hân, Khải, Linh, Phúc, Tâm
    expect(all.items.map((u) => u.displayName.split(' ').at(-1))).toEqual([
      'Bảo',
      'Hân',
      'Khải',
      'Linh',
      'Phúc',
      'Tâm',
    ]);
    const page2 = (await admin.request('GET', '/api/users?page=2&pageSize=4')).json() as { items: User[] };
    expect(page2.items.map((u) => u.username)).toEqual(['lanhdao', 'hoidong']);
  });

  it('takes LIKE metacharacters in a search literally', async () => {
    for (const q of ['%', '_', '\\']) {
      const res = (await admin.request('GET', `/api/users?q=${encodeURIComponent(q)}`)).json() as {
        total: number;
      };
      expect(res.total, q).toBe(0);
    }
  });

  it('a unit officer sees only the accounts of their own unit', async () => {
    const officer = await t.login('donvi');
    const list = (await officer.request('GET', '/api/users')).json() as { items: User[]; total: number };
    expect(list.items.map((u) => u.username)).toEqual(['donvi']);
    const adminId = (await t.database.db.select().from(users).where(eq(users.username, 'admin')))[0]!.id;
    expect((await officer.request('GET', `/api/users/${adminId}`)).statusCode).toBe(404);
  });

  it('deactivating a user ends their sessions; an admin cannot deactivate themself', async () => {
    const victim = await t.login('khoitruong');
    const row = (await t.database.db.select().from(users).where(eq(users.username, 'khoitruong')))[0]!;
    const res = await admin.request('PATCH', `/api/users/${row.id}`, { active: false, version: row.version });
    expect(res.statusCode).toBe(200);
    expect((await victim.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const self = (await t.database.db.select().from(users).where(eq(users.username, 'admin')))[0]!;
    const refused = await admin.request('PATCH', `/api/users/${self.id}`, {
      active: false,
      version: self.version,
    });
    expect(refused.json().code).toBe('USER.CANNOT_DEACTIVATE_SELF');
  });

  it('resetting a password forces a change and ends sessions', async () => {
    const victim = await t.login('lanhdao');
    const row = (await t.database.db.select().from(users).where(eq(users.username, 'lanhdao')))[0]!;
    const res = await admin.request('POST', `/api/users/${row.id}/reset-password`, {
      newPassword: 'DatLai2026abc',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().mustChangePassword).toBe(true);
    expect((await victim.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });
});
