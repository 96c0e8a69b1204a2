import { useState } from 'react';
import { Pencil, Plus, Tags, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import {
  Badge,
  Button,
  Card,
  ConfirmDialog,
  DataTable,
  Dialog,
  EmptyState,
  Field,
  IconButton,
  Input,
  Textarea,
  type Column,
} from '../../../design';
import { fieldError } from '../../../lib/api';
import { useApiMutation } from '../../../lib/mutation';
import { useCan } from '../../../lib/session';
import { badgeColor, contactKeys, tagKeys, useTags, type Tag } from '../../contacts';
import { SectionHeader } from '../../settings';
import { createTag, deleteTag, updateTag } from '../api/contact-settings';
import { ColorPicker } from './color-picker';
import './contact-settings.css';

/** Tags: name, colour, description, and how many contacts carry each. Managing them needs tags.manage. */
export function TagsSettings() {
  const { t } = useTranslation('contactSettings');
  const can = useCan();
  const tags = useTags();
  const [editing, setEditing] = useState<Tag | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Tag | null>(null);
  const canEdit = can('tags.manage');
  const remove = useApiMutation({
    mutationFn: (x: Tag) => deleteTag(x.id),
    invalidate: [tagKeys.all, contactKeys.all],
    successMessage: t('tags.deleted'),
    onSuccess: () => setDeleting(null),
  });
  const columns: Column<Tag>[] = [
    {
      key: 'name',
      header: t('tags.name'),
      sortValue: (x) => x.name,
      cell: (x) => <Badge color={badgeColor(x.color)}>{x.name}</Badge>,
    },
    {
      key: 'description',
      header: t('tags.description'),
      cell: (x) => <span className="text-muted">{x.description}</span>,
    },
    {
      key: 'count',
      header: t('types.contacts'),
      width: 100,
      align: 'right',
      sortValue: (x) => x.contactCount ?? 0,
      cell: (x) => x.contactCount ?? 0,
    },
    {
      key: 'actions',
      header: '',
      width: 90,
      align: 'right',
      cell: (x) =>
        canEdit && (
          <div className="settings-table-actions">
            <IconButton size="sm" label={t('edit', { name: x.name })} icon={<Pencil />} onClick={() => setEditing(x)} />
            <IconButton
              size="sm"
              label={t('delete', { name: x.name })}
              icon={<Trash2 />}
              onClick={() => setDeleting(x)}
            />
          </div>
        ),
    },
  ];
  return (
    <>
      <SectionHeader
        title={t('tags.title')}
        description={t('tags.descriptionText')}
        actions={
          canEdit && (
            <Button variant="primary" icon={<Plus />} onClick={() => setEditing('new')}>
              {t('tags.add')}
            </Button>
          )
        }
      />
      <Card flush>
        <DataTable
          label={t('tags.title')}
          columns={columns}
          rows={tags.data ?? []}
          getRowId={(x) => x.id}
          isLoading={tags.isPending}
          flush
          empty={
            <EmptyState icon={<Tags />} title={t('tags.emptyTitle')}>
              {t('tags.emptyText')}
            </EmptyState>
          }
        />
      </Card>
      {editing && <TagDialog tag={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        open={Boolean(deleting)}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
        title={t('deleteTitle', { name: deleting?.name })}
        message={t('tags.deleteText', { count: deleting?.contactCount ?? 0 })}
        confirmLabel={t('common:delete')}
        isLoading={remove.isPending}
      />
    </>
  );
}

function TagDialog({ tag, onClose }: { tag: Tag | null; onClose: () => void }) {
  const { t } = useTranslation('contactSettings');
  const [name, setName] = useState(tag?.name ?? '');
  const [color, setColor] = useState(tag?.color ?? '#3b82f6');
  const [description, setDescription] = useState(tag?.description ?? '');
  const save = useApiMutation({
    mutationFn: () =>
      tag
        ? updateTag(tag.id, { version: tag.version, name, color, description: description || null })
        : createTag({ name, color, description: description || null }),
    invalidate: [tagKeys.all, contactKeys.all],
    successMessage: t('tags.saved'),
    onSuccess: onClose,
  });
  return (
    <Dialog
      open
      onClose={onClose}
      size="sm"
      title={tag ? t('tags.editTitle', { name: tag.name }) : t('tags.addTitle')}
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" form="tag-form" isLoading={save.isPending}>
            {t('common:save')}
          </Button>
        </>
      }
    >
      <form
        id="tag-form"
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Field label={t('tags.name')} isRequired error={fieldError(save.error, 'name')}>
          <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} />
        </Field>
        <Field label={t('color')}>
          <ColorPicker value={color} onChange={setColor} label={t('color')} />
        </Field>
        <Field label={t('tags.description')} error={fieldError(save.error, 'description')}>
          <Textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={500} />
        </Field>
      </form>
    </Dialog>
  );
}
