import { useState } from 'react';
import { Archive, ArchiveRestore, Pencil, Plus, Route, Trash2 } from 'lucide-react';
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
  type Column,
} from '../../../design';
import { fieldError } from '../../../lib/api';
import { useApiMutation } from '../../../lib/mutation';
import { useCan } from '../../../lib/session';
import { contactSourceKeys, useContactSources, type ContactSource } from '../../contacts';
import { SectionHeader } from '../../settings';
import { createSource, deleteSource, keyFromLabel, updateSource } from '../api/contact-settings';
import './contact-settings.css';

/** Where contacts come from (website, WhatsApp, referral…), used on contacts and in reports. */
export function SourcesSettings() {
  const { t } = useTranslation('contactSettings');
  const can = useCan();
  const sources = useContactSources();
  const [editing, setEditing] = useState<ContactSource | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ContactSource | null>(null);
  const canEdit = can('settings.manage');
  const archive = useApiMutation({
    mutationFn: (x: ContactSource) => updateSource(x.id, { version: x.version, isArchived: !x.isArchived }),
    invalidate: [contactSourceKeys.all],
    successMessage: t('sources.saved'),
  });
  const remove = useApiMutation({
    mutationFn: (x: ContactSource) => deleteSource(x.id),
    invalidate: [contactSourceKeys.all],
    successMessage: t('sources.deleted'),
    onSuccess: () => setDeleting(null),
  });
  const columns: Column<ContactSource>[] = [
    {
      key: 'label',
      header: t('sources.label'),
      cell: (x) => (
        <span className="row">
          {x.label}
          {x.isArchived && <Badge>{t('archived')}</Badge>}
        </span>
      ),
    },
    { key: 'key', header: t('types.key'), width: 200, cell: (x) => <code className="mono text-muted">{x.key}</code> },
    {
      key: 'actions',
      header: '',
      width: 110,
      align: 'right',
      cell: (x) =>
        canEdit && (
          <div className="settings-table-actions">
            <IconButton
              size="sm"
              label={t('edit', { name: x.label })}
              icon={<Pencil />}
              onClick={() => setEditing(x)}
            />
            <IconButton
              size="sm"
              label={x.isArchived ? t('unarchive', { name: x.label }) : t('archive', { name: x.label })}
              icon={x.isArchived ? <ArchiveRestore /> : <Archive />}
              onClick={() => archive.mutate(x)}
            />
            <IconButton
              size="sm"
              label={t('delete', { name: x.label })}
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
        title={t('sources.title')}
        description={t('sources.description')}
        actions={
          canEdit && (
            <Button variant="primary" icon={<Plus />} onClick={() => setEditing('new')}>
              {t('sources.add')}
            </Button>
          )
        }
      />
      <Card flush>
        <DataTable
          label={t('sources.title')}
          columns={columns}
          rows={sources.data ?? []}
          getRowId={(x) => x.id}
          isLoading={sources.isPending}
          flush
          empty={
            <EmptyState icon={<Route />} title={t('sources.emptyTitle')}>
              {t('sources.emptyText')}
            </EmptyState>
          }
        />
      </Card>
      {editing && <SourceDialog source={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        open={Boolean(deleting)}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
        title={t('deleteTitle', { name: deleting?.label })}
        message={t('sources.deleteText')}
        confirmLabel={t('common:delete')}
        isLoading={remove.isPending}
      />
    </>
  );
}

function SourceDialog({ source, onClose }: { source: ContactSource | null; onClose: () => void }) {
  const { t } = useTranslation('contactSettings');
  const [label, setLabel] = useState(source?.label ?? '');
  const [key, setKey] = useState(source?.key ?? '');
  const save = useApiMutation({
    mutationFn: () =>
      source
        ? updateSource(source.id, { version: source.version, label })
        : createSource({ key: key || keyFromLabel(label), label }),
    invalidate: [contactSourceKeys.all],
    successMessage: t('sources.saved'),
    onSuccess: onClose,
  });
  return (
    <Dialog
      open
      onClose={onClose}
      size="sm"
      title={source ? t('sources.editTitle', { name: source.label }) : t('sources.addTitle')}
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" form="source-form" isLoading={save.isPending}>
            {t('common:save')}
          </Button>
        </>
      }
    >
      <form
        id="source-form"
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Field label={t('sources.label')} isRequired error={fieldError(save.error, 'label')}>
          <Input
            value={label}
            onChange={(e) => {
              setLabel(e.target.value);
              if (!source) setKey(keyFromLabel(e.target.value));
            }}
            maxLength={80}
          />
        </Field>
        <Field
          label={t('types.key')}
          hint={source ? t('keyFixed') : t('keyHint')}
          error={fieldError(save.error, 'key')}
        >
          <Input value={key} disabled={Boolean(source)} onChange={(e) => setKey(e.target.value)} className="mono" />
        </Field>
      </form>
    </Dialog>
  );
}
