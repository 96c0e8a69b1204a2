/** Roles and permissions: one list, read by the server's guard and the web app's menus. */
export const PERMISSIONS = [
  'contacts.view',
  'contacts.edit',
  'contacts.delete',
  'contacts.export',
  'contacts.export_phones',
  'tags.manage',
  'segments.manage',
  'deals.view',
  'deals.edit',
  'pipelines.manage',
  'activities.view',
  'activities.edit',
  'activities.manage',
  'broadcasts.view',
  'broadcasts.create',
  'broadcasts.send',
  'workflows.view',
  'workflows.create',
  'workflows.activate',
  'analytics.view',
  'audit.view',
  'settings.manage',
  'users.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['admin', 'manager', 'agent', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

const VIEW: Permission[] = [
  'contacts.view',
  'deals.view',
  'activities.view',
  'broadcasts.view',
  'workflows.view',
  'analytics.view',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  manager: PERMISSIONS.filter((p) => p !== 'settings.manage' && p !== 'users.manage' && p !== 'contacts.export_phones'),
  agent: [...VIEW, 'contacts.edit', 'deals.edit', 'activities.edit', 'broadcasts.create'],
  viewer: VIEW,
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Agents see only what they own or are assigned, unless the workspace lets them see all. */
export function seesOnlyOwnRecords(role: Role, agentsSeeAll: boolean): boolean {
  return role === 'agent' && !agentsSeeAll;
}
