import { Navigate, type RouteObject } from 'react-router-dom';
import { SettingsLayout, useVisibleSettingsSections } from './components/settings-layout';
import type { SettingsSection } from './settings-section';

function SettingsIndex({ sections }: { sections: SettingsSection[] }) {
  const first = useVisibleSettingsSections(sections)[0];
  return <Navigate to={first ? `/settings/${first.path}` : '/'} replace />;
}

/** /settings and one child route per section (the app passes its registry, app/settings-nav.ts). */
export function createSettingsRoutes(sections: SettingsSection[]): RouteObject[] {
  return [
    {
      path: '/settings',
      element: <SettingsLayout sections={sections} />,
      children: [
        { index: true, element: <SettingsIndex sections={sections} /> },
        ...sections.map((section) => ({
          path: section.path,
          lazy: async () => ({ Component: await section.load() }),
        })),
      ],
    },
  ];
}
