import type { RouteObject } from 'react-router-dom';
import { authRoutes } from '../features/auth/routes';
import { dashboardRoutes } from '../features/dashboard/routes';
import { createSettingsRoutes } from '../features/settings/routes';
import { settingsSections } from './settings-nav';
import { contactsRoutes } from '../features/contacts/routes';
import { companiesRoutes } from '../features/companies/routes';
import { activitiesRoutes } from '../features/activities/routes';
import { pipelinesRoutes } from '../features/pipelines/routes';
import { importExportRoutes } from '../features/import-export/routes';

/**
 * Pages inside the signed-in shell. Each feature exports `RouteObject[]` from features/<name>/routes.tsx
 * (paths absolute, e.g. '/contacts' and '/contacts/:id'; prefer `lazy` so each feature loads on demand).
 * To add a feature: import it above and add ONE line here.
 */
export const appRoutes: RouteObject[] = [
  ...dashboardRoutes,
  ...createSettingsRoutes(settingsSections),
  ...contactsRoutes,
  ...companiesRoutes,
  ...activitiesRoutes,
  ...pipelinesRoutes,
  ...importExportRoutes,
];

/** Pages outside the shell (sign-in, password reset, invitations). */
export const publicRoutes: RouteObject[] = [...authRoutes];
