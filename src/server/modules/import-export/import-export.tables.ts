import type { Timestamp } from '../../db/schema.js';

declare module '../../db/schema.js' {
  interface DB {
    imports: {
      id: string;
      workspace_id: string;
      entity: string;
      status: string;
      file_name: string;
      /** Where the upload is stored under DATA_DIR/uploads (null once cleaned up). */
      file_key: string | null;
      format: string;
      file_size: number;
      encoding: string;
      delimiter: string | null;
      sheets: string[] | string;
      sheet: string | null;
      preset: string | null;
      headers: string[] | string;
      preview: string[][] | string;
      total_rows: number | null;
      mapping: Array<string | null> | string;
      options: Record<string, unknown> | string;
      validation: unknown;
      batch_size: number;
      /** Batches committed so far: a restarted job continues after them. */
      batches_done: number;
      rows_done: number;
      created_count: number;
      updated_count: number;
      skipped_count: number;
      failed_count: number;
      job_id: string | null;
      error: string | null;
      created_by: string | null;
      created_by_name: string | null;
      started_at: Timestamp | null;
      finished_at: Timestamp | null;
      undone_at: Timestamp | null;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    import_batches: {
      id: string;
      workspace_id: string;
      import_id: string;
      batch_no: number;
      first_row: number;
      row_count: number;
      /** Ids of the records this batch created (undo removes them). */
      created_ids: string[] | string;
      /** Records created along the way (companies named by contact rows), by kind. */
      extra_created: Record<string, string[]> | string;
      /** Before-images of the records this batch updated (undo restores them). */
      updated: unknown;
      /** Rows that failed: line number, values and the problems. */
      failures: unknown;
      created_count: number;
      updated_count: number;
      skipped_count: number;
      failed_count: number;
      /** Set once undo reversed this batch (undo resumes after a crash from the batches still unset). */
      undone_at: Timestamp | null;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    import_header_memory: {
      workspace_id: string;
      entity: string;
      header_key: string;
      field: string;
      updated_at: Timestamp;
    };
    exports: {
      id: string;
      workspace_id: string;
      entity: string;
      format: string;
      status: string;
      columns: string[] | string;
      filter: unknown;
      includes_phones: boolean;
      row_count: number;
      total_rows: number | null;
      file_key: string | null;
      file_size: number | null;
      job_id: string | null;
      error: string | null;
      created_by: string | null;
      created_by_name: string | null;
      finished_at: Timestamp | null;
      expires_at: Timestamp | null;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
  }
}
export {};
