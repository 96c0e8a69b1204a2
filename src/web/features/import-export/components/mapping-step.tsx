import { useTranslation } from 'react-i18next';
import type { ImportField, ImportOptions } from '../../../../shared/contracts/import-export';
import { Card, Field, Select, Skeleton } from '../../../design';
import { useQuery } from '@tanstack/react-query';
import { pipelineKeys } from '../../pipelines';
import { useImportTargets, type Import } from '../api/imports';

export interface SetupDraft {
  mapping: Array<string | null>;
  options: Partial<ImportOptions>;
}

function samples(imp: Import, column: number): string {
  return imp.preview
    .map((r) => r[column]?.trim())
    .filter(Boolean)
    .slice(0, 2)
    .join(' · ');
}

/** Step 3: a field per column (or none), suggested by the server; deals also choose their pipeline. */
export function MappingStep({
  imp,
  draft,
  onChange,
}: {
  imp: Import;
  draft: SetupDraft;
  onChange: (draft: SetupDraft) => void;
}) {
  const { t } = useTranslation('importExport');
  const pipelineId = draft.options.pipelineId ?? null;
  const targets = useImportTargets(imp.entity, pipelineId);
  const pipelines = useQuery({ ...pipelineKeys.list(), enabled: imp.entity === 'deals' });
  const fields: ImportField[] = targets.data?.fields ?? [];
  const standard = fields.filter((f) => !f.key.startsWith('custom.'));
  const custom = fields.filter((f) => f.key.startsWith('custom.'));
  const label = (f: ImportField) => t(`fields.${f.key.replace(/\./g, '_')}`, { defaultValue: f.label });
  const pipeline = pipelines.data?.find((p) => p.id === pipelineId);
  const firstOpen = pipeline?.stages.find((s) => s.kind === 'open');
  const setOption = (patch: Partial<ImportOptions>) => onChange({ ...draft, options: { ...draft.options, ...patch } });

  return (
    <Card title={t('wizard.mapping.title')} description={t('wizard.mapping.description')}>
      <div className="stack">
        {imp.entity === 'deals' && (
          <div className="row" style={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
            <Field label={t('wizard.mapping.pipeline')} hint={t('wizard.mapping.pipelineHint')} isRequired>
              <Select
                value={pipelineId ?? ''}
                onChange={(e) => setOption({ pipelineId: e.target.value || null, stageId: null })}
                style={{ minWidth: 240 }}
              >
                <option value="">{t('wizard.mapping.choosePipeline')}</option>
                {pipelines.data
                  ?.filter((p) => !p.isArchived)
                  .map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
              </Select>
            </Field>
            {pipeline && (
              <Field label={t('wizard.mapping.stage')}>
                <Select
                  value={draft.options.stageId ?? ''}
                  onChange={(e) => setOption({ stageId: e.target.value || null })}
                  style={{ minWidth: 200 }}
                >
                  {pipeline.stages.map((s) => (
                    <option key={s.id} value={s.id === firstOpen?.id ? '' : s.id}>
                      {s.name}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
          </div>
        )}
        {targets.isPending ? (
          <Skeleton height={160} />
        ) : (
          <div className="ie-mapping" role="table" aria-label={t('wizard.mapping.title')}>
            <div className="ie-mapping-head" role="columnheader">
              {t('wizard.mapping.column')}
            </div>
            <div className="ie-mapping-head ie-mapping-sample" role="columnheader">
              {t('wizard.mapping.sample')}
            </div>
            <div className="ie-mapping-head" role="columnheader">
              {t('wizard.mapping.field')}
            </div>
            {imp.headers.map((header, i) => (
              <div key={i} role="row" style={{ display: 'contents' }}>
                <div role="cell">
                  <strong className="truncate" style={{ fontWeight: 500 }}>
                    {header}
                  </strong>
                </div>
                <div role="cell" className="ie-mapping-sample">
                  <span className="truncate">{samples(imp, i)}</span>
                </div>
                <div role="cell">
                  <Select
                    size="sm"
                    aria-label={t('wizard.mapping.field') + ': ' + header}
                    value={draft.mapping[i] ?? ''}
                    className={draft.mapping[i] ? undefined : 'ie-mapping-unmapped'}
                    onChange={(e) =>
                      onChange({
                        ...draft,
                        mapping: draft.mapping.map((m, j) => (j === i ? e.target.value || null : m)),
                      })
                    }
                  >
                    <option value="">{t('wizard.mapping.skip')}</option>
                    <optgroup label={t('wizard.mapping.standard')}>
                      {standard.map((f) => (
                        <option key={f.key} value={f.key}>
                          {label(f)}
                        </option>
                      ))}
                    </optgroup>
                    {custom.length > 0 && (
                      <optgroup label={t('wizard.mapping.custom')}>
                        {custom.map((f) => (
                          <option key={f.key} value={f.key}>
                            {f.label}
                          </option>
                        ))}
                      </optgroup>
                    )}
                  </Select>
                </div>
              </div>
            ))}
          </div>
        )}
      </div>
    </Card>
  );
}
