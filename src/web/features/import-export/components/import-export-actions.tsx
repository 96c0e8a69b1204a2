import { useState } from 'react';
import { Download, Upload } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ExportEntity, ImportEntity } from '../../../../shared/contracts/import-export';
import { Button, ButtonLink } from '../../../design';
import { useCan } from '../../../lib/session';
import { ExportDialog } from './export-dialog';

const IMPORT_PERMISSION = {
  contacts: 'contacts.edit',
  companies: 'contacts.edit',
  deals: 'deals.edit',
  activities: 'activities.edit',
} as const;

export interface ImportExportActionsProps {
  entity: ExportEntity;
  /** The list's current filter (its own shape), so the export matches what is on screen. */
  filter?: object;
  size?: 'sm' | 'md';
}

/** "Import" and "Export" buttons for a list page; each shows only to those allowed. */
export function ImportExportActions({ entity, filter, size = 'sm' }: ImportExportActionsProps) {
  const { t } = useTranslation('importExport');
  const can = useCan();
  const [isExporting, setExporting] = useState(false);
  const importable = entity !== 'tasks' && can('contacts.edit') && can(IMPORT_PERMISSION[entity as ImportEntity]);
  return (
    <>
      {importable && (
        <ButtonLink size={size} icon={<Upload />} to={`/imports/new?entity=${entity}`}>
          {t('actions.import')}
        </ButtonLink>
      )}
      {can('contacts.export') && (
        <Button size={size} icon={<Download />} onClick={() => setExporting(true)}>
          {t('actions.export')}
        </Button>
      )}
      <ExportDialog open={isExporting} onClose={() => setExporting(false)} entity={entity} filter={filter} />
    </>
  );
}
