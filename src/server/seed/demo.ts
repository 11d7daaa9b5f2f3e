/**
 * Demo data: the Bạc Liêu Department of Agriculture and the 2020 emulation block of its public units, from
 * the origin article (../shared/seed). Units the article does not name are invented and flagged `isDemo`.
 * People are fictional. Later issues extend this seed.
 */
import { seedRules } from './rules';
import { count } from 'drizzle-orm';
import type { Database, DbOrTx } from '../platform/db/database';
import { appMeta, units, users } from '../platform/db/schema';
import { hashPassword } from '../platform/passwords';
import { recordAudit } from '../platform/audit';
import { systemActor } from '../platform/actor';
import type { Clock } from '../platform/clock';
import type { Role } from '../../shared/permissions';
import { DECIDED_2020_ISSUERS, DEMO_UNITS, seedDemoRegistry } from './demo-registry';

export const DEMO_PASSWORD = 'VinhDanh2020';

export { DEMO_UNITS, BLOCK_2020_MEMBERS } from './demo-registry';

/** One fictional account per role. */
export const DEMO_USERS: { username: string; displayName: string; role: Role; unit: string }[] = [
  { username: 'admin', displayName: 'Phan Quốc Bảo', role: 'admin', unit: 'BL-SNN-VP' },
  { username: 'canbo', displayName: 'Lê Thị Ngọc Hân', role: 'officer', unit: 'BL-SNN-VP' },
  { username: 'khoitruong', displayName: 'Trần Văn Khải', role: 'block_lead', unit: 'BL-TTKN' },
  { username: 'donvi', displayName: 'Võ Thị Mỹ Linh', role: 'unit_officer', unit: 'BL-TTNS' },
  { username: 'hoidong', displayName: 'Huỳnh Minh Tâm', role: 'council_member', unit: 'BL-SNN' },
  { username: 'lanhdao', displayName: 'Đặng Hoàng Phúc', role: 'leader', unit: 'BL-SNN' },
];

export async function isEmpty(db: DbOrTx): Promise<boolean> {
  const rows = await db.select({ n: count() }).from(units);
  return Number(rows[0]?.n ?? 0) === 0;
}

export interface SeedDemoOptions {
  /**
   * The registry (sub-units, people, 2018–2020 evaluations and awards, blocks, the 2025 successors): on by
   * default. Off seeds what the demo had before the registry — 11 units, the users and the 2020 block —
   * for tests that want a small, fast seed.
   */
  registry?: boolean;
  /**
   * Leaves one member unit's 2020 regular awards out of the demo (e.g. 'BL-TTKN'), so an end-to-end walk can
   * nominate them again through the UI without tripping the duplicate checks.
   */
  withhold2020Unit?: string;
}

export async function seedDemo(
  database: Database,
  clock: Clock,
  options: SeedDemoOptions = {},
): Promise<{ seeded: boolean }> {
  // Most starts find data already there: skip the (deliberately slow) password hash then.
  if (!(await isEmpty(database.db))) return { seeded: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return database.db.transaction(async (tx) => {
    if (!(await isEmpty(tx))) return { seeded: false };
    const ids = new Map<string, string>();
    for (const u of DEMO_UNITS) {
      const [row] = await tx
        .insert(units)
        .values({
          code: u.code,
          name: u.name,
          shortName: u.shortName ?? null,
          kind: u.kind,
          parentId: u.parent ? ids.get(u.parent)! : null,
          documentSymbol: u.documentSymbol ?? null,
          isDemo: u.isDemo ?? false,
          activeFrom: u.activeFrom,
          activeTo: u.activeTo ?? null,
        })
        .returning({ id: units.id });
      ids.set(u.code, row!.id);
    }
    for (const u of DEMO_USERS) {
      await tx.insert(users).values({
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        unitId: ids.get(u.unit)!,
        passwordHash,
        // Never chosen by its user: production start-up forces a change (see ensureProductionPasswords).
        passwordChangedAt: null,
        mustChangePassword: false,
      });
    }
    // The registry (sub-units, people, 2018–2020 evaluations and awards, blocks, the 2025 successors).
    const { counts: registry, deferred } = await seedDemoRegistry(tx, {
      full: options.registry !== false,
      deferIssuers: DECIDED_2020_ISSUERS,
      ...(options.withhold2020Unit ? { withhold2020Unit: options.withhold2020Unit } : {}),
    });
    await seedRules(tx, { demo: true });
    // The 2020 awards of the Sở and the province: through issued decisions (demo-decisions.ts), once the
    // base salaries are in.
    const decided = deferred.length
      ? await (await import('./demo-decisions')).seedDemoDecisions(tx, clock, deferred)
      : undefined;
    if (options.registry !== false) await (await import('./demo-scoring')).seedDemoScoring(tx, clock);
    if (options.registry !== false) await (await import('./demo-movements')).seedDemoMovements(tx, clock());
    if (options.registry !== false) await (await import('./demo-council')).seedDemoCouncils(tx);
    // Issue 7: the certificate templates, and with the registry the 2020 emulation fund ledgers.
    await (await import('./demo-fund')).seedDemoFund(tx, clock, { ledger: options.registry !== false });
    // Issue 7: the public portal's categories, 2020 news and web links.
    if (options.registry !== false) await (await import('./demo-portal')).seedDemoPortal(tx);
    await tx.insert(appMeta).values({ key: 'demo_seeded_at', value: clock().toISOString() });
    await recordAudit(
      tx,
      systemActor(null, 'seed'),
      {
        action: 'seed.demo',
        entityType: 'system',
        after: {
          users: DEMO_USERS.length,
          ...registry,
          ...(decided ? { decisions: decided.numbers } : {}),
        },
      },
      clock,
    );
    return { seeded: true };
  });
}
