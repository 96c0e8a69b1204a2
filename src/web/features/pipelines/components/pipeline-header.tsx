import type { ReactNode } from 'react';
import { ChartColumn, ChevronDown, Columns3, Rows3, Settings2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Button, Menu, PageHeader, TabLinks } from '../../../design';
import { useCan } from '../../../lib/session';
import type { Pipeline } from '../api/pipelines';

/** The pipeline's title with a switcher, its views as tabs, and the page's actions. */
export function PipelineHeader({
  pipeline,
  pipelines,
  view,
  description,
  actions,
}: {
  pipeline: Pipeline;
  pipelines: Pipeline[];
  view: 'board' | 'list' | 'forecast' | 'settings';
  description?: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useTranslation('pipelines');
  const navigate = useNavigate();
  const can = useCan();
  const active = pipelines.filter((p) => !p.isArchived || p.id === pipeline.id);
  const base = `/pipelines/${pipeline.id}`;
  return (
    <>
      <PageHeader
        eyebrow={t('title')}
        title={
          <Menu
            label={t('switcher.label')}
            trigger={(p) => (
              <button {...p} type="button" className="pipeline-switcher">
                {pipeline.name}
                <ChevronDown aria-hidden />
              </button>
            )}
            items={[
              ...active.map((p) => ({
                key: p.id,
                label: p.name,
                hint: t(`categories.${p.category}`),
                checked: p.id === pipeline.id,
                onSelect: () => navigate(`/pipelines/${p.id}${view === 'board' ? '' : `/${view}`}`),
              })),
              ...(can('pipelines.manage')
                ? [
                    { type: 'separator' as const, key: 'sep' },
                    { key: 'new', label: t('switcher.new'), onSelect: () => navigate('/pipelines/new') },
                  ]
                : []),
            ]}
          />
        }
        description={description}
        actions={actions}
      />
      <TabLinks
        label={t('views.label')}
        className="pipeline-tabs"
        items={[
          { to: base, label: t('views.board'), icon: <Columns3 />, end: true },
          { to: `${base}/list`, label: t('views.list'), icon: <Rows3 /> },
          { to: `${base}/forecast`, label: t('views.forecast'), icon: <ChartColumn /> },
          ...(can('pipelines.manage')
            ? [{ to: `${base}/settings`, label: t('views.settings'), icon: <Settings2 /> }]
            : []),
        ]}
      />
    </>
  );
}

export function NewItemButton({ label, onClick }: { label: string; onClick: () => void }) {
  const can = useCan();
  if (!can('deals.edit')) return null;
  return (
    <Button variant="primary" onClick={onClick}>
      {label}
    </Button>
  );
}
