import {
  CalendarCheck,
  ChartColumn,
  ClipboardList,
  LayoutDashboard,
  Megaphone,
  Settings,
  SquareKanban,
  Users,
  Workflow,
} from 'lucide-react';
import type { NavItem } from '../lib/nav';

export type { NavItem };

/**
 * The sidebar, in order. A section without a route of its own gets a "not built yet" page
 * (see app/router.tsx), so adding a feature's routes replaces the placeholder automatically.
 */
export const navItems: NavItem[] = [
  { key: 'dashboard', path: '/', icon: LayoutDashboard, labelKey: 'shell:nav.dashboard' },
  { key: 'contacts', path: '/contacts', icon: Users, labelKey: 'shell:nav.contacts', permission: 'contacts.view' },
  {
    key: 'pipelines',
    path: '/pipelines',
    icon: SquareKanban,
    labelKey: 'shell:nav.pipelines',
    permission: 'deals.view',
  },
  {
    key: 'activities',
    path: '/activities',
    icon: CalendarCheck,
    labelKey: 'shell:nav.activities',
    permission: 'activities.view',
  },
  {
    key: 'campaigns',
    path: '/campaigns',
    icon: Megaphone,
    labelKey: 'shell:nav.campaigns',
    permission: 'broadcasts.view',
  },
  {
    key: 'automations',
    path: '/automations',
    icon: Workflow,
    labelKey: 'shell:nav.automations',
    permission: 'workflows.view',
  },
  {
    key: 'surveys',
    path: '/surveys',
    icon: ClipboardList,
    labelKey: 'shell:nav.surveys',
    permission: 'broadcasts.view',
  },
  { key: 'reports', path: '/reports', icon: ChartColumn, labelKey: 'shell:nav.reports', permission: 'analytics.view' },
  { key: 'settings', path: '/settings', icon: Settings, labelKey: 'shell:nav.settings', isFooter: true },
];
