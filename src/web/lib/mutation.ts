import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import i18n, { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useToast } from '../design';
import { isApiError } from './api';

/** A readable, translated message for any error (API problem, network, or bug). */
export function describeError(err: unknown, t: TFunction): string {
  if (!isApiError(err)) return t('common:errors.unexpected');
  const translated = t(`common:errorCodes.${err.code}`, { defaultValue: '' });
  // English speakers get the server's specific detail; other languages get the translated code.
  if (i18n.language !== 'en' && translated) return translated;
  return err.detail ?? (translated || err.title);
}

export interface ApiMutationOptions<TVars, TData> {
  mutationFn: (vars: TVars) => Promise<TData>;
  /** Query keys to refetch after success (prefix match). */
  invalidate?: QueryKey[];
  /** Toast text on success; omit for no success toast. */
  successMessage?: string | ((data: TData, vars: TVars) => string);
  /** Toast title on failure (the description says why). Field errors are left to the form. */
  errorMessage?: string;
  onSuccess?: (data: TData, vars: TVars) => void | Promise<void>;
}

/**
 * The standard mutation: runs, invalidates the given keys, toasts the outcome. When the server names
 * fields (problem+json `errors`), the form shows them and the toast only says to check the form.
 */
export function useApiMutation<TVars = void, TData = unknown>({
  mutationFn,
  invalidate,
  successMessage,
  errorMessage,
  onSuccess,
}: ApiMutationOptions<TVars, TData>) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const { t } = useTranslation('common');
  return useMutation<TData, unknown, TVars>({
    mutationFn,
    onSuccess: async (data, vars) => {
      await Promise.all((invalidate ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      await onSuccess?.(data, vars);
      if (successMessage)
        toast.success(typeof successMessage === 'function' ? successMessage(data, vars) : successMessage);
    },
    onError: (err) => {
      if (isApiError(err) && err.hasFieldErrors)
        toast.error(errorMessage ?? t('errors.checkFields'), t('errors.checkFieldsHint'));
      else toast.error(errorMessage ?? t('errors.actionFailed'), describeError(err, t));
    },
  });
}
