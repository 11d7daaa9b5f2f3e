/**
 * Builds the Fastify application over an open database. Used by `main.ts` (the real server), by the tests
 * (through `inject`, same stack) and by the benchmarks.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Database } from './platform/db/database';
import type { Config } from './platform/config';
import { systemClock, type Clock } from './platform/clock';
import {
  collectRouteAccess,
  installErrorHandling,
  requireAccessDeclarations,
  type RouteAccess,
} from './platform/http';
import { ERRORS } from '../shared/errors';
import { VERSION } from './version';
import { createAuthService } from './features/auth/auth.service';
import { installAuthGuard } from './features/auth/auth.guard';
import { authRoutes } from './features/auth/auth.routes';
import { createUnitsService } from './features/units/units.service';
import { unitsRoutes } from './features/units/units.routes';
import { createUsersService } from './features/users/users.service';
import { usersRoutes } from './features/users/users.routes';
import { auditRoutes } from './features/audit/audit.routes';
import { healthRoutes } from './features/health/health.routes';
import { createPeopleService } from './features/people/people.service';
import { eligibilityRoutes, rulesRoutes } from './features/eligibility/eligibility.routes';
import { createEligibilityService } from './features/eligibility/eligibility.service';
import { createRulesService } from './features/eligibility/rules.service';
import { peopleRoutes } from './features/people/people.routes';
import { registryRoutes } from './features/registry/registry.routes';
import { createRegistryService } from './features/registry/registry.service';
import multipart from '@fastify/multipart';
// Issue 5: movements and registration.
import { createMovementsService } from './features/movements/movements.service';
import { movementsRoutes } from './features/movements/movements.routes';
import { createRegistrationService } from './features/registration/registration.service';
import { registrationRoutes } from './features/registration/registration.routes';
// Issue 5: block covenant and scoring.
import { createScoringService } from './features/scoring/scoring.service';
import { scoringRoutes } from './features/scoring/scoring.routes';
import { fileStore } from './platform/files';
import { MAX_IMPORT_BYTES } from './features/registry/excel/limits';
// Issue 6: nomination dossiers, holidays, notifications.
import { dossierRoutesFor } from './features/dossiers/dossiers.module';
// Issue 6: public disclosure (công khai) and council ballots.
import { createDisclosureService } from './features/disclosure/disclosure.service';
import { disclosureRoutes, publicDisclosureRoutes } from './features/disclosure/disclosure.routes';
import { disclosurePages } from './features/disclosure/disclosure.pages';
import { createCouncilService } from './features/council/council.service';
import { councilRoutes } from './features/council/council.routes';
// Issue 6: decisions and prize money.
import { createDecisionsService } from './features/decisions/decisions.service';
import { decisionsRoutes } from './features/decisions/decisions.routes';
// Issue 7: reports (the year-end summary).
import { createReportsService } from './features/reports/reports.service';
import { reportsRoutes } from './features/reports/reports.routes';
// Issue 7: the public portal (news, view counter, access statistics, issued decisions).
import { createNewsService } from './features/portal/news.service';
import { newsRoutes } from './features/portal/news.routes';
import { createPortalService } from './features/portal/portal.service';
import { portalPages } from './features/portal/portal.pages';
// Issue 7: statistics, the ministry's forms and the dashboard.
import { createStatisticsService } from './features/statistics/statistics.service';
import { statisticsRoutes } from './features/statistics/statistics.routes';
// Issue 7: the emulation fund and certificates.
import { createFundService } from './features/fund/fund.service';
import { fundRoutes } from './features/fund/fund.routes';
import { createCertificatesService } from './features/certificates/certificates.service';
import { certificatesRoutes } from './features/certificates/certificates.routes';

export interface AppOptions {
  database: Database;
  config: Config;
  clock?: Clock;
  /** Filled with every /api route and its declared access (tests, docs). */
  routeAccess?: RouteAccess[];
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { database, config } = options;
  const clock = options.clock ?? systemClock;

  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // Unknown query keys are ignored by zod objects; bodies use strict objects.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  requireAccessDeclarations(app);
  if (options.routeAccess) collectRouteAccess(app, options.routeAccess);

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its CSS-in-JS into <style> tags.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    // HSTS only where the deployment is served over HTTPS (secure cookies).
    strictTransportSecurity: config.cookieSecure,
    // Swagger UI and the SPA are same-origin; no cross-origin embedding needed.
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  // Uploads: one file per request, size-limited before it is buffered (registry import).
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5, parts: 6 } });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'VinhDanh API',
        description:
          'Quản lý thi đua, khen thưởng — API. Ghi dữ liệu cần cookie phiên và tiêu đề X-CSRF-Token.',
        version: VERSION,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'vd_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  const auth = createAuthService(database, config, clock);
  installAuthGuard(app, auth);
  const disclosure = createDisclosureService(database, clock);
  // Issue 7: news of the public portal; `news.publishGenerated` publishes other features' content.
  const news = createNewsService(database, clock);

  await app.register(
    async (api) => {
      await api.register(healthRoutes(database));
      await api.register(authRoutes(auth, config), { prefix: '/auth' });
      await api.register(unitsRoutes(createUnitsService(database, clock)), { prefix: '/units' });
      await api.register(usersRoutes(createUsersService(database, config, clock)), { prefix: '/users' });
      await api.register(auditRoutes(database), { prefix: '/audit' });
      await api.register(peopleRoutes(createPeopleService(database, clock)), { prefix: '/people' });
      await api.register(eligibilityRoutes(createEligibilityService(database)), { prefix: '/eligibility' });
      await api.register(rulesRoutes(createRulesService(database, clock)), { prefix: '/rules' });
      await api.register(registryRoutes(database, clock, createRegistryService(database, clock)), {
        prefix: '/registry',
      });
      // Issue 5: movements (phong trào) and registration (đăng ký thi đua).
      await api.register(movementsRoutes(createMovementsService(database, clock)), { prefix: '/movements' });
      await api.register(registrationRoutes(createRegistrationService(database, clock)), {
        prefix: '/registrations',
      });
      // Issue 5: block covenant and scoring (chấm điểm khối thi đua).
      await api.register(
        scoringRoutes(createScoringService(database, clock, fileStore(config.uploadDir)), clock),
        { prefix: '/scoring' },
      );
      // Issue 6: nomination dossiers (hồ sơ đề nghị), holidays, notifications.
      await dossierRoutesFor(api, database, config, clock);
      // Issue 6: public disclosure (officer side, and the no-login API) and councils.
      await api.register(disclosureRoutes(disclosure), { prefix: '/disclosures' });
      await api.register(publicDisclosureRoutes(disclosure), { prefix: '/public/disclosures' });
      await api.register(councilRoutes(createCouncilService(database, clock)), { prefix: '/councils' });
      // Issue 6: decisions (quyết định khen thưởng) and prize money.
      await api.register(decisionsRoutes(createDecisionsService(database, clock), clock), {
        prefix: '/decisions',
      });
      // Issue 7: the year-end summary (báo cáo tổng kết).
      // Publishing a summary goes through the portal's news (publishGenerated).
      await api.register(reportsRoutes(createReportsService(database, clock, news), clock), {
        prefix: '/reports',
      });
      // Issue 7: news items, categories and web links of the public portal.
      await api.register(newsRoutes(news), { prefix: '/news' });
      // Issue 7: statistics tables, the ministry's statistical forms and the dashboard.
      await api.register(statisticsRoutes(createStatisticsService(database), clock), {
        prefix: '/statistics',
      });
      // Issue 7: the emulation fund (quỹ thi đua, khen thưởng).
      await api.register(fundRoutes(createFundService(database, clock)), { prefix: '/fund' });
      // Issue 7: certificates (giấy khen, bằng khen) printed on calibrated templates.
      await api.register(certificatesRoutes(createCertificatesService(database, clock)), {
        prefix: '/certificates',
      });
    },
    { prefix: '/api' },
  );

  // The public disclosure pages (/cong-khai), server-rendered: no login, no JavaScript needed.
  await app.register(disclosurePages(disclosure));
  // Issue 7: the public portal (/tin-tuc, /quyet-dinh, /hien-thi), server-rendered.
  await app.register(
    portalPages(createPortalService(database, clock), { secureCookies: config.cookieSecure }),
  );

  // The production web build, served by the same process; client-side routes fall back to index.html.
  const indexHtml = path.join(config.webDir, 'index.html');
  const hasWeb = fs.existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: config.webDir, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (!request.url.startsWith('/api') && request.method === 'GET' && hasWeb) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply
      .status(404)
      .send({ code: 'ROUTE.NOT_FOUND', message: ERRORS['ROUTE.NOT_FOUND'].message, requestId: request.id });
  });

  return app;
}
