import type { Permission, Role } from '../../shared/permissions.js';
import { roleHas, seesOnlyOwnRecords } from '../../shared/permissions.js';

/** Who is acting: a signed-in user, an API key, or the system (jobs, seeds). */
export interface Actor {
  kind: 'user' | 'api_key' | 'system';
  id: string;
  name: string;
  workspaceId: string;
  role: Role;
  agentsSeeAll: boolean;
  sessionId?: string;
  csrfToken?: string;
  ip?: string;
  userAgent?: string;
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.kind === 'system' || roleHas(actor.role, permission);
}

/** Owner filter for lists: null means the actor sees every record of the workspace. */
export function ownerScope(actor: Actor): string | null {
  return actor.kind === 'user' && seesOnlyOwnRecords(actor.role, actor.agentsSeeAll) ? actor.id : null;
}

export function systemActor(workspaceId: string, name = 'system'): Actor {
  return { kind: 'system', id: 'system', name, workspaceId, role: 'admin', agentsSeeAll: true };
}
