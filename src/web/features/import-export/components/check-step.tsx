import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../../../shared/contracts/import-export';
import { Card, DataTable, EmptyState, ProgressBar, type Column } from '../../../design';
import type { Import } from '../api/imports';
import { Stats } from './stats';

/** Step 5: the dry run's report, row by row, before anything is written. */
export function CheckStep({ imp }: { imp: Import }) {
  const { t } = useTranslation('importExport');
  if (imp.status === 'validating' || !imp.validation) {
    return (
      <Card title={t('wizard.check.title')} description={t('wizard.check.description')}>
        {imp.status === 'validating' ? (
          <ProgressBar label={t('wizard.check.checking')} />
        ) : (
          <p className="text-muted">{t('wizard.check.description')}</p>
        )}
      </Card>
    );
  }
  const v = imp.validation;
  const columns: Column<ImportIssue & { key: string }>[] = [
    {
      key: 'row',
      header: t('wizard.check.row'),
      width: 70,
      align: 'right',
      sortValue: (i) => i.row,
      cell: (i) => <span className="mono">{i.row}</span>,
    },
    {
      key: 'column',
      header: t('wizard.check.column'),
      width: 180,
      sortValue: (i) => i.column ?? '',
      cell: (i) => i.column ?? '—',
    },
    { key: 'problem', header: t('wizard.check.problem'), cell: (i) => i.problem },
  ];
  const rows = v.issues.map((i, n) => ({ ...i, key: `${i.row}-${n}` }));
  return (
    <Card title={t('wizard.check.title')} description={t('wizard.check.rows', { count: v.totalRows })}>
      <div className="stack">
        <Stats
          items={[
            { value: v.wouldCreate, label: t('wizard.check.create'), tone: 'success' },
            { value: v.wouldUpdate, label: t('wizard.check.update') },
            { value: v.wouldSkip, label: t('wizard.check.skip'), tone: 'muted' },
            { value: v.invalidRows, label: t('wizard.check.invalid'), tone: v.invalidRows ? 'danger' : 'muted' },
          ]}
        />
        <h3 className="field-label" style={{ margin: 0 }}>
          {t('wizard.check.issues')}
        </h3>
        <DataTable
          label={t('wizard.check.issues')}
          columns={columns}
          rows={rows}
          getRowId={(r) => r.key}
          virtualize={rows.length > 50}
          maxHeight={360}
          empty={<EmptyState compact title={t('wizard.check.noIssues')} />}
        />
        {v.issueCount > v.issues.length && (
          <p className="text-sm text-muted">
            {t('wizard.check.moreIssues', { shown: v.issues.length, count: v.issueCount })}
          </p>
        )}
      </div>
    </Card>
  );
}
