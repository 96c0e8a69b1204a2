import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { PlaceholderPage } from '../features/placeholders/placeholder-page';
import { NotFoundPage, RouteErrorPage } from './error-pages';
import { AppLayout } from './layout';
import { navItems } from './nav';
import { RequireSession, RootLayout } from './root';
import { appRoutes, publicRoutes } from './routes';

/** A "not built yet" page for every sidebar section that no feature has claimed with its own route. */
function placeholderRoutes(routes: RouteObject[]): RouteObject[] {
  const claimed = new Set(routes.map((r) => (r.index ? '/' : r.path)));
  return navItems
    .filter((item) => !claimed.has(item.path))
    .map((item) => ({ path: item.path, element: <PlaceholderPage item={item} /> }));
}

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <RootLayout />,
      errorElement: <RouteErrorPage />,
      children: [
        ...publicRoutes,
        {
          element: (
            <RequireSession>
              <AppLayout />
            </RequireSession>
          ),
          errorElement: <RouteErrorPage />,
          children: [
            {
              errorElement: <RouteErrorPage />,
              children: [...appRoutes, ...placeholderRoutes(appRoutes), { path: '*', element: <NotFoundPage /> }],
            },
          ],
        },
      ],
    },
  ]);
}
