import { useEffect, useState, type ReactNode } from 'react';
import { History } from 'lucide-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { ImportEntity } from '../../../../shared/contracts/import-export';
import { Button, ButtonLink, FormError, Page, PageHeader, Skeleton } from '../../../design';
import { describeError, useApiMutation } from '../../../lib/mutation';
import { importKeys, runImport, updateImport, useImport, validateImport, type Import } from '../api/imports';
import { CheckStep } from './check-step';
import { DuplicatesStep } from './duplicates-step';
import { MappingStep, type SetupDraft } from './mapping-step';
import { PreviewStep } from './preview-step';
import { ResultStep, RunningStep } from './progress-step';
import { Steps, type StepKey } from './steps';
import { UploadStep } from './upload-step';
import './import-export.css';

const ENTITIES = new Set(['contacts', 'companies', 'deals', 'activities']);

/** The import wizard: upload, preview, mapping, duplicates, check (dry run), run with live progress, result. */
export function ImportWizardPage() {
  const { t } = useTranslation('importExport');
  const { id } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const wanted = search.get('entity') ?? '';
  const header = (
    <PageHeader
      title={t('wizard.newTitle')}
      actions={
        <ButtonLink to="/imports" icon={<History />}>
          {t('wizard.history')}
        </ButtonLink>
      }
    />
  );
  if (!id) {
    return (
      <Page>
        {header}
        <Steps current="upload" />
        <UploadStep
          initialEntity={(ENTITIES.has(wanted) ? wanted : 'contacts') as ImportEntity}
          onUploaded={(imp) => {
            queryClient.setQueryData(importKeys.detail(imp.id).queryKey, imp);
            navigate(`/imports/${imp.id}`, { replace: true });
          }}
        />
      </Page>
    );
  }
  return (
    <Page>
      {header}
      <ImportSession id={id} />
    </Page>
  );
}

function ImportSession({ id }: { id: string }) {
  const { t } = useTranslation('importExport');
  const query = useImport(id);
  if (query.isPending) return <Skeleton height={320} />;
  if (query.isError) return <FormError message={describeError(query.error, t)} />;
  const imp = query.data;
  if (imp.status === 'queued' || imp.status === 'running') {
    return (
      <>
        <Steps current="run" />
        <RunningStep imp={imp} />
      </>
    );
  }
  if (!['uploaded', 'validating', 'validated'].includes(imp.status)) {
    return (
      <>
        <Steps current="run" />
        <ResultStep imp={imp} />
      </>
    );
  }
  return <Setup key={imp.headers.join('\u0001') + imp.entity} imp={imp} />;
}

/** The steps that shape an import before it runs; edits are saved when moving on. */
function Setup({ imp }: { imp: Import }) {
  const { t } = useTranslation('importExport');
  const queryClient = useQueryClient();
  const [step, setStep] = useState<StepKey>(imp.status === 'uploaded' && !imp.validation ? 'preview' : 'check');
  const [draft, setDraft] = useState<SetupDraft>({
    mapping: imp.mapping,
    options: { pipelineId: imp.options.pipelineId, stageId: imp.options.stageId },
  });
  useEffect(() => setDraft((d) => ({ ...d, mapping: imp.mapping })), [imp.mapping]);
  const store = (next: Import) => {
    queryClient.setQueryData(importKeys.detail(next.id).queryKey, next);
  };

  const sheet = useApiMutation({
    mutationFn: (name: string) => updateImport({ id: imp.id, body: { sheet: name } }),
    onSuccess: store,
  });
  const saveMapping = useApiMutation({
    mutationFn: () =>
      updateImport({
        id: imp.id,
        body: {
          mapping: draft.mapping,
          options: { pipelineId: draft.options.pipelineId ?? null, stageId: draft.options.stageId ?? null },
        },
      }),
    onSuccess: (next) => {
      store(next);
      setStep('duplicates');
    },
  });
  const check = useApiMutation({
    mutationFn: async () => {
      await updateImport({ id: imp.id, body: { mapping: draft.mapping, options: draft.options } });
      return validateImport(imp.id);
    },
    successMessage: t('wizard.checkStarted'),
    onSuccess: (next) => {
      store(next);
      setStep('check');
    },
  });
  const run = useApiMutation({
    mutationFn: () => runImport(imp.id),
    invalidate: [importKeys.all],
    successMessage: t('wizard.started'),
    onSuccess: store,
  });
  const failure = [sheet, saveMapping, check, run].find((m) => m.isError)?.error;

  const back = (to: StepKey) => <Button onClick={() => setStep(to)}>{t('wizard.back')}</Button>;
  let body: ReactNode;
  let actions: ReactNode;
  if (step === 'preview') {
    body = <PreviewStep imp={imp} onSheet={(name) => sheet.mutate(name)} isBusy={sheet.isPending} />;
    actions = (
      <Button variant="primary" onClick={() => setStep('mapping')}>
        {t('wizard.next')}
      </Button>
    );
  } else if (step === 'mapping') {
    body = <MappingStep imp={imp} draft={draft} onChange={setDraft} />;
    actions = (
      <Button variant="primary" onClick={() => saveMapping.mutate()} isLoading={saveMapping.isPending}>
        {t('wizard.next')}
      </Button>
    );
  } else if (step === 'duplicates') {
    body = <DuplicatesStep imp={imp} draft={draft} onChange={setDraft} />;
    actions = (
      <Button variant="primary" onClick={() => check.mutate()} isLoading={check.isPending}>
        {t('wizard.check.start')}
      </Button>
    );
  } else {
    body = <CheckStep imp={imp} />;
    const valid = imp.validation?.validRows ?? 0;
    actions =
      imp.status === 'validated' ? (
        <Button variant="primary" onClick={() => run.mutate()} isLoading={run.isPending} disabled={!valid}>
          {t('wizard.check.run', { count: valid })}
        </Button>
      ) : imp.status === 'uploaded' ? (
        <Button variant="primary" onClick={() => check.mutate()} isLoading={check.isPending}>
          {t('wizard.check.start')}
        </Button>
      ) : null;
  }
  const previous: Partial<Record<StepKey, StepKey>> = {
    mapping: 'preview',
    duplicates: 'mapping',
    check: 'duplicates',
  };
  return (
    <>
      <Steps current={step} />
      {body}
      {failure ? <FormError message={describeError(failure, t)} /> : null}
      <div className="ie-footer">
        <div>{previous[step] && imp.status !== 'validating' && back(previous[step]!)}</div>
        <div className="row">{actions}</div>
      </div>
    </>
  );
}
