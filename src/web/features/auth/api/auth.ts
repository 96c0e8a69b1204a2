import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { InvitationPreview, SessionInfo } from '../../../../shared/contracts/auth';
import { http } from '../../../lib/api';

export type Invitation = z.infer<typeof InvitationPreview>;

export const login = (input: { email: string; password: string }) => http.post<SessionInfo>('/auth/login', input);
export const requestPasswordReset = (email: string) =>
  http.post<{ ok: true }>('/auth/password-reset/request', { email });
export const confirmPasswordReset = (input: { token: string; password: string }) =>
  http.post<{ ok: true }>('/auth/password-reset/confirm', input);
export const acceptInvitation = (input: { token: string; name: string; password: string }) =>
  http.post<SessionInfo>('/auth/invitations/accept', input);

export const fetchInvitation = (token: string) =>
  http.get<Invitation>(`/auth/invitations/${encodeURIComponent(token)}`);
/** An invitation as its link shows it, before signing in (the members' invitations are settings' invitationKeys). */
export const invitationPreviewKeys = {
  all: ['invitation-preview'] as const,
  detail: (token: string) =>
    queryOptions({ queryKey: [...invitationPreviewKeys.all, token], queryFn: () => fetchInvitation(token) }),
};
export function useInvitation(token: string) {
  return useQuery({ ...invitationPreviewKeys.detail(token), enabled: token.length >= 10 });
}
