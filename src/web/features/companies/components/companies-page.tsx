import { useMemo, useState } from 'react';
import { Building2, Plus, Search } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import {
  Avatar,
  Button,
  DataTable,
  EmptyState,
  FormError,
  Input,
  Page,
  PageHeader,
  type Column,
  type SortState,
} from '../../../design';
import { useFormat } from '../../../lib/format';
import { describeError } from '../../../lib/mutation';
import { useCan } from '../../../lib/session';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { ContactsTabs } from '../../contacts';
import { useCompanyList, type Company, type CompanyListParams } from '../api/companies';
import { CompanyFormDialog } from './company-form-dialog';
import { ImportExportActions } from '../../import-export';

/** Companies: search, sort, open one, add one. */
export function CompaniesPage() {
  const { t } = useTranslation('companies');
  const navigate = useNavigate();
  const can = useCan();
  const format = useFormat();
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<SortState>({ key: 'name', direction: 'asc' });
  const [isCreating, setCreating] = useState(false);
  const params: CompanyListParams = {
    q: useDebouncedValue(q.trim(), 250) || undefined,
    sort: sort.key as CompanyListParams['sort'],
    dir: sort.direction,
  };
  const list = useCompanyList(params);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total;
  const columns: Column<Company>[] = [
    {
      key: 'name',
      header: t('fields.name'),
      isSortable: true,
      width: 260,
      cell: (c) => (
        <Link to={`/contacts/companies/${c.id}`} className="contact-name-cell">
          <Avatar name={c.name} size="sm" square />
          <span className="truncate">{c.name}</span>
        </Link>
      ),
    },
    {
      key: 'domain',
      header: t('fields.domain'),
      width: 180,
      cell: (c) => <span className="text-muted">{c.domain}</span>,
    },
    { key: 'industry', header: t('fields.industry'), width: 160, cell: (c) => c.industry },
    { key: 'size', header: t('fields.size'), width: 110, cell: (c) => c.size },
    { key: 'people', header: t('fields.people'), width: 90, align: 'right', cell: (c) => format.number(c.peopleCount) },
    {
      key: 'owner',
      header: t('fields.owner'),
      width: 150,
      cell: (c) => <span className="text-muted">{c.ownerName}</span>,
    },
    {
      key: 'createdAt',
      header: t('fields.created'),
      width: 120,
      isSortable: true,
      cell: (c) => <span className="text-muted">{format.date(c.createdAt)}</span>,
    },
  ];
  return (
    <Page wide>
      <PageHeader
        title={t('list.title')}
        description={total === undefined ? t('list.description') : t('list.count', { count: total })}
        actions={
          <>
            <ImportExportActions entity="companies" filter={q ? { q } : {}} />
            {can('contacts.edit') && (
              <Button variant="primary" icon={<Plus />} onClick={() => setCreating(true)}>
                {t('list.new')}
              </Button>
            )}
          </>
        }
      />
      <ContactsTabs />
      <div className="contacts-toolbar">
        <div className="instant-search">
          <Input
            type="search"
            size="sm"
            icon={<Search aria-hidden />}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('list.search')}
            aria-label={t('list.search')}
          />
        </div>
      </div>
      {list.isError && <FormError message={describeError(list.error, t)} />}
      <DataTable
        label={t('list.title')}
        columns={columns}
        rows={rows}
        getRowId={(c) => c.id}
        isLoading={list.isPending}
        virtualize
        maxHeight="calc(100vh - 290px)"
        sort={sort}
        onSortChange={setSort}
        onRowActivate={(c) => navigate(`/contacts/companies/${c.id}`)}
        onReachEnd={() => {
          if (list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
        }}
        empty={
          <EmptyState
            icon={<Building2 />}
            title={q ? t('list.noResults') : t('list.emptyTitle')}
            action={
              !q &&
              can('contacts.edit') && (
                <Button variant="primary" icon={<Plus />} onClick={() => setCreating(true)}>
                  {t('list.new')}
                </Button>
              )
            }
          >
            {q ? null : t('list.emptyText')}
          </EmptyState>
        }
        footer={
          list.hasNextPage && (
            <div className="row-between contacts-footer">
              <span className="text-muted">{rows.length}</span>
              <Button size="sm" onClick={() => void list.fetchNextPage()} isLoading={list.isFetchingNextPage}>
                {t('common:loadMore')}
              </Button>
            </div>
          )
        }
      />
      {isCreating && (
        <CompanyFormDialog
          onClose={() => setCreating(false)}
          onSaved={(c) => navigate(`/contacts/companies/${c.id}`)}
        />
      )}
    </Page>
  );
}
