import { useState } from 'react';
import { RotateCcw, Shapes, Tag as TagIcon, TagX, Trash2, UserRound } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button, ConfirmDialog, Menu, ProgressBar, type MenuEntry } from '../../../design';
import { useApiMutation } from '../../../lib/mutation';
import { useCan } from '../../../lib/session';
import { contactKeys, runBulk, type BulkResult, type ContactFilter } from '../api/contacts';
import { tagKeys, useContactTypes, useTags } from '../api/config';
import { useMembers } from '../../settings';

type Action = Parameters<typeof runBulk>[0]['action'];

interface Props {
  selectedIds: Set<string>;
  total: number | undefined;
  filter: ContactFilter;
  /** Act on everything the filter matches instead of the checked rows. */
  isAllMatching: boolean;
  onSelectAllMatching: () => void;
  onClear: () => void;
}

/** Actions on the checked rows, or on every contact the filter matches. */
export function BulkBar({ selectedIds, total, filter, isAllMatching, onSelectAllMatching, onClear }: Props) {
  const { t } = useTranslation('contacts');
  const can = useCan();
  const tags = useTags().data ?? [];
  const types = useContactTypes().data ?? [];
  const members = useMembers().data ?? [];
  const [confirmDelete, setConfirmDelete] = useState(false);
  const count = isAllMatching ? (total ?? selectedIds.size) : selectedIds.size;
  const bulk = useApiMutation({
    mutationFn: (action: Action) =>
      runBulk({ selection: isAllMatching ? { filter } : { ids: [...selectedIds] }, action }),
    invalidate: [contactKeys.all, tagKeys.all],
    successMessage: (r: BulkResult) =>
      r.failed.length
        ? t('bulk.partly', { updated: r.updated, failed: r.failed.length })
        : t('bulk.done', { count: r.updated }),
    onSuccess: (r) => {
      setConfirmDelete(false);
      if (!r.failed.length) onClear();
    },
  });
  const tagItems = (kind: 'tag' | 'untag'): MenuEntry[] =>
    tags.length
      ? tags.map((tag) => ({ key: tag.id, label: tag.name, onSelect: () => bulk.mutate({ kind, tagIds: [tag.id] }) }))
      : [{ type: 'label', key: 'none', label: t('bulk.noTags') }];
  const isTrash = Boolean(filter.deleted);
  return (
    <div className="bulk-bar" role="region" aria-label={t('bulk.label')}>
      <span className="bulk-count">{t('bulk.selected', { count })}</span>
      {!isAllMatching && total !== undefined && total > selectedIds.size && (
        <Button size="sm" variant="ghost" onClick={onSelectAllMatching}>
          {t('bulk.selectAllMatching', { count: total })}
        </Button>
      )}
      <span className="grow" />
      {bulk.isPending && (
        <div className="bulk-progress">
          <ProgressBar label={t('bulk.working')} />
        </div>
      )}
      {!isTrash && (
        <>
          <Menu
            label={t('bulk.tag')}
            items={tagItems('tag')}
            trigger={(p) => (
              <Button {...p} size="sm" icon={<TagIcon />}>
                {t('bulk.tag')}
              </Button>
            )}
          />
          <Menu
            label={t('bulk.untag')}
            items={tagItems('untag')}
            trigger={(p) => (
              <Button {...p} size="sm" icon={<TagX />}>
                {t('bulk.untag')}
              </Button>
            )}
          />
          <Menu
            label={t('bulk.owner')}
            items={[
              ...members.map((m) => ({
                key: m.id,
                label: m.name,
                onSelect: () => bulk.mutate({ kind: 'owner', ownerId: m.id }),
              })),
              { type: 'separator' as const, key: 's' },
              {
                key: 'none',
                label: t('filters.unassigned'),
                onSelect: () => bulk.mutate({ kind: 'owner', ownerId: null }),
              },
            ]}
            trigger={(p) => (
              <Button {...p} size="sm" icon={<UserRound />}>
                {t('bulk.owner')}
              </Button>
            )}
          />
          <Menu
            label={t('bulk.type')}
            items={types
              .filter((x) => !x.isArchived)
              .map((x) => ({
                key: x.key,
                label: x.label,
                onSelect: () => bulk.mutate({ kind: 'type', typeKey: x.key }),
              }))}
            trigger={(p) => (
              <Button {...p} size="sm" icon={<Shapes />}>
                {t('bulk.type')}
              </Button>
            )}
          />
        </>
      )}
      {can('contacts.delete') &&
        (isTrash ? (
          <Button size="sm" icon={<RotateCcw />} onClick={() => bulk.mutate({ kind: 'restore' })}>
            {t('bulk.restore')}
          </Button>
        ) : (
          <Button size="sm" variant="danger" icon={<Trash2 />} onClick={() => setConfirmDelete(true)}>
            {t('bulk.delete')}
          </Button>
        ))}
      <Button size="sm" variant="ghost" onClick={onClear}>
        {t('bulk.clear')}
      </Button>
      {bulk.data && bulk.data.failed.length > 0 && (
        <div className="bulk-failures" role="status">
          {t('bulk.failures')}
          <ul>
            {bulk.data.failed.slice(0, 5).map((f) => (
              <li key={f.id}>{f.message}</li>
            ))}
          </ul>
        </div>
      )}
      <ConfirmDialog
        open={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        onConfirm={() => bulk.mutate({ kind: 'delete' })}
        title={t('bulk.deleteTitle', { count })}
        message={t('bulk.deleteText')}
        confirmLabel={t('bulk.delete')}
        isLoading={bulk.isPending}
      />
    </div>
  );
}
