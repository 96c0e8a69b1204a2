import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.js';

declare module '../../db/schema.js' {
  interface DB {
    contact_relationships: {
      id: string;
      workspace_id: string;
      pair_id: string;
      contact_id: string;
      related_contact_id: string;
      kind: string;
      custom_label: string | null;
      strength: number;
      note: string | null;
      created_by: string | null;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    company_relationships: {
      id: string;
      workspace_id: string;
      pair_id: string;
      company_id: string;
      related_company_id: string;
      kind: string;
      strength: number;
      note: string | null;
      created_by: string | null;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    external_links: {
      id: string;
      workspace_id: string;
      contact_id: string;
      system: string;
      external_id: string;
      url: string | null;
      label: string | null;
      display: Record<string, unknown> | string;
      last_synced_at: Timestamp | null;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    saved_views: {
      id: string;
      workspace_id: string;
      entity: string;
      name: string;
      owner_id: string | null;
      is_shared: boolean;
      filter: unknown;
      columns: unknown;
      sort: unknown;
      version: number;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    contact_merges: {
      id: string;
      workspace_id: string;
      survivor_id: string;
      merged_ids: string[] | string;
      undo: unknown;
      merged_by: string | null;
      merged_by_name: string | null;
      undoable_until: Timestamp;
      undone_at: Timestamp | null;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    duplicate_dismissals: {
      workspace_id: string;
      contact_a: string;
      contact_b: string;
      dismissed_by: string | null;
      created_at: Timestamp;
    };
    /** Search document per contact; the FTS index over it is the database's (see db/search.ts). */
    contact_search: { seq: Generated<number>; contact_id: string; workspace_id: string; document: string };
  }
}
export {};
