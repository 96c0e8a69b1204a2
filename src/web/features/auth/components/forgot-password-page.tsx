import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { MailCheck } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Button, Field, FormError, Input } from '../../../design';
import { fieldError, isApiError } from '../../../lib/api';
import { describeError } from '../../../lib/mutation';
import { requestPasswordReset } from '../api/auth';
import { AuthLayout } from './auth-layout';

export function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  const [email, setEmail] = useState('');
  const mutation = useMutation({ mutationFn: requestPasswordReset });
  const error = mutation.error;
  const formError = error && !(isApiError(error) && error.hasFieldErrors) ? describeError(error, t) : null;
  function submit(e: FormEvent) {
    e.preventDefault();
    mutation.mutate(email);
  }
  return (
    <AuthLayout
      title={t('forgot.title')}
      description={t('forgot.description')}
      footer={<Link to="/login">{t('backToSignIn')}</Link>}
    >
      {mutation.isSuccess ? (
        <div className="auth-success" role="status">
          <MailCheck aria-hidden />
          <span>{t('forgot.sent', { email })}</span>
        </div>
      ) : (
        <form className="stack" onSubmit={submit} noValidate>
          <FormError message={formError} />
          <Field label={t('email')} error={fieldError(error, 'email')}>
            <Input
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoFocus
            />
          </Field>
          <Button variant="primary" type="submit" size="lg" block isLoading={mutation.isPending}>
            {t('forgot.submit')}
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
