import { FileUp, Plus, RotateCw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import {
  Badge,
  Button,
  ButtonLink,
  DataTable,
  EmptyState,
  FormError,
  LoadMore,
  Page,
  PageHeader,
  type Column,
  type TagColor,
} from '../../../design';
import { useFormat } from '../../../lib/format';
import { describeError, useApiMutation } from '../../../lib/mutation';
import { importKeys, retryImport, useImports, type Import } from '../api/imports';
import './import-export.css';

const STATUS_COLORS: Record<string, TagColor> = {
  completed: 'green',
  failed: 'red',
  running: 'blue',
  queued: 'blue',
  validating: 'blue',
  undoing: 'amber',
  undone: 'gray',
  cancelled: 'gray',
  uploaded: 'gray',
  validated: 'purple',
};

/** Retry of a failed import: it continues after its last committed batch. */
function RetryButton({ imp }: { imp: Import }) {
  const { t } = useTranslation('importExport');
  const retry = useApiMutation({
    mutationFn: () => retryImport(imp.id),
    invalidate: [importKeys.all],
    successMessage: t('history.retried'),
  });
  return (
    <Button
      size="sm"
      icon={<RotateCw />}
      isLoading={retry.isPending}
      aria-label={t('history.retryLabel', { file: imp.fileName })}
      onClick={(e) => {
        e.stopPropagation(); // the row itself opens the import
        retry.mutate();
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      {t('history.retry')}
    </Button>
  );
}

/** Every import of the workspace (agents: their own): who, when, which file, what it did; opens the wizard. */
export function ImportHistory() {
  const { t } = useTranslation('importExport');
  const navigate = useNavigate();
  const format = useFormat();
  const imports = useImports();
  const rows = imports.data?.pages.flatMap((p) => p.items) ?? [];
  const columns: Column<Import>[] = [
    {
      key: 'file',
      header: t('history.file'),
      cell: (i) => (
        <span className="truncate" style={{ fontWeight: 500 }}>
          {i.fileName}
        </span>
      ),
    },
    { key: 'target', header: t('history.target'), width: 120, cell: (i) => t(`entities.${i.entity}`) },
    {
      key: 'status',
      header: t('history.status'),
      width: 130,
      cell: (i) => (
        <Badge color={STATUS_COLORS[i.status] ?? 'gray'} dot>
          {t(`statuses.${i.status}`)}
        </Badge>
      ),
    },
    {
      key: 'result',
      header: t('history.result'),
      cell: (i) => (
        <span className="text-muted text-sm">
          {t('history.resultText', {
            created: i.counts.created.toLocaleString(),
            updated: i.counts.updated.toLocaleString(),
            failed: i.counts.failed.toLocaleString(),
          })}
        </span>
      ),
    },
    { key: 'by', header: t('history.by'), width: 150, cell: (i) => i.createdBy?.name ?? '—' },
    {
      key: 'actions',
      header: '',
      width: 120,
      cell: (i) => (i.status === 'failed' ? <RetryButton imp={i} /> : null),
    },
    {
      key: 'when',
      header: t('history.when'),
      width: 150,
      cell: (i) => (
        <span className="text-muted" title={format.dateTime(i.createdAt)}>
          {format.relative(i.createdAt)}
        </span>
      ),
    },
  ];
  return (
    <Page wide>
      <PageHeader
        title={t('history.title')}
        description={t('history.description')}
        actions={
          <ButtonLink to="/imports/new" variant="primary" icon={<Plus />}>
            {t('history.newImport')}
          </ButtonLink>
        }
      />
      {imports.isError && <FormError message={describeError(imports.error, t)} />}
      <DataTable
        label={t('history.title')}
        columns={columns}
        rows={rows}
        getRowId={(i) => i.id}
        isLoading={imports.isPending}
        onRowActivate={(i) => navigate(`/imports/${i.id}`)}
        empty={
          <EmptyState
            icon={<FileUp />}
            title={t('history.emptyTitle')}
            action={
              <ButtonLink to="/imports/new" variant="primary" icon={<Plus />}>
                {t('history.newImport')}
              </ButtonLink>
            }
          >
            {t('history.emptyText')}
          </EmptyState>
        }
        footer={
          rows.length > 0 && (
            <LoadMore
              hasMore={Boolean(imports.hasNextPage)}
              isLoading={imports.isFetchingNextPage}
              onLoadMore={() => void imports.fetchNextPage()}
            />
          )
        }
      />
    </Page>
  );
}
