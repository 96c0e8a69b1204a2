import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';
import type { AppModule } from '../module.js';
import { importExportEvents } from './import-export.events.js';
import { exportRoutes } from './exports.routes.js';
import { cleanupFilesJobDef, importExportJobs } from './import-export.jobs.js';
import { importRoutes } from './imports.routes.js';

const routes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(importRoutes, { ctx });
  await app.register(exportRoutes, { ctx });
};

/** Imports (CSV, Excel, vCard, JSON rows) with mapping, validation, duplicates, progress and undo; exports to CSV and Excel. */
export const importExportModule: AppModule = {
  name: 'import-export',
  routes,
  jobs: importExportJobs,
  recurring: [{ name: cleanupFilesJobDef.name, cron: '53 3 * * *' }],
  events: importExportEvents,
};
