import { useEffect, useState } from 'react';
import { ListFilter, Search } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Drawer, Field, Input, Select } from '../../../design';
import { useMembers } from '../../settings';
import type { BoardFilters as Filters } from '../api/board';

/** Search, owner, and the rest of the filters in a drawer; chips show what is applied. */
export function BoardFilters({
  filters,
  onChange,
  count,
}: {
  filters: Filters;
  onChange: (f: Filters) => void;
  count: number;
}) {
  const { t } = useTranslation('pipelines');
  const members = useMembers().data ?? [];
  const [q, setQ] = useState(filters.q ?? '');
  const [isOpen, setOpen] = useState(false);
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  useEffect(() => {
    const id = window.setTimeout(() => q !== (filters.q ?? '') && onChange({ ...filters, q: q || undefined }), 300);
    return () => window.clearTimeout(id);
  }, [q]); // eslint-disable-line react-hooks/exhaustive-deps
  const ownerOptions = [
    { value: '', label: t('filters.anyOwner') },
    { value: 'me', label: t('filters.me') },
    { value: 'none', label: t('filters.noOwner') },
    ...members.map((m) => ({ value: m.id, label: m.name })),
  ];
  const chips: Array<[keyof Filters, string]> = [];
  if (filters.source) chips.push(['source', t('filters.chipSource', { value: filters.source })]);
  if (filters.tags) chips.push(['tags', t('filters.chipTags', { value: filters.tags })]);
  if (filters.custom) chips.push(['custom', filters.custom]);
  if (filters.createdFrom) chips.push(['createdFrom', t('filters.chipFrom', { value: filters.createdFrom })]);
  if (filters.createdTo) chips.push(['createdTo', t('filters.chipTo', { value: filters.createdTo })]);
  return (
    <div className="board-toolbar">
      <div className="board-search">
        <Input
          size="sm"
          icon={<Search />}
          placeholder={t('filters.search')}
          aria-label={t('filters.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <Select
        size="sm"
        aria-label={t('filters.owner')}
        value={filters.ownerId ?? ''}
        options={ownerOptions}
        onChange={(e) => onChange({ ...filters, ownerId: e.target.value || undefined })}
      />
      <Button size="sm" icon={<ListFilter />} onClick={() => setOpen(true)}>
        {t('filters.more')}
        {count > 0 && (
          <Badge color="accent" round>
            {count}
          </Badge>
        )}
      </Button>
      {chips.map(([key, label]) => (
        <Badge
          key={key}
          color="accent"
          onRemove={() => onChange({ ...filters, [key]: undefined })}
          removeLabel={t('filters.remove', { label })}
        >
          {label}
        </Badge>
      ))}
      {count > 0 && (
        <Button size="sm" variant="ghost" onClick={() => onChange({})}>
          {t('filters.clear')}
        </Button>
      )}
      {isOpen && (
        <FilterDrawer
          filters={filters}
          onClose={() => setOpen(false)}
          onApply={(f) => {
            onChange(f);
            setOpen(false);
          }}
        />
      )}
    </div>
  );
}

function FilterDrawer({
  filters,
  onApply,
  onClose,
}: {
  filters: Filters;
  onApply: (f: Filters) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('pipelines');
  const [draft, setDraft] = useState<Filters>(filters);
  const set = (k: keyof Filters) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [k]: e.target.value || undefined });
  return (
    <Drawer
      open
      onClose={onClose}
      title={t('filters.title')}
      footer={
        <>
          <Button onClick={() => setDraft({})}>{t('filters.clear')}</Button>
          <Button variant="primary" type="submit" form="board-filter-form">
            {t('filters.apply')}
          </Button>
        </>
      }
    >
      <form
        id="board-filter-form"
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          onApply(draft);
        }}
      >
        <Field label={t('filters.source')}>
          <Input value={draft.source ?? ''} onChange={set('source')} />
        </Field>
        <Field label={t('filters.tags')} hint={t('filters.tagsHint')}>
          <Input value={draft.tags ?? ''} onChange={set('tags')} />
        </Field>
        <Field label={t('filters.custom')} hint={t('filters.customHint')}>
          <Input value={draft.custom ?? ''} onChange={set('custom')} placeholder="academicYear:2027/28" />
        </Field>
        <div className="row">
          <Field label={t('filters.createdFrom')}>
            <Input type="date" value={draft.createdFrom ?? ''} onChange={set('createdFrom')} />
          </Field>
          <Field label={t('filters.createdTo')}>
            <Input type="date" value={draft.createdTo ?? ''} onChange={set('createdTo')} />
          </Field>
        </div>
      </form>
    </Drawer>
  );
}
