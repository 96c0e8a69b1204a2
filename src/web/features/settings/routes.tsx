import { Navigate, type RouteObject } from 'react-router-dom';
import { settingsSections } from '../../app/settings-nav';
import { SettingsLayout, useVisibleSettingsSections } from './components/settings-layout';

function SettingsIndex() {
  const first = useVisibleSettingsSections()[0];
  return <Navigate to={first ? `/settings/${first.path}` : '/'} replace />;
}

/** /settings and one child route per entry in app/settings-nav.ts. */
export const settingsRoutes: RouteObject[] = [
  {
    path: '/settings',
    element: <SettingsLayout />,
    children: [
      { index: true, element: <SettingsIndex /> },
      ...settingsSections.map((section) => ({
        path: section.path,
        lazy: async () => ({ Component: await section.load() }),
      })),
    ],
  },
];
