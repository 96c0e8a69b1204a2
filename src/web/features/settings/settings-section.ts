import type { ComponentType } from 'react';
import type { LucideIcon } from 'lucide-react';
import type { Permission } from '../../../shared/permissions';

/** One Settings page; the list is app/settings-nav.ts, which the app passes to `createSettingsRoutes`. */
export interface SettingsSection {
  key: string;
  /** Under /settings, e.g. 'users' -> /settings/users. */
  path: string;
  labelKey: string;
  icon: LucideIcon;
  /** Group heading key, e.g. 'settings:groups.workspace'. */
  groupKey: string;
  /** Hidden from users without it (the server enforces it anyway). */
  permission?: Permission;
  /** Loads the section's page component on demand. */
  load: () => Promise<ComponentType>;
}
