import { useState } from 'react';
import { Archive, ArchiveRestore, FormInput, Pencil, Plus, Trash2, X } from 'lucide-react';
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
  Select,
  Tabs,
  type Column,
} from '../../../design';
import { fieldError } from '../../../lib/api';
import { useApiMutation } from '../../../lib/mutation';
import { useCan } from '../../../lib/session';
import { CUSTOM_FIELD_TYPES, type CustomFieldEntity } from '../../../../shared/contracts/contacts-config';
import { customFieldKeys, useCustomFields, type CustomField } from '../../contacts';
import { SectionHeader } from '../../settings';
import { createCustomField, deleteCustomField, keyFromLabel, updateCustomField } from '../api/contact-settings';
import './contact-settings.css';

type Entity = CustomFieldEntity;
const UNIQUE_CAPABLE = new Set(['text', 'number', 'money', 'date', 'url', 'email', 'phone', 'select']);

/** Custom fields on contacts and companies: any type, required or unique, validated on every save. */
export function CustomFieldsSettings() {
  const { t } = useTranslation('contactSettings');
  const can = useCan();
  const [entity, setEntity] = useState<Entity>('contact');
  const fields = useCustomFields(entity);
  const [editing, setEditing] = useState<CustomField | 'new' | null>(null);
  const [deleting, setDeleting] = useState<CustomField | null>(null);
  const canEdit = can('settings.manage');
  const archive = useApiMutation({
    mutationFn: (f: CustomField) => updateCustomField(f.id, { version: f.version, isArchived: !f.isArchived }),
    invalidate: [customFieldKeys.all],
    successMessage: t('fields.saved'),
  });
  const remove = useApiMutation({
    mutationFn: (f: CustomField) => deleteCustomField(f.id),
    invalidate: [customFieldKeys.all],
    successMessage: t('fields.deleted'),
    onSuccess: () => setDeleting(null),
  });
  const columns: Column<CustomField>[] = [
    {
      key: 'label',
      header: t('fields.label'),
      cell: (f) => (
        <span className="row">
          {f.label}
          {f.isRequired && <Badge color="blue">{t('fields.required')}</Badge>}
          {f.isUnique && <Badge color="purple">{t('fields.unique')}</Badge>}
          {f.isArchived && <Badge>{t('archived')}</Badge>}
        </span>
      ),
    },
    { key: 'key', header: t('types.key'), width: 180, cell: (f) => <code className="mono text-muted">{f.key}</code> },
    { key: 'type', header: t('fields.type'), width: 140, cell: (f) => t(`fieldTypes.${f.type}`) },
    {
      key: 'choices',
      header: t('fields.choices'),
      cell: (f) => <span className="text-muted text-sm truncate">{f.choices.map((c) => c.label).join(', ')}</span>,
    },
    {
      key: 'actions',
      header: '',
      width: 110,
      align: 'right',
      cell: (f) =>
        canEdit && (
          <div className="settings-table-actions">
            <IconButton
              size="sm"
              label={t('edit', { name: f.label })}
              icon={<Pencil />}
              onClick={() => setEditing(f)}
            />
            <IconButton
              size="sm"
              label={f.isArchived ? t('unarchive', { name: f.label }) : t('archive', { name: f.label })}
              icon={f.isArchived ? <ArchiveRestore /> : <Archive />}
              onClick={() => archive.mutate(f)}
            />
            <IconButton
              size="sm"
              label={t('delete', { name: f.label })}
              icon={<Trash2 />}
              onClick={() => setDeleting(f)}
            />
          </div>
        ),
    },
  ];
  return (
    <>
      <SectionHeader
        title={t('fields.title')}
        description={t('fields.description')}
        actions={
          canEdit && (
            <Button variant="primary" icon={<Plus />} onClick={() => setEditing('new')}>
              {t('fields.add')}
            </Button>
          )
        }
      />
      <Tabs
        label={t('fields.entity')}
        value={entity}
        onChange={(k) => setEntity(k as Entity)}
        items={[
          { key: 'contact', label: t('fields.onContacts') },
          { key: 'company', label: t('fields.onCompanies') },
        ]}
      />
      <Card flush>
        <DataTable
          label={t('fields.title')}
          columns={columns}
          rows={fields.data ?? []}
          getRowId={(f) => f.id}
          isLoading={fields.isPending}
          flush
          empty={
            <EmptyState icon={<FormInput />} title={t('fields.emptyTitle')}>
              {t('fields.emptyText')}
            </EmptyState>
          }
        />
      </Card>
      {editing && (
        <FieldDialog entity={entity} field={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      <ConfirmDialog
        open={Boolean(deleting)}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
        title={t('deleteTitle', { name: deleting?.label })}
        message={t('fields.deleteText')}
        confirmLabel={t('common:delete')}
        isLoading={remove.isPending}
      />
    </>
  );
}

function FieldDialog({ entity, field, onClose }: { entity: Entity; field: CustomField | null; onClose: () => void }) {
  const { t } = useTranslation('contactSettings');
  const [label, setLabel] = useState(field?.label ?? '');
  const [key, setKey] = useState(field?.key ?? '');
  const [type, setType] = useState<CustomField['type']>(field?.type ?? 'text');
  const [choices, setChoices] = useState(field?.choices.map((c) => ({ value: c.value, label: c.label })) ?? []);
  const [isRequired, setRequired] = useState(field?.isRequired ?? false);
  const [isUnique, setUnique] = useState(field?.isUnique ?? false);
  const hasChoices = type === 'select' || type === 'multi_select';
  const cleanChoices = hasChoices
    ? choices
        .filter((c) => c.label.trim())
        .map((c) => ({ value: c.value.trim() || keyFromLabel(c.label), label: c.label.trim() }))
    : [];
  const save = useApiMutation({
    mutationFn: () =>
      field
        ? updateCustomField(field.id, {
            version: field.version,
            label,
            choices: hasChoices ? cleanChoices : undefined,
            isRequired,
            isUnique,
          })
        : createCustomField({
            entity,
            key: key || keyFromLabel(label),
            label,
            type,
            choices: cleanChoices,
            isRequired,
            isUnique: UNIQUE_CAPABLE.has(type) && isUnique,
          }),
    invalidate: [customFieldKeys.all],
    successMessage: t('fields.saved'),
    onSuccess: onClose,
  });
  const err = (f: string) => fieldError(save.error, f);
  return (
    <Dialog
      open
      onClose={onClose}
      title={field ? t('fields.editTitle', { name: field.label }) : t('fields.addTitle')}
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" form="field-form" isLoading={save.isPending}>
            {t('common:save')}
          </Button>
        </>
      }
    >
      <form
        id="field-form"
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Field label={t('fields.label')} isRequired error={err('label')}>
          <Input
            value={label}
            onChange={(e) => {
              setLabel(e.target.value);
              if (!field) setKey(keyFromLabel(e.target.value));
            }}
            maxLength={80}
          />
        </Field>
        <Field label={t('types.key')} hint={field ? t('keyFixed') : t('keyHint')} error={err('key')}>
          <Input value={key} disabled={Boolean(field)} onChange={(e) => setKey(e.target.value)} className="mono" />
        </Field>
        <Field label={t('fields.type')} hint={field ? t('fields.typeFixed') : undefined} error={err('type')}>
          <Select
            value={type}
            disabled={Boolean(field)}
            onChange={(e) => setType(e.target.value as CustomField['type'])}
            options={CUSTOM_FIELD_TYPES.map((x) => ({ value: x, label: t(`fieldTypes.${x}`) }))}
          />
        </Field>
        {hasChoices && (
          <fieldset className="filter-group">
            <legend>{t('fields.choices')}</legend>
            <div className="choice-rows">
              {choices.map((c, i) => (
                <div className="choice-row" key={i}>
                  <Input
                    size="sm"
                    aria-label={t('fields.choiceLabel')}
                    placeholder={t('fields.choiceLabel')}
                    value={c.label}
                    onChange={(e) =>
                      setChoices(
                        choices.map((x, j) =>
                          j === i
                            ? {
                                ...x,
                                label: e.target.value,
                                value: field && x.value ? x.value : keyFromLabel(e.target.value),
                              }
                            : x,
                        ),
                      )
                    }
                  />
                  <Input
                    size="sm"
                    aria-label={t('fields.choiceValue')}
                    value={c.value}
                    className="mono"
                    disabled={Boolean(field?.choices.some((o) => o.value === c.value))}
                    onChange={(e) => setChoices(choices.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))}
                  />
                  <IconButton
                    size="sm"
                    label={t('fields.removeChoice')}
                    icon={<X />}
                    onClick={() => setChoices(choices.filter((_, j) => j !== i))}
                  />
                </div>
              ))}
              <Button
                size="sm"
                variant="ghost"
                icon={<Plus />}
                onClick={() => setChoices([...choices, { value: '', label: '' }])}
              >
                {t('fields.addChoice')}
              </Button>
            </div>
            {err('choices') && (
              <p className="field-error" role="alert">
                {err('choices')}
              </p>
            )}
          </fieldset>
        )}
        <Checkbox
          label={t('fields.requiredLabel')}
          hint={t('fields.requiredHint')}
          checked={isRequired}
          onChange={(e) => setRequired(e.target.checked)}
        />
        {UNIQUE_CAPABLE.has(type) && (
          <Checkbox
            label={t('fields.uniqueLabel')}
            hint={t('fields.uniqueHint')}
            checked={isUnique}
            onChange={(e) => setUnique(e.target.checked)}
          />
        )}
        {err('isUnique') && (
          <p className="field-error" role="alert">
            {err('isUnique')}
          </p>
        )}
      </form>
    </Dialog>
  );
}
