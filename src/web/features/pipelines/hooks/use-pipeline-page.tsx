import type { ReactNode } from 'react';
import { SquareKanban } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ButtonLink, EmptyState, FormError, Page, Skeleton } from '../../../design';
import { describeError } from '../../../lib/mutation';
import { usePipelines, type Pipeline } from '../api/pipelines';

/**
 * The pipeline named in the URL, with every pipeline for the switcher; `page` is what to render
 * instead while loading, on error, or when there is no such pipeline.
 */
export function usePipelinePage(view: string): { pipeline?: Pipeline; pipelines: Pipeline[]; page: ReactNode | null } {
  const { t } = useTranslation('pipelines');
  const { id } = useParams();
  const list = usePipelines();
  const pipelines = list.data ?? [];
  const pipeline = pipelines.find((p) => p.id === id);
  let page: ReactNode | null = null;
  if (list.isPending) {
    page = (
      <Page wide>
        <Skeleton height={28} width={240} />
        <div className="board" aria-busy="true" aria-label={t('loading')}>
          {[0, 1, 2, 3].map((i) => (
            <div key={i} className="board-column">
              <Skeleton height={96} />
              <Skeleton height={90} />
              <Skeleton height={90} />
            </div>
          ))}
        </div>
      </Page>
    );
  } else if (list.isError) {
    page = (
      <Page>
        <FormError message={describeError(list.error, t)} />
      </Page>
    );
  } else if (!pipeline) {
    page = (
      <Page>
        <EmptyState
          icon={<SquareKanban />}
          title={t('notFound.title')}
          action={<ButtonLink to="/pipelines">{t('notFound.back')}</ButtonLink>}
        >
          {t('notFound.text', { view })}
        </EmptyState>
      </Page>
    );
  }
  return { pipeline, pipelines, page };
}
