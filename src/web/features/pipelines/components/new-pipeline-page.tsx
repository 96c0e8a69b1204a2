import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Button, Card, Field, Input, Page, PageHeader, Select } from '../../../design';
import { fieldError } from '../../../lib/api';
import { useApiMutation } from '../../../lib/mutation';
import { useSession } from '../../../lib/session';
import { PIPELINE_CATEGORIES } from '../lib/constants';
import { createPipeline, pipelineKeys } from '../api/pipelines';

/** A new pipeline: name, what kind of funnel, what its items are called, its currency. */
export function NewPipelinePage() {
  const { t } = useTranslation('pipelines');
  const navigate = useNavigate();
  const session = useSession();
  const [draft, setDraft] = useState({
    name: '',
    category: 'custom' as (typeof PIPELINE_CATEGORIES)[number],
    itemLabel: 'Deal',
    currency: session.workspace.currency,
  });
  const create = useApiMutation({
    mutationFn: () => createPipeline(draft),
    invalidate: [pipelineKeys.all],
    successMessage: (p) => t('settings.created', { name: p.name }),
    onSuccess: (p) => navigate(`/pipelines/${p.id}/settings`),
  });
  return (
    <Page>
      <PageHeader eyebrow={t('title')} title={t('settings.newTitle')} description={t('settings.newText')} />
      <Card>
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <Field label={t('settings.name')} isRequired error={fieldError(create.error, 'name')}>
            <Input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} autoFocus />
          </Field>
          <div className="form-grid">
            <Field label={t('settings.category')} error={fieldError(create.error, 'category')}>
              <Select
                value={draft.category}
                onChange={(e) => setDraft({ ...draft, category: e.target.value as typeof draft.category })}
                options={PIPELINE_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
              />
            </Field>
            <Field
              label={t('settings.itemLabel')}
              hint={t('settings.itemLabelHint')}
              error={fieldError(create.error, 'itemLabel')}
            >
              <Input value={draft.itemLabel} onChange={(e) => setDraft({ ...draft, itemLabel: e.target.value })} />
            </Field>
            <Field label={t('settings.currency')} error={fieldError(create.error, 'currency')}>
              <Input
                value={draft.currency}
                maxLength={3}
                onChange={(e) => setDraft({ ...draft, currency: e.target.value.toUpperCase() })}
              />
            </Field>
          </div>
          <div className="row">
            <Button variant="primary" type="submit" isLoading={create.isPending}>
              {t('settings.create')}
            </Button>
            <Button variant="ghost" onClick={() => navigate(-1)}>
              {t('common:cancel')}
            </Button>
          </div>
        </form>
      </Card>
    </Page>
  );
}
