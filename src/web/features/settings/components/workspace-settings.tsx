import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workspace } from '../../../../shared/contracts/workspaces';
import { Badge, Button, Card, Checkbox, Field, FormError, Input, Select, SkeletonText } from '../../../design';
import { fieldError, isApiError } from '../../../lib/api';
import { describeError, useApiMutation } from '../../../lib/mutation';
import { sessionKey, useCan } from '../../../lib/session';
import { updateWorkspace, useWorkspace, workspaceKeys } from '../api/workspace';
import { ReadOnlyNotice, SectionHeader } from './section-header';

const TIME_ZONES: string[] = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.(
  'timeZone',
) ?? ['UTC', 'Asia/Jakarta'];
const CURRENCIES = ['IDR', 'USD', 'EUR', 'SGD', 'MYR', 'AUD', 'GBP', 'JPY'];

/** Name, regional settings, visibility and audit retention of the current workspace. */
export function WorkspaceSettings() {
  const { t } = useTranslation('settings');
  const workspace = useWorkspace();
  return (
    <>
      <SectionHeader title={t('workspace.title')} description={t('workspace.description')} />
      {workspace.isPending ? (
        <Card>
          <SkeletonText lines={6} label={t('common:loading')} />
        </Card>
      ) : workspace.isError ? (
        <Card>
          <FormError message={describeError(workspace.error, t)} />
        </Card>
      ) : (
        <WorkspaceForm key={workspace.data.id + workspace.dataUpdatedAt} workspace={workspace.data} />
      )}
    </>
  );
}

function WorkspaceForm({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation('settings');
  const can = useCan();
  const isEditable = can('settings.manage');
  const [form, setForm] = useState({
    name: workspace.name,
    timezone: workspace.timezone,
    phoneRegion: workspace.phoneRegion,
    currency: workspace.currency,
    locale: workspace.locale as 'en' | 'id',
    agentsSeeAll: workspace.settings.agentsSeeAll,
    auditRetentionDays: String(workspace.settings.auditRetentionDays),
  });
  const save = useApiMutation({
    mutationFn: updateWorkspace,
    invalidate: [workspaceKeys.all, sessionKey],
    successMessage: t('workspace.saved'),
  });
  const error = save.error;
  const formError = error && !(isApiError(error) && error.hasFieldErrors) ? describeError(error, t) : null;
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  function submit(e: FormEvent) {
    e.preventDefault();
    const retention = Number(form.auditRetentionDays);
    save.mutate({
      name: form.name,
      timezone: form.timezone,
      phoneRegion: form.phoneRegion.trim().toUpperCase(),
      currency: form.currency.trim().toUpperCase(),
      locale: form.locale,
      settings: { agentsSeeAll: form.agentsSeeAll, auditRetentionDays: Number.isFinite(retention) ? retention : -1 },
    });
  }

  return (
    <form onSubmit={submit} noValidate className="stack">
      {!isEditable && <ReadOnlyNotice>{t('readOnly', { permission: 'settings.manage' })}</ReadOnlyNotice>}
      <FormError message={formError} />
      <fieldset disabled={!isEditable} className="stack" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Card
          title={t('workspace.general')}
          actions={
            <Badge color="accent">
              {t(`shell:templates.${workspace.template}.label`, { defaultValue: workspace.template })}
            </Badge>
          }
        >
          <div className="form-grid">
            <Field label={t('workspace.name')} error={fieldError(error, 'name')} isRequired>
              <Input value={form.name} onChange={(e) => set('name', e.target.value)} />
            </Field>
            <Field label={t('workspace.locale')} hint={t('workspace.localeHint')} error={fieldError(error, 'locale')}>
              <Select
                value={form.locale}
                onChange={(e) => set('locale', e.target.value as 'en' | 'id')}
                options={[
                  { value: 'en', label: 'English' },
                  { value: 'id', label: 'Bahasa Indonesia' },
                ]}
              />
            </Field>
          </div>
        </Card>
        <Card title={t('workspace.regional')} description={t('workspace.regionalHint')}>
          <div className="form-grid">
            <Field label={t('workspace.timezone')} error={fieldError(error, 'timezone')}>
              <Input
                value={form.timezone}
                onChange={(e) => set('timezone', e.target.value)}
                list="tz-list"
                autoComplete="off"
              />
            </Field>
            <Field
              label={t('workspace.phoneRegion')}
              hint={t('workspace.phoneRegionHint')}
              error={fieldError(error, 'phoneRegion')}
            >
              <Input value={form.phoneRegion} onChange={(e) => set('phoneRegion', e.target.value)} maxLength={2} />
            </Field>
            <Field
              label={t('workspace.currency')}
              hint={t('workspace.currencyHint')}
              error={fieldError(error, 'currency')}
            >
              <Input
                value={form.currency}
                onChange={(e) => set('currency', e.target.value)}
                list="currency-list"
                maxLength={3}
              />
            </Field>
          </div>
          <datalist id="tz-list">
            {TIME_ZONES.map((tz) => (
              <option key={tz} value={tz} />
            ))}
          </datalist>
          <datalist id="currency-list">
            {CURRENCIES.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </Card>
        <Card title={t('workspace.privacy')}>
          <div className="stack">
            <Checkbox
              label={t('workspace.agentsSeeAll')}
              hint={t('workspace.agentsSeeAllHint')}
              checked={form.agentsSeeAll}
              onChange={(e) => set('agentsSeeAll', e.target.checked)}
            />
            <Field
              label={t('workspace.auditRetention')}
              hint={t('workspace.auditRetentionHint')}
              error={fieldError(error, 'settings.auditRetentionDays')}
            >
              <Input
                type="number"
                min={1}
                max={3650}
                value={form.auditRetentionDays}
                onChange={(e) => set('auditRetentionDays', e.target.value)}
                style={{ maxWidth: 160 }}
              />
            </Field>
          </div>
        </Card>
      </fieldset>
      {isEditable && (
        <div className="form-actions">
          <Button variant="primary" type="submit" isLoading={save.isPending}>
            {t('common:saveChanges')}
          </Button>
        </div>
      )}
    </form>
  );
}
