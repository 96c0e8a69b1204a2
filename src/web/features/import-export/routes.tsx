import type { RouteObject } from 'react-router-dom';

/** /imports (history), /imports/new (wizard), /imports/:id (an import: its setup, progress or result). */
export const importExportRoutes: RouteObject[] = [
  { path: '/imports', lazy: () => import('./components/import-history').then((m) => ({ Component: m.ImportHistory })) },
  {
    path: '/imports/new',
    lazy: () => import('./components/import-wizard-page').then((m) => ({ Component: m.ImportWizardPage })),
  },
  {
    path: '/imports/:id',
    lazy: () => import('./components/import-wizard-page').then((m) => ({ Component: m.ImportWizardPage })),
  },
];
