import type { RouteObject } from 'react-router-dom';

export const companiesRoutes: RouteObject[] = [
  {
    path: '/contacts/companies',
    lazy: () => import('./components/companies-page').then((m) => ({ Component: m.CompaniesPage })),
  },
  {
    path: '/contacts/companies/:id',
    lazy: () => import('./components/company-page').then((m) => ({ Component: m.CompanyPage })),
  },
];
