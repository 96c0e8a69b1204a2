import { useState } from 'react';
import { Archive, ArchiveRestore, CalendarClock, Plus, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Card, Checkbox, DataTable, EmptyState, IconButton, type Column } from '../../../design';
import { useApiMutation } from '../../../lib/mutation';
import { SectionHeader } from '../../settings';
import {
  activitySettingsKeys,
  activityTypeKeys,
  deleteActivityType,
  updateActivitySettings,
  updateActivityType,
  useActivitySettings,
  useActivityTypes,
  type ActivityType,
} from '../api/activities';
import { ActivityTypeDialog } from './activity-type-dialog';
import './activities.css';

/** The workspace's activity types (name, emoji, colour, duration/outcome) and activity rules. */
export function ActivityTypesSettings() {
  const { t } = useTranslation('activities');
  const types = useActivityTypes(true);
  const settings = useActivitySettings().data;
  const [editing, setEditing] = useState<ActivityType | 'new' | null>(null);
  const saveSettings = useApiMutation({
    mutationFn: updateActivitySettings,
    invalidate: [activitySettingsKeys.all],
    successMessage: t('typesSettings.rulesSaved'),
  });
  const archive = useApiMutation({
    mutationFn: (x: ActivityType) => updateActivityType(x.id, { isArchived: !x.isArchived, version: x.version }),
    invalidate: [activityTypeKeys.all],
    successMessage: (x) => (x.isArchived ? t('typesSettings.archived') : t('typesSettings.restored')),
  });
  const remove = useApiMutation({
    mutationFn: (x: ActivityType) => deleteActivityType(x.id),
    invalidate: [activityTypeKeys.all],
    successMessage: t('typesSettings.deleted'),
  });
  const columns: Column<ActivityType>[] = [
    {
      key: 'name',
      header: t('typesSettings.name'),
      cell: (x) => (
        <span className="row act-nowrap">
          <span className="act-swatch" style={{ background: x.color }} aria-hidden />
          <span aria-hidden>{x.icon}</span>
          <strong>{x.name}</strong>
          {x.isArchived && <Badge color="gray">{t('typesSettings.archivedBadge')}</Badge>}
        </span>
      ),
    },
    { key: 'key', header: t('typesSettings.key'), width: 160, cell: (x) => <code className="mono">{x.key}</code> },
    {
      key: 'flags',
      header: t('typesSettings.records'),
      width: 220,
      cell: (x) => (
        <span className="row act-nowrap">
          {x.hasDuration && <Badge color="blue">{t('typesSettings.duration')}</Badge>}
          {x.hasOutcome && <Badge color="green">{t('typesSettings.outcome')}</Badge>}
        </span>
      ),
    },
    {
      key: 'actions',
      header: <span className="visually-hidden">{t('typesSettings.actions')}</span>,
      width: 96,
      cell: (x) => (
        <span className="row act-nowrap" onClick={(e) => e.stopPropagation()}>
          <IconButton
            size="sm"
            label={x.isArchived ? t('typesSettings.restore') : t('typesSettings.archive')}
            icon={x.isArchived ? <ArchiveRestore /> : <Archive />}
            onClick={() => archive.mutate(x)}
          />
          <IconButton size="sm" label={t('typesSettings.delete')} icon={<Trash2 />} onClick={() => remove.mutate(x)} />
        </span>
      ),
    },
  ];
  return (
    <>
      <SectionHeader
        title={t('typesSettings.title')}
        description={t('typesSettings.description')}
        actions={
          <Button variant="primary" icon={<Plus />} onClick={() => setEditing('new')}>
            {t('typesSettings.add')}
          </Button>
        }
      />
      <Card flush>
        <DataTable
          label={t('typesSettings.title')}
          columns={columns}
          rows={types.data ?? []}
          getRowId={(x) => x.id}
          isLoading={types.isPending}
          onRowActivate={(x) => setEditing(x)}
          flush
          empty={
            <EmptyState compact icon={<CalendarClock />} title={t('typesSettings.emptyTitle')}>
              {t('typesSettings.emptyText')}
            </EmptyState>
          }
        />
      </Card>
      <Card title={t('typesSettings.rulesTitle')}>
        <Checkbox
          label={t('typesSettings.nextActionTask')}
          hint={t('typesSettings.nextActionTaskHint')}
          checked={Boolean(settings?.nextActionCreatesTask)}
          disabled={!settings || saveSettings.isPending}
          onChange={(e) => saveSettings.mutate({ nextActionCreatesTask: e.target.checked })}
        />
      </Card>
      {editing && <ActivityTypeDialog type={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
