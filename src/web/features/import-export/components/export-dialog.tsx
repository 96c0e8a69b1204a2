import { useState } from 'react';
import { Download } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ExportEntity } from '../../../../shared/contracts/import-export';
import { Button, Checkbox, Dialog, Field, FormError, ProgressBar, Select, Skeleton } from '../../../design';
import { fieldError } from '../../../lib/api';
import { describeError, useApiMutation } from '../../../lib/mutation';
import { useCan } from '../../../lib/session';
import { createExport, useExport, useExportColumns } from '../api/exports';
import './import-export.css';

export interface ExportDialogProps {
  open: boolean;
  onClose: () => void;
  entity: ExportEntity;
  /** The list's current filter, in that list's own filter shape (sent as is). */
  filter?: object;
}

/** Export a list as it is filtered now: format, columns (phones need their own permission), progress, download. */
export function ExportDialog(props: ExportDialogProps) {
  return props.open ? <OpenExportDialog {...props} /> : null;
}

function OpenExportDialog({ onClose, entity, filter }: ExportDialogProps) {
  const { t } = useTranslation('importExport');
  const can = useCan();
  const mayPhones = can('contacts.export_phones');
  const columns = useExportColumns(entity);
  const [format, setFormat] = useState<'csv' | 'xlsx'>('csv');
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const [exportId, setExportId] = useState<string | null>(null);
  const job = useExport(exportId);
  const selected = chosen ?? new Set((columns.data?.columns ?? []).filter((c) => c.isDefault).map((c) => c.key));
  const start = useApiMutation({
    mutationFn: () =>
      createExport({ entity, format, columns: [...selected], filter: { ...filter } as Record<string, unknown> }),
    onSuccess: (e) => setExportId(e.id),
  });
  const toggle = (key: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(key);
    else next.delete(key);
    setChosen(next);
  };
  const done = job.data?.status === 'completed' ? job.data : null;
  const isWorking = Boolean(exportId) && !done && job.data?.status !== 'failed';
  const entityName = t(`entities.${entity}`);

  const footer = done ? (
    <>
      <Button onClick={onClose}>{t('common:close')}</Button>
      <a className="btn btn-primary" href={done.downloadUrl!} download>
        <Download aria-hidden="true" width={14} height={14} />
        {t('export.download')}
      </a>
    </>
  ) : (
    <>
      <Button onClick={onClose}>{t('common:cancel')}</Button>
      <Button
        variant="primary"
        onClick={() => start.mutate()}
        isLoading={start.isPending || isWorking}
        disabled={!selected.size}
      >
        {t('export.start')}
      </Button>
    </>
  );

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('export.title', { entity: entityName.toLowerCase() })}
      description={t('export.description')}
      footer={footer}
      size="lg"
    >
      {exportId ? (
        <div className="stack">
          {job.data?.status === 'failed' ? (
            <FormError message={job.data.error ?? t('export.failed')} />
          ) : done ? (
            <p style={{ margin: 0 }}>{t('export.ready', { count: done.rowCount })}</p>
          ) : (
            <ProgressBar
              value={job.data?.totalRows ? job.data.rowCount : undefined}
              max={job.data?.totalRows || 100}
              label={
                job.data?.totalRows
                  ? t('export.rows', {
                      done: job.data.rowCount.toLocaleString(),
                      total: job.data.totalRows.toLocaleString(),
                    })
                  : t('export.preparing')
              }
            />
          )}
        </div>
      ) : (
        <div className="stack">
          <Field label={t('export.format')}>
            <Select
              value={format}
              onChange={(e) => setFormat(e.target.value as 'csv' | 'xlsx')}
              options={(['csv', 'xlsx'] as const).map((f) => ({ value: f, label: t(`export.formats.${f}`) }))}
              style={{ maxWidth: 220 }}
            />
          </Field>
          <fieldset className="stack-sm" style={{ border: 0, padding: 0, margin: 0 }}>
            <div className="row-between">
              <legend className="field-label">{t('export.columns')}</legend>
              <div className="row">
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() =>
                    setChosen(
                      new Set((columns.data?.columns ?? []).filter((c) => !c.isPhone || mayPhones).map((c) => c.key)),
                    )
                  }
                >
                  {t('export.all')}
                </Button>
                <Button size="sm" variant="ghost" onClick={() => setChosen(new Set())}>
                  {t('export.none')}
                </Button>
              </div>
            </div>
            {columns.isPending ? (
              <Skeleton height={120} />
            ) : (
              <div className="ie-columns">
                {columns.data?.columns.map((c) => (
                  <Checkbox
                    key={c.key}
                    label={t(`fields.${c.key.replace(/\./g, '_')}`, { defaultValue: c.label })}
                    checked={selected.has(c.key)}
                    disabled={c.isPhone && !mayPhones}
                    onChange={(e) => toggle(c.key, e.target.checked)}
                  />
                ))}
              </div>
            )}
            {!mayPhones && columns.data?.columns.some((c) => c.isPhone) && (
              <p className="field-hint">{t('export.phonesLocked')}</p>
            )}
            {!selected.size && <p className="field-error">{t('export.noColumns')}</p>}
          </fieldset>
          {start.isError && <FormError message={fieldError(start.error, 'columns') ?? describeError(start.error, t)} />}
        </div>
      )}
    </Dialog>
  );
}
