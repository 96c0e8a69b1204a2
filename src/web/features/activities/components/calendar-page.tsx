import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button, Card, IconButton, Page, Select } from '../../../design';
import { useFormat } from '../../../lib/format';
import { useCan, useSession } from '../../../lib/session';
import { useCalendar, type CalendarItem } from '../api/calendar';
import { useMembers } from '../../settings';
import { ActivitiesHeader } from './activities-header';
import { CalendarFeedCard } from './calendar-feed-card';
import './activities.css';

const DAY = 86_400_000;
const NO_ITEMS: CalendarItem[] = [];
const dayKey = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;

/** Six weeks around a month, starting on Monday (in the browser's zone). */
function monthGrid(month: Date): Date[] {
  const first = new Date(month.getFullYear(), month.getMonth(), 1);
  const start = new Date(first.getTime() - ((first.getDay() + 6) % 7) * DAY);
  return Array.from({ length: 42 }, (_, i) => new Date(start.getFullYear(), start.getMonth(), start.getDate() + i));
}

/** Tasks at their due time and scheduled activities, a month at a time; plus the personal .ics feed. */
export function CalendarPage() {
  const { t, i18n } = useTranslation('activities');
  const format = useFormat();
  const can = useCan();
  const session = useSession();
  const navigate = useNavigate();
  const members = useMembers().data ?? [];
  const [month, setMonth] = useState(() => new Date(new Date().getFullYear(), new Date().getMonth(), 1));
  // Managers start with the team's calendar; everyone else with their own.
  const [who, setWho] = useState<string>(() => (can('activities.manage') ? 'all' : ''));
  const days = useMemo(() => monthGrid(month), [month]);
  const from = days[0].toISOString();
  const to = new Date(days[41].getTime() + DAY).toISOString();
  const items = useCalendar(from, to, who || undefined).data ?? NO_ITEMS;
  const byDay = useMemo(() => {
    const map = new Map<string, CalendarItem[]>();
    for (const item of items) {
      const k = dayKey(new Date(item.start));
      map.set(k, [...(map.get(k) ?? []), item]);
    }
    return map;
  }, [items]);
  const today = dayKey(new Date());
  const weekdays = days
    .slice(0, 7)
    .map((d) => new Intl.DateTimeFormat(i18n.language === 'id' ? 'id-ID' : 'en-US', { weekday: 'short' }).format(d));
  const title = new Intl.DateTimeFormat(i18n.language === 'id' ? 'id-ID' : 'en-US', {
    month: 'long',
    year: 'numeric',
  }).format(month);
  const open = (item: CalendarItem) =>
    navigate(item.kind === 'task' ? `/activities/tasks?task=${item.id}` : `/contacts/${item.contactId}`);
  const shift = (n: number) => setMonth(new Date(month.getFullYear(), month.getMonth() + n, 1));

  return (
    <Page wide>
      <ActivitiesHeader />
      <div className="act-filters">
        <IconButton size="sm" label={t('calendar.previous')} icon={<ChevronLeft />} onClick={() => shift(-1)} />
        <strong className="act-cal-title" aria-live="polite">
          {title}
        </strong>
        <IconButton size="sm" label={t('calendar.next')} icon={<ChevronRight />} onClick={() => shift(1)} />
        <Button
          size="sm"
          variant="ghost"
          onClick={() => setMonth(new Date(new Date().getFullYear(), new Date().getMonth(), 1))}
        >
          {t('calendar.today')}
        </Button>
        <span className="grow" />
        <Select
          size="sm"
          aria-label={t('calendar.whose')}
          value={who}
          onChange={(e) => setWho(e.target.value)}
          options={[
            { value: '', label: t('calendar.mine') },
            ...(can('activities.manage') ? [{ value: 'all', label: t('calendar.everyone') }] : []),
            ...(can('activities.manage')
              ? members.filter((m) => m.id !== session.user.id).map((m) => ({ value: m.id, label: m.name }))
              : []),
          ]}
        />
      </div>
      <Card flush className="act-cal-card">
        <div className="act-cal-grid" role="grid" aria-label={title}>
          {weekdays.map((w) => (
            <div key={w} className="act-cal-weekday" role="columnheader">
              {w}
            </div>
          ))}
          {days.map((d) => {
            const list = byDay.get(dayKey(d)) ?? [];
            return (
              <div
                key={d.toISOString()}
                role="gridcell"
                className="act-cal-day"
                data-outside={d.getMonth() !== month.getMonth()}
                data-today={dayKey(d) === today}
              >
                <span className="act-cal-date">{d.getDate()}</span>
                {list.slice(0, 4).map((item) => (
                  <button
                    key={`${item.kind}-${item.id}`}
                    type="button"
                    className="act-cal-item"
                    data-kind={item.kind}
                    data-status={item.status}
                    data-overdue={item.isOverdue}
                    style={item.color ? { borderLeftColor: item.color } : undefined}
                    onClick={() => open(item)}
                    title={`${format.time(item.start)} · ${item.title}${item.contactName ? ` · ${item.contactName}` : ''}`}
                  >
                    <span className="act-cal-time">{format.time(item.start)}</span>
                    <span className="truncate">
                      {item.icon ? `${item.icon} ` : ''}
                      {item.title}
                    </span>
                  </button>
                ))}
                {list.length > 4 && (
                  <span className="act-cal-more">{t('calendar.more', { count: list.length - 4 })}</span>
                )}
              </div>
            );
          })}
        </div>
      </Card>
      <CalendarFeedCard />
    </Page>
  );
}
