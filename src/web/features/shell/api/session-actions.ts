import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/contracts/auth';
import { useToast } from '../../../design';
import { LANGUAGES, applyLanguage, type Language } from '../../../i18n';
import { http } from '../../../lib/api';
import { useApiMutation } from '../../../lib/mutation';
import { realtime } from '../../../lib/realtime';
import { sessionKey, useSetSession } from '../../../lib/session';

export const logout = () => http.post<{ ok: true }>('/auth/logout');
export const switchWorkspace = (workspaceId: string) =>
  http.post<SessionInfo>('/auth/switch-workspace', { workspaceId });
export const updateProfile = (patch: { name?: string; locale?: Language }) =>
  http.patch<SessionInfo>('/auth/profile', patch);

/** Signs out, forgets every cached record, and goes to the sign-in page. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const { t } = useTranslation('shell');
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      realtime.stop();
      queryClient.clear();
      queryClient.setQueryData(sessionKey, null);
      navigate('/login', { replace: true });
      toast.info(t('signedOut'));
    },
  });
}

/** Moves the session to another workspace; cached data of the old one is dropped. */
export function useSwitchWorkspace() {
  const queryClient = useQueryClient();
  const setSession = useSetSession();
  const navigate = useNavigate();
  const { t } = useTranslation('shell');
  return useApiMutation({
    mutationFn: switchWorkspace,
    successMessage: (info) => t('workspace.switched', { name: info.workspace.name }),
    onSuccess: (info) => {
      queryClient.clear();
      setSession(info);
      realtime.restart();
      navigate('/');
    },
  });
}

/** Saves name or language on the server; the language applies at once and at every sign-in. */
export function useUpdateProfile() {
  const setSession = useSetSession();
  const { t } = useTranslation('shell');
  return useApiMutation({
    mutationFn: updateProfile,
    successMessage: (_info, patch) =>
      patch.locale && !patch.name
        ? t('language.changed', { name: LANGUAGES.find((l) => l.code === patch.locale)?.label })
        : t('profile.saved'),
    onSuccess: (info) => {
      applyLanguage(info.user.locale);
      setSession(info);
    },
  });
}
