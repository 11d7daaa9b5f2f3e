import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import { sessions, units, users } from '../../platform/db/schema';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export interface SessionWithUser {
  session: SessionRow;
  user: UserRow;
  unitName: string;
}

export const authRepository = {
  async findUserByUsername(db: DbOrTx, username: string): Promise<UserRow | undefined> {
    const rows = await db.select().from(users).where(eq(users.username, username.toLowerCase())).limit(1);
    return rows[0];
  },

  async findUserForUpdate(db: DbOrTx, id: string): Promise<UserRow | undefined> {
    const rows = await db.select().from(users).where(eq(users.id, id)).for('update').limit(1);
    return rows[0];
  },

  async recordFailure(db: DbOrTx, id: string, count: number, lockedUntil: Date | null) {
    await db.update(users).set({ failedLoginCount: count, lockedUntil }).where(eq(users.id, id));
  },

  async recordSuccess(db: DbOrTx, id: string, at: Date) {
    await db
      .update(users)
      .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: at })
      .where(eq(users.id, id));
  },

  async insertSession(db: DbOrTx, row: typeof sessions.$inferInsert) {
    await db.insert(sessions).values(row);
  },

  async findSessionWithUser(db: DbOrTx, sessionId: string): Promise<SessionWithUser | undefined> {
    const rows = await db
      .select({ session: sessions, user: users, unitName: units.name })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .innerJoin(units, eq(units.id, users.unitId))
      .where(eq(sessions.id, sessionId))
      .limit(1);
    return rows[0];
  },

  async touchSession(db: DbOrTx, sessionId: string, at: Date) {
    await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, sessionId));
  },

  async revokeSession(db: DbOrTx, sessionId: string, userId: string, at: Date): Promise<boolean> {
    const rows = await db
      .update(sessions)
      .set({ revokedAt: at })
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    return rows.length > 0;
  },

  async revokeAllForUser(db: DbOrTx, userId: string, at: Date, exceptSessionId?: string): Promise<number> {
    const rows = await db
      .update(sessions)
      .set({ revokedAt: at })
      .where(
        and(
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          exceptSessionId ? sql`${sessions.id} <> ${exceptSessionId}` : undefined,
        ),
      )
      .returning({ id: sessions.id });
    return rows.length;
  },

  async listActiveSessions(db: DbOrTx, userId: string, now: Date): Promise<SessionRow[]> {
    return db
      .select()
      .from(sessions)
      .where(
        and(eq(sessions.userId, userId), isNull(sessions.revokedAt), sql`${sessions.expiresAt} > ${now}`),
      )
      .orderBy(desc(sessions.lastSeenAt));
  },

  async setPassword(db: DbOrTx, id: string, passwordHash: string, at: Date, mustChange: boolean) {
    await db
      .update(users)
      .set({
        passwordHash,
        passwordChangedAt: at,
        mustChangePassword: mustChange,
        updatedAt: at,
        version: sql`${users.version} + 1`,
      })
      .where(eq(users.id, id));
  },
};
