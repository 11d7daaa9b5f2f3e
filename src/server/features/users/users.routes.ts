import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z, uuid } from '../../../shared/zod';
import {
  resetPasswordSchema,
  userCreateSchema,
  userListQuery,
  userSchema,
  userUpdateSchema,
} from '../../../shared/users/users.schema';
import { paginated } from '../../../shared/paginated';
import { accessFor } from '../../../shared/permissions';
import { anyOf } from '../../platform/http';
import { raise, unwrap } from '../../platform/errors';
import { authOf } from '../auth/auth.guard';
import type { UsersService } from './users.service';

const idParams = z.strictObject({ id: uuid });

export function usersRoutes(users: UsersService): FastifyPluginAsyncZod {
  return async (app) => {
    const readAccess = anyOf('read:user:any', 'read:user:own');
    const write = anyOf('write:user:any');
    const scopeOf = (request: Parameters<typeof authOf>[0]) =>
      accessFor(authOf(request).role, 'read', 'user') ?? raise('AUTH.FORBIDDEN');

    app.get(
      '/',
      {
        config: { access: readAccess },
        schema: {
          tags: ['users'],
          summary: 'Danh sách tài khoản',
          querystring: userListQuery,
          response: { 200: paginated(userSchema) },
        },
      },
      async (request) => users.list(authOf(request).actor, scopeOf(request), request.query),
    );

    app.get(
      '/:id',
      {
        config: { access: readAccess },
        schema: {
          tags: ['users'],
          summary: 'Chi tiết tài khoản',
          params: idParams,
          response: { 200: userSchema },
        },
      },
      async (request) => unwrap(await users.get(authOf(request).actor, scopeOf(request), request.params.id)),
    );

    app.post(
      '/',
      {
        config: { access: write },
        schema: {
          tags: ['users'],
          summary: 'Tạo tài khoản',
          body: userCreateSchema,
          response: { 201: userSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(unwrap(await users.create(authOf(request).actor, request.body))),
    );

    app.patch(
      '/:id',
      {
        config: { access: write },
        schema: {
          tags: ['users'],
          summary: 'Sửa tài khoản',
          params: idParams,
          body: userUpdateSchema,
          response: { 200: userSchema },
        },
      },
      async (request) => unwrap(await users.update(authOf(request).actor, request.params.id, request.body)),
    );

    app.post(
      '/:id/reset-password',
      {
        config: { access: write },
        schema: {
          tags: ['users'],
          summary: 'Đặt lại mật khẩu (người dùng phải đổi khi đăng nhập)',
          params: idParams,
          body: resetPasswordSchema,
          response: { 200: userSchema },
        },
      },
      async (request) =>
        unwrap(await users.resetPassword(authOf(request).actor, request.params.id, request.body)),
    );

    app.post(
      '/:id/unlock',
      {
        config: { access: write },
        schema: {
          tags: ['users'],
          summary: 'Mở khóa tài khoản',
          params: idParams,
          response: { 200: userSchema },
        },
      },
      async (request) => unwrap(await users.unlock(authOf(request).actor, request.params.id)),
    );

    app.post(
      '/:id/revoke-sessions',
      {
        config: { access: anyOf('revoke:session:any') },
        schema: {
          tags: ['users'],
          summary: 'Thu hồi mọi phiên đăng nhập của tài khoản',
          params: idParams,
          response: { 200: z.object({ revoked: z.number() }) },
        },
      },
      async (request) => unwrap(await users.revokeSessions(authOf(request).actor, request.params.id)),
    );
  };
}
