import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, engine, type TestApp } from '../testing/harness';
import { canonicalJson, recordAudit, verifyAuditChain } from './audit';
import { systemActor } from './actor';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
beforeEach(async () => {
  await t.database.reset();
  await t.database.db.transaction(async (tx) => {
    for (let i = 1; i <= 5; i++) {
      await recordAudit(
        tx,
        systemActor(`req-${i}`, 'tester'),
        {
          action: 'test.write',
          entityType: 'thing',
          entityId: String(i),
          before: { n: i - 1 },
          after: { n: i, ten: 'Đơn vị số ' + i, nested: { b: 1, a: [1, 'x'] } },
        },
        t.time.clock,
      );
    }
  });
});

/** Tampering needs the append-only trigger off: what an attacker with table-owner rights could do. */
async function tamper(statement: string) {
  await t.database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger user`);
    await tx.execute(sql.raw(statement));
    await tx.execute(sql`alter table audit_log enable trigger user`);
  });
}

describe(`audit log hash chain (${engine})`, () => {
  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
  });

  it('an untouched chain verifies', async () => {
    expect(await verifyAuditChain(t.database.db)).toEqual({
      ok: true,
      checked: 5,
      firstBrokenSeq: null,
      reason: null,
    });
  });

  it('verifies across batch boundaries', async () => {
    expect((await verifyAuditChain(t.database.db, 2)).ok).toBe(true);
  });

  it('the database refuses to update, delete or truncate audit rows', async () => {
    await expect(
      t.database.db.execute(sql`update audit_log set action = 'x' where seq = 2`),
    ).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from audit_log where seq = 2`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it.each([
    ['a changed value', `update audit_log set after = jsonb_set(after, '{n}', '99') where seq = 3`, 3],
    ['a changed actor', `update audit_log set actor_name = 'someone-else' where seq = 2`, 2],
    ['a changed time', `update audit_log set at = at + interval '1 second' where seq = 4`, 4],
    ['a deleted row', `delete from audit_log where seq = 3`, 4],
    ['a deleted last-but-one row', `delete from audit_log where seq = 4`, 5],
    [
      'a re-hashed row (chain broken after it)',
      `update audit_log set after = '{"n":0}', hash = repeat('a', 64) where seq = 2`,
      2,
    ],
  ])('detects %s', async (_name, statement, brokenAt) => {
    await tamper(statement);
    const result = await verifyAuditChain(t.database.db);
    expect(result.ok).toBe(false);
    expect(result.firstBrokenSeq).toBe(brokenAt);
    expect(result.reason).toMatch(/^Dòng \d+:/);
  });

  it('the admin API reports a broken chain', async () => {
    await t.seed();
    const admin = await t.login('admin');
    expect((await admin.request('GET', '/api/audit/verify')).json().ok).toBe(true);
    await tamper(`update audit_log set entity_type = 'x' where seq = 1`);
    expect((await admin.request('GET', '/api/audit/verify')).json()).toMatchObject({
      ok: false,
      firstBrokenSeq: 1,
    });
  });

  it('lists and filters the log, newest first', async () => {
    await t.seed();
    const admin = await t.login('admin');
    await admin.request('POST', '/api/units', {
      code: 'AUD-1',
      name: 'Kiểm tra nhật ký',
      kind: 'other',
      parentId: null,
      activeFrom: '2026-01-01',
    });
    const all = (await admin.request('GET', '/api/audit')).json();
    expect(all.items[0].action).toBe('unit.create');
    expect(all.items[0].seq).toBeGreaterThan(all.items[1].seq);
    const units = (await admin.request('GET', '/api/audit?entityType=unit')).json();
    expect(units.total).toBe(1);
    const logins = (await admin.request('GET', '/api/audit?action=auth.')).json();
    expect(logins.items.every((e: { action: string }) => e.action.startsWith('auth.'))).toBe(true);
    const byActor = (
      await admin.request(`GET`, `/api/audit?actorId=${admin.user.id}&entityType=unit`)
    ).json();
    expect(byActor.total).toBe(1);
    const day = (await admin.request('GET', '/api/audit?from=2026-03-02&to=2026-03-02')).json();
    expect(day.total).toBe(all.total);
    const before = (await admin.request('GET', '/api/audit?to=2026-03-01')).json();
    expect(before.total).toBe(0);
    expect((await admin.request('GET', '/api/audit/entity-types')).json()).toEqual(
      expect.arrayContaining(['unit', 'session', 'system']),
    );
  });
});
