/**
 * The one gate every /api request passes: resolves the session cookie, enforces the route's declared
 * access (permission strings), the pending password change, and CSRF on cookie-authenticated writes.
 * Runs in onRequest, before the body is even parsed, so a refused request costs nothing.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/actor';
import { raise } from '../../platform/errors';
import { can, type Permission, type Role } from '../../../shared/permissions';
import type { AuthService } from './auth.service';
import { safeEqual } from './auth.service';
import type { SessionWithUser } from './auth.repository';

export const SESSION_COOKIE = 'vd_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface Auth {
  session: SessionWithUser;
  actor: Actor;
  role: Role;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth | null;
  }
}

/** The signed-in caller; only call from routes whose access is not `public`. */
export function authOf(request: FastifyRequest): Auth {
  if (!request.auth) raise('AUTH.REQUIRED');
  return request.auth;
}

export function installAuthGuard(app: FastifyInstance, auth: AuthService) {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access || access === 'public') return;

    const state = await auth.resolveSession(request.cookies[SESSION_COOKIE]);
    if (state.status === 'missing') raise('AUTH.REQUIRED');
    if (state.status === 'expired') raise('AUTH.SESSION_EXPIRED');
    const { data } = state;
    const role = data.user.role as Role;

    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !safeEqual(header, data.session.csrfToken)) raise('AUTH.CSRF');
    }
    const allowPending = 'authenticated' in access && access.allowPendingPasswordChange === true;
    if (data.user.mustChangePassword && !allowPending) raise('AUTH.PASSWORD_CHANGE_REQUIRED');
    if ('anyOf' in access && !access.anyOf.some((p: Permission) => can(role, p))) raise('AUTH.FORBIDDEN');

    request.auth = { session: data, actor: auth.actorFor(data.user, request.id), role };
  });
}
