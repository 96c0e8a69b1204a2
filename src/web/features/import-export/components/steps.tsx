import { Check } from 'lucide-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';

export const STEPS = ['upload', 'preview', 'mapping', 'duplicates', 'check', 'run'] as const;
export type StepKey = (typeof STEPS)[number];

/** Where the wizard is: done steps ticked, the current one highlighted. */
export function Steps({ current }: { current: StepKey }) {
  const { t } = useTranslation('importExport');
  const at = STEPS.indexOf(current);
  return (
    <ol className="ie-steps" aria-label={t('wizard.title')}>
      {STEPS.map((step, i) => (
        <Fragment key={step}>
          {i > 0 && <li className="ie-step-sep" aria-hidden="true" />}
          <li
            className="ie-step"
            data-state={i < at ? 'done' : i === at ? 'current' : 'todo'}
            aria-current={i === at ? 'step' : undefined}
          >
            <span className="ie-step-number">
              {i < at ? <Check width={12} height={12} aria-hidden="true" /> : i + 1}
            </span>
            {t(`wizard.steps.${step}`)}
          </li>
        </Fragment>
      ))}
    </ol>
  );
}
