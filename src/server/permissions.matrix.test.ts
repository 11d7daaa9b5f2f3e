/**
 * The permission matrix: every /api route × every role (and no session), driven by the routes the app
 * actually registers and the access each declares. A route that forgets its check, or a role table that
 * grants too much, fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, engine, type TestApp } from './testing/harness';
import { ROLES, can, type Role } from '../shared/permissions';
import { DEMO_USERS } from './seed/demo';
import { units } from './platform/db/schema';
import type { Access } from './platform/http';

let t: TestApp;
let unitId: string;
let userId: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  unitId = (await t.database.db.select().from(units).where(eq(units.code, 'BL-TTKN')))[0]!.id;
  // A spare account, so that writes admitted by the matrix (unlock, revoke) touch nobody the matrix logs in as.
  const admin = await t.login('admin');
  const spare = await admin.request('POST', '/api/users', {
    username: 'matrix.spare',
    displayName: 'Tài Khoản Phụ',
    role: 'leader',
    unitId,
    password: 'MaTran2026xyz',
  });
  userId = spare.json().id;
});
afterAll(async () => t?.close());

function concreteUrl(url: string): string {
  url = url
    .replace(':kind', 'people')
    .replace(':target', 'people')
    .replace(':year', '2020')
    .replace(':recordId', '00000000-0000-4000-8000-000000000001');
  if (url.includes('/sessions/:id')) return url.replace(':id', '0123456789abcdef');
  if (url.startsWith('/api/units')) return url.replace(':id', unitId);
  return url.replace(':id', userId);
}

function allowed(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  if ('authenticated' in access) return true;
  return access.anyOf.some((p) => can(role, p));
}

const usernameOf = (role: Role) => DEMO_USERS.find((u) => u.role === role)!.username;

describe(`permission matrix (${engine})`, () => {
  it('the app registers the routes this matrix is about', () => {
    expect(t.routes.length).toBeGreaterThanOrEqual(20);
    expect(t.routes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining([
        'GET /api/units',
        'POST /api/units',
        'GET /api/users',
        'GET /api/audit',
        'GET /api/health',
      ]),
    );
  });

  it('every route refuses or admits each role exactly as its declared permissions say', async () => {
    const failures: string[] = [];
    // One session per role; logging out comes last, as it ends the session.
    const sessions = new Map<Role, Awaited<ReturnType<TestApp['login']>>>();
    for (const role of ROLES) sessions.set(role, await t.login(usernameOf(role)));
    const routes = [...t.routes].sort(
      (a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')),
    );
    for (const route of routes) {
      for (const role of [null, ...ROLES] as (Role | null)[]) {
        const url = concreteUrl(route.url);
        const res = role
          ? await sessions.get(role)!.request(route.method, url)
          : await t.sut.inject({ method: route.method as 'GET', url });
        const expectAllowed = allowed(route.access, role);
        const refused = res.statusCode === 401 || res.statusCode === 403;
        if (expectAllowed === refused) {
          failures.push(
            `${route.method} ${route.url} as ${role ?? 'anonymous'}: ${res.statusCode} ${res.body.slice(0, 80)}`,
          );
        }
        if (!expectAllowed) {
          const code = res.json().code;
          if (code !== (role ? 'AUTH.FORBIDDEN' : 'AUTH.REQUIRED'))
            failures.push(`${route.method} ${route.url} as ${role}: code ${code}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('the role table grants what product.md describes', () => {
    expect(ROLES.filter((r) => can(r, 'write:unit:any'))).toEqual(['admin']);
    expect(ROLES.filter((r) => can(r, 'read:audit:any'))).toEqual(['admin']);
    expect(ROLES.filter((r) => can(r, 'read:unit:own'))).toEqual(['unit_officer']);
    expect(can('unit_officer', 'read:unit:any')).toBe(false);
  });
});
