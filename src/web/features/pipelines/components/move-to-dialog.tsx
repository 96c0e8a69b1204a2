import { Check } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../design';
import type { DealCard } from '../api/board';
import type { Stage } from '../api/pipelines';

/** Pick a stage for a card: the way to move without dragging (keyboard, touch, screen readers). */
export function MoveToDialog({
  card,
  stages,
  onPick,
  onClose,
}: {
  card: DealCard;
  stages: Stage[];
  onPick: (stageId: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('pipelines');
  return (
    <Dialog
      open
      size="sm"
      onClose={onClose}
      title={t('moveTo.title', { title: card.title })}
      description={t('moveTo.description')}
    >
      <ul className="move-to-list" aria-label={t('moveTo.stages')}>
        {stages.map((s) => {
          const isCurrent = s.id === card.stageId;
          return (
            <li key={s.id}>
              <button
                type="button"
                className="move-to-option"
                style={{ ['--stage-color' as string]: s.color }}
                disabled={isCurrent}
                aria-current={isCurrent || undefined}
                onClick={() => onPick(s.id)}
              >
                <span className="stage-dot" aria-hidden />
                <span className="grow">{s.name}</span>
                {s.kind !== 'open' && <span className="text-subtle">{t(`kinds.${s.kind}`)}</span>}
                {isCurrent && <Check aria-label={t('moveTo.current')} />}
              </button>
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}
