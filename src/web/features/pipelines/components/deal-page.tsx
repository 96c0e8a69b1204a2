import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ButtonLink, Card, Page, PageHeader } from '../../../design';
import { useDeal } from '../api/deals';
import { usePipeline } from '../api/pipelines';
import { useBoardMove } from '../hooks/use-board-move';
import { DealPanel } from './deal-panel';
import { MoveDialog } from './move-dialog';
import './pipelines.css';

/** An item on a page of its own (linked from contacts, notifications, search). */
export function DealPage() {
  const { t } = useTranslation('pipelines');
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const deal = useDeal(id);
  const pipeline = usePipeline(deal.data?.pipelineId).data;
  const move = useBoardMove(pipeline, {});
  return (
    <Page>
      <PageHeader
        eyebrow={pipeline ? pipeline.name : t('title')}
        title={deal.data?.title ?? t('deal.title', { label: pipeline?.itemLabel ?? '' })}
        actions={pipeline && <ButtonLink to={`/pipelines/${pipeline.id}?deal=${id}`}>{t('deal.onBoard')}</ButtonLink>}
      />
      <Card>
        <DealPanel
          dealId={id}
          pipeline={pipeline}
          onMove={move.requestMove}
          onDeleted={() => navigate(pipeline ? `/pipelines/${pipeline.id}` : '/pipelines')}
        />
      </Card>
      {move.prompt && pipeline && (
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
