import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Field, FormError, Input, SkeletonText } from '../../../design';
import { fieldError, isApiError } from '../../../lib/api';
import { describeError } from '../../../lib/mutation';
import { useSetSession } from '../../../lib/session';
import { acceptInvitation, useInvitation } from '../api/auth';
import { AuthLayout } from './auth-layout';

/** Joins a workspace from an emailed link: new people set a name and password; existing users confirm theirs. */
export function AcceptInvitePage() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const invitation = useInvitation(token);
  const queryClient = useQueryClient();
  const setSession = useSetSession();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const mutation = useMutation({
    mutationFn: acceptInvitation,
    onSuccess: (info) => {
      queryClient.clear();
      setSession(info);
      navigate('/', { replace: true });
    },
  });
  const error = mutation.error;
  const formError = error && !(isApiError(error) && error.hasFieldErrors) ? describeError(error, t) : null;

  if (!token || invitation.isError) {
    return (
      <AuthLayout title={t('invite.invalidTitle')} footer={<Link to="/login">{t('backToSignIn')}</Link>}>
        <FormError message={invitation.error ? describeError(invitation.error, t) : t('invite.missingToken')} />
      </AuthLayout>
    );
  }
  if (invitation.isPending) {
    return (
      <AuthLayout title={t('invite.title')}>
        <SkeletonText lines={4} label={t('common:loading')} />
      </AuthLayout>
    );
  }
  const { workspaceName, role, email, userExists } = invitation.data;
  function submit(e: FormEvent) {
    e.preventDefault();
    mutation.mutate({ token, name: userExists ? email : name, password });
  }
  return (
    <AuthLayout
      title={t('invite.joinTitle', { workspace: workspaceName })}
      description={t('invite.description', { email, role: t(`common:roles.${role}`) })}
    >
      <form className="stack" onSubmit={submit} noValidate>
        <FormError message={formError} />
        {!userExists && (
          <Field label={t('yourName')} error={fieldError(error, 'name')} isRequired>
            <Input autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
          </Field>
        )}
        <Field
          label={userExists ? t('password') : t('choosePassword')}
          hint={userExists ? t('invite.existingHint') : t('passwordHint')}
          error={fieldError(error, 'password')}
          isRequired
        >
          <Input
            type="password"
            autoComplete={userExists ? 'current-password' : 'new-password'}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoFocus={userExists}
          />
        </Field>
        <Button variant="primary" type="submit" size="lg" block isLoading={mutation.isPending}>
          {t('invite.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
