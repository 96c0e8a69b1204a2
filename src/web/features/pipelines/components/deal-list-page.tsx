import { useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Rows3 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  Avatar,
  Badge,
  Button,
  DataTable,
  Drawer,
  EmptyState,
  FormError,
  Page,
  Select,
  useToast,
  type Column,
} from '../../../design';
import { useFormat } from '../../../lib/format';
import { describeError } from '../../../lib/mutation';
import { useRealtime } from '../../../lib/realtime';
import { useCan } from '../../../lib/session';
import { bulkMove, dealKeys, useDealList, type Deal, type DealListParams } from '../api/deals';
import { useBoardFilters } from '../hooks/use-board-filters';
import { useBoardMove } from '../hooks/use-board-move';
import { usePipelinePage } from '../hooks/use-pipeline-page';
import { moveErrorMessage } from '../lib/move-errors';
import { BoardFilters } from './board-filters';
import { DealPanel } from './deal-panel';
import { MoveDialog } from './move-dialog';
import { PipelineHeader } from './pipeline-header';
import './pipelines.css';
import { ImportExportActions } from '../../import-export';

const SORTS: Record<string, DealListParams['sort']> = {
  title: 'title',
  value: 'value',
  created: 'createdAt',
  updated: 'updatedAt',
};

/** The same items as a table: sortable, filterable, and a bulk stage change for a selection. */
export function DealListPage() {
  const { t } = useTranslation('pipelines');
  const format = useFormat();
  const can = useCan();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { pipeline, pipelines, page } = usePipelinePage('list');
  const { filters, setFilters, count } = useBoardFilters();
  const [sort, setSort] = useState<{ key: string; direction: 'asc' | 'desc' }>({ key: 'created', direction: 'desc' });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [target, setTarget] = useState('');
  const [isMoving, setMoving] = useState(false);
  const [params, setParams] = useSearchParams();
  const openId = params.get('deal');
  const move = useBoardMove(pipeline, filters);
  const list = useDealList({
    ...filters,
    pipelineId: pipeline?.id,
    sort: SORTS[sort.key] ?? 'createdAt',
    order: sort.direction,
  });
  useRealtime('deal.', () => void queryClient.invalidateQueries({ queryKey: dealKeys.all }));
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const stageById = useMemo(() => new Map((pipeline?.stages ?? []).map((s) => [s.id, s])), [pipeline]);

  if (page) return page;
  if (!pipeline) return null;
  const total = list.data?.pages[0]?.total;
  const open = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('deal', id);
    else next.delete('deal');
    setParams(next, { replace: true });
  };

  const runBulk = async () => {
    if (!target || !selected.size) return;
    setMoving(true);
    try {
      const res = await bulkMove({ ids: [...selected], stageId: target });
      const refusals = res.results.filter((r) => !r.ok);
      if (refusals.length) {
        const titles = new Map(rows.map((r) => [r.id, r.title]));
        toast.error(
          t('bulk.partly', { moved: res.moved, refused: res.refused }),
          refusals
            .slice(0, 3)
            .map((r) => `${titles.get(r.id) ?? r.id}: ${r.message}`)
            .join('\n'),
        );
      } else toast.success(t('bulk.done', { count: res.moved, stage: stageById.get(target)?.name }));
      setSelected(new Set(refusals.map((r) => r.id)));
    } catch (err) {
      toast.error(t('bulk.failed'), moveErrorMessage(err, t));
    } finally {
      setMoving(false);
      void queryClient.invalidateQueries({ queryKey: dealKeys.all });
    }
  };

  const columns: Column<Deal>[] = [
    {
      key: 'title',
      header: t('fields.title'),
      isSortable: true,
      cell: (d) => <span className="deal-list-title">{d.title}</span>,
    },
    {
      key: 'stage',
      header: t('fields.stage'),
      cell: (d) => {
        const s = stageById.get(d.stageId);
        return s ? (
          <span className="row stage-chip" style={{ ['--stage-color' as string]: s.color }}>
            <span className="stage-dot" aria-hidden />
            {s.name}
          </span>
        ) : null;
      },
    },
    { key: 'contact', header: t('fields.contact'), cell: (d) => d.contact?.name ?? '' },
    {
      key: 'value',
      header: t('fields.valueShort'),
      isSortable: true,
      align: 'right',
      cell: (d) => format.money(d.valueMinor, d.currency),
    },
    { key: 'probability', header: '%', align: 'right', cell: (d) => `${d.effectiveProbability}%` },
    {
      key: 'close',
      header: t('fields.expectedCloseDate'),
      cell: (d) => (d.expectedCloseDate ? format.date(`${d.expectedCloseDate}T12:00:00Z`) : ''),
    },
    {
      key: 'owner',
      header: t('fields.owner'),
      cell: (d) =>
        d.owner ? (
          <span className="row">
            <Avatar name={d.owner.name} size="sm" />
            {d.owner.name}
          </span>
        ) : (
          ''
        ),
    },
    { key: 'flags', header: '', cell: (d) => (d.isStale ? <Badge color="amber">{t('card.stale')}</Badge> : null) },
    { key: 'created', header: t('fields.created'), isSortable: true, cell: (d) => format.date(d.createdAt) },
  ];

  return (
    <Page wide className="pipeline-page">
      <PipelineHeader
        pipeline={pipeline}
        pipelines={pipelines}
        view="list"
        description={
          total === undefined ? undefined : t('list.count', { count: total, label: pipeline.itemLabel.toLowerCase() })
        }
        actions={<ImportExportActions entity="deals" filter={{ ...filters, pipelineId: pipeline.id }} />}
      />
      <BoardFilters filters={filters} onChange={setFilters} count={count} />
      {selected.size > 0 && can('deals.edit') && (
        <div className="bulk-bar row" role="region" aria-label={t('bulk.label')}>
          <strong>{t('bulk.selected', { count: selected.size })}</strong>
          <Select
            size="sm"
            aria-label={t('bulk.target')}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            options={[
              { value: '', label: t('bulk.choose') },
              ...pipeline.stages.map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
          <Button size="sm" variant="primary" disabled={!target} isLoading={isMoving} onClick={() => void runBulk()}>
            {t('bulk.move')}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>
            {t('bulk.clear')}
          </Button>
        </div>
      )}
      {list.isError && <FormError message={describeError(list.error, t)} />}
      <DataTable
        label={t('list.label', { name: pipeline.name })}
        columns={columns}
        rows={rows}
        getRowId={(d) => d.id}
        isLoading={list.isPending}
        virtualize
        maxHeight="calc(100vh - 280px)"
        sort={sort}
        onSortChange={(s) => setSort(s)}
        onRowActivate={(d) => open(d.id)}
        selectedIds={can('deals.edit') ? selected : undefined}
        onSelectionChange={can('deals.edit') ? setSelected : undefined}
        onReachEnd={() => list.hasNextPage && !list.isFetchingNextPage && void list.fetchNextPage()}
        empty={
          <EmptyState
            icon={<Rows3 />}
            title={count ? t('list.noResults') : t('list.emptyTitle', { label: pipeline.itemLabel.toLowerCase() })}
          >
            {count ? t('list.noResultsText') : t('list.emptyText')}
          </EmptyState>
        }
        footer={
          rows.length > 0 && (
            <div className="row-between deal-list-footer">
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
      <Drawer open={Boolean(openId)} onClose={() => open(null)} title={t('deal.title', { label: pipeline.itemLabel })}>
        {openId && (
          <DealPanel dealId={openId} pipeline={pipeline} onMove={move.requestMove} onDeleted={() => open(null)} />
        )}
      </Drawer>
      {move.prompt && (
        <MoveDialog
          prompt={move.prompt}
          currency={pipeline.currency}
          isPending={move.isPending}
          onConfirm={move.confirm}
          onCancel={move.cancel}
        />
      )}
    </Page>
  );
}
