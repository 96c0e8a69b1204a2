import { useState } from 'react';
import { Radio } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Badge, Card, EmptyState, Field, FormError, Input, SkeletonText } from '../../../design';
import { describeError } from '../../../lib/mutation';
import { useEventCatalog, type EventCatalogEntry } from '../api/event-catalog';
import { SectionHeader } from './section-header';

/** Settings -> Developers -> Events: every domain event, what it means and its payload's JSON Schema. */
export function EventCatalogSettings() {
  const { t } = useTranslation('settings');
  const catalog = useEventCatalog();
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();
  const shown = (catalog.data ?? []).filter(
    (e) => !needle || e.type.includes(needle) || e.summary.toLowerCase().includes(needle),
  );
  const entities = [...new Set(shown.map((e) => e.entityType))].sort();
  return (
    <div className="stack">
      <SectionHeader title={t('events.title')} description={t('events.description')} />
      <Field label={t('events.search')}>
        <Input size="sm" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </Field>
      {catalog.isError && <FormError message={describeError(catalog.error, t)} />}
      {catalog.isPending && <SkeletonText lines={6} label={t('common:loading')} />}
      {catalog.isSuccess && !shown.length && <EmptyState compact icon={<Radio />} title={t('events.none')} />}
      {entities.map((entity) => (
        <Card key={entity} title={t('events.about', { entity })} flush>
          <ul className="event-catalog">
            {shown
              .filter((e) => e.entityType === entity)
              .map((e) => (
                <EventRow key={e.type} event={e} />
              ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}

function EventRow({ event }: { event: EventCatalogEntry }) {
  const { t } = useTranslation('settings');
  return (
    <li>
      <details>
        <summary>
          <code className="mono">{event.type}</code>
          <span className="grow">{event.summary}</span>
          {event.onTimeline && <Badge color="blue">{t('events.onTimeline')}</Badge>}
          <Badge>
            {event.realtimePermission
              ? t('events.streamedTo', { permission: event.realtimePermission })
              : t('events.notStreamed')}
          </Badge>
        </summary>
        <p className="text-muted">{t('events.payload')}</p>
        <pre className="mono">{JSON.stringify(event.payloadSchema, null, 2)}</pre>
      </details>
    </li>
  );
}
