import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../../../shared/zod';
import {
  changePasswordSchema,
  currentUserSchema,
  loginSchema,
  sessionInfoSchema,
} from '../../../shared/auth/auth.schema';
import { unwrap } from '../../platform/errors';
import type { Config } from '../../platform/config';
import type { AuthService } from './auth.service';
import { authOf, SESSION_COOKIE } from './auth.guard';

export function authRoutes(auth: AuthService, config: Config): FastifyPluginAsyncZod {
  return async (app) => {
    const cookieOptions = {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: config.cookieSecure,
    };

    app.post(
      '/login',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Đăng nhập',
          body: loginSchema,
          response: { 200: currentUserSchema },
        },
      },
      async (request, reply) => {
        const result = unwrap(
          await auth.login(request.body, {
            ip: request.ip,
            userAgent: request.headers['user-agent'] ?? null,
            requestId: request.id,
          }),
        );
        reply.setCookie(SESSION_COOKIE, result.token, {
          ...cookieOptions,
          maxAge: config.sessionAbsoluteHours * 3600,
        });
        const state = await auth.resolveSession(result.token);
        if (state.status !== 'valid') throw new Error('session vanished right after login');
        return auth.currentUser(state.data);
      },
    );

    app.post(
      '/logout',
      {
        config: { access: { authenticated: true, allowPendingPasswordChange: true } },
        schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 204: z.null() } },
      },
      async (request, reply) => {
        const { session, actor } = authOf(request);
        await auth.logout(session.session.id, actor);
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/me',
      {
        config: { access: { authenticated: true, allowPendingPasswordChange: true } },
        schema: { tags: ['auth'], summary: 'Người dùng hiện tại', response: { 200: currentUserSchema } },
      },
      async (request) => auth.currentUser(authOf(request).session),
    );

    app.post(
      '/change-password',
      {
        config: { access: { authenticated: true, allowPendingPasswordChange: true } },
        schema: {
          tags: ['auth'],
          summary: 'Đổi mật khẩu',
          body: changePasswordSchema,
          response: { 200: z.object({ revokedOtherSessions: z.number() }) },
        },
      },
      async (request) => {
        const { actor, session } = authOf(request);
        return unwrap(await auth.changePassword(actor, session.session.id, request.body));
      },
    );

    app.get(
      '/sessions',
      {
        config: { access: { authenticated: true } },
        schema: {
          tags: ['auth'],
          summary: 'Các phiên đăng nhập của tôi',
          response: { 200: z.array(sessionInfoSchema) },
        },
      },
      async (request) => {
        const { actor, session } = authOf(request);
        return auth.listSessions(actor, session.session.id);
      },
    );

    app.delete(
      '/sessions/:id',
      {
        config: { access: { authenticated: true } },
        schema: {
          tags: ['auth'],
          summary: 'Thu hồi một phiên đăng nhập',
          params: z.strictObject({
            id: z.string().regex(/^[0-9a-f]{16}$/, { message: 'Mã phiên không hợp lệ' }),
          }),
          response: { 200: z.object({ revoked: z.literal(true) }) },
        },
      },
      async (request) => unwrap(await auth.revokeOwnSession(authOf(request).actor, request.params.id)),
    );
  };
}
