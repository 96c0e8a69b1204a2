import { useMemo, useState } from 'react';
import { Columns3, ListFilter, Plus, Users } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Badge, Button, DataTable, EmptyState, FormError, Page, PageHeader } from '../../../design';
import { useFormat } from '../../../lib/format';
import { describeError } from '../../../lib/mutation';
import { useRealtime } from '../../../lib/realtime';
import { useCan } from '../../../lib/session';
import { useQueryClient } from '@tanstack/react-query';
import { contactKeys, useContactList } from '../api/contacts';
import { useContactSources, useContactTypes, useCustomFields } from '../api/config';
import { activeFilterCount, useContactListState } from '../hooks/use-contact-list-state';
import { buildColumns, columnOfSortField, sortFieldOf } from '../lib/columns';
import { BulkBar } from './bulk-bar';
import { ColumnChooser } from './column-chooser';
import { ContactFormDialog } from './contact-form-dialog';
import { ContactsTabs } from './contacts-tabs';
import { FilterChips } from './filter-chips';
import { FilterDrawer } from './filter-drawer';
import { InstantSearch } from './instant-search';
import { SavedViewsMenu } from './saved-views-menu';
import './contacts.css';
import { ImportExportActions } from '../../import-export';

/** The contacts list: saved views, instant search, filters, column chooser, bulk actions, virtualized rows. */
/** One empty list for every render while settings load, so memoized columns stay put. */
const NONE: never[] = [];

export function ContactsPage() {
  const { t } = useTranslation('contacts');
  const navigate = useNavigate();
  const can = useCan();
  const format = useFormat();
  const queryClient = useQueryClient();
  const state = useContactListState();
  const { filter, sort, columns } = state;
  const list = useContactList(filter, sort);
  const types = useContactTypes().data ?? NONE;
  const sources = useContactSources().data ?? NONE;
  const fields = useCustomFields().data ?? NONE;
  const [isFiltering, setFiltering] = useState(false);
  const [isChoosingColumns, setChoosingColumns] = useState(false);
  const [isCreating, setCreating] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [isAllMatching, setAllMatching] = useState(false);
  useRealtime('contact.', () => void queryClient.invalidateQueries({ queryKey: contactKeys.all }));

  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total;
  const tableColumns = useMemo(
    () =>
      buildColumns(columns, {
        t,
        format,
        types: new Map(types.map((x) => [x.key, x])),
        sources: new Map(sources.map((x) => [x.key, x])),
        fields,
      }),
    [columns, t, format, types, sources, fields],
  );
  const filterCount = activeFilterCount(filter);
  const clearSelection = () => {
    setSelected(new Set());
    setAllMatching(false);
  };
  const setFilter = (f: typeof filter) => {
    state.setFilter(f);
    clearSelection();
  };

  return (
    <Page wide>
      <PageHeader
        title={t('list.title')}
        description={total === undefined ? t('list.description') : t('list.count', { count: total })}
        actions={
          can('contacts.edit') && (
            <Button variant="primary" icon={<Plus />} onClick={() => setCreating(true)}>
              {t('list.new')}
            </Button>
          )
        }
      />
      <ContactsTabs />
      <div className="contacts-toolbar">
        <SavedViewsMenu
          view={state.view}
          isDirty={state.isDirty}
          filter={filter}
          sort={sort}
          columns={columns}
          onApply={(v) => {
            state.applyView(v);
            clearSelection();
          }}
        />
        <InstantSearch value={filter.q ?? ''} onApply={(q) => setFilter({ ...filter, q: q || undefined })} />
        <Button
          size="sm"
          icon={<ListFilter />}
          onClick={() => setFiltering(true)}
          aria-label={filterCount ? t('filters.buttonCount', { count: filterCount }) : undefined}
        >
          {t('filters.button')}
          {filterCount > 0 && (
            <Badge color="accent" round>
              {filterCount}
            </Badge>
          )}
        </Button>
        <Button size="sm" icon={<Columns3 />} onClick={() => setChoosingColumns(true)}>
          {t('columnChooser.button')}
        </Button>
        <ImportExportActions entity="contacts" filter={filter} />
      </div>
      <FilterChips filter={filter} onChange={setFilter} />
      {(selected.size > 0 || isAllMatching) && (
        <BulkBar
          selectedIds={selected}
          total={total}
          filter={filter}
          isAllMatching={isAllMatching}
          onSelectAllMatching={() => setAllMatching(true)}
          onClear={clearSelection}
        />
      )}
      {list.isError && <FormError message={describeError(list.error, t)} />}
      <DataTable
        label={t('list.title')}
        columns={tableColumns}
        rows={rows}
        getRowId={(c) => c.id}
        isLoading={list.isPending}
        virtualize
        maxHeight="calc(100vh - 290px)"
        sort={{ key: columnOfSortField(sort.field), direction: sort.dir }}
        onSortChange={(s) => {
          const field = sortFieldOf(s.key);
          if (field) state.setSort({ field, dir: s.direction });
        }}
        onRowActivate={(c) => navigate(`/contacts/${c.id}`)}
        onReachEnd={() => {
          if (list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
        }}
        selectedIds={can('contacts.edit') ? selected : undefined}
        onSelectionChange={
          can('contacts.edit')
            ? (ids) => {
                setSelected(ids);
                setAllMatching(false);
              }
            : undefined
        }
        empty={
          filterCount || filter.q ? (
            <EmptyState
              icon={<ListFilter />}
              title={t('list.noResultsTitle')}
              action={<Button onClick={() => setFilter({})}>{t('filters.clearAll')}</Button>}
            >
              {t('list.noResultsText')}
            </EmptyState>
          ) : (
            <EmptyState
              icon={<Users />}
              title={t('list.emptyTitle')}
              action={
                can('contacts.edit') && (
                  <Button variant="primary" icon={<Plus />} onClick={() => setCreating(true)}>
                    {t('list.new')}
                  </Button>
                )
              }
            >
              {t('list.emptyText')}
            </EmptyState>
          )
        }
        footer={
          rows.length > 0 && (
            <div className="row-between contacts-footer">
              <span className="text-muted">
                {t('list.showing', { shown: rows.length, total: total ?? rows.length })}
              </span>
              {list.hasNextPage && (
                <Button size="sm" onClick={() => void list.fetchNextPage()} isLoading={list.isFetchingNextPage}>
                  {t('common:loadMore')}
                </Button>
              )}
            </div>
          )
        }
      />
      <FilterDrawer
        open={isFiltering}
        onClose={() => setFiltering(false)}
        filter={filter}
        onApply={(f) => {
          setFilter(f);
          setFiltering(false);
        }}
      />
      <ColumnChooser
        open={isChoosingColumns}
        onClose={() => setChoosingColumns(false)}
        columns={columns}
        onChange={state.setColumns}
      />
      {isCreating && (
        <ContactFormDialog onClose={() => setCreating(false)} onSaved={(c) => navigate(`/contacts/${c.id}`)} />
      )}
    </Page>
  );
}
