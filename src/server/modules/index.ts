import type { AppModule } from './module.js';
import { authRoutes } from './auth/auth.routes.js';
import { userRoutes } from './users/users.routes.js';
import { workspaceRoutes } from './workspaces/workspaces.routes.js';
import { apiKeyRoutes } from './api-keys/api-keys.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { auditRetentionJob } from './audit/audit.jobs.js';
import { eventRoutes } from './events/events.routes.js';
import { jobsModule } from './jobs/jobs.module.js';
import { contactsModule } from './contacts/contacts.module.js';
import { activitiesModule } from './activities/activities.module.js';
import { pipelinesModule } from './pipelines/pipelines.module.js';
import { importExportModule } from './import-export/import-export.module.js';

/** Every feature module, in the order their routes register. Add a module here to plug it in. */
export const modules: AppModule[] = [
  { name: 'auth', routes: authRoutes },
  { name: 'users', routes: userRoutes, eventPermissions: { 'user.': 'authenticated' } },
  { name: 'workspaces', routes: workspaceRoutes, eventPermissions: { 'workspace.': 'authenticated' } },
  { name: 'api-keys', routes: apiKeyRoutes },
  {
    name: 'audit',
    routes: auditRoutes,
    jobs: [auditRetentionJob],
    recurring: [{ name: 'audit.retention', cron: '17 3 * * *' }],
  },
  { name: 'events', routes: eventRoutes },
  jobsModule,
  contactsModule,
  activitiesModule,
  pipelinesModule,
  importExportModule,
];
