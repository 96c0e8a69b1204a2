import { useState } from 'react';
import { Plus, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Drawer, Field, IconButton, Input, Select } from '../../../design';
import { useSession } from '../../../lib/session';
import { zonedDayStart } from '../../../lib/format';
import type { ContactFilter } from '../api/contacts';
import { useContactSources, useContactTypes, useCustomFields, useTags } from '../api/config';
import { useMembers } from '../../settings';
import { customFilterFields, OPS_BY_KIND, STANDARD_FILTER_FIELDS, type FilterField } from '../lib/fields';

type Condition = NonNullable<ContactFilter['conditions']>[number];

function toggle(list: string[] | undefined, value: string): string[] | undefined {
  const next = new Set(list);
  if (!next.delete(value)) next.add(value);
  return next.size ? [...next] : undefined;
}

function ChoiceList({
  legend,
  options,
  selected,
  onToggle,
}: {
  legend: string;
  options: Array<{ value: string; label: string }>;
  selected?: string[];
  onToggle: (v: string) => void;
}) {
  if (!options.length) return null;
  return (
    <fieldset className="filter-group">
      <legend>{legend}</legend>
      <div className="filter-choices">
        {options.map((o) => (
          <Checkbox
            key={o.value}
            label={o.label}
            checked={Boolean(selected?.includes(o.value))}
            onChange={() => onToggle(o.value)}
          />
        ))}
      </div>
    </fieldset>
  );
}

/** Filters on every field: the common ones as checkboxes, anything else as field–operator–value rows. */
export function FilterDrawer({
  open,
  onClose,
  filter,
  onApply,
}: {
  open: boolean;
  onClose: () => void;
  filter: ContactFilter;
  onApply: (f: ContactFilter) => void;
}) {
  return open ? <FilterDrawerBody onClose={onClose} filter={filter} onApply={onApply} /> : null;
}

function FilterDrawerBody({
  onClose,
  filter,
  onApply,
}: {
  onClose: () => void;
  filter: ContactFilter;
  onApply: (f: ContactFilter) => void;
}) {
  const { t } = useTranslation('contacts');
  const session = useSession();
  const [draft, setDraft] = useState<ContactFilter>(filter);
  const types = useContactTypes().data ?? [];
  const sources = useContactSources().data ?? [];
  const tags = useTags().data ?? [];
  const members = useMembers().data ?? [];
  const custom = useCustomFields().data ?? [];
  const fields: FilterField[] = [...STANDARD_FILTER_FIELDS, ...customFilterFields(custom)];
  const labelOf = (f: FilterField) => f.label ?? t(f.labelKey!);
  const conditions = draft.conditions ?? [];
  const setConditions = (next: Condition[]) => setDraft({ ...draft, conditions: next.length ? next : undefined });
  const tz = session.workspace.timezone;
  // the filter holds instants (day starts in the workspace's zone; "to" is exclusive), the inputs days
  const dateOf = (iso?: string, minusMs = 0) =>
    iso ? new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(new Date(new Date(iso).getTime() - minusMs)) : '';

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('filters.title')}
      description={t('filters.description')}
      footer={
        <>
          <Button onClick={() => setDraft({ q: draft.q })}>{t('filters.clear')}</Button>
          <Button variant="primary" onClick={() => onApply(draft)}>
            {t('filters.apply')}
          </Button>
        </>
      }
    >
      <div className="stack filter-drawer">
        <ChoiceList
          legend={t('fields.type')}
          options={types.map((x) => ({ value: x.key, label: x.label }))}
          selected={draft.typeKeys}
          onToggle={(v) => setDraft({ ...draft, typeKeys: toggle(draft.typeKeys, v) })}
        />
        <ChoiceList
          legend={t('fields.source')}
          options={sources.filter((s) => !s.isArchived).map((x) => ({ value: x.key, label: x.label }))}
          selected={draft.sourceKeys}
          onToggle={(v) => setDraft({ ...draft, sourceKeys: toggle(draft.sourceKeys, v) })}
        />
        <ChoiceList
          legend={t('fields.owner')}
          options={[
            { value: 'me', label: t('filters.me') },
            { value: 'none', label: t('filters.unassigned') },
            ...members.filter((m) => m.id !== session.user.id).map((m) => ({ value: m.id, label: m.name })),
          ]}
          selected={draft.ownerIds as string[] | undefined}
          onToggle={(v) =>
            setDraft({
              ...draft,
              ownerIds: toggle(draft.ownerIds as string[] | undefined, v) as ContactFilter['ownerIds'],
            })
          }
        />
        <fieldset className="filter-group">
          <legend>{t('fields.tags')}</legend>
          <div className="filter-choices">
            {tags.map((tag) => (
              <Checkbox
                key={tag.id}
                label={tag.name}
                checked={Boolean(draft.tagIds?.includes(tag.id))}
                onChange={() => setDraft({ ...draft, tagIds: toggle(draft.tagIds, tag.id) })}
              />
            ))}
          </div>
          {(draft.tagIds?.length ?? 0) > 1 && (
            <Select
              size="sm"
              aria-label={t('filters.tagMode')}
              value={draft.tagMode ?? 'any'}
              onChange={(e) => setDraft({ ...draft, tagMode: e.target.value as 'any' | 'all' })}
              options={[
                { value: 'any', label: t('filters.tagAny') },
                { value: 'all', label: t('filters.tagAll') },
              ]}
            />
          )}
        </fieldset>
        <fieldset className="filter-group">
          <legend>{t('filters.created')}</legend>
          <div className="filter-dates">
            <Field label={t('filters.from')}>
              <Input
                type="date"
                size="sm"
                value={dateOf(draft.createdFrom)}
                onChange={(e) =>
                  setDraft({ ...draft, createdFrom: e.target.value ? zonedDayStart(e.target.value, tz) : undefined })
                }
              />
            </Field>
            <Field label={t('filters.to')}>
              <Input
                type="date"
                size="sm"
                value={dateOf(draft.createdTo, 1)}
                onChange={(e) =>
                  setDraft({ ...draft, createdTo: e.target.value ? zonedDayStart(e.target.value, tz, 1) : undefined })
                }
              />
            </Field>
          </div>
        </fieldset>
        <fieldset className="filter-group">
          <legend>{t('filters.more')}</legend>
          <Select
            size="sm"
            aria-label={t('doNotContact')}
            value={draft.doNotContact === undefined ? '' : String(draft.doNotContact)}
            onChange={(e) =>
              setDraft({ ...draft, doNotContact: e.target.value === '' ? undefined : e.target.value === 'true' })
            }
            options={[
              { value: '', label: t('filters.dncAny') },
              { value: 'false', label: t('filters.dncNo') },
              { value: 'true', label: t('filters.dncYes') },
            ]}
          />
          <Checkbox
            label={t('filters.trash')}
            hint={t('filters.trashHint')}
            checked={Boolean(draft.deleted)}
            onChange={(e) => setDraft({ ...draft, deleted: e.target.checked || undefined })}
          />
        </fieldset>
        <fieldset className="filter-group">
          <legend>{t('filters.conditions')}</legend>
          {conditions.map((c, i) => {
            const field = fields.find((f) => f.key === c.field) ?? fields[0];
            const needsValue = c.op !== 'empty' && c.op !== 'not_empty';
            const update = (patch: Partial<Condition>) =>
              setConditions(conditions.map((x, j) => (j === i ? { ...x, ...patch } : x)));
            return (
              <div className="filter-condition" key={i}>
                <Select
                  size="sm"
                  aria-label={t('filters.field')}
                  value={c.field}
                  onChange={(e) => {
                    const next = fields.find((f) => f.key === e.target.value)!;
                    update({
                      field: next.key,
                      op: OPS_BY_KIND[next.kind][0] as Condition['op'],
                      value: next.kind === 'boolean' ? true : undefined,
                    });
                  }}
                  options={fields.map((f) => ({ value: f.key, label: labelOf(f) }))}
                />
                <Select
                  size="sm"
                  aria-label={t('filters.operator')}
                  value={c.op}
                  onChange={(e) => update({ op: e.target.value as Condition['op'] })}
                  options={OPS_BY_KIND[field.kind].map((op) => ({ value: op, label: t(`ops.${op}`) }))}
                />
                {needsValue && <ConditionValue field={field} value={c.value} onChange={(value) => update({ value })} />}
                <IconButton
                  size="sm"
                  label={t('filters.removeCondition')}
                  icon={<X />}
                  onClick={() => setConditions(conditions.filter((_, j) => j !== i))}
                />
              </div>
            );
          })}
          <Button
            size="sm"
            variant="ghost"
            icon={<Plus />}
            onClick={() => setConditions([...conditions, { field: fields[0].key, op: 'contains' }])}
          >
            {t('filters.addCondition')}
          </Button>
        </fieldset>
      </div>
    </Drawer>
  );
}

function ConditionValue({
  field,
  value,
  onChange,
}: {
  field: FilterField;
  value: unknown;
  onChange: (v: Condition['value']) => void;
}) {
  const { t } = useTranslation('contacts');
  if (field.kind === 'boolean') {
    return (
      <Select
        size="sm"
        aria-label={t('filters.value')}
        value={String(value ?? true)}
        onChange={(e) => onChange(e.target.value === 'true')}
        options={[
          { value: 'true', label: t('common:yes') },
          { value: 'false', label: t('common:no') },
        ]}
      />
    );
  }
  if (field.choices) {
    const current = Array.isArray(value) ? String(value[0] ?? '') : String(value ?? '');
    return (
      <Select
        size="sm"
        aria-label={t('filters.value')}
        value={current}
        onChange={(e) => onChange(field.kind === 'multi' ? [e.target.value] : e.target.value)}
      >
        <option value="" disabled>
          {t('filters.pick')}
        </option>
        {field.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {field.labelKey === 'fields.gender' ? t(`genders.${c.value}`) : c.label}
          </option>
        ))}
      </Select>
    );
  }
  const type = field.kind === 'number' ? 'number' : field.kind === 'date' ? 'date' : 'text';
  return (
    <Input
      size="sm"
      type={type}
      aria-label={t('filters.value')}
      value={value === undefined || value === null ? '' : String(value)}
      onChange={(e) =>
        onChange(
          field.kind === 'number' ? (e.target.value === '' ? undefined : Number(e.target.value)) : e.target.value,
        )
      }
    />
  );
}
