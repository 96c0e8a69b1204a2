import { ArrowRight } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { SkeletonText } from '../../../design';
import { useFormat } from '../../../lib/format';
import { useDealHistory } from '../api/deals';

/** "12 days", "3 hours": time spent in the previous stage. */
export function useDuration() {
  const { t } = useTranslation('pipelines');
  return (seconds: number | null) => {
    if (seconds === null) return null;
    if (seconds < 3600) return t('duration.minutes', { count: Math.max(1, Math.round(seconds / 60)) });
    if (seconds < 86_400) return t('duration.hours', { count: Math.round(seconds / 3600) });
    return t('duration.days', { count: Math.round(seconds / 86_400) });
  };
}

/** Every move of an item: from, to, who, when, why, and how long it sat in the stage before. */
export function StageHistoryList({ dealId }: { dealId: string }) {
  const { t } = useTranslation('pipelines');
  const format = useFormat();
  const duration = useDuration();
  const history = useDealHistory(dealId);
  return (
    <section className="stage-history" aria-labelledby={`history-${dealId}`}>
      <h3 id={`history-${dealId}`}>{t('history.title')}</h3>
      {history.isPending ? (
        <SkeletonText lines={3} />
      ) : (
        <ol>
          {(history.data ?? []).map((h) => (
            <li key={h.id}>
              <div className="row stage-history-move">
                {h.fromStageName ? (
                  <>
                    <span>{h.fromStageName}</span>
                    <ArrowRight aria-label={t('history.to')} />
                    <strong>{h.toStageName}</strong>
                  </>
                ) : (
                  <span>{t('history.created', { stage: h.toStageName })}</span>
                )}
              </div>
              <div className="text-subtle">
                {[
                  h.actorName,
                  format.dateTime(h.movedAt),
                  h.secondsInPrevious !== null ? t('history.spent', { duration: duration(h.secondsInPrevious) }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </div>
              {h.reason && <blockquote className="stage-history-reason">{h.reason}</blockquote>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
