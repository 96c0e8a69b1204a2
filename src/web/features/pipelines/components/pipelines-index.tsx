import { Plus, SquareKanban } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { ButtonLink, EmptyState, FormError, Page, PageHeader, Skeleton } from '../../../design';
import { describeError } from '../../../lib/mutation';
import { useCan } from '../../../lib/session';
import { usePipelines } from '../api/pipelines';

/** /pipelines: straight to the first active pipeline's board, or a start for a workspace without one. */
export function PipelinesIndex() {
  const { t } = useTranslation('pipelines');
  const can = useCan();
  const list = usePipelines();
  if (list.isPending)
    return (
      <Page>
        <Skeleton height={28} width={240} />
      </Page>
    );
  if (list.isError)
    return (
      <Page>
        <FormError message={describeError(list.error, t)} />
      </Page>
    );
  const first = list.data.find((p) => !p.isArchived) ?? list.data[0];
  if (first) return <Navigate to={`/pipelines/${first.id}`} replace />;
  return (
    <Page>
      <PageHeader title={t('title')} />
      <EmptyState
        icon={<SquareKanban />}
        title={t('empty.title')}
        action={
          can('pipelines.manage') && (
            <ButtonLink to="/pipelines/new" variant="primary" icon={<Plus />}>
              {t('empty.create')}
            </ButtonLink>
          )
        }
      >
        {t('empty.text')}
      </EmptyState>
    </Page>
  );
}
