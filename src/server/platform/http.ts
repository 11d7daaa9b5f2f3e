/**
 * HTTP plumbing shared by every feature: the access declaration each route must carry, the one error
 * handler, and the not-found handler.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ERRORS, type ErrorBody } from '../../shared/errors';
import type { Permission } from '../../shared/permissions';
import { HttpFailure } from './errors';
import { pgErrorCode } from './pg-errors';

/**
 * What a route needs from its caller. Every /api route declares one (checked at registration):
 * - `public`: no session;
 * - `authenticated`: any signed-in user (with `allowPendingPasswordChange` for the few routes a user
 *   whose password must change can still reach);
 * - `{ anyOf }`: a signed-in user holding at least one of the permissions.
 */
export type Access =
  'public' | { authenticated: true; allowPendingPasswordChange?: boolean } | { anyOf: readonly Permission[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export const authenticated: Access = { authenticated: true };
export const anyOf = (...permissions: Permission[]): Access => ({ anyOf: permissions });

function send(reply: FastifyReply, request: FastifyRequest, status: number, body: ErrorBody) {
  return reply.status(status).send({ ...body, requestId: request.id });
}

export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpFailure) {
      return send(reply, request, error.status, error.failure);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string> = {};
      for (const issue of error.validation) {
        const key =
          issue.instancePath.replace(/^\//, '').replace(/\//g, '.') ||
          (issue.params as { issue?: { keys?: string[] } })?.issue?.keys?.join(', ') ||
          '_';
        fields[key] ??= issue.message ?? ERRORS['VALIDATION.FAILED'].message;
      }
      return send(reply, request, 400, {
        code: 'VALIDATION.FAILED',
        message: ERRORS['VALIDATION.FAILED'].message,
        fields,
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response failed its schema');
      return send(reply, request, 500, { code: 'INTERNAL', message: ERRORS.INTERNAL.message });
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send(reply, request, 400, {
          code: 'REQUEST.MALFORMED',
          message: ERRORS['REQUEST.MALFORMED'].message,
        });
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, request, 413, {
          code: 'REQUEST.TOO_LARGE',
          message: ERRORS['REQUEST.TOO_LARGE'].message,
        });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, request, 415, {
          code: 'REQUEST.UNSUPPORTED_MEDIA',
          message: ERRORS['REQUEST.UNSUPPORTED_MEDIA'].message,
        });
    }
    if (error instanceof SyntaxError) {
      return send(reply, request, 400, {
        code: 'REQUEST.MALFORMED',
        message: ERRORS['REQUEST.MALFORMED'].message,
      });
    }
    if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.statusCode === 413) {
      return send(reply, request, 413, {
        code: 'IMPORT.TOO_LARGE',
        message: ERRORS['IMPORT.TOO_LARGE'].message,
      });
    }
    if (error.statusCode === 429) {
      return send(reply, request, 429, { code: 'RATE_LIMITED', message: ERRORS.RATE_LIMITED.message });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, request, error.statusCode, {
        code: 'REQUEST.MALFORMED',
        message: ERRORS['REQUEST.MALFORMED'].message,
      });
    }
    // Two transactions waited on each other (PostgreSQL aborted one) or a serializable one lost: the
    // transaction rolled back whole, so the caller may simply try again.
    const pg = pgErrorCode(error);
    if (pg === '40P01' || pg === '40001') {
      request.log.warn({ err: error }, 'transaction aborted by a concurrent one');
      return send(reply, request, 409, { code: 'CONFLICT.RETRY', message: ERRORS['CONFLICT.RETRY'].message });
    }
    // A real fault: log it with its stack, answer without one.
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, 500, { code: 'INTERNAL', message: ERRORS.INTERNAL.message });
  });
}

export function requireAccessDeclarations(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    if (!route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} does not declare its access`);
    }
  });
}

/** Routes registered with their access, for the permission matrix test and the docs. */
export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}
export function collectRouteAccess(app: FastifyInstance, into: RouteAccess[]) {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || !route.config?.access) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      into.push({ method, url: route.url, access: route.config.access });
    }
  });
}
