import { useState } from 'react';
import { BookmarkPlus, ChevronDown, Eye, Save, Trash2, Users } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, ConfirmDialog, Dialog, Field, Input, Menu, type MenuEntry } from '../../../design';
import { fieldError } from '../../../lib/api';
import { useApiMutation } from '../../../lib/mutation';
import { useCan } from '../../../lib/session';
import type { ContactFilter, ContactSort } from '../api/contacts';
import {
  createSavedView,
  deleteSavedView,
  savedViewKeys,
  updateSavedView,
  useSavedViews,
  type SavedView,
} from '../api/views';

interface Props {
  view: SavedView | null;
  isDirty: boolean;
  filter: ContactFilter;
  sort: ContactSort;
  columns: string[];
  onApply: (view: SavedView | null) => void;
}

/** Saved views: pick one, save the current filters/columns/sort as a new one, update or delete. */
export function SavedViewsMenu({ view, isDirty, filter, sort, columns, onApply }: Props) {
  const { t } = useTranslation('contacts');
  const views = useSavedViews().data ?? [];
  const [isSaving, setSaving] = useState(false);
  const [isDeleting, setDeleting] = useState(false);
  const update = useApiMutation({
    mutationFn: () => updateSavedView(view!.id, { version: view!.version, filter, sort, columns }),
    invalidate: [savedViewKeys.all],
    successMessage: t('views.updated'),
    onSuccess: (saved) => onApply(saved),
  });
  const remove = useApiMutation({
    mutationFn: () => deleteSavedView(view!.id),
    invalidate: [savedViewKeys.all],
    successMessage: t('views.deleted'),
    onSuccess: () => {
      setDeleting(false);
      onApply(null);
    },
  });
  const mine = views.filter((v) => !v.isShared);
  const shared = views.filter((v) => v.isShared);
  const entries: MenuEntry[] = [
    { key: 'all', label: t('views.all'), icon: <Eye />, checked: !view, onSelect: () => onApply(null) },
    ...(mine.length
      ? [
          { type: 'label' as const, key: 'mine', label: t('views.mine') },
          ...mine.map((v) => ({ key: v.id, label: v.name, checked: view?.id === v.id, onSelect: () => onApply(v) })),
        ]
      : []),
    ...(shared.length
      ? [
          { type: 'label' as const, key: 'shared', label: t('views.shared') },
          ...shared.map((v) => ({
            key: v.id,
            label: v.name,
            icon: <Users />,
            checked: view?.id === v.id,
            onSelect: () => onApply(v),
          })),
        ]
      : []),
    { type: 'separator', key: 'sep' },
    { key: 'save-new', label: t('views.saveAs'), icon: <BookmarkPlus />, onSelect: () => setSaving(true) },
    ...(view
      ? [{ key: 'delete', label: t('views.delete'), icon: <Trash2 />, danger: true, onSelect: () => setDeleting(true) }]
      : []),
  ];
  return (
    <div className="row saved-views">
      <Menu
        label={t('views.label')}
        items={entries}
        trigger={(props) => (
          <Button {...props} size="sm" icon={<Eye />}>
            {view?.name ?? t('views.all')}
            <ChevronDown aria-hidden />
          </Button>
        )}
      />
      {view && isDirty && (
        <Button size="sm" variant="ghost" icon={<Save />} onClick={() => update.mutate()} isLoading={update.isPending}>
          {t('views.update')}
        </Button>
      )}
      {!view && (
        <Button size="sm" variant="ghost" icon={<BookmarkPlus />} onClick={() => setSaving(true)}>
          {t('views.save')}
        </Button>
      )}
      {isSaving && (
        <SaveViewDialog
          onClose={() => setSaving(false)}
          filter={filter}
          sort={sort}
          columns={columns}
          onSaved={onApply}
        />
      )}
      <ConfirmDialog
        open={isDeleting}
        onClose={() => setDeleting(false)}
        onConfirm={() => remove.mutate()}
        title={t('views.deleteTitle', { name: view?.name })}
        message={t('views.deleteText')}
        confirmLabel={t('views.delete')}
        isLoading={remove.isPending}
      />
    </div>
  );
}

function SaveViewDialog({
  onClose,
  filter,
  sort,
  columns,
  onSaved,
}: {
  onClose: () => void;
  filter: ContactFilter;
  sort: ContactSort;
  columns: string[];
  onSaved: (v: SavedView) => void;
}) {
  const { t } = useTranslation('contacts');
  const can = useCan();
  const [name, setName] = useState('');
  const [isShared, setShared] = useState(false);
  const save = useApiMutation({
    mutationFn: () => createSavedView({ entity: 'contacts', name, isShared, filter, sort, columns }),
    invalidate: [savedViewKeys.all],
    successMessage: (v) => t('views.saved', { name: v.name }),
    onSuccess: (v) => {
      onSaved(v);
      onClose();
    },
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('views.saveTitle')}
      description={t('views.saveDescription')}
      size="sm"
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" form="save-view-form" isLoading={save.isPending}>
            {t('views.saveButton')}
          </Button>
        </>
      }
    >
      <form
        id="save-view-form"
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Field label={t('views.name')} isRequired error={fieldError(save.error, 'name')}>
          <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} autoFocus />
        </Field>
        {can('segments.manage') && (
          <Checkbox
            label={t('views.share')}
            hint={t('views.shareHint')}
            checked={isShared}
            onChange={(e) => setShared(e.target.checked)}
          />
        )}
      </form>
    </Dialog>
  );
}
