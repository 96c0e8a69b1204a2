import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button, Field, Input, Select } from '../../../design';
import type { AuditEntry } from '../api/audit';
import { useMembers } from '../api/users';
import './audit.css';

export interface AuditFilterForm {
  action: string;
  entityType: string;
  actorId: string;
  from: string;
  to: string;
}
export const EMPTY_FILTER_FORM: AuditFilterForm = { action: '', entityType: '', actorId: '', from: '', to: '' };

/** Action, entity type, user and a date range (days in the workspace's time zone). */
export function AuditFilterBar({
  value,
  onChange,
  entries,
}: {
  value: AuditFilterForm;
  onChange: (v: AuditFilterForm) => void;
  entries: AuditEntry[];
}) {
  const { t } = useTranslation('settings');
  const members = useMembers({ includeInactive: true });
  const set = (key: keyof AuditFilterForm) => (e: { target: { value: string } }) =>
    onChange({ ...value, [key]: e.target.value });
  const actions = [...new Set(entries.map((e) => e.action))].sort();
  const entityTypes = [...new Set(entries.map((e) => e.entityType))].sort();
  const isFiltered = Object.values(value).some(Boolean);
  return (
    <div className="audit-filters" role="search" aria-label={t('audit.filters')}>
      <Field label={t('audit.columns.action')}>
        <Input
          size="sm"
          value={value.action}
          onChange={set('action')}
          list="audit-actions"
          placeholder={t('audit.actionPlaceholder')}
        />
      </Field>
      <Field label={t('audit.columns.entity')}>
        <Input
          size="sm"
          value={value.entityType}
          onChange={set('entityType')}
          list="audit-entities"
          placeholder={t('audit.entityPlaceholder')}
        />
      </Field>
      <Field label={t('audit.columns.who')}>
        <Select size="sm" value={value.actorId} onChange={set('actorId')}>
          <option value="">{t('audit.anyone')}</option>
          {members.data?.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('audit.from')}>
        <Input size="sm" type="date" value={value.from} onChange={set('from')} max={value.to || undefined} />
      </Field>
      <Field label={t('audit.to')}>
        <Input size="sm" type="date" value={value.to} onChange={set('to')} min={value.from || undefined} />
      </Field>
      <Button
        size="sm"
        variant="ghost"
        icon={<X />}
        onClick={() => onChange(EMPTY_FILTER_FORM)}
        disabled={!isFiltered}
        className="audit-clear"
      >
        {t('audit.clear')}
      </Button>
      <datalist id="audit-actions">
        {actions.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <datalist id="audit-entities">
        {entityTypes.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
    </div>
  );
}
