import { useState } from 'react';
import { Archive, ArchiveRestore, Pencil, Plus, Shapes, Trash2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import {
  Badge,
  Button,
  Card,
  Checkbox,
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
import { badgeColor, contactTypeKeys, useContactTypes, useCustomFields, type ContactType } from '../../contacts';
import { SectionHeader } from '../../settings';
import { createContactType, deleteContactType, keyFromLabel, updateContactType } from '../api/contact-settings';
import { ColorPicker } from './color-picker';
import { RetentionCard } from './retention-card';
import './contact-settings.css';

const REQUIRABLE: Array<[field: string, labelKey: string]> = [
  ['phone', 'contacts:fields.phone'],
  ['email', 'contacts:fields.email'],
  ['lastName', 'contacts:fields.lastName'],
  ['ownerId', 'contacts:fields.owner'],
  ['sourceKey', 'contacts:fields.source'],
  ['companyId', 'contacts:fields.company'],
  ['team', 'contacts:fields.team'],
  ['birthday', 'contacts:fields.birthday'],
  ['gender', 'contacts:fields.gender'],
  ['preferredLanguage', 'contacts:fields.preferredLanguage'],
  ['address', 'contacts:fields.address'],
];

type Rule = ContactType['rules'][number];
const requiredOf = (rules: Rule[]) =>
  (rules.find((r) => r.kind === 'required_fields')?.fields as string[] | undefined) ?? [];

/** Contact types: what kinds of people a workspace has (e.g. student parent, patient, lead), with rules. */
export function ContactTypesSettings() {
  const { t } = useTranslation('contactSettings');
  const can = useCan();
  const types = useContactTypes();
  const [editing, setEditing] = useState<ContactType | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ContactType | null>(null);
  const canEdit = can('settings.manage');
  const archive = useApiMutation({
    mutationFn: (x: ContactType) => updateContactType(x.id, { version: x.version, isArchived: !x.isArchived }),
    invalidate: [contactTypeKeys.all],
    successMessage: t('types.saved'),
  });
  const remove = useApiMutation({
    mutationFn: (x: ContactType) => deleteContactType(x.id),
    invalidate: [contactTypeKeys.all],
    successMessage: t('types.deleted'),
    onSuccess: () => setDeleting(null),
  });
  const columns: Column<ContactType>[] = [
    {
      key: 'label',
      header: t('types.label'),
      cell: (x) => (
        <Badge color={badgeColor(x.color)} dot>
          {x.label}
        </Badge>
      ),
    },
    { key: 'key', header: t('types.key'), width: 170, cell: (x) => <code className="mono text-muted">{x.key}</code> },
    {
      key: 'rules',
      header: t('types.rules'),
      cell: (x) => (
        <span className="text-muted text-sm">
          {[
            requiredOf(x.rules).length ? t('types.requires', { fields: requiredOf(x.rules).join(', ') }) : '',
            ...x.rules.filter((r) => r.kind !== 'required_fields').map((r) => r.kind),
          ]
            .filter(Boolean)
            .join(' · ') || '—'}
        </span>
      ),
    },
    { key: 'count', header: t('types.contacts'), width: 90, align: 'right', cell: (x) => x.contactCount ?? 0 },
    {
      key: 'actions',
      header: '',
      width: 120,
      align: 'right',
      cell: (x) =>
        canEdit && (
          <div className="settings-table-actions">
            {x.isArchived && <Badge>{t('archived')}</Badge>}
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
        title={t('types.title')}
        description={t('types.description')}
        actions={
          canEdit && (
            <Button variant="primary" icon={<Plus />} onClick={() => setEditing('new')}>
              {t('types.add')}
            </Button>
          )
        }
      />
      <Card flush>
        <DataTable
          label={t('types.title')}
          columns={columns}
          rows={types.data ?? []}
          getRowId={(x) => x.id}
          isLoading={types.isPending}
          flush
          empty={
            <EmptyState icon={<Shapes />} title={t('types.emptyTitle')}>
              {t('types.emptyText')}
            </EmptyState>
          }
        />
      </Card>
      <RetentionCard />
      {editing && <TypeDialog type={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        open={Boolean(deleting)}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
        title={t('deleteTitle', { name: deleting?.label })}
        message={t('types.deleteText')}
        confirmLabel={t('common:delete')}
        isLoading={remove.isPending}
      />
    </>
  );
}

function TypeDialog({ type, onClose }: { type: ContactType | null; onClose: () => void }) {
  const { t } = useTranslation('contactSettings');
  const custom = (useCustomFields().data ?? []).filter((f) => !f.isArchived);
  const [label, setLabel] = useState(type?.label ?? '');
  const [key, setKey] = useState(type?.key ?? '');
  const [keyTouched, setKeyTouched] = useState(false);
  const [color, setColor] = useState(type?.color ?? '#3b82f6');
  const [icon, setIcon] = useState(type?.icon ?? '');
  const [required, setRequired] = useState<string[]>(requiredOf(type?.rules ?? []));
  const otherRules = (type?.rules ?? []).filter((r) => r.kind !== 'required_fields');
  const rules: Rule[] = [...otherRules, ...(required.length ? [{ kind: 'required_fields', fields: required }] : [])];
  const save = useApiMutation({
    mutationFn: () =>
      type
        ? updateContactType(type.id, { version: type.version, label, color, icon: icon || null, rules })
        : createContactType({ key: key || keyFromLabel(label), label, color, icon: icon || null, rules }),
    invalidate: [contactTypeKeys.all],
    successMessage: t('types.saved'),
    onSuccess: onClose,
  });
  const err = (f: string) => fieldError(save.error, f);
  const toggle = (f: string) => setRequired(required.includes(f) ? required.filter((x) => x !== f) : [...required, f]);
  return (
    <Dialog
      open
      onClose={onClose}
      title={type ? t('types.editTitle', { name: type.label }) : t('types.addTitle')}
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" form="type-form" isLoading={save.isPending}>
            {t('common:save')}
          </Button>
        </>
      }
    >
      <form
        id="type-form"
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Field label={t('types.label')} isRequired error={err('label')}>
          <Input
            value={label}
            onChange={(e) => {
              setLabel(e.target.value);
              if (!type && !keyTouched) setKey(keyFromLabel(e.target.value));
            }}
            maxLength={80}
          />
        </Field>
        <Field label={t('types.key')} hint={type ? t('keyFixed') : t('keyHint')} error={err('key')}>
          <Input
            value={key}
            disabled={Boolean(type)}
            onChange={(e) => {
              setKey(e.target.value);
              setKeyTouched(true);
            }}
            className="mono"
          />
        </Field>
        <Field label={t('color')}>
          <ColorPicker value={color} onChange={setColor} label={t('color')} />
        </Field>
        <Field label={t('types.icon')} hint={t('types.iconHint')} error={err('icon')}>
          <Input value={icon} onChange={(e) => setIcon(e.target.value)} maxLength={40} />
        </Field>
        <fieldset className="filter-group">
          <legend>{t('types.requiredFields')}</legend>
          <p className="text-muted text-sm">{t('types.requiredHint')}</p>
          <div className="rule-fields">
            {REQUIRABLE.map(([f, labelKey]) => (
              <Checkbox key={f} label={t(labelKey)} checked={required.includes(f)} onChange={() => toggle(f)} />
            ))}
            {custom.map((f) => (
              <Checkbox
                key={f.key}
                label={f.label}
                checked={required.includes(`custom.${f.key}`)}
                onChange={() => toggle(`custom.${f.key}`)}
              />
            ))}
          </div>
          {err('rules.0.fields') && (
            <p className="field-error" role="alert">
              {err('rules.0.fields')}
            </p>
          )}
          {otherRules.length > 0 && (
            <p className="text-muted text-sm">
              {t('types.otherRules', { rules: otherRules.map((r) => r.kind).join(', ') })}
            </p>
          )}
        </fieldset>
      </form>
    </Dialog>
  );
}
