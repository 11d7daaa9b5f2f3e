/** Wires the dossier feature (services, file store, mailer) and registers its three route groups. */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database';
import type { Config } from '../../platform/config';
import type { Clock } from '../../platform/clock';
import { createMailer } from '../../platform/mailer';
import { createEligibilityService } from '../eligibility/eligibility.service';
import { fileStore } from '../../platform/files';
import { dossiersRoutes, holidaysRoutes, notificationsRoutes } from './dossiers.routes';
import { createDossiersService, createHolidaysService, createNotificationsService } from './dossiers.service';

export async function dossierRoutesFor(
  api: FastifyInstance,
  database: Database,
  config: Config,
  clock: Clock,
) {
  const service = createDossiersService({
    database,
    clock,
    config,
    mailer: createMailer(config),
    files: fileStore(config.uploadDir),
    eligibility: createEligibilityService(database),
  });
  await api.register(dossiersRoutes(service), { prefix: '/dossiers' });
  await api.register(holidaysRoutes(createHolidaysService(database, clock)), { prefix: '/holidays' });
  await api.register(notificationsRoutes(createNotificationsService(database, clock)), {
    prefix: '/notifications',
  });
}
