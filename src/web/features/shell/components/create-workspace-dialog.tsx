import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateKey } from '../../../../shared/contracts/workspaces';
import { Button, Dialog, Field, FormError, Input, Skeleton } from '../../../design';
import { fieldError, isApiError } from '../../../lib/api';
import { describeError, useApiMutation } from '../../../lib/mutation';
import { useSwitchWorkspace } from '../api/session-actions';
import { createWorkspace, useTemplates } from '../api/workspaces';
import './create-workspace-dialog.css';

/** Name + template; on success the session moves into the new workspace. Mounted only while open. */
export function CreateWorkspaceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return open ? <OpenCreateWorkspaceDialog onClose={onClose} /> : null;
}

function OpenCreateWorkspaceDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('shell');
  const templates = useTemplates();
  const [name, setName] = useState('');
  const [template, setTemplate] = useState<TemplateKey>('blank');
  const switchWorkspace = useSwitchWorkspace();
  const create = useApiMutation({
    mutationFn: createWorkspace,
    onSuccess: async (ws) => {
      await switchWorkspace.mutateAsync(ws.id);
      onClose();
    },
  });
  const error = create.error;
  const formError = error && !(isApiError(error) && error.hasFieldErrors) ? describeError(error, t) : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate({ name, template });
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('workspace.createTitle')}
      description={t('workspace.createDescription')}
      size="lg"
      footer={
        <>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" form="create-workspace" isLoading={create.isPending}>
            {t('workspace.createAction')}
          </Button>
        </>
      }
    >
      <form id="create-workspace" className="stack" onSubmit={submit} noValidate>
        <FormError message={formError} />
        <Field label={t('workspace.name')} error={fieldError(error, 'name')} isRequired>
          <Input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t('workspace.namePlaceholder')}
            autoFocus
          />
        </Field>
        <fieldset className="template-picker">
          <legend className="field-label">{t('workspace.template')}</legend>
          {templates.isPending && <Skeleton height={64} />}
          <div className="template-grid">
            {templates.data?.map((tpl) => (
              <label key={tpl.key} className="template-option" data-selected={tpl.key === template}>
                <input
                  type="radio"
                  name="template"
                  value={tpl.key}
                  checked={tpl.key === template}
                  onChange={() => setTemplate(tpl.key)}
                />
                <span className="template-title">{t(`templates.${tpl.key}.label`, { defaultValue: tpl.label })}</span>
                <span className="template-text">
                  {t(`templates.${tpl.key}.description`, { defaultValue: tpl.description })}
                </span>
                <span className="template-meta">
                  {tpl.timezone} · {tpl.currency} · {tpl.locale.toUpperCase()}
                </span>
              </label>
            ))}
          </div>
          {fieldError(error, 'template') && <p className="field-error">{fieldError(error, 'template')}</p>}
        </fieldset>
      </form>
    </Dialog>
  );
}
