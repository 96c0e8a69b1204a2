import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, Field, Input } from '../../../design';
import { fieldError } from '../../../lib/api';
import { useApiMutation } from '../../../lib/mutation';
import { useCan } from '../../../lib/session';
import { contactSettingsKeys, updateContactSettings, useContactSettings } from '../api/contact-settings';

/** How long deleted contacts stay in the trash before the nightly purge removes them. */
export function RetentionCard() {
  const { t } = useTranslation('contactSettings');
  const can = useCan();
  const settings = useContactSettings();
  const [days, setDays] = useState('');
  useEffect(() => {
    if (settings.data) setDays(String(settings.data.retentionDays));
  }, [settings.data]);
  const save = useApiMutation({
    mutationFn: () => updateContactSettings(Number(days)),
    invalidate: [contactSettingsKeys.all],
    successMessage: t('retention.saved'),
  });
  return (
    <Card title={t('retention.title')} description={t('retention.description')}>
      <form
        className="retention-form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Field label={t('retention.days')} error={fieldError(save.error, 'retentionDays')}>
          <Input
            type="number"
            min={1}
            max={3650}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            disabled={!can('settings.manage')}
          />
        </Field>
        {can('settings.manage') && (
          <Button type="submit" isLoading={save.isPending}>
            {t('common:save')}
          </Button>
        )}
      </form>
    </Card>
  );
}
