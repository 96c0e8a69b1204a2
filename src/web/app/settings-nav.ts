import {
  BellRing,
  Building2,
  CalendarClock,
  FormInput,
  History,
  KeyRound,
  Route,
  Shapes,
  Tags,
  Users,
} from 'lucide-react';
import type { SettingsSection } from '../features/settings';

/**
 * The Settings area's sub-navigation and pages. Features add their settings pages with ONE line here,
 * e.g. `{ key: 'tags', path: 'tags', labelKey: 'contacts:settings.tags', icon: Tag, groupKey: 'settings:groups.data',
 * permission: 'tags.manage', load: () => import('../features/contacts/components/tag-settings').then((m) => m.TagSettings) }`.
 */
export const settingsSections: SettingsSection[] = [
  {
    key: 'workspace',
    path: 'workspace',
    labelKey: 'settings:sections.workspace',
    icon: Building2,
    groupKey: 'settings:groups.workspace',
    load: () => import('../features/settings/components/workspace-settings').then((m) => m.WorkspaceSettings),
  },
  {
    key: 'users',
    path: 'users',
    labelKey: 'settings:sections.users',
    icon: Users,
    groupKey: 'settings:groups.workspace',
    load: () => import('../features/settings/components/users-settings').then((m) => m.UsersSettings),
  },
  {
    key: 'api-keys',
    path: 'api-keys',
    labelKey: 'settings:sections.apiKeys',
    icon: KeyRound,
    groupKey: 'settings:groups.workspace',
    permission: 'settings.manage',
    load: () => import('../features/settings/components/api-keys-settings').then((m) => m.ApiKeysSettings),
  },
  {
    key: 'audit',
    path: 'audit',
    labelKey: 'settings:sections.audit',
    icon: History,
    groupKey: 'settings:groups.workspace',
    permission: 'audit.view',
    load: () => import('../features/settings/components/audit-settings').then((m) => m.AuditSettings),
  },
  {
    key: 'contact-types',
    path: 'contact-types',
    labelKey: 'contactSettings:sections.types',
    icon: Shapes,
    groupKey: 'settings:groups.data',
    load: () =>
      import('../features/contact-settings/components/contact-types-settings').then((m) => m.ContactTypesSettings),
  },
  {
    key: 'contact-sources',
    path: 'contact-sources',
    labelKey: 'contactSettings:sections.sources',
    icon: Route,
    groupKey: 'settings:groups.data',
    load: () => import('../features/contact-settings/components/sources-settings').then((m) => m.SourcesSettings),
  },
  {
    key: 'custom-fields',
    path: 'custom-fields',
    labelKey: 'contactSettings:sections.fields',
    icon: FormInput,
    groupKey: 'settings:groups.data',
    load: () =>
      import('../features/contact-settings/components/custom-fields-settings').then((m) => m.CustomFieldsSettings),
  },
  {
    key: 'activity-types',
    path: 'activity-types',
    labelKey: 'activities:settingsNav.types',
    icon: CalendarClock,
    groupKey: 'settings:groups.data',
    permission: 'settings.manage',
    load: () =>
      import('../features/activities/components/activity-types-settings').then((m) => m.ActivityTypesSettings),
  },
  {
    key: 'notifications',
    path: 'notifications',
    labelKey: 'activities:settingsNav.notifications',
    icon: BellRing,
    groupKey: 'settings:groups.workspace',
    load: () => import('../features/activities/components/notification-settings').then((m) => m.NotificationSettings),
  },
  {
    key: 'tags',
    path: 'tags',
    labelKey: 'contactSettings:sections.tags',
    icon: Tags,
    groupKey: 'settings:groups.data',
    load: () => import('../features/contact-settings/components/tags-settings').then((m) => m.TagsSettings),
  },
];
