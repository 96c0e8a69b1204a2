import { createContext, useContext, type ReactNode } from 'react';
import type { LucideIcon } from 'lucide-react';
import type { Permission } from '../../shared/permissions';

/** A sidebar section (the list itself is app/nav.ts, the registry the app composes). */
export interface NavItem {
  /** Stable key; also the placeholder text key (`placeholders:<key>.*`) while the section is not built. */
  key: string;
  path: string;
  icon: LucideIcon;
  /** i18n key with namespace, e.g. 'shell:nav.contacts'. */
  labelKey: string;
  /** Hidden for users without it. */
  permission?: Permission;
  /** Sections pinned to the bottom of the sidebar. */
  isFooter?: boolean;
}

const NavItemsContext = createContext<NavItem[]>([]);

/** The app provides its sections here, so features (sidebar, dashboard) read them without importing app/. */
export function NavItemsProvider({ items, children }: { items: NavItem[]; children: ReactNode }) {
  return <NavItemsContext.Provider value={items}>{children}</NavItemsContext.Provider>;
}

/** Every sidebar section, in order (not yet filtered by permission). */
export function useNavItems(): NavItem[] {
  return useContext(NavItemsContext);
}
