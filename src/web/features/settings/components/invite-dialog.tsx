import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/permissions';
import { Button, Dialog, Field, FormError, Input, Select } from '../../../design';
import { fieldError, isApiError } from '../../../lib/api';
import { describeError, useApiMutation } from '../../../lib/mutation';
import { invitationKeys, inviteMember } from '../api/users';

/** Email + role; the server emails a link valid for 7 days. Mounted only while open, so it starts empty each time. */
export function InviteDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return open ? <OpenInviteDialog onClose={onClose} /> : null;
}

function OpenInviteDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('settings');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const invite = useApiMutation({
    mutationFn: inviteMember,
    invalidate: [invitationKeys.all],
    successMessage: (inv) => t('users.invited', { email: inv.email }),
    onSuccess: onClose,
  });
  const error = invite.error;
  const formError = error && !(isApiError(error) && error.hasFieldErrors) ? describeError(error, t) : null;
  function submit(e: FormEvent) {
    e.preventDefault();
    invite.mutate({ email, role });
  }
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('users.inviteTitle')}
      description={t('users.inviteDescription')}
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" form="invite-form" isLoading={invite.isPending}>
            {t('users.sendInvite')}
          </Button>
        </>
      }
    >
      <form id="invite-form" className="stack" onSubmit={submit} noValidate>
        <FormError message={formError} />
        <Field label={t('users.email')} error={fieldError(error, 'email')} isRequired>
          <Input
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            placeholder="name@example.com"
            autoFocus
          />
        </Field>
        <Field
          label={t('users.columns.role')}
          hint={t(`common:roleDescriptions.${role}`)}
          error={fieldError(error, 'role')}
        >
          <Select
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
            options={ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
          />
        </Field>
      </form>
    </Dialog>
  );
}
