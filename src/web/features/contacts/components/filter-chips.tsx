import { useTranslation } from 'react-i18next';
import { Badge, Button } from '../../../design';
import { useFormat } from '../../../lib/format';
import type { ContactFilter } from '../api/contacts';
import { useContactSources, useContactTypes, useCustomFields, useTags } from '../api/config';
import { useMembers } from '../../settings';
import { STANDARD_FILTER_FIELDS } from '../lib/fields';

/** The filters in effect, each removable on its own. */
export function FilterChips({ filter, onChange }: { filter: ContactFilter; onChange: (f: ContactFilter) => void }) {
  const { t } = useTranslation('contacts');
  const format = useFormat();
  const types = new Map((useContactTypes().data ?? []).map((x) => [x.key, x.label]));
  const sources = new Map((useContactSources().data ?? []).map((x) => [x.key, x.label]));
  const tags = new Map((useTags().data ?? []).map((x) => [x.id, x.name]));
  const members = new Map((useMembers({ includeInactive: true }).data ?? []).map((x) => [x.id, x.name]));
  const custom = useCustomFields().data ?? [];
  const chips: Array<{ key: string; label: string; clear: () => void }> = [];
  const without = (patch: Partial<ContactFilter>) => () => onChange({ ...filter, ...patch });
  if (filter.q) chips.push({ key: 'q', label: t('chips.search', { q: filter.q }), clear: without({ q: undefined }) });
  if (filter.typeKeys?.length)
    chips.push({
      key: 'type',
      label: `${t('fields.type')}: ${filter.typeKeys.map((k) => types.get(k) ?? k).join(', ')}`,
      clear: without({ typeKeys: undefined }),
    });
  if (filter.sourceKeys?.length)
    chips.push({
      key: 'source',
      label: `${t('fields.source')}: ${filter.sourceKeys.map((k) => sources.get(k) ?? k).join(', ')}`,
      clear: without({ sourceKeys: undefined }),
    });
  if (filter.ownerIds?.length) {
    const name = (o: string) =>
      o === 'me' ? t('filters.me') : o === 'none' ? t('filters.unassigned') : (members.get(o) ?? o);
    chips.push({
      key: 'owner',
      label: `${t('fields.owner')}: ${filter.ownerIds.map(name).join(', ')}`,
      clear: without({ ownerIds: undefined }),
    });
  }
  if (filter.tagIds?.length) {
    const joiner = filter.tagMode === 'all' ? ` ${t('chips.and')} ` : ` ${t('chips.or')} `;
    chips.push({
      key: 'tags',
      label: `${t('fields.tags')}: ${filter.tagIds.map((id) => tags.get(id) ?? '…').join(joiner)}`,
      clear: without({ tagIds: undefined, tagMode: undefined }),
    });
  }
  if (filter.createdFrom || filter.createdTo)
    chips.push({
      key: 'created',
      label: `${t('filters.created')}: ${format.date(filter.createdFrom) || '…'} – ${filter.createdTo ? format.date(new Date(new Date(filter.createdTo).getTime() - 1).toISOString()) : '…'}`,
      clear: without({ createdFrom: undefined, createdTo: undefined }),
    });
  if (filter.doNotContact !== undefined)
    chips.push({
      key: 'dnc',
      label: filter.doNotContact ? t('filters.dncYes') : t('filters.dncNo'),
      clear: without({ doNotContact: undefined }),
    });
  if (filter.deleted) chips.push({ key: 'trash', label: t('filters.trash'), clear: without({ deleted: undefined }) });
  (filter.conditions ?? []).forEach((c, i) => {
    const std = STANDARD_FILTER_FIELDS.find((f) => f.key === c.field);
    const label = std?.labelKey
      ? t(std.labelKey)
      : (custom.find((f) => `custom.${f.key}` === c.field)?.label ?? c.field);
    const value =
      c.op === 'empty' || c.op === 'not_empty'
        ? ''
        : ` ${Array.isArray(c.value) ? c.value.join(', ') : typeof c.value === 'boolean' ? t(c.value ? 'common:yes' : 'common:no') : String(c.value ?? '')}`;
    chips.push({
      key: `c${i}`,
      label: `${label} ${t(`ops.${c.op}`)}${value}`,
      clear: () => onChange({ ...filter, conditions: filter.conditions!.filter((_, j) => j !== i) }),
    });
  });
  if (!chips.length) return null;
  return (
    <div className="filter-chips" aria-label={t('filters.active')}>
      {chips.map((c) => (
        <Badge key={c.key} color="accent" onRemove={c.clear} removeLabel={t('filters.removeNamed', { name: c.label })}>
          {c.label}
        </Badge>
      ))}
      <Button size="sm" variant="ghost" onClick={() => onChange({})}>
        {t('filters.clearAll')}
      </Button>
    </div>
  );
}
