import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Invitation, InviteBody, Member, RoleInfo, UpdateMemberBody } from '../../../../shared/contracts/users';
import { http } from '../../../lib/api';

export type { Member };
export type PendingInvitation = z.infer<typeof Invitation>;
export type RolePermissions = z.infer<typeof RoleInfo>;

export const fetchMembers = () => http.get<{ items: Member[] }>('/users').then((r) => r.items);

/**
 * Workspace members (GET /users): one query, one cache entry, for every feature. Member changes
 * (this page's mutations, and `user.*` live events in the shell) invalidate `memberKeys.all`.
 */
export const memberKeys = {
  all: ['members'] as const,
  list: () => queryOptions({ queryKey: [...memberKeys.all, 'list'], queryFn: fetchMembers, staleTime: 60_000 }),
};

const activeOnly = (members: Member[]) => members.filter((m) => m.isActive);

/**
 * The workspace's members. Owner and assignee pickers take the default (active members only: a
 * deactivated member cannot be given work); lists of people and filters by past owners pass
 * `includeInactive`.
 */
export function useMembers({ includeInactive = false }: { includeInactive?: boolean } = {}) {
  return useQuery({ ...memberKeys.list(), select: includeInactive ? undefined : activeOnly });
}
export const updateMember = ({ id, ...patch }: { id: string } & z.input<typeof UpdateMemberBody>) =>
  http.patch<Member>(`/users/${encodeURIComponent(id)}`, patch);

export const fetchInvitations = () =>
  http.get<{ items: PendingInvitation[] }>('/users/invitations').then((r) => r.items);
export const invitationKeys = {
  all: ['invitations'] as const,
  list: () => queryOptions({ queryKey: [...invitationKeys.all, 'list'], queryFn: fetchInvitations }),
};
export function useInvitations(enabled: boolean) {
  return useQuery({ ...invitationKeys.list(), enabled });
}
export const inviteMember = (input: z.input<typeof InviteBody>) =>
  http.post<PendingInvitation>('/users/invitations', input);

export const fetchRoles = () => http.get<{ items: RolePermissions[] }>('/roles').then((r) => r.items);
export const roleKeys = {
  all: ['roles'] as const,
  list: () => queryOptions({ queryKey: [...roleKeys.all, 'list'], queryFn: fetchRoles, staleTime: Infinity }),
};
export function useRoles() {
  return useQuery(roleKeys.list());
}
