import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Field, FormError, Input } from '../../../design';
import { fieldError, isApiError } from '../../../lib/api';
import { describeError } from '../../../lib/mutation';
import { useSessionQuery, useSetSession } from '../../../lib/session';
import { useMutation } from '@tanstack/react-query';
import { login } from '../api/auth';
import { AuthLayout } from './auth-layout';

/** Where to go after sign-in: the page that sent us here, but only paths inside this app. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { data: session } = useSessionQuery();
  const setSession = useSetSession();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const mutation = useMutation({
    mutationFn: login,
    onSuccess: (info) => {
      setSession(info);
      navigate(next, { replace: true });
    },
  });

  if (session && !mutation.isPending) return <Navigate to={next} replace />;

  const error = mutation.error;
  const formError = error && !(isApiError(error) && error.hasFieldErrors) ? describeError(error, t) : null;
  function submit(e: FormEvent) {
    e.preventDefault();
    mutation.mutate({ email, password });
  }

  return (
    <AuthLayout title={t('login.title')} description={t('login.description')}>
      <form className="stack" onSubmit={submit} noValidate>
        <FormError message={formError} />
        <Field label={t('email')} error={fieldError(error, 'email')}>
          <Input
            type="email"
            name="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoFocus
          />
        </Field>
        <Field label={t('password')} error={fieldError(error, 'password')}>
          <Input
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <div className="auth-row">
          <Link to="/forgot-password" className="text-sm">
            {t('login.forgot')}
          </Link>
        </div>
        <Button variant="primary" type="submit" size="lg" block isLoading={mutation.isPending}>
          {t('login.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}
