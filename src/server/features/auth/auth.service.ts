/**
 * Login, sessions and passwords. Sessions live in the database (any process can serve any request);
 * the cookie carries a random token whose sha256 is the session id.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../../platform/db/database';
import type { Config } from '../../platform/config';
import type { Clock } from '../../platform/clock';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { fail, ok, type Result } from '../../platform/errors';
import { dummyHash, hashPassword, verifyPassword } from '../../platform/passwords';
import type { ChangePasswordInput, LoginInput, SessionInfo } from '../../../shared/auth/auth.schema';
import { permissionsOf, type Role } from '../../../shared/permissions';
import { authRepository as repo, type SessionWithUser, type UserRow } from './auth.repository';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** Touch `last_seen_at` at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 60_000;

export interface LoginContext {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

export type SessionState =
  { status: 'valid'; data: SessionWithUser } | { status: 'missing' } | { status: 'expired' };

export function createAuthService(database: Database, config: Config, clock: Clock) {
  const { db } = database;

  function actorFor(user: UserRow, requestId: string | null): Actor {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role as Role,
      unitId: user.unitId,
      requestId,
    };
  }

  return {
    actorFor,

    async login(
      input: LoginInput,
      ctx: LoginContext,
    ): Promise<Result<{ token: string; csrfToken: string; user: UserRow }>> {
      const now = clock();
      const candidate = await repo.findUserByUsername(db, input.username);
      if (!candidate || !candidate.active) {
        await verifyPassword(await dummyHash(), input.password);
        return fail('AUTH.INVALID_CREDENTIALS');
      }
      // Verify outside the transaction (argon2 is deliberately slow); decide inside it, on a locked row,
      // so concurrent attempts cannot each see a count below the limit.
      const passwordOk = await verifyPassword(candidate.passwordHash, input.password);
      return db.transaction(async (tx) => {
        const user = (await repo.findUserForUpdate(tx, candidate.id))!;
        const actor = actorFor(user, ctx.requestId);
        if (user.lockedUntil && user.lockedUntil > now) {
          await recordAudit(
            tx,
            actor,
            { action: 'auth.login_refused_locked', entityType: 'user', entityId: user.id },
            clock,
          );
          return fail('AUTH.LOCKED');
        }
        if (!passwordOk) {
          const count = user.failedLoginCount + 1;
          const lock = count >= config.loginMaxFailures;
          const lockedUntil = lock ? new Date(now.getTime() + config.loginLockMinutes * 60_000) : null;
          await repo.recordFailure(tx, user.id, lock ? 0 : count, lockedUntil);
          await recordAudit(
            tx,
            actor,
            {
              action: lock ? 'auth.locked' : 'auth.login_failed',
              entityType: 'user',
              entityId: user.id,
              after: { failedLoginCount: count, lockedUntil },
            },
            clock,
          );
          return fail(lock ? 'AUTH.LOCKED' : 'AUTH.INVALID_CREDENTIALS');
        }
        const token = randomBytes(32).toString('base64url');
        const csrfToken = randomBytes(24).toString('base64url');
        const sessionId = hashToken(token);
        await repo.recordSuccess(tx, user.id, now);
        await repo.insertSession(tx, {
          id: sessionId,
          userId: user.id,
          csrfToken,
          createdAt: now,
          lastSeenAt: now,
          expiresAt: new Date(now.getTime() + config.sessionAbsoluteHours * 3_600_000),
          ip: ctx.ip,
          userAgent: ctx.userAgent?.slice(0, 300) ?? null,
        });
        await recordAudit(
          tx,
          actor,
          {
            action: 'auth.login',
            entityType: 'session',
            entityId: sessionId.slice(0, 16),
            after: { ip: ctx.ip },
          },
          clock,
        );
        return ok({ token, csrfToken, user });
      });
    },

    /** Resolves a cookie token to a live session, applying idle and absolute expiry. */
    async resolveSession(token: string | undefined): Promise<SessionState> {
      if (!token || token.length > 100) return { status: 'missing' };
      const found = await repo.findSessionWithUser(db, hashToken(token));
      if (!found) return { status: 'missing' };
      const now = clock();
      const { session, user } = found;
      if (session.revokedAt || !user.active) return { status: 'expired' };
      if (session.expiresAt <= now) return { status: 'expired' };
      if (now.getTime() - session.lastSeenAt.getTime() > config.sessionIdleMinutes * 60_000) {
        return { status: 'expired' };
      }
      if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
        await repo.touchSession(db, session.id, now);
      }
      return { status: 'valid', data: found };
    },

    async logout(sessionId: string, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        await repo.revokeSession(tx, sessionId, actor.id!, clock());
        await recordAudit(
          tx,
          actor,
          { action: 'auth.logout', entityType: 'session', entityId: sessionId.slice(0, 16) },
          clock,
        );
      });
    },

    async changePassword(
      actor: Actor,
      currentSessionId: string,
      input: ChangePasswordInput,
    ): Promise<Result<{ revokedOtherSessions: number }>> {
      const user = await repo.findUserByUsername(db, actor.username);
      if (!user) return fail('NOT_FOUND');
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
        return fail('AUTH.WRONG_PASSWORD', { currentPassword: 'Mật khẩu hiện tại không đúng' });
      }
      const passwordHash = await hashPassword(input.newPassword);
      return db.transaction(async (tx) => {
        const now = clock();
        await repo.setPassword(tx, user.id, passwordHash, now, false);
        // Other sessions may have been opened with the old password: end them.
        const revoked = await repo.revokeAllForUser(tx, user.id, now, currentSessionId);
        await recordAudit(
          tx,
          actor,
          {
            action: 'auth.password_changed',
            entityType: 'user',
            entityId: user.id,
            after: { revokedOtherSessions: revoked },
          },
          clock,
        );
        return ok({ revokedOtherSessions: revoked });
      });
    },

    async listSessions(actor: Actor, currentSessionId: string): Promise<SessionInfo[]> {
      const rows = await repo.listActiveSessions(db, actor.id!, clock());
      return rows.map((s) => ({
        id: s.id.slice(0, 16),
        createdAt: s.createdAt.toISOString(),
        lastSeenAt: s.lastSeenAt.toISOString(),
        expiresAt: s.expiresAt.toISOString(),
        ip: s.ip,
        userAgent: s.userAgent,
        current: s.id === currentSessionId,
      }));
    },

    /** Revoke one of the actor's own sessions, named by the short id shown in the session list. */
    async revokeOwnSession(actor: Actor, shortId: string): Promise<Result<{ revoked: true }>> {
      const rows = await repo.listActiveSessions(db, actor.id!, clock());
      const target = rows.find((s) => s.id.startsWith(shortId) && shortId.length >= 16);
      if (!target) return fail('NOT_FOUND');
      return db.transaction(async (tx) => {
        await repo.revokeSession(tx, target.id, actor.id!, clock());
        await recordAudit(
          tx,
          actor,
          { action: 'auth.session_revoked', entityType: 'session', entityId: shortId },
          clock,
        );
        return ok({ revoked: true as const });
      });
    },

    currentUser(data: SessionWithUser) {
      const role = data.user.role as Role;
      return {
        id: data.user.id,
        username: data.user.username,
        displayName: data.user.displayName,
        role,
        unitId: data.user.unitId,
        unitName: data.unitName,
        permissions: [...permissionsOf(role)],
        mustChangePassword: data.user.mustChangePassword,
        csrfToken: data.session.csrfToken,
      };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
