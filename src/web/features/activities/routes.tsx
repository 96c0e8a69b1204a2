import type { RouteObject } from 'react-router-dom';

/** /activities (list), /activities/tasks, /activities/calendar. */
export const activitiesRoutes: RouteObject[] = [
  {
    path: '/activities',
    lazy: () => import('./components/activities-page').then((m) => ({ Component: m.ActivitiesPage })),
  },
  {
    path: '/activities/tasks',
    lazy: () => import('./components/tasks-page').then((m) => ({ Component: m.TasksPage })),
  },
  {
    path: '/activities/calendar',
    lazy: () => import('./components/calendar-page').then((m) => ({ Component: m.CalendarPage })),
  },
];
