import type { ErrorCatalog } from '../../http/error-types.js';

export const importExportErrors = {
  IMPORT_FILE_EMPTY: { status: 422, title: 'The file has no rows to import' },
  IMPORT_FILE_UNREADABLE: {
    status: 422,
    title: 'The file cannot be read as a CSV, Excel (.xlsx) or vCard (.vcf) file',
  },
  IMPORT_NOT_EDITABLE: {
    status: 409,
    title: 'The import has started; its file, mapping and options can no longer change',
  },
  IMPORT_NOT_RUNNABLE: { status: 409, title: 'The import cannot run in its current state' },
  IMPORT_NOT_UNDOABLE: { status: 409, title: 'This import cannot be undone' },
  EXPORT_NOT_READY: { status: 409, title: 'The export is not finished yet' },
  EXPORT_EXPIRED: { status: 410, title: 'The export file has expired; export again' },
} as const satisfies ErrorCatalog;
