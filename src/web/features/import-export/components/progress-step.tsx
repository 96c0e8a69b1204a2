import { useState } from 'react';
import { CircleAlert, CircleCheck, Download, RotateCcw, Undo2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonLink, Card, ConfirmDialog, ProgressBar } from '../../../design';
import { useApiMutation } from '../../../lib/mutation';
import { cancelImport, failedRowsUrl, importKeys, undoImport, type Import } from '../api/imports';
import { Stats } from './stats';

const LIST_PATHS: Record<string, string> = {
  contacts: '/contacts',
  companies: '/contacts/companies',
  deals: '/pipelines',
  activities: '/activities',
};

function Counts({ imp }: { imp: Import }) {
  const { t } = useTranslation('importExport');
  return (
    <Stats
      items={[
        { value: imp.counts.created, label: t('wizard.run.created'), tone: 'success' },
        { value: imp.counts.updated, label: t('wizard.run.updated') },
        { value: imp.counts.skipped, label: t('wizard.run.skipped'), tone: 'muted' },
        { value: imp.counts.failed, label: t('wizard.run.failed'), tone: imp.counts.failed ? 'danger' : 'muted' },
      ]}
    />
  );
}

/** Step 6 while it runs: a live progress bar and the counts so far. */
export function RunningStep({ imp }: { imp: Import }) {
  const { t } = useTranslation('importExport');
  const stop = useApiMutation({
    mutationFn: () => cancelImport(imp.id),
    invalidate: [importKeys.all],
    successMessage: t('wizard.run.stopped'),
  });
  const total = imp.totalRows ?? undefined;
  const label =
    imp.status === 'queued'
      ? t('wizard.run.waiting')
      : total
        ? t('wizard.run.progress', { done: imp.counts.rowsDone.toLocaleString(), total: total.toLocaleString() })
        : t('wizard.run.progressUnknown', { done: imp.counts.rowsDone.toLocaleString() });
  return (
    <Card
      title={t('wizard.run.importing', { file: imp.fileName })}
      actions={
        <Button size="sm" onClick={() => stop.mutate()} isLoading={stop.isPending}>
          {t('wizard.run.stop')}
        </Button>
      }
    >
      <div className="stack">
        <ProgressBar
          value={total && imp.status === 'running' ? imp.counts.rowsDone : undefined}
          max={total || 100}
          label={label}
        />
        <Counts imp={imp} />
      </div>
    </Card>
  );
}

/** The outcome: counts, the failed rows file, undo. */
export function ResultStep({ imp }: { imp: Import }) {
  const { t } = useTranslation('importExport');
  const [isConfirming, setConfirming] = useState(false);
  const undo = useApiMutation({
    mutationFn: () => undoImport(imp.id),
    invalidate: [importKeys.all],
    successMessage: t('wizard.result.undoStarted'),
    onSuccess: () => setConfirming(false),
  });
  const tone = imp.status === 'completed' ? 'success' : imp.status === 'failed' ? 'danger' : 'muted';
  const Icon = imp.status === 'failed' ? CircleAlert : imp.status === 'completed' ? CircleCheck : Undo2;
  return (
    <Card>
      <div className="stack">
        <div className="row" style={{ alignItems: 'flex-start' }}>
          <Icon className="ie-result-icon" data-tone={tone} aria-hidden="true" />
          <div className="grow">
            <h2 style={{ margin: 0, fontSize: 'var(--text-lg)' }}>
              {t(`wizard.result.${imp.status}`, { defaultValue: t(`statuses.${imp.status}`) })}
            </h2>
            <p className="text-muted" style={{ margin: 0 }}>
              {t('wizard.result.summary', { file: imp.fileName, entity: t(`entities.${imp.entity}`) })}
            </p>
            {imp.error && <p className="field-error">{imp.error}</p>}
          </div>
        </div>
        {imp.status === 'undoing' && <ProgressBar label={t('wizard.result.undoing')} />}
        <Counts imp={imp} />
        {imp.counts.failed > 0 && (
          <div className="row" style={{ flexWrap: 'wrap' }}>
            <a className="btn btn-secondary" href={failedRowsUrl(imp.id)} download>
              <Download aria-hidden="true" width={14} height={14} />
              {t('wizard.result.downloadFailed')}
            </a>
            <span className="text-sm text-muted">{t('wizard.result.downloadFailedHint')}</span>
          </div>
        )}
        <div className="ie-footer">
          <div className="row">
            <ButtonLink to="/imports/new" icon={<RotateCcw />}>
              {t('wizard.result.another')}
            </ButtonLink>
            {imp.status === 'completed' && LIST_PATHS[imp.entity] && (
              <ButtonLink to={LIST_PATHS[imp.entity]} variant="primary">
                {t(`entities.${imp.entity}`)}
              </ButtonLink>
            )}
          </div>
          {imp.canUndo && imp.status !== 'undone' && imp.status !== 'undoing' && (
            <Button variant="danger" icon={<Undo2 />} onClick={() => setConfirming(true)}>
              {t('wizard.result.undo')}
            </Button>
          )}
        </div>
      </div>
      <ConfirmDialog
        open={isConfirming}
        onClose={() => setConfirming(false)}
        onConfirm={() => undo.mutate()}
        title={t('wizard.result.undoTitle')}
        message={t('wizard.result.undoText')}
        confirmLabel={t('wizard.result.undo')}
        isLoading={undo.isPending}
      />
    </Card>
  );
}
