import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, Checkbox, Field, Select } from '../../../design';
import { useApiMutation } from '../../../lib/mutation';
import { SectionHeader } from '../../settings';
import {
  notificationSettingsKeys,
  saveNotificationSettings,
  useNotificationSettings,
  type NotificationSettings as Settings,
} from '../api/notifications';
import { CalendarFeedCard } from './calendar-feed-card';
import './activities.css';

const KINDS = ['assignment', 'task_due', 'reminder', 'stage_change', 'mention'] as const;

/** Each person's own choice: which notifications also come by email, and a daily digest. */
export function NotificationSettings() {
  const { t } = useTranslation('activities');
  const current = useNotificationSettings().data;
  const [form, setForm] = useState<Settings | null>(null);
  useEffect(() => {
    if (current && !form) setForm(current);
  }, [current, form]);
  const save = useApiMutation({
    mutationFn: (s: Settings) => saveNotificationSettings(s),
    invalidate: [notificationSettingsKeys.all],
    successMessage: t('notificationSettings.saved'),
  });
  if (!form)
    return (
      <SectionHeader title={t('notificationSettings.title')} description={t('notificationSettings.description')} />
    );
  const toggle = (kind: (typeof KINDS)[number], on: boolean) =>
    setForm({ ...form, emailKinds: on ? [...form.emailKinds, kind] : form.emailKinds.filter((k) => k !== kind) });
  return (
    <>
      <SectionHeader title={t('notificationSettings.title')} description={t('notificationSettings.description')} />
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(form);
        }}
      >
        <Card title={t('notificationSettings.emailTitle')} description={t('notificationSettings.emailText')}>
          <div className="stack-sm">
            {KINDS.map((k) => (
              <Checkbox
                key={k}
                label={t(`notificationKinds.${k}`)}
                hint={t(`notificationSettings.kindHints.${k}`)}
                checked={form.emailKinds.includes(k)}
                onChange={(e) => toggle(k, e.target.checked)}
              />
            ))}
          </div>
        </Card>
        <Card title={t('notificationSettings.digestTitle')} description={t('notificationSettings.digestText')}>
          <div className="form-grid">
            <Checkbox
              label={t('notificationSettings.digestOn')}
              checked={form.dailyDigest}
              onChange={(e) => setForm({ ...form, dailyDigest: e.target.checked })}
            />
            <Field label={t('notificationSettings.digestHour')}>
              <Select
                value={String(form.digestHour)}
                disabled={!form.dailyDigest}
                onChange={(e) => setForm({ ...form, digestHour: Number(e.target.value) })}
                options={Array.from({ length: 24 }, (_, h) => ({
                  value: String(h),
                  label: `${String(h).padStart(2, '0')}:00`,
                }))}
              />
            </Field>
          </div>
        </Card>
        <div className="row">
          <Button variant="primary" type="submit" isLoading={save.isPending}>
            {t('common:saveChanges')}
          </Button>
        </div>
      </form>
      <CalendarFeedCard />
    </>
  );
}
