import type { Timestamp } from '../../db/schema.js';

/** One rule a contact type imposes; `kind` picks the checker (see registerContactTypeRule). */
export interface ContactTypeRuleRow {
  kind: string;
  [param: string]: unknown;
}

declare module '../../db/schema.js' {
  interface DB {
    contact_types: {
      id: string;
      workspace_id: string;
      key: string;
      label: string;
      color: string;
      icon: string | null;
      position: number;
      rules: ContactTypeRuleRow[] | string;
      is_archived: boolean;
      version: number;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    contact_sources: {
      id: string;
      workspace_id: string;
      key: string;
      label: string;
      position: number;
      is_archived: boolean;
      version: number;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    custom_fields: {
      id: string;
      workspace_id: string;
      entity: string;
      key: string;
      label: string;
      type: string;
      options: unknown;
      is_required: boolean;
      is_unique: boolean;
      position: number;
      is_archived: boolean;
      version: number;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    contact_settings: { workspace_id: string; retention_days: number; updated_at: Timestamp };
    tags: {
      id: string;
      workspace_id: string;
      name: string;
      name_key: string;
      color: string;
      description: string | null;
      version: number;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    contact_tags: {
      workspace_id: string;
      contact_id: string;
      tag_id: string;
      tagged_by: string | null;
      created_at: Timestamp;
    };
    notes: {
      id: string;
      workspace_id: string;
      entity_type: string;
      entity_id: string;
      body: string;
      body_html: string;
      is_pinned: boolean;
      author_id: string | null;
      author_name: string | null;
      deleted_at: Timestamp | null;
      version: number;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
    note_revisions: {
      id: string;
      workspace_id: string;
      note_id: string;
      body: string;
      edited_by: string | null;
      edited_by_name: string | null;
      created_at: Timestamp;
      updated_at: Timestamp;
    };
  }
}
export {};
