import type { RouteObject } from 'react-router-dom';

/** /pipelines (first board), /pipelines/new, /pipelines/:id (board) and its list, forecast, settings; /deals/:id. */
export const pipelinesRoutes: RouteObject[] = [
  {
    path: '/pipelines',
    lazy: () => import('./components/pipelines-index').then((m) => ({ Component: m.PipelinesIndex })),
  },
  {
    path: '/pipelines/new',
    lazy: () => import('./components/new-pipeline-page').then((m) => ({ Component: m.NewPipelinePage })),
  },
  { path: '/pipelines/:id', lazy: () => import('./components/board-page').then((m) => ({ Component: m.BoardPage })) },
  {
    path: '/pipelines/:id/list',
    lazy: () => import('./components/deal-list-page').then((m) => ({ Component: m.DealListPage })),
  },
  {
    path: '/pipelines/:id/forecast',
    lazy: () => import('./components/forecast-page').then((m) => ({ Component: m.ForecastPage })),
  },
  {
    path: '/pipelines/:id/settings',
    lazy: () => import('./components/pipeline-settings-page').then((m) => ({ Component: m.PipelineSettingsPage })),
  },
  { path: '/deals/:id', lazy: () => import('./components/deal-page').then((m) => ({ Component: m.DealPage })) },
];
