import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, Field, Input, Select } from '../../../design';
import { LANGUAGES, type Language } from '../../../i18n';
import { fieldError } from '../../../lib/api';
import { useSession } from '../../../lib/session';
import { useUpdateProfile } from '../api/session-actions';

/** Your name and interface language (saved to your account, so it follows you to other devices). */
export function ProfileDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return open ? <OpenProfileDialog onClose={onClose} /> : null;
}

function OpenProfileDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('shell');
  const { user } = useSession();
  const [name, setName] = useState(user.name);
  const [locale, setLocale] = useState<Language>(user.locale);
  const update = useUpdateProfile();
  function submit(e: FormEvent) {
    e.preventDefault();
    update.mutate({ name, locale }, { onSuccess: onClose });
  }
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('profile.title')}
      description={t('profile.description')}
      size="sm"
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" form="profile-form" isLoading={update.isPending}>
            {t('common:saveChanges')}
          </Button>
        </>
      }
    >
      <form id="profile-form" className="stack" onSubmit={submit} noValidate>
        <Field label={t('profile.email')}>
          <Input value={user.email} disabled />
        </Field>
        <Field label={t('profile.name')} error={fieldError(update.error, 'name')} isRequired>
          <Input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
        </Field>
        <Field label={t('language.label')} hint={t('profile.languageHint')} error={fieldError(update.error, 'locale')}>
          <Select
            value={locale}
            onChange={(e) => setLocale(e.target.value as Language)}
            options={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
          />
        </Field>
      </form>
    </Dialog>
  );
}
