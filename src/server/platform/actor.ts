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
  /** API keys: the member who owns the key; the key never does more than they may do now. */
  owner?: { userId: string; role: Role };
  sessionId?: string;
  csrfToken?: string;
  ip?: string;
  userAgent?: string;
}

export function can(actor: Actor, permission: Permission): boolean {
  if (actor.kind === 'system') return true;
  return roleHas(actor.role, permission) && (!actor.owner || roleHas(actor.owner.role, permission));
}

/**
 * Owner filter for lists: null means the actor sees every record of the workspace. A key is
 * limited to its owner's records when its own role or its owner's role sees only their own.
 */
export function ownerScope(actor: Actor): string | null {
  if (actor.kind === 'system') return null;
  const limited =
    seesOnlyOwnRecords(actor.role, actor.agentsSeeAll) ||
    (actor.owner !== undefined && seesOnlyOwnRecords(actor.owner.role, actor.agentsSeeAll));
  if (!limited) return null;
  // an ownerless key would see nothing: no record is owned by a key id
  return actor.kind === 'user' ? actor.id : (actor.owner?.userId ?? actor.id);
}

export function systemActor(workspaceId: string, name = 'system'): Actor {
  return { kind: 'system', id: 'system', name, workspaceId, role: 'admin', agentsSeeAll: true };
}
