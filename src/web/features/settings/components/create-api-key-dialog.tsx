import { useState, type FormEvent } from 'react';
import { Check, Copy, TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/permissions';
import { Button, Dialog, Field, FormError, Input, Select, useToast } from '../../../design';
import { fieldError, isApiError } from '../../../lib/api';
import { describeError, useApiMutation } from '../../../lib/mutation';
import { apiKeyKeys, createApiKey, type NewApiKey } from '../api/api-keys';
import './create-api-key-dialog.css';

/** Name + role, then the key itself, shown this one time with a copy button. */
export function CreateApiKeyDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return open ? <OpenCreateApiKeyDialog onClose={onClose} /> : null;
}

function OpenCreateApiKeyDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('settings');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [created, setCreated] = useState<NewApiKey | null>(null);
  const create = useApiMutation({
    mutationFn: createApiKey,
    invalidate: [apiKeyKeys.all],
    successMessage: (k) => t('apiKeys.created', { name: k.name }),
    onSuccess: setCreated,
  });
  const error = create.error;
  const formError = error && !(isApiError(error) && error.hasFieldErrors) ? describeError(error, t) : null;

  if (created) {
    return (
      <Dialog
        open
        onClose={onClose}
        title={t('apiKeys.createdTitle')}
        description={t('apiKeys.createdDescription')}
        footer={
          <Button variant="primary" onClick={onClose}>
            {t('apiKeys.done')}
          </Button>
        }
      >
        <NewKeyPanel apiKey={created} />
      </Dialog>
    );
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate({ name, role });
  }
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('apiKeys.createTitle')}
      description={t('apiKeys.createDescription')}
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" form="api-key-form" isLoading={create.isPending}>
            {t('apiKeys.create')}
          </Button>
        </>
      }
    >
      <form id="api-key-form" className="stack" onSubmit={submit} noValidate>
        <FormError message={formError} />
        <Field label={t('apiKeys.name')} hint={t('apiKeys.nameHint')} error={fieldError(error, 'name')} isRequired>
          <Input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t('apiKeys.namePlaceholder')}
            autoFocus
          />
        </Field>
        <Field label={t('apiKeys.columns.role')} hint={t('apiKeys.roleHint')} error={fieldError(error, 'role')}>
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

function NewKeyPanel({ apiKey }: { apiKey: NewApiKey }) {
  const { t } = useTranslation('settings');
  const toast = useToast();
  const [isCopied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(apiKey.key);
      setCopied(true);
      toast.success(t('common:copied'));
    } catch {
      toast.error(t('apiKeys.copyFailed'));
    }
  }
  return (
    <div className="stack">
      <div className="new-key-warning" role="note">
        <TriangleAlert aria-hidden />
        <span>{t('apiKeys.onceWarning')}</span>
      </div>
      <Field label={t('apiKeys.yourKey', { name: apiKey.name })}>
        <div className="new-key-row">
          <Input
            readOnly
            value={apiKey.key}
            className="mono"
            data-testid="new-api-key"
            onFocus={(e) => e.currentTarget.select()}
          />
          <Button onClick={() => void copy()} icon={isCopied ? <Check /> : <Copy />}>
            {isCopied ? t('apiKeys.copied') : t('common:copy')}
          </Button>
        </div>
      </Field>
      <p className="text-muted text-sm">
        {t('apiKeys.usage')} <code>Authorization: Bearer {apiKey.key.slice(0, 12)}…</code>
      </p>
    </div>
  );
}
