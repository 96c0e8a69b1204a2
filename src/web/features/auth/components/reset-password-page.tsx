import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Field, FormError, Input, useToast } from '../../../design';
import { fieldError, isApiError } from '../../../lib/api';
import { describeError } from '../../../lib/mutation';
import { confirmPasswordReset } from '../api/auth';
import { AuthLayout } from './auth-layout';

export function ResetPasswordPage() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const toast = useToast();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const mutation = useMutation({
    mutationFn: confirmPasswordReset,
    onSuccess: () => {
      toast.success(t('reset.done'));
      navigate('/login', { replace: true });
    },
  });
  const error = mutation.error;
  const formError = !token
    ? t('reset.missingToken')
    : error && !(isApiError(error) && error.hasFieldErrors && !error.fieldErrors.token)
      ? describeError(error, t)
      : null;
  function submit(e: FormEvent) {
    e.preventDefault();
    setMismatch(password !== confirm);
    if (password === confirm) mutation.mutate({ token, password });
  }
  return (
    <AuthLayout
      title={t('reset.title')}
      description={t('reset.description')}
      footer={<Link to="/login">{t('backToSignIn')}</Link>}
    >
      <form className="stack" onSubmit={submit} noValidate>
        <FormError message={formError} />
        <Field label={t('newPassword')} hint={t('passwordHint')} error={fieldError(error, 'password')}>
          <Input
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoFocus
          />
        </Field>
        <Field label={t('confirmPassword')} error={mismatch ? t('passwordsDiffer') : undefined}>
          <Input
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
          />
        </Field>
        <Button variant="primary" type="submit" size="lg" block isLoading={mutation.isPending} disabled={!token}>
          {t('reset.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
