import type { Database } from '../../platform/db/database';
import type { Clock } from '../../platform/clock';
import type { Config } from '../../platform/config';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { fail, ok, type Result } from '../../platform/errors';
import { hashPassword } from '../../platform/passwords';
import { isUniqueViolation } from '../../platform/pg-errors';
import type { Page } from '../../../shared/paginated';
import type { Role } from '../../../shared/permissions';
import type {
  ResetPasswordInput,
  User,
  UserCreateInput,
  UserListQuery,
  UserUpdateInput,
} from '../../../shared/users/users.schema';
import { authRepository } from '../auth/auth.repository';
import { unitsRepository } from '../units/units.repository';
import type { Scope } from '../units/units.service';
import { usersRepository as repo, type UserRow, type UserWithUnit } from './users.repository';

/** What the audit log keeps of a user (never the hash). */
function auditView(u: UserRow) {
  const { passwordHash: _hash, ...rest } = u;
  return rest;
}

export function createUsersService(database: Database, config: Config, clock: Clock) {
  const { db } = database;

  function toUser(u: UserWithUnit): User {
    const now = clock();
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role as Role,
      unitId: u.unitId,
      unitName: u.unitName,
      active: u.active,
      mustChangePassword: u.mustChangePassword,
      locked: u.lockedUntil !== null && u.lockedUntil > now,
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
      version: u.version,
    };
  }

  async function scopeUnits(actor: Actor, scope: Scope): Promise<string[] | undefined> {
    if (scope === 'any') return undefined;
    return actor.unitId ? unitsRepository.subtreeIds(db, actor.unitId) : [];
  }

  return {
    async list(actor: Actor, scope: Scope, query: UserListQuery): Promise<Page<User>> {
      const unitIds = await scopeUnits(actor, scope);
      const { rows, total } = await repo.page(
        db,
        { q: query.q, role: query.role, unitId: query.unitId, unitIds },
        query.page,
        query.pageSize,
      );
      return { items: rows.map(toUser), total, page: query.page, pageSize: query.pageSize };
    },

    async get(actor: Actor, scope: Scope, id: string): Promise<Result<User>> {
      const row = await repo.findById(db, id);
      if (!row) return fail('NOT_FOUND');
      const unitIds = await scopeUnits(actor, scope);
      if (unitIds && !unitIds.includes(row.unitId)) return fail('NOT_FOUND');
      return ok(toUser(row));
    },

    async create(actor: Actor, input: UserCreateInput): Promise<Result<User>> {
      const passwordHash = await hashPassword(input.password);
      try {
        return await db.transaction(async (tx) => {
          if (await repo.usernameTaken(tx, input.username)) {
            return fail('USER.USERNAME_TAKEN', { username: 'Tên đăng nhập đã tồn tại' });
          }
          if (!(await unitsRepository.findById(tx, input.unitId))) {
            return fail('USER.UNIT_NOT_FOUND', { unitId: 'Đơn vị không tồn tại' });
          }
          const now = clock();
          const row = await repo.insert(tx, {
            username: input.username,
            displayName: input.displayName,
            role: input.role,
            unitId: input.unitId,
            passwordHash,
            // A password someone else chose never survives the first login.
            mustChangePassword: true,
            passwordChangedAt: now,
            createdAt: now,
            updatedAt: now,
          });
          await recordAudit(
            tx,
            actor,
            { action: 'user.create', entityType: 'user', entityId: row.id, after: auditView(row) },
            clock,
          );
          return ok(toUser((await repo.findById(tx, row.id))!));
        });
      } catch (err) {
        if (isUniqueViolation(err))
          return fail('USER.USERNAME_TAKEN', { username: 'Tên đăng nhập đã tồn tại' });
        throw err;
      }
    },

    async update(actor: Actor, id: string, input: UserUpdateInput): Promise<Result<User>> {
      return db.transaction(async (tx) => {
        const before = await repo.findByIdForUpdate(tx, id);
        if (!before) return fail('NOT_FOUND');
        if (before.version !== input.version) return fail('CONFLICT.VERSION');
        if (input.active === false && id === actor.id) return fail('USER.CANNOT_DEACTIVATE_SELF');
        if (input.unitId && !(await unitsRepository.findById(tx, input.unitId))) {
          return fail('USER.UNIT_NOT_FOUND', { unitId: 'Đơn vị không tồn tại' });
        }
        const { version: _v, ...patch } = input;
        const now = clock();
        const after = await repo.update(
          tx,
          id,
          Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
          now,
        );
        // A deactivated account, or one whose role or unit changed, starts over with a new session.
        if (after.active === false || after.role !== before.role || after.unitId !== before.unitId) {
          await authRepository.revokeAllForUser(tx, id, now);
        }
        await recordAudit(
          tx,
          actor,
          {
            action: 'user.update',
            entityType: 'user',
            entityId: id,
            before: auditView(before),
            after: auditView(after),
          },
          clock,
        );
        return ok(toUser((await repo.findById(tx, id))!));
      });
    },

    async resetPassword(actor: Actor, id: string, input: ResetPasswordInput): Promise<Result<User>> {
      const passwordHash = await hashPassword(input.newPassword);
      return db.transaction(async (tx) => {
        const before = await repo.findByIdForUpdate(tx, id);
        if (!before) return fail('NOT_FOUND');
        const now = clock();
        await repo.update(
          tx,
          id,
          {
            passwordHash,
            mustChangePassword: true,
            passwordChangedAt: now,
            failedLoginCount: 0,
            lockedUntil: null,
          },
          now,
        );
        await authRepository.revokeAllForUser(tx, id, now);
        await recordAudit(
          tx,
          actor,
          { action: 'user.reset_password', entityType: 'user', entityId: id },
          clock,
        );
        return ok(toUser((await repo.findById(tx, id))!));
      });
    },

    async unlock(actor: Actor, id: string): Promise<Result<User>> {
      return db.transaction(async (tx) => {
        const before = await repo.findByIdForUpdate(tx, id);
        if (!before) return fail('NOT_FOUND');
        await repo.update(tx, id, { failedLoginCount: 0, lockedUntil: null }, clock());
        await recordAudit(
          tx,
          actor,
          {
            action: 'user.unlock',
            entityType: 'user',
            entityId: id,
            before: { lockedUntil: before.lockedUntil },
          },
          clock,
        );
        return ok(toUser((await repo.findById(tx, id))!));
      });
    },

    async revokeSessions(actor: Actor, id: string): Promise<Result<{ revoked: number }>> {
      return db.transaction(async (tx) => {
        if (!(await repo.findByIdForUpdate(tx, id))) return fail('NOT_FOUND');
        const revoked = await authRepository.revokeAllForUser(tx, id, clock());
        await recordAudit(
          tx,
          actor,
          { action: 'user.revoke_sessions', entityType: 'user', entityId: id, after: { revoked } },
          clock,
        );
        return ok({ revoked });
      });
    },

    config,
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
