import { useState } from 'react';
import { CalendarPlus, Copy, RefreshCw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button, Card, ConfirmDialog, Input, useToast } from '../../../design';
import { useFormat } from '../../../lib/format';
import { useApiMutation } from '../../../lib/mutation';
import { calendarFeedKeys, createCalendarFeed, revokeCalendarFeed, useCalendarFeed } from '../api/calendar';

/** The personal iCalendar link: created (or reset) here, shown once, pasted into Google/Apple/Outlook. */
export function CalendarFeedCard() {
  const { t } = useTranslation('activities');
  const toast = useToast();
  const format = useFormat();
  const feed = useCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const [isConfirmingOff, setConfirmingOff] = useState(false);
  const create = useApiMutation({
    mutationFn: createCalendarFeed,
    invalidate: [calendarFeedKeys.all],
    successMessage: t('calendar.feedCreated'),
    onSuccess: (r) => setUrl(r.url),
  });
  const revoke = useApiMutation({
    mutationFn: revokeCalendarFeed,
    invalidate: [calendarFeedKeys.all],
    successMessage: t('calendar.feedOff'),
    onSuccess: () => {
      setUrl(null);
      setConfirmingOff(false);
    },
  });
  const copy = async () => {
    if (!url) return;
    await navigator.clipboard?.writeText(url).catch(() => undefined);
    toast.success(t('common:copied'));
  };
  const isActive = feed.data?.active;
  return (
    <Card title={t('calendar.feedTitle')} description={t('calendar.feedText')} className="act-cal-feed">
      {url && (
        <div className="row act-nowrap">
          <Input readOnly value={url} aria-label={t('calendar.feedUrl')} onFocus={(e) => e.target.select()} />
          <Button icon={<Copy />} onClick={() => void copy()}>
            {t('common:copy')}
          </Button>
        </div>
      )}
      {url && <p className="text-muted text-sm">{t('calendar.feedOnce')}</p>}
      <div className="row">
        {!isActive && (
          <Button icon={<CalendarPlus />} onClick={() => create.mutate()} isLoading={create.isPending}>
            {t('calendar.feedCreate')}
          </Button>
        )}
        {isActive && !url && (
          <span className="text-muted text-sm">
            {t('calendar.feedActive', {
              when: feed.data?.lastUsedAt ? format.relative(feed.data.lastUsedAt) : t('calendar.feedNeverUsed'),
            })}
          </span>
        )}
        {isActive && (
          <Button icon={<RefreshCw />} onClick={() => create.mutate()} isLoading={create.isPending}>
            {t('calendar.feedReset')}
          </Button>
        )}
        {isActive && (
          <Button variant="ghost" onClick={() => setConfirmingOff(true)}>
            {t('calendar.feedTurnOff')}
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={isConfirmingOff}
        onClose={() => setConfirmingOff(false)}
        onConfirm={() => revoke.mutate()}
        title={t('calendar.feedTurnOff')}
        message={t('calendar.feedOffText')}
        confirmLabel={t('calendar.feedTurnOff')}
        isLoading={revoke.isPending}
      />
    </Card>
  );
}
