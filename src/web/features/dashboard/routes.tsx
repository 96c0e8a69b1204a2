import type { RouteObject } from 'react-router-dom';

export const dashboardRoutes: RouteObject[] = [
  { path: '/', lazy: () => import('./components/dashboard-page').then((m) => ({ Component: m.DashboardPage })) },
];
