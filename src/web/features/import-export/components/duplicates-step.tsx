import { useTranslation } from 'react-i18next';
import type { DuplicateStrategy, ImportOptions } from '../../../../shared/contracts/import-export';
import { Card, Checkbox, Field, Input, Select } from '../../../design';
import { useImportTargets, type Import } from '../api/imports';
import type { SetupDraft } from './mapping-step';

const STRATEGIES: DuplicateStrategy[] = ['skip', 'update', 'create'];
const MATCH_KEYS = ['phone', 'email', 'externalId'] as const;

/** Step 4: what to do with records that already exist, how to recognize them, and defaults. */
export function DuplicatesStep({
  imp,
  draft,
  onChange,
}: {
  imp: Import;
  draft: SetupDraft;
  onChange: (draft: SetupDraft) => void;
}) {
  const { t } = useTranslation('importExport');
  const o = { ...imp.options, ...draft.options } as ImportOptions;
  const set = (patch: Partial<ImportOptions>) => onChange({ ...draft, options: { ...draft.options, ...patch } });
  const targets = useImportTargets(imp.entity, o.pipelineId);
  const choices = (key: string) => targets.data?.fields.find((f) => f.key === key)?.choices ?? [];
  const isContacts = imp.entity === 'contacts';
  const matches = imp.entity === 'contacts' || imp.entity === 'companies';

  return (
    <Card title={t('wizard.duplicates.title')}>
      <div className="stack">
        {matches ? (
          <fieldset className="stack-sm" style={{ border: 0, padding: 0, margin: 0 }}>
            <div className="ie-options">
              {STRATEGIES.map((s) => (
                <label key={s} className="ie-option" data-selected={o.duplicateStrategy === s}>
                  <input
                    type="radio"
                    name="strategy"
                    checked={o.duplicateStrategy === s}
                    onChange={() => set({ duplicateStrategy: s })}
                  />
                  <span className="ie-option-title">{t(`wizard.duplicates.strategy.${s}`)}</span>
                  <span className="ie-option-text">{t(`wizard.duplicates.strategy.${s}Hint`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ) : (
          <p className="text-muted">{t('wizard.duplicates.onlyCreate')}</p>
        )}
        {isContacts && o.duplicateStrategy !== 'create' && (
          <fieldset className="stack-sm" style={{ border: 0, padding: 0, margin: 0 }}>
            <legend className="field-label">{t('wizard.duplicates.matchBy')}</legend>
            <div className="row" style={{ flexWrap: 'wrap', gap: 'var(--space-4)' }}>
              {MATCH_KEYS.map((k) => (
                <Checkbox
                  key={k}
                  label={t(`wizard.duplicates.match.${k}`)}
                  checked={o.matchBy.includes(k)}
                  onChange={(e) =>
                    set({ matchBy: e.target.checked ? [...o.matchBy, k] : o.matchBy.filter((x) => x !== k) })
                  }
                />
              ))}
            </div>
          </fieldset>
        )}
        {isContacts && (draft.mapping.includes('externalId') || o.matchBy.includes('externalId')) && (
          <Field label={t('wizard.duplicates.externalSystem')}>
            <Input
              value={o.externalSystem}
              onChange={(e) => set({ externalSystem: e.target.value.toLowerCase().replace(/[^a-z0-9_]/g, '_') })}
              style={{ maxWidth: 240 }}
            />
          </Field>
        )}
        {isContacts && (
          <div className="row" style={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
            <Field label={t('wizard.duplicates.defaultType')}>
              <Select
                value={o.defaultTypeKey ?? ''}
                onChange={(e) => set({ defaultTypeKey: e.target.value || null })}
                style={{ minWidth: 220 }}
              >
                <option value="">{t('wizard.duplicates.none')}</option>
                {choices('typeKey').map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('wizard.duplicates.defaultSource')}>
              <Select
                value={o.defaultSourceKey ?? ''}
                onChange={(e) => set({ defaultSourceKey: e.target.value || null })}
                style={{ minWidth: 220 }}
              >
                <option value="">{t('wizard.duplicates.none')}</option>
                {choices('sourceKey').map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('wizard.duplicates.addTags')} hint={t('wizard.duplicates.addTagsHint')}>
              <Input
                defaultValue={o.addTags.join(', ')}
                onBlur={(e) =>
                  set({
                    addTags: e.target.value
                      .split(',')
                      .map((s) => s.trim())
                      .filter(Boolean)
                      .slice(0, 10),
                  })
                }
                style={{ minWidth: 240 }}
              />
            </Field>
          </div>
        )}
        <Field label={t('wizard.duplicates.dateOrder')}>
          <Select
            value={o.dateOrder}
            onChange={(e) => set({ dateOrder: e.target.value as ImportOptions['dateOrder'] })}
            style={{ maxWidth: 280 }}
            options={(['auto', 'dmy', 'mdy', 'ymd'] as const).map((d) => ({
              value: d,
              label: t(`wizard.duplicates.dateOrders.${d}`),
            }))}
          />
        </Field>
      </div>
    </Card>
  );
}
