import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Invitation, Member, RoleInfo } from '../../../../shared/contracts/users';
import type { Role } from '../../../../shared/permissions';
import { http } from '../../../lib/api';

export type { Member };
export type PendingInvitation = z.infer<typeof Invitation>;
export type RolePermissions = z.infer<typeof RoleInfo>;

export const membersKey = ['users', 'members'] as const;
export const fetchMembers = () => http.get<{ items: Member[] }>('/users').then((r) => r.items);
export function useMembers() {
  return useQuery({ queryKey: membersKey, queryFn: fetchMembers });
}
export const updateMember = ({ id, ...patch }: { id: string; role?: Role; isActive?: boolean }) =>
  http.patch<Member>(`/users/${encodeURIComponent(id)}`, patch);

export const invitationsKey = ['users', 'invitations'] as const;
export const fetchInvitations = () =>
  http.get<{ items: PendingInvitation[] }>('/users/invitations').then((r) => r.items);
export function useInvitations(enabled: boolean) {
  return useQuery({ queryKey: invitationsKey, queryFn: fetchInvitations, enabled });
}
export const inviteMember = (input: { email: string; role: Role }) =>
  http.post<PendingInvitation>('/users/invitations', input);

export const rolesKey = ['users', 'roles'] as const;
export const fetchRoles = () => http.get<{ items: RolePermissions[] }>('/roles').then((r) => r.items);
export function useRoles() {
  return useQuery({ queryKey: rolesKey, queryFn: fetchRoles, staleTime: Infinity });
}
