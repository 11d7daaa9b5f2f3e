/**
 * What start-up does to a database before serving: demo data on an empty one (demo mode), a first
 * administrator with a one-time password (production mode), and in production no password that its
 * user never chose may be used without changing it.
 */
import { randomBytes } from 'node:crypto';
import { count, isNull, or, eq } from 'drizzle-orm';
import type { Database } from '../platform/db/database';
import type { Config } from '../platform/config';
import type { Clock } from '../platform/clock';
import { units, users } from '../platform/db/schema';
import { hashPassword } from '../platform/passwords';
import { recordAudit } from '../platform/audit';
import { systemActor } from '../platform/actor';
import { isEmpty, seedDemo } from './demo';

export interface BootstrapResult {
  demoSeeded: boolean;
  firstAdmin?: { username: string; password: string };
}

export async function bootstrap(database: Database, config: Config, clock: Clock): Promise<BootstrapResult> {
  const result: BootstrapResult = { demoSeeded: false };
  if (config.seedDemo) {
    result.demoSeeded = (await seedDemo(database, clock)).seeded;
  }
  const userCount = Number((await database.db.select({ n: count() }).from(users))[0]?.n ?? 0);
  if (userCount === 0 && config.mode === 'production') {
    const password = randomBytes(12).toString('base64url') + '7';
    const hash = await hashPassword(password);
    await database.db.transaction(async (tx) => {
      let rootId: string;
      if (await isEmpty(tx)) {
        const [root] = await tx
          .insert(units)
          .values({
            code: 'ROOT',
            name: process.env.VINHDANH_ROOT_UNIT_NAME || 'Cơ quan chủ quản',
            kind: 'state_agency',
            activeFrom: '2000-01-01',
          })
          .returning({ id: units.id });
        rootId = root!.id;
      } else {
        rootId = (await tx.select({ id: units.id }).from(units).where(isNull(units.parentId)).limit(1))[0]!
          .id;
      }
      const [admin] = await tx
        .insert(users)
        .values({
          username: 'admin',
          displayName: 'Quản trị hệ thống',
          role: 'admin',
          unitId: rootId,
          passwordHash: hash,
          mustChangePassword: true,
        })
        .returning();
      await recordAudit(
        tx,
        systemActor(null, 'bootstrap'),
        {
          action: 'user.create',
          entityType: 'user',
          entityId: admin!.id,
          after: { username: 'admin', role: 'admin' },
        },
        clock,
      );
    });
    result.firstAdmin = { username: 'admin', password };
  }
  if (config.mode === 'production') {
    // Seeded or imported passwords (never changed by their user) must be changed at first login.
    await database.db
      .update(users)
      .set({ mustChangePassword: true })
      .where(or(isNull(users.passwordChangedAt), eq(users.mustChangePassword, true)));
  }
  return result;
}
