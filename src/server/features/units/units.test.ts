import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { desc, eq, sql } from 'drizzle-orm';
import { createTestApp, engine, type Session, type TestApp } from '../../testing/harness';
import { auditLog, units } from '../../platform/db/schema';
import type { Unit } from '../../../shared/units/units.schema';

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

const unitByCode = async (code: string) =>
  (await t.database.db.select().from(units).where(eq(units.code, code)))[0]!;
const lastAudit = async () =>
  (await t.database.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1))[0]!;
const unitCount = async () =>
  Number((await t.database.rows<{ n: unknown }>(sql`select count(*) as n from units`))[0]!.n);

describe(`units (${engine})`, () => {
  it('lists the demo tree: province, department, and the eight block members', async () => {
    const list = (await admin.request('GET', '/api/units')).json() as Unit[];
    expect(list).toHaveLength(11);
    const dept = list.find((u) => u.code === 'BL-SNN')!;
    // Merged into Sở Nông nghiệp và Môi trường on 2025-03-01 (decision 021): history, no longer active.
    expect(dept).toMatchObject({
      documentSymbol: 'SNN',
      kind: 'state_agency',
      active: false,
      activeTo: '2025-02-28',
    });
    expect(list.filter((u) => u.parentId === dept.id)).toHaveLength(9);
    expect(list.filter((u) => u.isDemo)).toHaveLength(3);
  });

  it('creates a unit under a parent, and writes the audit row with actor, request id and after-values', async () => {
    const parent = await unitByCode('BL-TTKN');
    const res = await admin.request('POST', '/api/units', {
      code: 'bl-ttkn-tram1',
      name: 'Trạm Khuyến nông huyện Hòa Bình',
      kind: 'division',
      parentId: parent.id,
      activeFrom: '2020-01-01',
    });
    expect(res.statusCode).toBe(201);
    const created = res.json() as Unit;
    expect(created).toMatchObject({ code: 'BL-TTKN-TRAM1', parentId: parent.id, active: true, version: 1 });
    const audit = await lastAudit();
    expect(audit).toMatchObject({
      action: 'unit.create',
      entityType: 'unit',
      entityId: created.id,
      actorName: 'admin',
    });
    expect(audit.actorId).toBe(admin.user.id);
    expect(audit.requestId).toBe(res.headers['x-request-id']);
    expect((audit.after as { name: string }).name).toBe('Trạm Khuyến nông huyện Hòa Bình');
  });

  it('refuses a duplicate code with a field message, and writes nothing', async () => {
    const before = await unitCount();
    const res = await admin.request('POST', '/api/units', {
      code: 'BL-TTKN',
      name: 'Trùng mã',
      kind: 'other',
      parentId: null,
      activeFrom: '2020-01-01',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'UNIT.CODE_TAKEN', fields: { code: 'Mã đơn vị đã tồn tại' } });
    expect(await unitCount()).toBe(before);
  });

  it('refuses an unknown parent and an impossible date', async () => {
    const unknown = await admin.request('POST', '/api/units', {
      code: 'X1',
      name: 'Không có cấp trên',
      kind: 'other',
      parentId: '00000000-0000-4000-8000-000000000000',
      activeFrom: '2020-01-01',
    });
    expect(unknown.json().code).toBe('UNIT.PARENT_NOT_FOUND');
    const badDate = await admin.request('POST', '/api/units', {
      code: 'X2',
      name: 'Ngày sai',
      kind: 'other',
      parentId: null,
      activeFrom: '2020-02-30',
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().fields.activeFrom).toBe('Ngày không tồn tại');
  });

  it('edits with optimistic concurrency: a stale version is refused', async () => {
    const unit = await unitByCode('BL-BQLDA');
    const first = await admin.request('PATCH', `/api/units/${unit.id}`, {
      name: 'Ban Quản lý dự án (đổi tên)',
      version: unit.version,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(unit.version + 1);
    const stale = await admin.request('PATCH', `/api/units/${unit.id}`, {
      name: 'Ghi đè',
      version: unit.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT.VERSION');
    expect((await unitByCode('BL-BQLDA')).name).toBe('Ban Quản lý dự án (đổi tên)');
    const audit = await lastAudit();
    expect(audit.action).toBe('unit.update');
    expect((audit.before as { name: string }).name).toBe('Ban Quản lý dự án nông nghiệp (dữ liệu mẫu)');
  });

  it('refuses to make a unit its own ancestor', async () => {
    const dept = await unitByCode('BL-SNN');
    const child = await unitByCode('BL-TTKN');
    const res = await admin.request('PATCH', `/api/units/${dept.id}`, {
      parentId: child.id,
      version: dept.version,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('UNIT.CYCLE');
  });

  it('deactivates a leaf unit from a date, refuses a parent with active children, and reactivates', async () => {
    const dept = await unitByCode('BL-SNN');
    const blocked = await admin.request('POST', `/api/units/${dept.id}/deactivate`, {
      activeTo: '2025-02-28',
      version: dept.version,
    });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('UNIT.HAS_ACTIVE_CHILDREN');

    const leaf = await unitByCode('BL-TTKNGHIEM');
    const res = await admin.request('POST', `/api/units/${leaf.id}/deactivate`, {
      activeTo: '2025-12-31',
      version: leaf.version,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: false, activeTo: '2025-12-31' });
    const activeOnly = (await admin.request('GET', '/api/units?includeInactive=false')).json() as Unit[];
    expect(activeOnly.map((u) => u.code)).not.toContain('BL-TTKNGHIEM');
    expect((await lastAudit()).action).toBe('unit.deactivate');

    const again = await admin.request('POST', `/api/units/${leaf.id}/reactivate`, {
      version: res.json().version,
    });
    expect(again.json()).toMatchObject({ active: true, activeTo: null });
  });

  it('a unit officer reaches only their own unit and the units under it', async () => {
    const own = await unitByCode('BL-TTNS');
    await admin.request('POST', '/api/units', {
      code: 'BL-TTNS-PKT',
      name: 'Phòng Kỹ thuật',
      kind: 'division',
      parentId: own.id,
      activeFrom: '2020-01-01',
    });
    const officer = await t.login('donvi');
    const list = (await officer.request('GET', '/api/units')).json() as Unit[];
    expect(list.map((u) => u.code).sort()).toEqual(['BL-TTNS', 'BL-TTNS-PKT']);
    expect((await officer.request('GET', `/api/units/${own.id}`)).statusCode).toBe(200);
    const other = await unitByCode('BL-TTKN');
    const res = await officer.request('GET', `/api/units/${other.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    // …and cannot write any unit, its own included.
    expect(
      (await officer.request('PATCH', `/api/units/${own.id}`, { name: 'x', version: 1 })).statusCode,
    ).toBe(403);
  });

  it('other roles read the whole tree', async () => {
    for (const username of ['canbo', 'khoitruong', 'hoidong', 'lanhdao']) {
      const s = await t.login(username);
      expect(((await s.request('GET', '/api/units')).json() as Unit[]).length).toBe(11);
    }
  });
});
