/** What other features use: the Import/Export buttons for list pages and the export dialog. */
export { ImportExportActions, type ImportExportActionsProps } from './components/import-export-actions';
export { ExportDialog, type ExportDialogProps } from './components/export-dialog';
